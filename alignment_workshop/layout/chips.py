"""Where a new key result goes: the first free slot of the chip stack under its card.

Auto-layout stacks every key result under the card it measures (see `placement.py`).
When one key result is added by hand, or placed by Tidy, the same stack grows: the new
chip takes the first slot under the card that no other card covers, so that it never
hides a card and stays next to what it measures.
"""

from __future__ import annotations

from collections.abc import Iterable

from alignment_workshop.model import NodeKind, Workshop

from .geometry import Rect, card_rect, chip_center

Position = tuple[float, float]
#: How many slots down the stack a new chip looks for room before it takes the last.
MAX_SLOTS = 100


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
