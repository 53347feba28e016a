"""Teams from a Teams sheet (or a CSV file's team rows), or made from the names cards give.

A card names its team by id or by exact name. With a Teams sheet, every team must be
listed there (or already be in the workshop imported into). Without one (a CSV file
without team rows, a sheet of cards alone), a name no team has makes a new team, with an
id made from the name and a colour from the palette. A CSV file with team rows does
both: its team rows are read as a Teams sheet, and a name none of them has makes a team.
"""

from __future__ import annotations

import re

from alignment_workshop.model import Team, ValidationError, Workshop
from alignment_workshop.model.rules import COLOR_PATTERN, DEFAULT_COLOR, ID_MAX

from .columns import normalise
from .problems import Problems
from .tables import Row, Table

#: Colours given to teams made from names, in turn; the editor's Teams dialog uses them too.
TEAM_PALETTE = ("#1E88E5", "#D81B60", "#43A047", "#FB8C00", "#8E24AA", "#00897B", "#6D4C41")


def slug(text: str, fallback: str) -> str:
    """An id made from `text`: "Product/Engineering" → "product-engineering"."""
    made = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")[: ID_MAX - 8].strip("-")
    return made or fallback


def unique_id(base: str, taken: set[str]) -> str:
    """`base`, or `base-2`, `base-3`… whichever is not in `taken`; adds it to `taken`."""
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


class TeamBook:
    """The teams a source knows, found by id or by name, and those it adds."""

    def __init__(self, base: Workshop, *, listed: bool, create_missing: bool) -> None:
        self.base = base
        #: Whether the source lists its teams (a Teams sheet): references are ids first.
        self.listed = listed
        #: Whether a name no team has makes a new team (else it is a problem).
        self.create_missing = create_missing
        self.added: list[Team] = []
        self.updated: list[Team] = []
        self._by_id: dict[str, Team] = {t.id: t for t in base.teams}
        self._taken = set(self._by_id)

    def _by_name(self, name: str) -> list[Team]:
        return [t for t in self._by_id.values() if t.name == name] or [
            t for t in self._by_id.values() if normalise(t.name) == normalise(name)
        ]

    def resolve(self, ref: str) -> str:
        """The id of the team `ref` names; raises ValueError when there is none or several.

        With a Teams sheet, `ref` is an id or else a name. Without one, it is a name
        first, since the ids are made here. Where allowed, a name no team has makes one.
        """
        if self.listed and ref in self._by_id:
            return ref
        found = self._by_name(ref)
        if len(found) == 1:
            return found[0].id
        if len(found) > 1:
            raise ValueError(f"{len(found)} teams are called {ref!r}; use the team's id")
        if ref in self._by_id:
            return ref
        if not self.create_missing:
            raise ValueError(f"names no team of the Teams sheet ({ref!r})")
        return self.create(ref).id

    def create(self, name: str, team_id: str | None = None) -> Team:
        """A new team called `name`, with a fresh id unless `team_id` is given and free."""
        if team_id is None or team_id in self._taken:
            team_id = unique_id(slug(name, "team"), self._taken)
        else:
            self._taken.add(team_id)
        color = TEAM_PALETTE[(len(self.base.teams) + len(self.added)) % len(TEAM_PALETTE)]
        try:
            team = self.base.check_new_team(Team(team_id, name, color))
        except ValidationError as error:
            self._taken.discard(team_id)
            raise ValueError(f"cannot be a team's name: {error.reason}") from None
        self.added.append(team)
        self._by_id[team.id] = team
        return team

    def read_sheet(self, table: Table, problems: Problems) -> None:
        """Add (or, for teams already in the workshop, update) every team of a Teams sheet."""
        seen: set[str] = set()
        for row in table.rows:
            team = self._team_of_row(row, table, problems)
            if team is None:
                continue
            if team.id in seen:
                problems.add(table, row, "id", f"the team id {team.id!r} is listed twice")
                continue
            seen.add(team.id)
            self._keep(team, table, row, problems)

    def _team_of_row(self, row: Row, table: Table, problems: Problems) -> Team | None:
        name, color = row.get("name"), row.get("color").strip() or DEFAULT_COLOR
        if not name.strip():
            problems.add(table, row, "name", "a team needs a name")
            return None
        if not COLOR_PATTERN.fullmatch(color):
            problems.add(table, row, "color", f"must be a colour written #RRGGBB (got {color!r})")
            return None
        team_id = row.get("id").strip() or unique_id(slug(name, "team"), set(self._taken))
        return Team(team_id, name, color)

    def _keep(self, team: Team, table: Table, row: Row, problems: Problems) -> None:
        try:
            if self.base.has_team(team.id):
                old = self.base.team(team.id)
                checked = self.base.check_update_team(team.id, name=team.name, color=team.color)
                if checked != old:
                    self.updated.append(checked)
            else:
                checked = self.base.check_new_team(team)
                self.added.append(checked)
                self._taken.add(checked.id)
        except ValidationError as error:
            problems.refused(table, row, None, error)
            return
        self._by_id[checked.id] = checked
