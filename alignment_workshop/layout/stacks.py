"""Stacks: a card and the key-result chips that hang under it, as routing sees them.

A key result that measures a card is drawn as a chip stacked under that card (see
`chips.py`). For link routing the card and its chips are one block: a link to the card,
or to one of its chips, arrives at the block's border, and may run over the other cards
of its own stack; any other card stays an obstacle. `Stacks.members(node_id)` names the
cards of the block a node belongs to, the node first.
"""

from __future__ import annotations

from collections.abc import Iterable

from alignment_workshop.model import LinkKind, Workshop


class Stacks:
    """Which chips hang under which card, from the *measures* links (chip → card)."""

    def __init__(self, measures: Iterable[tuple[str, str]] = ()) -> None:
        self._card_of: dict[str, str] = {}
        self._chips_of: dict[str, list[str]] = {}
        for chip, card in measures:
            self._card_of[chip] = card
            self._chips_of.setdefault(card, []).append(chip)

    @classmethod
    def of(cls, workshop: Workshop) -> Stacks:
        """The stacks of `workshop`."""
        return cls(
            (link.source, link.target)
            for link in workshop.iter_links()
            if link.kind is LinkKind.MEASURES
        )

    def members(self, node_id: str) -> tuple[str, ...]:
        """`node_id` and the other cards of its stack (its card, its card's chips)."""
        card = self._card_of.get(node_id, node_id)
        chips = self._chips_of.get(card, ())
        if not chips:
            return (node_id,)
        return (node_id, *(key for key in (card, *chips) if key != node_id))

    def __bool__(self) -> bool:
        return bool(self._card_of)
