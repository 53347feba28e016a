"""Turning ordered rows and bands into card centres.

The first row (the vision with the values beside it) is packed card by card, centred on
x = 0, its cards standing on one baseline. Every other row lies on a grid of columns: the
objective rows on columns centred on x = 0, and each team band on its own columns, the
same in every goal row, so a team's goals stay in one vertical strip. A group wider than
its columns wraps onto sub-rows, filling each column top to bottom before the next, so
the ordering's left-to-right sequence stays left to right. A group narrower than its
columns is centred on whole columns. Both choices keep the gaps between columns in line
from one sub-row to the next: the gaps are where links climb.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from .geometry import (
    BAND_GAP,
    CARD_WIDTH,
    COLUMN_PITCH,
    H_GAP,
    SUBROW_GAP,
    V_GAP,
    card_size,
)
from .layering import Layering

#: The screen the layout aims to fill when the map is fitted to it: a projector.
SCREEN = (1920.0, 1080.0)
#: A block of cards wraps only beyond this many columns.
MIN_COLUMNS = 4

Rows = list[list[list[str]]]


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
        """The plan whose whole map fits SCREEN at the largest zoom."""
        goals = sum(len(g) for row in layering.rows[layering.upper_rows :] for g in row)
        best, best_zoom = cls.plan(layering, 1), -1.0
        for columns in _column_candidates(goals):
            grid = cls.plan(layering, columns)
            width, height = map_size(layering.rows, layering, grid)
            zoom = min(SCREEN[0] / max(width, 1.0), SCREEN[1] / max(height, 1.0))
            if zoom > best_zoom + 1e-9:
                best, best_zoom = grid, zoom
        return best

    def columns(self, row_index: int, band: int, layering: Layering) -> int:
        """How many columns the group (row, band) may use before it wraps."""
        if row_index >= layering.upper_rows:
            return self.band_columns[band]
        return self.upper_columns

    def origin(self) -> float:
        """The x of one column of the lattice every card of the map stands on."""
        return self.band_left[0] + CARD_WIDTH / 2 if self.band_left else 0.0

    def first_column_x(self, row_index: int, band: int, layering: Layering) -> float:
        """The x centre of the leftmost column of the group (row, band)."""
        if row_index >= layering.upper_rows:
            return self.band_left[band] + CARD_WIDTH / 2
        centred = -(self.upper_columns - 1) * COLUMN_PITCH / 2
        return self.origin() + round((centred - self.origin()) / COLUMN_PITCH) * COLUMN_PITCH


def _is_top(row_index: int, layering: Layering) -> bool:
    return row_index == 0 and layering.has_vision


def stacking(count: int, columns: int) -> tuple[int, int]:
    """(sub-rows, columns used) for `count` cards filling `columns` columns top-down."""
    if count == 0:
        return 1, 0
    subs = math.ceil(count / columns)
    return subs, math.ceil(count / subs)


def _top_lines(row: list[str], layering: Layering, width: float) -> list[list[str]]:
    """The first row broken into lines no wider than `width` (one card at least)."""
    lines: list[list[str]] = [[]]
    used = 0.0
    for node_id in row:
        card = card_size(layering.kinds[node_id])[0]
        if lines[-1] and used + H_GAP + card > width:
            lines.append([])
            used = 0.0
        used += (H_GAP if lines[-1] else 0.0) + card
        lines[-1].append(node_id)
    return lines


def _top_width(grid: Grid) -> float:
    return max(grid.upper_columns * COLUMN_PITCH - H_GAP, CARD_WIDTH)


def _top_cells(rows: Rows, layering: Layering, grid: Grid) -> dict[str, tuple[float, int, float]]:
    """x, line and card height of every card of the first row (packed, centred)."""
    cells: dict[str, tuple[float, int, float]] = {}
    for line_index, line in enumerate(_top_lines(rows[0][0], layering, _top_width(grid))):
        sizes = [card_size(layering.kinds[node_id]) for node_id in line]
        x = -(sum(w for w, _ in sizes) + H_GAP * (len(line) - 1)) / 2
        for node_id, (width, height) in zip(line, sizes, strict=True):
            cells[node_id] = (x + width / 2, line_index, height)
            x += width + H_GAP
    return cells


def row_x(row_index: int, rows: Rows, layering: Layering, grid: Grid) -> dict[str, float]:
    """The x centre of every card in one row, for its current order."""
    if _is_top(row_index, layering):
        return {i: x for i, (x, _, _) in _top_cells(rows, layering, grid).items()}
    xs: dict[str, float] = {}
    for band, group in enumerate(rows[row_index]):
        cols = grid.columns(row_index, band, layering)
        subs, used = stacking(len(group), cols)
        first = grid.first_column_x(row_index, band, layering) + (cols - used) // 2 * COLUMN_PITCH
        for index, node_id in enumerate(group):
            xs[node_id] = first + (index // subs) * COLUMN_PITCH
    return xs


def all_x(rows: Rows, layering: Layering, grid: Grid) -> dict[str, float]:
    """The x centre of every card in the rows."""
    xs: dict[str, float] = {}
    for row_index in range(len(rows)):
        xs.update(row_x(row_index, rows, layering, grid))
    return xs


def _place_top(
    rows: Rows,
    layering: Layering,
    grid: Grid,
    xs: dict[str, float],
    positions: dict[str, tuple[float, float]],
) -> float:
    """Place the first row, each line's cards on one baseline; returns its height."""
    cells = _top_cells(rows, layering, grid)
    heights: dict[int, float] = {}
    for _, line, height in cells.values():
        heights[line] = max(heights.get(line, 0.0), height)
    tops = [0.0]
    for line in range(1, len(heights)):
        tops.append(tops[-1] + heights[line - 1] + SUBROW_GAP)
    for node_id, (_, line, height) in cells.items():
        positions[node_id] = (xs[node_id], tops[line] + heights[line] - height / 2)
    return tops[-1] + heights.get(len(heights) - 1, 0.0) if heights else 0.0


def spread(wished: list[float], widths: list[float], origin: float) -> list[float]:
    """x centres on the column lattice, in order, each as near its wished x as can be.

    Neighbours stay at least `H_GAP` apart (a card wider than a column keeps more than
    one column to itself); the squared distances to the wished places are as small as
    the order allows (pool adjacent violators, in columns, on the shifted wishes).
    """
    offsets = [0]
    for before, after in itertools.pairwise(widths):
        columns = math.ceil((before / 2 + H_GAP + after / 2) / COLUMN_PITCH - 1e-9)
        offsets.append(offsets[-1] + columns)
    shifted = [
        (x - origin) / COLUMN_PITCH - offset for x, offset in zip(wished, offsets, strict=True)
    ]
    return [
        origin + (round(y) + offset) * COLUMN_PITCH
        for y, offset in zip(_monotone(shifted), offsets, strict=True)
    ]


def _monotone(values: list[float]) -> list[float]:
    """The non-decreasing sequence nearest `values` in squared distance."""
    blocks: list[list[float]] = []  # [sum, count]
    for value in values:
        blocks.append([value, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
    result: list[float] = []
    for total, count in blocks:
        result += [total / count] * int(count)
    return result


def _settle_upper(rows: Rows, layering: Layering, grid: Grid, xs: dict[str, float]) -> None:
    """Move each unwrapped upper row's cards over the cards they link to below them.

    Rows are settled from the lowest up, so a row follows the rows already settled.
    """
    row_of = {i: r for r, row in enumerate(rows) for group in row for i in group}
    for row_index in range(layering.upper_rows - 1, -1, -1):
        order = rows[row_index][0]
        wrapped = (
            len(_top_lines(order, layering, _top_width(grid))) > 1
            if _is_top(row_index, layering)
            else stacking(len(order), grid.upper_columns)[0] > 1
        )
        if not order or wrapped:
            continue
        wished = []
        for node_id in order:
            below = [
                xs[other]
                for other in layering.neighbours.get(node_id, ())
                if row_of.get(other, -1) > row_index
            ]
            wished.append(sum(below) / len(below) if below else xs[node_id])
        widths = [card_size(layering.kinds[i])[0] for i in order]
        xs.update(zip(order, spread(wished, widths, grid.origin()), strict=True))


def place_rows(
    rows: Rows, layering: Layering, grid: Grid
) -> tuple[dict[str, tuple[float, float]], float]:
    """Card centres for every node in the rows, and the bottom edge of the last row."""
    xs = all_x(rows, layering, grid)
    _settle_upper(rows, layering, grid, xs)
    positions: dict[str, tuple[float, float]] = {}
    top = 0.0
    for row_index, row in enumerate(rows):
        if _is_top(row_index, layering):
            top = _place_top(rows, layering, grid, xs, positions) + V_GAP
            continue
        members = [node_id for group in row for node_id in group]
        height = max((card_size(layering.kinds[i])[1] for i in members), default=0.0)
        most = 1
        for band, group in enumerate(row):
            subs, _ = stacking(len(group), grid.columns(row_index, band, layering))
            most = max(most, subs)
            for index, node_id in enumerate(group):
                y = top + (index % subs) * (height + SUBROW_GAP) + height / 2
                positions[node_id] = (xs[node_id], y)
        top += most * height + (most - 1) * SUBROW_GAP + V_GAP
    return positions, max(0.0, top - V_GAP)


def map_size(rows: Rows, layering: Layering, grid: Grid) -> tuple[float, float]:
    """The width and height of the whole map laid out with `grid` (without placing it).

    Upper rows count at their packed width, which is what they take when their cards
    are over the middle of what they link to; the goal bands at their full width.
    """
    bands = sum(cols * COLUMN_PITCH - H_GAP for cols in grid.band_columns)
    width = bands + BAND_GAP * max(0, len(grid.band_columns) - 1)
    height = 0.0
    for row_index, row in enumerate(rows):
        if _is_top(row_index, layering):
            lines = _top_lines(row[0], layering, _top_width(grid))
            for line in lines:
                sizes = [card_size(layering.kinds[i]) for i in line]
                width = max(width, sum(w for w, _ in sizes) + H_GAP * (len(line) - 1))
                height += max(h for _, h in sizes) + SUBROW_GAP
            height += V_GAP - SUBROW_GAP
            continue
        tallest = max((card_size(layering.kinds[i])[1] for g in row for i in g), default=0.0)
        most = 1
        for band, group in enumerate(row):
            subs, used = stacking(len(group), grid.columns(row_index, band, layering))
            most = max(most, subs)
            if row_index < layering.upper_rows:
                width = max(width, used * COLUMN_PITCH - H_GAP)
        height += most * tallest + (most - 1) * SUBROW_GAP + V_GAP
    return width, max(0.0, height - V_GAP)
