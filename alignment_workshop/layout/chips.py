"""Key results as chips: stacked under the card they measure, and room made for them.

Auto-layout places the rows without the stacked key results (see `layering.py`), then
`stack_chips` hangs each card's chips under it and moves every lower row down by the
tallest stack above it, so that no chip covers a card. When one key result is added by
hand, or placed by Tidy, the same stack grows: the new chip takes the first slot under
its card that no other card covers, so that it never hides a card and stays next to
what it measures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from alignment_workshop.model import NodeKind, Workshop

from .geometry import CHIP_PITCH, Rect, card_rect, chip_center
from .layering import Layering

Position = tuple[float, float]
#: How many slots down the stack a new chip looks for room before it takes the last.
MAX_SLOTS = 100


def stack_chips(positions: Mapping[str, Position], layering: Layering) -> dict[str, Position]:
    """`positions` of the rows with every stacked chip hung under its card.

    Each chip goes under its card, in stack order. Every card whose centre lies lower
    than a card with chips moves down by the tallest stack of each row of cards above it
    (cards of one row share their centre's height), so that the stacks fit between rows.
    """
    tallest: dict[float, float] = {}
    for card, chips in layering.chips.items():
        if card in positions and chips:
            y = positions[card][1]
            tallest[y] = max(tallest.get(y, 0.0), len(chips) * CHIP_PITCH)
    shift_of: dict[float, float] = {}
    shift = 0.0
    for y in sorted({y for _, y in positions.values()}):
        shift_of[y] = shift
        shift += tallest.get(y, 0.0)
    placed = {node_id: (x, y + shift_of[y]) for node_id, (x, y) in positions.items()}
    for card, chips in layering.chips.items():
        if card in placed:
            for index, chip in enumerate(chips):
                placed[chip] = chip_center(layering.kinds[card], placed[card], index)
    return placed


def free_chip_slot(parent_kind: NodeKind, parent_pos: Position, taken: Iterable[Rect]) -> Position:
    """The centre of the first chip slot under a card of `parent_kind` at `parent_pos` that
    overlaps none of the `taken` rectangles (the card's own rectangle is never in the way)."""
    own = card_rect(parent_kind, parent_pos)
    others = [r for r in taken if r != own and r.left < own.right and own.left < r.right]
    spot = chip_center(parent_kind, parent_pos, 0)
    for index in range(MAX_SLOTS):
        spot = chip_center(parent_kind, parent_pos, index)
        chip = card_rect(NodeKind.KEY_RESULT, spot)
        if not any(chip.intersects(rect) for rect in others):
            break
    return spot


def chip_spot(
    workshop: Workshop, parent_id: str, also_taken: Iterable[Position] = ()
) -> Position | None:
    """Where a new key result of the card `parent_id` goes; None if the card has no place.

    `also_taken` are centres of other new chips not in the workshop yet (a paste of
    several key results of one card), so that they stack instead of overlapping.
    """
    parent = workshop.node(parent_id)
    if parent.pos is None:
        return None
    taken = [card_rect(n.kind, n.pos) for n in workshop.iter_nodes() if n.pos is not None]
    taken += [card_rect(NodeKind.KEY_RESULT, pos) for pos in also_taken]
    return free_chip_slot(parent.kind, parent.pos, taken)
