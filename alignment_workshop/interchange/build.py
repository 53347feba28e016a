"""Tables to a workshop, all or nothing: every problem located, nothing half-imported.

`build(tables)` makes a new workshop; `build(tables, into=workshop)` works out what
importing into an open workshop changes: cards with an id the workshop has are updated,
the others added, teams likewise, links added (a link the file leaves out is kept: an
import deletes nothing). Either way the work happens on a scratch copy, through the
model's edit API, so the model checks every record exactly as it checks an edit; the
result lists the records to add and update, for the editor to apply as one undo step.
Any problem raises `InterchangeError` with all of them, and nothing is changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.layout import auto_layout
from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    Team,
    ValidationError,
    Workshop,
)
from alignment_workshop.model.rules import link_key

from .build_cards import CardReader, CardRow
from .build_links import (
    CardFinder,
    Detail,
    Key,
    LinkIds,
    link_kind_for,
    make_link,
    read_details,
)
from .build_meta import action_rows, read_actions, read_meta
from .build_teams import TeamBook
from .errors import InterchangeError, Problem
from .problems import Problems
from .tables import Table, Tables


@dataclass(slots=True)
class Imported:
    """What an import makes: the resulting workshop and the records it adds or changes."""

    workshop: Workshop
    meta: Meta | None = None
    teams_added: list[Team] = field(default_factory=list)
    teams_updated: list[Team] = field(default_factory=list)
    nodes_added: list[Node] = field(default_factory=list)
    nodes_updated: list[Node] = field(default_factory=list)
    links_added: list[Link] = field(default_factory=list)
    links_updated: list[Link] = field(default_factory=list)
    #: Links of the workshop imported into that the source does not list; they stay.
    links_kept: int = 0
    #: What the reader skipped without refusing the source (ignored columns…).
    notes: list[str] = field(default_factory=list)


def _require_columns(tables: Tables, merging: bool) -> None:
    columns = {c for row in tables.cards.rows for c in row.values}
    missing = [c for c in ("kind", "title") if c not in columns]
    if tables.cards.rows and missing and not (merging and "id" in columns):
        raise InterchangeError(
            Problem(
                _(
                    "there is no {columns} column; name the columns in the first row (id, kind, "
                    "title, …)"
                ).format(columns=formats.one_of(missing)),
                tables.cards.sheet,
                1 if not tables.cards.line_numbers else None,
            )
        )


def build(tables: Tables, into: Workshop | None = None) -> Imported:
    """The workshop `tables` describe, or what they change in `into`; raises InterchangeError."""
    merging = into is not None
    trial = into.copy() if into is not None else Workshop()
    _require_columns(tables, merging)
    problems = Problems(tables.problems)
    meta = read_meta(tables.workshop, problems) if tables.workshop and not merging else None
    teams = TeamBook(trial, listed=tables.teams is not None, create_missing=tables.teams_by_name)
    if tables.teams is not None:
        teams.read_sheet(tables.teams, problems)
    actions = read_actions(tables.actions, problems) if tables.actions is not None else None
    cards = _read_cards(tables.cards, trial, teams, actions, problems)
    problems.raise_if_any()
    result = Imported(trial, meta, teams.added, teams.updated, notes=list(tables.notes))
    _apply_teams(trial, teams, tables, problems)
    _apply_cards(trial, cards, tables.cards, result, problems)
    if tables.actions is not None and actions:
        _check_actions(trial, actions, tables.actions, problems)
    problems.raise_if_any()
    _apply_links(trial, cards, tables, result, problems)
    problems.raise_if_any()
    if meta is not None:
        trial.update_meta(**{name: getattr(meta, name) for name in Meta.__slots__})
    _place(trial, result, merging)
    return result


def _read_cards(
    table: Table,
    trial: Workshop,
    teams: TeamBook,
    actions: dict[str, tuple[Action, ...]] | None,
    problems: Problems,
) -> list[CardRow]:
    columns = frozenset(c for row in table.rows for c in row.values)
    reader = CardReader(table, columns, trial, teams, actions, problems)
    cards = []
    for row in table.rows:
        if any(value.strip() for value in row.values.values()):
            card = reader.read(row)
            if card is not None:
                cards.append(card)
    return cards


def _apply_teams(trial: Workshop, teams: TeamBook, tables: Tables, problems: Problems) -> None:
    for team in teams.updated:
        trial.update_team(team.id, name=team.name, color=team.color)
    for team in teams.added:
        try:
            trial.add_team(team)
        except ValidationError as error:
            problems.refused(tables.teams, None, None, error)
            problems.raise_if_any()


def _apply_cards(
    trial: Workshop, cards: list[CardRow], table: Table, result: Imported, problems: Problems
) -> None:
    for card in cards:
        try:
            if card.existing:
                old = trial.node(card.node.id)
                changes = {
                    name: getattr(card.node, name)
                    for name in Node.__slots__
                    if name not in ("id", "kind", "pos")
                }
                trial.update_node(card.node.id, **changes)
                if trial.node(card.node.id) != old:
                    result.nodes_updated.append(trial.node(card.node.id))
            else:
                result.nodes_added.append(trial.add_node(card.node))
        except ValidationError as error:
            problems.refused(table, card.row, None, error)


def _check_actions(
    trial: Workshop, actions: dict[str, tuple[Action, ...]], table: Table, problems: Problems
) -> None:
    rows = action_rows(table)
    for card_id in actions:
        if not trial.has_node(card_id):
            problems.add(
                table,
                rows[card_id],
                "card",
                _("refers to no card ({card_id!r})").format(card_id=card_id),
            )
        elif trial.node(card_id).kind.value != "goal":
            problems.add(table, rows[card_id], "card", _("only team goals have actions"))


def _apply_links(
    trial: Workshop, cards: list[CardRow], tables: Tables, result: Imported, problems: Problems
) -> None:
    finder = CardFinder(trial)
    details = read_details(tables.links, finder, problems) if tables.links else {}
    maker = _LinkMaker(trial, finder, details, tables.cards, result, problems)
    for card in cards:
        for column, refs in card.links.items():
            for ref in refs:
                maker.add(card, column, ref)
    maker.store_all()
    for detail in details.values():
        if not detail.used:
            problems.add(
                tables.links, detail.row, None,
                _("no card lists this link in its link columns; add it there, or delete this row"),
            )  # fmt: skip
    result.links_kept = sum(
        1
        for link in trial.iter_links()
        if link_key(link.kind, link.source, link.target) not in maker.listed
    )


class _LinkMaker:
    """Adds the links the cards list to the scratch workshop, or updates those it has."""

    def __init__(
        self,
        trial: Workshop,
        finder: CardFinder,
        details: dict[Key, Detail],
        table: Table,
        result: Imported,
        problems: Problems,
    ) -> None:
        self.trial, self.finder, self.details, self.table = trial, finder, details, table
        self.result, self.problems = result, problems
        self.ids = LinkIds(trial, details)
        self.listed: set[Key] = set()
        self.pending: list[tuple[int, int, LinkKind, str, str, CardRow, str]] = []

    def add(self, card: CardRow, column: str, ref: str) -> None:
        """The link `ref` in `column` of `card` stands for; problems located at that cell."""
        try:
            target = self.finder.find(ref)
        except ValueError as error:
            self.problems.add(self.table, card.row, column, str(error))
            return
        source = card.node
        kind = link_kind_for(column, source.kind, self.trial.node(target).kind)
        key = link_key(kind, source.id, target)
        self.listed.add(key)
        detail = self.details.get(key)
        order = detail.row.number if detail is not None else 1 << 62
        self.pending.append((order, len(self.pending), kind, source.id, target, card, column))

    def store_all(self) -> None:
        """Store the links found, in the Links sheet's order, then the others as listed."""
        self.pending.sort(key=lambda item: item[:2])
        for _order, _n, kind, source, target, card, column in self.pending:
            try:
                self._store(kind, source, target, link_key(kind, source, target))
            except ValidationError as error:
                self.problems.add(self.table, card.row, column, error.reason)

    def _store(self, kind: LinkKind, source: str, target: str, key: Key) -> None:
        existing = self.trial.find_link(kind, source, target)
        detail = self.details.get(key)
        if existing is None:
            link = make_link(kind, source, target, detail, self.ids)
            self.result.links_added.append(self.trial.add_link(link))
        elif detail is not None:
            detail.used = True
            old = self.trial.update_link(
                existing.id,
                note=detail.note,
                resolved=detail.resolved,
                resolution=detail.resolution,
            )
            if self.trial.link(existing.id) != old:
                self.result.links_updated.append(self.trial.link(existing.id))


def _place(trial: Workshop, result: Imported, merging: bool) -> None:
    """Place the new cards by the auto-layout: all of them in a new workshop, else in free space."""
    new_ids = {node.id for node in result.nodes_added}
    if not new_ids:
        return
    positions = auto_layout(trial, only=new_ids if merging else None)
    placed = []
    for node in result.nodes_added:
        trial.move_node(node.id, positions.get(node.id))
        placed.append(trial.node(node.id))
    result.nodes_added = placed
