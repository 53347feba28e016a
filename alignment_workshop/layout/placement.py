"""Turning ordered rows and bands into card centres.

Rows are centred on x = 0. A row wider than the map's column count wraps onto sub-rows,
and each team band keeps the same columns in every goal row, so a team's goals stay in
one vertical strip. Values stack in columns at the right of everything else.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from .geometry import (
    BAND_GAP,
    CARD_HEIGHT,
    CARD_WIDTH,
    COLUMN_PITCH,
    H_GAP,
    SIDE_GAP,
    V_GAP,
    VALUE_HEIGHT,
    VALUE_WIDTH,
    VISION_HEIGHT,
    VISION_WIDTH,
    card_size,
)
from .layering import Layering

#: Space between the sub-rows of a row that wraps.
SUBROW_GAP = H_GAP
#: The screen the layout aims to fill when the map is fitted to it: a projector.
SCREEN = (1920.0, 1080.0)
#: A block of cards wraps only beyond this many columns.
MIN_COLUMNS = 4

Rows = list[list[list[str]]]
#: Half the width of the cards of each group of each row (see `half_widths`).
HalfWidths = list[list[float | list[float]]]


def _column_candidates(goals: int) -> list[int]:
    """Total goal-column counts worth trying: every count up to 16, then 20 % steps."""
    counts, count = [], 1
    while count <= max(1, goals):
        counts.append(count)
        count = count + 1 if count < 16 else math.ceil(count * 1.2)
    return counts


@dataclass(slots=True)
class Grid:
    """The column plan: columns per band and the left edge of each goal band."""

    upper_columns: int
    band_columns: list[int]
    band_left: list[float]

    @classmethod
    def plan(cls, layering: Layering, goal_columns: int) -> Grid:
        """A plan giving the goal bands about `goal_columns` columns in all."""
        goal_rows = layering.rows[layering.upper_rows :]
        goals = sum(len(group) for row in goal_rows for group in row)
        share = goal_columns / max(1, goals)
        band_columns = []
        for band in range(len(layering.bands)):
            sizes = [len(row[band]) for row in goal_rows]
            band_columns.append(max(1, min(max(sizes), round(sum(sizes) * share))))
        widths = [cols * COLUMN_PITCH - H_GAP for cols in band_columns]
        total = sum(widths) + BAND_GAP * max(0, len(widths) - 1)
        lefts, left = [], -total / 2
        for width in widths:
            lefts.append(left)
            left += width + BAND_GAP
        upper = max(MIN_COLUMNS, int((total + H_GAP) // COLUMN_PITCH))
        return cls(upper, band_columns, lefts)

    @classmethod
    def best(cls, layering: Layering) -> Grid:
        """The plan whose whole map, values included, fits SCREEN at the largest zoom."""
        goals = sum(len(g) for row in layering.rows[layering.upper_rows :] for g in row)
        best, best_zoom = cls.plan(layering, 1), -1.0
        halves = half_widths(layering.rows, layering)
        for columns in _column_candidates(goals):
            grid = cls.plan(layering, columns)
            width, height = map_size(layering.rows, layering, grid, halves)
            zoom = min(SCREEN[0] / max(width, 1.0), SCREEN[1] / max(height, 1.0))
            if zoom > best_zoom + 1e-9:
                best, best_zoom = grid, zoom
        return best

    def columns(self, row_index: int, band: int, layering: Layering) -> int:
        """How many columns the group (row, band) may use before it wraps."""
        if row_index >= layering.upper_rows:
            return self.band_columns[band]
        return self.upper_columns


def _is_vision(row_index: int, layering: Layering) -> bool:
    return row_index == 0 and layering.has_vision


def group_columns(row_index: int, rows: Rows, layering: Layering, grid: Grid) -> list[int]:
    """Columns each group of a row may use before it wraps (visions never wrap)."""
    if _is_vision(row_index, layering):
        return [max(1, len(group)) for group in rows[row_index]]
    return [grid.columns(row_index, band, layering) for band in range(len(rows[row_index]))]


def _pitch(row_index: int, layering: Layering) -> float:
    return VISION_WIDTH + H_GAP if _is_vision(row_index, layering) else COLUMN_PITCH


def _group_start(
    row_index: int, band: int, used: int, pitch: float, layering: Layering, grid: Grid
) -> float:
    """The x centre of the first column of a group that fills `used` columns."""
    if row_index >= layering.upper_rows:
        band_cols = grid.band_columns[band]
        return grid.band_left[band] + CARD_WIDTH / 2 + (band_cols - used) * pitch / 2
    return -(used - 1) * pitch / 2


def row_x(row_index: int, rows: Rows, layering: Layering, grid: Grid) -> dict[str, float]:
    """The x centre of every card in one row, for its current order."""
    xs: dict[str, float] = {}
    pitch = _pitch(row_index, layering)
    columns = group_columns(row_index, rows, layering, grid)
    for band, group in enumerate(rows[row_index]):
        cols = columns[band]
        start = _group_start(row_index, band, min(len(group), cols), pitch, layering, grid)
        for index, node_id in enumerate(group):
            xs[node_id] = start + (index % cols) * pitch
    return xs


def all_x(rows: Rows, layering: Layering, grid: Grid) -> dict[str, float]:
    """The x centre of every card in the rows."""
    xs: dict[str, float] = {}
    for row_index in range(len(rows)):
        xs.update(row_x(row_index, rows, layering, grid))
    return xs


def place_rows(
    rows: Rows, layering: Layering, grid: Grid
) -> tuple[dict[str, tuple[float, float]], float]:
    """Card centres for every node in the rows, and the bottom edge of the last row."""
    xs = all_x(rows, layering, grid)
    positions: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row_index, row in enumerate(rows):
        height = VISION_HEIGHT if _is_vision(row_index, layering) else CARD_HEIGHT
        columns = group_columns(row_index, rows, layering, grid)
        subs = 1
        for group, cols in zip(row, columns, strict=True):
            for index, node_id in enumerate(group):
                sub = index // cols
                subs = max(subs, sub + 1)
                positions[node_id] = (xs[node_id], top + sub * (height + SUBROW_GAP) + height / 2)
        top += subs * height + (subs - 1) * SUBROW_GAP + V_GAP
    return positions, max(0.0, top - V_GAP)


def place_values(order: list[str], right: float, bottom: float) -> dict[str, tuple[float, float]]:
    """Values in columns at the side, starting at the top, to the right of `right`."""
    pitch = VALUE_HEIGHT + SUBROW_GAP
    per_column = max(4, int((bottom + SUBROW_GAP) // pitch))
    left = right + SIDE_GAP
    positions = {}
    for index, node_id in enumerate(order):
        column, place = divmod(index, per_column)
        x = left + column * (VALUE_WIDTH + H_GAP) + VALUE_WIDTH / 2
        positions[node_id] = (x, place * pitch + VALUE_HEIGHT / 2)
    return positions


def map_size(
    rows: Rows, layering: Layering, grid: Grid, halves: HalfWidths | None = None
) -> tuple[float, float]:
    """The width and height of the whole map laid out with `grid`, values included.

    The same numbers as placing every card (`place_rows`) and measuring, to the last
    bit, but worked out group by group: `Grid.best` asks this of every column plan it
    tries (passing `half_widths(rows, layering)`, which do not change between plans),
    and a 5,000-card map was otherwise placed some forty times.
    """
    halves = halves if halves is not None else half_widths(rows, layering)
    left, right, top = math.inf, -math.inf, 0.0
    for row_index, row in enumerate(rows):
        height = VISION_HEIGHT if _is_vision(row_index, layering) else CARD_HEIGHT
        pitch = _pitch(row_index, layering)
        subs = 1
        for band, cols in enumerate(group_columns(row_index, rows, layering, grid)):
            group = row[band]
            if not group:
                continue
            subs = max(subs, (len(group) - 1) // cols + 1)
            used = min(len(group), cols)
            start = _group_start(row_index, band, used, pitch, layering, grid)
            half = halves[row_index][band]
            if isinstance(half, float):  # every card of the group as wide: its ends decide
                left = min(left, start - half)
                right = max(right, start + (used - 1) * pitch + half)
                continue
            for index, width in enumerate(half):
                x = start + (index % cols) * pitch
                left, right = min(left, x - width), max(right, x + width)
        top += subs * height + (subs - 1) * SUBROW_GAP + V_GAP
    bottom = max(0.0, top - V_GAP)
    if left > right:
        left = right = 0.0
    if layering.values:
        values = place_values(layering.values, right, bottom)
        right = max(x for x, _ in values.values()) + VALUE_WIDTH / 2
        bottom = max(bottom, max(y for _, y in values.values()) + VALUE_HEIGHT / 2)
    return right - left, bottom


def half_widths(rows: Rows, layering: Layering) -> HalfWidths:
    """Half the width of each group's cards: one number when they are all alike."""
    found: HalfWidths = []
    for row in rows:
        found.append([])
        for group in row:
            halves = [card_size(layering.kinds[node_id])[0] / 2 for node_id in group]
            found[-1].append(halves[0] if len(set(halves)) == 1 else halves)
    return found
