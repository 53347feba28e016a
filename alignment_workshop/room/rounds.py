"""A dot-voting round: the options the facilitator opens, each phone's ballot, the totals.

A round is open, then closed, then revealed. While it is open a phone may cast and
recast its ballot: at most `votes` dots in all, at most `per_option` on one option,
only on the round's options. The totals exist only inside the round: `totals()` is for
the room, which hands them out only once the round is revealed, so no count (not even
the facilitator's projector) can sway the room before then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from .errors import RoomError


class Phase(StrEnum):
    """Where a round stands."""

    OPEN = "open"
    CLOSED = "closed"
    REVEALED = "revealed"


@dataclass(frozen=True, slots=True)
class Option:
    """One thing to vote on: a goal, an objective or a conflict, by its id on the map."""

    id: str
    label: str
    kind: str


@dataclass(frozen=True, slots=True)
class Tally:
    """One option's revealed total."""

    option: Option
    votes: int


class BallotError(RoomError):
    """A ballot the round will not take; `code` names why, for the phone to say."""


class Round:
    """One round of dot voting."""

    def __init__(self, number: int, options: Sequence[Option], votes: int, per_option: int) -> None:
        ids = [option.id for option in options]
        if not options or len(set(ids)) != len(ids):
            raise ValueError("a round needs options with distinct ids")
        if votes < 1 or per_option < 1:
            raise ValueError("a round needs at least one vote per phone")
        self.number = number
        self.options = tuple(options)
        self.votes = votes
        self.per_option = min(per_option, votes)
        self.phase = Phase.OPEN
        self._ids = frozenset(ids)
        self._ballots: dict[str, dict[str, int]] = {}

    def cast(self, phone: str, ballot: Mapping[str, object]) -> None:
        """Replace `phone`'s ballot with `ballot` (option id → dots); raises BallotError."""
        if self.phase is not Phase.OPEN:
            raise BallotError("round-closed")
        clean: dict[str, int] = {}
        for option_id, dots in ballot.items():
            if option_id not in self._ids:
                raise BallotError("unknown-option")
            if not isinstance(dots, int) or isinstance(dots, bool) or dots < 0:
                raise BallotError("bad-ballot")
            if dots > self.per_option:
                raise BallotError("too-many-on-one")
            if dots:
                clean[option_id] = dots
        if sum(clean.values()) > self.votes:
            raise BallotError("too-many-votes")
        if clean:
            self._ballots[phone] = clean
        else:
            self._ballots.pop(phone, None)

    def ballot_of(self, phone: str) -> dict[str, int]:
        """The dots `phone` has placed (a copy)."""
        return dict(self._ballots.get(phone, {}))

    def ballots(self) -> int:
        """How many phones have placed at least one dot."""
        return len(self._ballots)

    def totals(self) -> list[Tally]:
        """Every option's total, most votes first, then in the round's order."""
        counts = dict.fromkeys(self._ids, 0)
        for ballot in self._ballots.values():
            for option_id, dots in ballot.items():
                counts[option_id] += dots
        order = {option.id: index for index, option in enumerate(self.options)}
        tallies = [Tally(option, counts[option.id]) for option in self.options]
        return sorted(tallies, key=lambda t: (-t.votes, order[t.option.id]))
