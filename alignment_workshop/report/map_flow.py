"""Rows of a laid-out map, and rows too wide for the paper wrapped to its width.

The auto-layout sizes a map for a screen. A map too big for one page would then be cut
into tiles both across and down, leaving half-empty pages. Instead, each row of the
layout, too wide for the page, is wrapped onto lines as wide as the page, keeping the
layout's order of rows and of cards within a row; then the lines are cut into pages.
A key result stacked under the card it measures moves with that card.
"""

from __future__ import annotations

from collections import defaultdict

from alignment_workshop.layout import H_GAP, V_GAP, card_rect
from alignment_workshop.model import Node

from .map_part import Point
from .plan import PlanData

#: A unit of a row: a card and the key results stacked right under it.
Unit = list[Node]


def rows(data: PlanData, members: list[Node], positions: dict[str, Point]) -> list[list[Unit]]:
    """`members` by the row they sit in, top to bottom, each row left to right in units."""
    inside = {n.id for n in members}
    units: dict[str, Unit] = {}
    for node in members:
        units.setdefault(_anchor(data, node, inside, positions), []).append(node)
    by_row: dict[float, list[Unit]] = defaultdict(list)
    for anchor, unit in units.items():
        by_row[positions[anchor][1]].append(unit)
    return [sorted(by_row[y], key=lambda u: positions[u[0].id][0]) for y in sorted(by_row)]


def _anchor(data: PlanData, node: Node, inside: set[str], positions: dict[str, Point]) -> str:
    """The card whose row `node` goes with: its own, or that of the card it is stacked under."""
    parent = data.measures.get(node.id)
    if parent is None or parent not in inside:
        return node.id
    if abs(positions[parent][0] - positions[node.id][0]) < 1:
        return parent
    return node.id


def _unit_box(unit: Unit, positions: dict[str, Point]) -> tuple[float, float, float, float]:
    rects = [card_rect(n.kind, positions[n.id]) for n in unit]
    return (
        min(r.left for r in rects),
        min(r.top for r in rects),
        max(r.right for r in rects),
        max(r.bottom for r in rects),
    )


def wrapped(
    layout_rows: list[list[Unit]], positions: dict[str, Point], width: float
) -> tuple[list[list[Unit]], dict[str, Point]]:
    """The rows wrapped onto lines no wider than `width`, and the new card centres."""
    lines: list[list[Unit]] = []
    for row in layout_rows:
        line: list[Unit] = []
        used = 0.0
        for unit in row:
            left, _, right, _ = _unit_box(unit, positions)
            if line and used + H_GAP + right - left > width:
                lines.append(line)
                line, used = [], 0.0
            used += (H_GAP if line else 0.0) + right - left
            line.append(unit)
        lines.append(line)
    placed: dict[str, Point] = {}
    top = 0.0
    for line in lines:
        boxes = [_unit_box(u, positions) for u in line]
        span = sum(b[2] - b[0] for b in boxes) + H_GAP * (len(line) - 1)
        x = (width - span) / 2
        for unit, (left, upper, right, _) in zip(line, boxes, strict=True):
            for node in unit:
                old_x, old_y = positions[node.id]
                placed[node.id] = (x + old_x - left, top + old_y - upper)
            x += right - left + H_GAP
        top += max(b[3] - b[1] for b in boxes) + V_GAP
    return lines, placed
