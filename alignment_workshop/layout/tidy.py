"""Placing a few new nodes in open space without moving anything else.

New cards go to the right of everything already placed, each at the height of its
layer: below the cards it supports, above the cards that support it, or level with the
cards of its kind. Heights snap to rows one row pitch apart, and each row fills from
left to right, so new cards never overlap each other or the cards already there. A new
key result whose card is placed joins the chip stack under that card instead.

`free_spot` finds room for one card the user adds by hand: the free point nearest to
where they are looking, on a grid of card pitches around it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping

from alignment_workshop.model import Node, NodeKind, Workshop

from .chips import free_chip_slot
from .geometry import COLUMN_PITCH, H_GAP, ROW_PITCH, Rect, card_rect, card_size
from .layering import Layering

Positions = dict[str, tuple[float, float]]
#: How many rings of grid cells around the wished-for point `free_spot` tries.
_FREE_SPOT_RINGS = 12


def _bounds(workshop: Workshop, placed: Mapping[str, tuple[float, float]]) -> Rect:
    rects = [card_rect(workshop.node(node_id).kind, pos) for node_id, pos in placed.items()]
    bounds = rects[0]
    for rect in rects[1:]:
        bounds = bounds.united(rect)
    return bounds


def _target_y(node: Node, placed: Positions, layering: Layering, bounds: Rect) -> float:
    """Where `node` belongs vertically, judged from what is already placed."""
    above = [placed[t][1] for t in layering.targets.get(node.id, ()) if t in placed]
    if above:
        return max(above) + ROW_PITCH
    below = [placed[s][1] for s in layering.sources.get(node.id, ()) if s in placed]
    if below:
        return min(below) - ROW_PITCH
    return _kind_y(node.kind, placed, layering.kinds, bounds)


def _kind_y(
    kind: NodeKind, placed: Positions, kinds: Mapping[str, NodeKind], bounds: Rect
) -> float:
    same = [pos[1] for node_id, pos in placed.items() if kinds[node_id] is kind]
    if same:
        return statistics.median(same)
    if kind is NodeKind.GOAL or kind is NodeKind.KEY_RESULT:
        return bounds.bottom
    if kind is NodeKind.OBJECTIVE:
        return bounds.top + ROW_PITCH
    return bounds.top


def place_new(workshop: Workshop, new: list[str], full: Positions, layering: Layering) -> Positions:
    """Positions for the `new` nodes only; every other placed node stays where it is."""
    chosen = set(new)
    placed: Positions = {
        node.id: node.pos
        for node in workshop.iter_nodes()
        if node.pos is not None and node.id not in chosen
    }
    if not placed:
        return {node_id: full[node_id] for node_id in new}
    bounds = _bounds(workshop, placed)
    first_y = bounds.top + card_size(NodeKind.GOAL)[1] / 2
    cursors: dict[int, float] = {}
    result: Positions = {}
    taken = [card_rect(layering.kinds[node_id], pos) for node_id, pos in placed.items()]
    for node_id in sorted(new, key=lambda i: (full[i][1], full[i][0])):
        node = workshop.node(node_id)
        parent = layering.attached.get(node_id)
        if parent is not None and parent in placed:
            result[node_id] = free_chip_slot(layering.kinds[parent], placed[parent], taken)
            placed[node_id] = result[node_id]
            taken.append(card_rect(node.kind, result[node_id]))
            continue
        row = round((_target_y(node, placed, layering, bounds) - first_y) / ROW_PITCH)
        width = card_size(node.kind)[0]
        left = cursors.get(row, bounds.right + 2 * H_GAP)
        cursors[row] = left + width + H_GAP
        result[node_id] = (left + width / 2, first_y + row * ROW_PITCH)
        placed[node_id] = result[node_id]
        taken.append(card_rect(node.kind, result[node_id]))
    return result


def free_spot(workshop: Workshop, kind: NodeKind, near: tuple[float, float]) -> tuple[float, float]:
    """The point nearest `near`, on a grid of card pitches, where a new card overlaps none.

    When every cell of the search is taken, the card goes one card size down and right
    of `near`, so that it at least does not hide the card under it exactly.
    """
    width, height = card_size(kind)
    taken = [card_rect(n.kind, n.pos) for n in workshop.iter_nodes() if n.pos is not None]
    for ring in range(_FREE_SPOT_RINGS):
        for dx, dy in _ring(ring):
            pos = (near[0] + dx * COLUMN_PITCH, near[1] + dy * ROW_PITCH)
            rect = card_rect(kind, pos)
            if not any(rect.intersects(other) for other in taken):
                return pos
    return near[0] + width, near[1] + height


def _ring(radius: int) -> list[tuple[int, int]]:
    """Grid offsets at Chebyshev distance `radius`, nearest and lowest first."""
    cells = [
        (dx, dy)
        for dx in range(-radius, radius + 1)
        for dy in range(-radius, radius + 1)
        if max(abs(dx), abs(dy)) == radius
    ]
    return sorted(cells, key=lambda c: (abs(c[0]) + abs(c[1]), -c[1], abs(c[0])))
