"""The team in hand: which team a new team goal starts with.

A facilitator capturing goals works team by team, so a new goal should not start as
"No team". The team in hand is the team last given to a card (added with one, or set on
one) or seen on a selected card. A new goal takes the team of a selected card that has
one, else the team in hand, else the workshop's first team (capture starts with the
first team in the list). It is forgotten when another workshop is opened, and a team
since removed is never offered.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from alignment_workshop.model import Node, Workshop


class TeamInHand:
    """Remembers the team used last in one document's workshop."""

    def __init__(self, workshop: Callable[[], Workshop]) -> None:
        self._workshop = workshop
        self._team: str | None = None

    @property
    def last(self) -> str | None:
        """The team used last, if it still exists."""
        team = self._team
        return team if team is not None and self._workshop().has_team(team) else None

    def remember(self, team_id: str | None) -> None:
        """Note `team_id` as the team in hand (None, or a team that is gone, is ignored)."""
        if team_id is not None and self._workshop().has_team(team_id):
            self._team = team_id

    def forget(self) -> None:
        """Another workshop is open: its team ids mean nothing here."""
        self._team = None

    def for_new_goal(self, selected: Iterable[str] = ()) -> str | None:
        """The team a new goal starts with: the first selected card's that has one, else
        the team used last, else the workshop's first team, else none."""
        workshop = self._workshop()
        for node_id in selected:
            if workshop.has_node(node_id) and workshop.node(node_id).team:
                return workshop.node(node_id).team
        if self.last is not None:
            return self.last
        return workshop.teams[0].id if workshop.teams else None

    def note(
        self, nodes: Iterable[Node] = (), updates: Mapping[str, Mapping[str, Any]] | None = None
    ) -> None:
        """Remember the team of the last of `nodes` added or `updates` made that set one."""
        teams = [node.team for node in nodes]
        teams += [fields.get("team") for fields in (updates or {}).values()]
        for team in teams:
            self.remember(team)
