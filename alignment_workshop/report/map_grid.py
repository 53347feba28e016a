"""Closing up the empty space of a map part while keeping the layout's order.

A split page shows only some nodes of the map, which sit far apart in the full layout.
`closed_up` keeps which nodes are left of, and above, which: every distinct x becomes a
column and every distinct y a row, each as wide and as tall as its largest card plus a
gap. When that grid is wider than the page allows, each row flows left to right and
wraps instead. Values, which the layout stacks in a band at the side, go in a compact
block to the right of the rest, in their top-to-bottom order, no taller than the rest.
"""

from __future__ import annotations

import math
from itertools import accumulate

from alignment_workshop.layout import VALUE_HEIGHT, VALUE_WIDTH, card_size
from alignment_workshop.model import Node, NodeKind

from .map_drawing import MapPart, Point

#: Space between columns and between rows of a closed-up part, in scene units.
H_GAP = 30.0
V_GAP = 45.0


def _centres(sizes: list[float], gap: float) -> list[float]:
    """The centre of each band of the given sizes, laid end to end with `gap` between."""
    starts = [0.0, *accumulate(size + gap for size in sizes)]
    return [start + size / 2 for start, size in zip(starts, sizes, strict=False)]


def _grid(nodes: list[Node], positions: dict[str, Point]) -> dict[str, Point]:
    """`nodes` on a grid of their distinct x and y, each band sized to its cards."""
    xs = {x: i for i, x in enumerate(sorted({positions[n.id][0] for n in nodes}))}
    ys = {y: i for i, y in enumerate(sorted({positions[n.id][1] for n in nodes}))}
    widths, heights = [0.0] * len(xs), [0.0] * len(ys)
    for node in nodes:
        column, row = xs[positions[node.id][0]], ys[positions[node.id][1]]
        width, height = card_size(node.kind)
        widths[column] = max(widths[column], width)
        heights[row] = max(heights[row], height)
    x_at, y_at = _centres(widths, H_GAP), _centres(heights, V_GAP)
    return {n.id: (x_at[xs[positions[n.id][0]]], y_at[ys[positions[n.id][1]]]) for n in nodes}


def _flow(nodes: list[Node], positions: dict[str, Point], width: float) -> dict[str, Point]:
    """Each row of `nodes` (by y) left to right in x order, wrapped at `width`, centred."""
    rows: dict[float, list[Node]] = {}
    for node in sorted(nodes, key=lambda n: (positions[n.id][1], positions[n.id][0])):
        rows.setdefault(positions[node.id][1], []).append(node)
    lines: list[list[Node]] = []
    for row in rows.values():
        line: list[Node] = []
        for node in row:
            used = sum(card_size(n.kind)[0] + H_GAP for n in line)
            if line and used + card_size(node.kind)[0] > width:
                lines.append(line)
                line = []
            line.append(node)
        lines.append(line)
    placed: dict[str, Point] = {}
    top = 0.0
    for line in lines:
        height = max(card_size(n.kind)[1] for n in line)
        used = sum(card_size(n.kind)[0] for n in line) + H_GAP * (len(line) - 1)
        x = (width - used) / 2
        for node in line:
            node_width = card_size(node.kind)[0]
            placed[node.id] = (x + node_width / 2, top + height / 2)
            x += node_width + H_GAP
        top += height + V_GAP
    return placed


def _extent(nodes: list[Node], placed: dict[str, Point]) -> tuple[float, float]:
    """The right and bottom edges of the cards of `nodes` at `placed`."""
    right = max(placed[n.id][0] + card_size(n.kind)[0] / 2 for n in nodes)
    bottom = max(placed[n.id][1] + card_size(n.kind)[1] / 2 for n in nodes)
    return right, bottom


def _value_block(values: list[Node], left: float, height: float) -> dict[str, Point]:
    """The values in columns from `left`, top to bottom, about `height` tall."""
    per_column = max(1, math.floor((height + V_GAP) / (VALUE_HEIGHT + V_GAP)))
    per_column = max(per_column, math.ceil(len(values) / 4))
    placed = {}
    for index, value in enumerate(values):
        column, row = divmod(index, per_column)
        x = left + VALUE_WIDTH / 2 + column * (VALUE_WIDTH + H_GAP)
        placed[value.id] = (x, VALUE_HEIGHT / 2 + row * (VALUE_HEIGHT + V_GAP))
    return placed


def closed_up(part: MapPart, width: float) -> MapPart:
    """`part` on a tight grid that keeps its order, about `width` scene units wide.

    The part's positions are replaced in place; the part is returned.
    """
    values = [n for n in part.nodes if n.kind is NodeKind.VALUE]
    rest = [n for n in part.nodes if n.kind is not NodeKind.VALUE]
    room = width - (VALUE_WIDTH + 2 * H_GAP if values else 0.0)
    placed: dict[str, Point] = {}
    right, bottom = -2 * H_GAP, 0.0
    if rest:
        placed = _grid(rest, part.positions)
        right, bottom = _extent(rest, placed)
        if right > room:
            placed = _flow(rest, part.positions, room)
            right, bottom = _extent(rest, placed)
    if values:
        values.sort(key=lambda n: (part.positions[n.id][1], part.positions[n.id][0]))
        placed.update(_value_block(values, right + 2 * H_GAP, bottom))
    part.positions = placed
    return part
