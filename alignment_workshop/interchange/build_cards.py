"""Cards from the rows of a Cards table: each row's fields read and checked, with its links.

A row becomes a `CardRow`: the node record it stands for and the references its link
columns hold. Importing into a workshop, a row whose id the workshop has updates that
card; only the columns the table has change it, and an empty cell sets its field back to
the default. A field that does not apply to the card's kind must be left empty.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields, replace
from typing import Any, Final

from alignment_workshop.i18n import _
from alignment_workshop.model import Action, Node, NodeKind, Priority, Status, Workshop
from alignment_workshop.model.rules import NODE_FIELDS

from .build_teams import TeamBook, unique_id
from .cells import parse_date, parse_int, parse_number, split_list
from .columns import KIND_WORDS, LINK_COLUMNS, PRIORITY_WORDS, STATUS_WORDS, read_choice
from .problems import Problems
from .tables import Row, Table

#: How a card without an id is named: `goal-1`, `kr-2`…
ID_PREFIXES: Final = {
    NodeKind.VISION: "vision",
    NodeKind.VALUE: "value",
    NodeKind.OBJECTIVE: "objective",
    NodeKind.GOAL: "goal",
    NodeKind.KEY_RESULT: "kr",
}
DEFAULTS: Final = {f.name: f.default for f in fields(Node) if f.name not in ("id", "kind", "title")}

_PARSERS: Final[dict[str, Callable[[str], Any]]] = {
    "status": lambda text: Status(read_choice(text, STATUS_WORDS, "status")),
    "priority": lambda text: Priority(read_choice(text, PRIORITY_WORDS, "priority")),
    "impact": parse_int,
    "votes": parse_int,
    "due": parse_date,
    "baseline": parse_number,
    "target": parse_number,
    "current": parse_number,
}
_TEXT: Final = frozenset({"description", "owner", "why", "metric", "unit"})


@dataclass(slots=True)
class CardRow:
    """A card as a row gave it: its record, whether it updates a card, and its links."""

    row: Row
    node: Node
    existing: bool
    #: The link columns of the row: column → the references listed, in order.
    links: dict[str, list[str]] = field(default_factory=dict)


class CardReader:
    """Reads the rows of one Cards table against the workshop imported into."""

    def __init__(
        self,
        table: Table,
        columns: frozenset[str],
        base: Workshop,
        teams: TeamBook,
        actions: dict[str, tuple[Action, ...]] | None,
        problems: Problems,
    ) -> None:
        self.table, self.columns, self.base = table, columns, base
        self.teams, self.actions, self.problems = teams, actions, problems
        self.taken = {node.id for node in base.iter_nodes()}
        self.rows_by_id: dict[str, int] = {}

    def read(self, row: Row) -> CardRow | None:
        """The card of one row, or None (with its problems recorded)."""
        before = len(self.problems)
        card_id, kind, existing = self._identity(row)
        if kind is None:
            return None
        values = self._values(row, kind, existing)
        links = {c: self._refs(row, c) for c in LINK_COLUMNS if c in self.columns}
        if len(self.problems) > before or card_id is None:
            return None
        if existing is not None:
            node = _replaced(existing, values)
        else:
            title = values.pop("title")
            node = Node(card_id, kind, title, **values)
        return CardRow(row, node, existing is not None, links)

    def _identity(self, row: Row) -> tuple[str | None, NodeKind | None, Node | None]:
        card_id = row.get("id").strip()
        existing = self.base.node(card_id) if card_id and self.base.has_node(card_id) else None
        kind = self._kind(row, existing)
        if kind is not None and not card_id:
            card_id = unique_id(f"{ID_PREFIXES[kind]}-{row.number}", self.taken)
        elif card_id in self.rows_by_id:
            first = self.rows_by_id[card_id]
            self.problems.add(
                self.table,
                row,
                "id",
                _("the card id {card_id!r} is also on row {first}").format(
                    card_id=card_id, first=first
                ),
            )
            return None, kind, existing
        else:
            self.taken.add(card_id)
        self.rows_by_id[card_id] = row.number
        return card_id, kind, existing

    def _kind(self, row: Row, existing: Node | None) -> NodeKind | None:
        text = row.get("kind")
        if not text.strip():
            if existing is not None:
                return existing.kind
            self.problems.add(
                self.table, row, "kind", _("every card needs a kind (objective, goal…)")
            )
            return None
        try:
            kind = NodeKind(read_choice(text, KIND_WORDS, "kind"))
        except ValueError as error:
            self.problems.add(self.table, row, "kind", str(error))
            return None
        if existing is not None and existing.kind is not kind:
            self.problems.add(
                self.table, row, "kind",
                _("this card is a {kind} in the workshop; a card's kind cannot change").format(
                    kind=existing.kind.noun
                ),
            )  # fmt: skip
            return None
        return kind

    def _values(self, row: Row, kind: NodeKind, existing: Node | None) -> dict[str, Any]:
        """The fields the row sets, parsed; problems recorded for the cells that fail."""
        applies = NODE_FIELDS[kind]
        values: dict[str, Any] = {}
        if "title" in self.columns or existing is None:
            title = row.get("title")
            if not title.strip():
                self.problems.add(self.table, row, "title", _("every card needs a title"))
            values["title"] = title
        for column in DEFAULTS:
            if column not in self.columns or column in ("pos", "actions"):
                continue
            text = row.get(column)
            if column not in applies:
                if text.strip():
                    self.problems.add(
                        self.table, row, column,
                        _("a {kind} has no {column}; leave this cell empty").format(
                            kind=kind.noun, column=column
                        ),
                    )  # fmt: skip
                continue
            self._read_value(row, column, text, values)
        if kind is NodeKind.GOAL and self.actions is not None:
            card_id = row.get("id").strip()
            values["actions"] = self.actions.get(card_id, ())
        return values

    def _read_value(self, row: Row, column: str, text: str, values: dict[str, Any]) -> None:
        try:
            if column in _TEXT:
                values[column] = text
            elif not text.strip():
                values[column] = DEFAULTS[column]
            elif column == "team":
                values[column] = self.teams.resolve(text)
            elif column == "contributors":
                values[column] = tuple(self.teams.resolve(ref) for ref in split_list(text))
            else:
                values[column] = _PARSERS[column](text)
        except ValueError as error:
            self.problems.add(self.table, row, column, str(error))

    def _refs(self, row: Row, column: str) -> list[str]:
        try:
            return split_list(row.get(column))
        except ValueError as error:
            self.problems.add(self.table, row, column, str(error))
            return []


def _replaced(node: Node, values: dict[str, Any]) -> Node:
    """`node` with `values` set; the model checks the result when it is applied."""
    return replace(node, **values)
