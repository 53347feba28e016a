"""What routing needs of a link: its two ends, its kind's lane, its shift from a twin.

`LinkEnds` names a link's cards (and the other cards of each end's stack: a card and
its key-result chips, see `stacks.py`) without the model; `ends_of` makes one from a
link of a workshop. Along a channel each link kind keeps its own lane (`lane_offset`), a
few units above or below the others, so that a dotted *upholds* run and a solid
*supports* run towards different cards stay apart; two links between the same two cards
are spread `TWIN_GAP` apart (`twin_offsets`). The router (`routing.py`), the canvas and
the PDF map all describe links this way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from alignment_workshop.model import Link, LinkKind, Workshop

from .stacks import Stacks

#: Distance between the lanes of different link kinds running side by side.
LANE = 6.0
#: Distance between two links that join the same two cards.
TWIN_GAP = 14.0


@dataclass(frozen=True, slots=True)
class LinkEnds:
    """What routing needs to know of a link: its id, kind and the ids of its ends.

    `peers` says the two cards are of one kind (two goals, two objectives): such a link
    moves sideways low down, next to its source, where few links run up between rows.
    `source_stack` and `target_stack` name the other cards of each end's stack (a card
    and its key-result chips, see `stacks.py`): the route joins the border of the whole
    stack and may run over its cards.
    """

    id: str
    kind: LinkKind
    source: str
    target: str
    peers: bool = False
    source_stack: tuple[str, ...] = ()
    target_stack: tuple[str, ...] = ()

    @property
    def source_keys(self) -> tuple[str, ...]:
        """The source card and the other cards of its stack."""
        return (self.source, *self.source_stack)

    @property
    def target_keys(self) -> tuple[str, ...]:
        """The target card and the other cards of its stack."""
        return (self.target, *self.target_stack)

    def with_stacks(self, stacks: Stacks) -> LinkEnds:
        """This link with its ends' stacks filled in from `stacks`."""
        if not stacks:
            return self
        return replace(
            self,
            source_stack=stacks.members(self.source)[1:],
            target_stack=stacks.members(self.target)[1:],
        )


def lane_offset(kind: LinkKind) -> float:
    """Where links of `kind` run beside the middle of a channel: 0, -1, +1, -2… lanes."""
    return _LANES[kind]


#: The lane of each kind, in the enumeration's order: 0, -1, +1, -2, +2… lanes.
_LANES = {
    kind: (-1 if index % 2 else 1) * ((index + 1) // 2) * LANE
    for index, kind in enumerate(LinkKind)
}


def twin_offsets(links: Sequence[LinkEnds]) -> dict[str, float]:
    """The extra sideways shift of each link that shares both cards with another."""
    pairs: dict[frozenset[str], list[str]] = {}
    for link in links:
        pairs.setdefault(frozenset((link.source, link.target)), []).append(link.id)
    shifts: dict[str, float] = {}
    for ids in pairs.values():
        if len(ids) > 1:
            for index, link_id in enumerate(ids):
                shifts[link_id] = (index - (len(ids) - 1) / 2) * TWIN_GAP
    return shifts


def ends_of(link: Link, workshop: Workshop, stacks: Stacks | None = None) -> LinkEnds:
    """What routing needs of `link`, a link of `workshop` whose stacks are `stacks`."""
    same = workshop.node(link.source).kind is workshop.node(link.target).kind
    ends = LinkEnds(link.id, link.kind, link.source, link.target, same)
    return ends.with_stacks(stacks) if stacks is not None else ends
