"""The one table of a CSV file: card rows first, then team, action, link and workshop rows.

A CSV file is a single table, yet it carries the whole workshop, as an XLSX export does
on its six sheets. Its columns are the Cards sheet's (`CARD_COLUMNS`), then
`CSV_EXTRA_COLUMNS`. Each row says what it is in its `kind` column, and uses the columns
that mean the same on a card row:

- **a card** (vision, value, objective, goal, key_result; or no kind, importing into a
  workshop by id): as on the Cards sheet, its links listed in its link columns;
- **team**: its `id`, its name in `title`, its `color`;
- **action**: one step of the goal whose id is in `card`: its text in `title`, its
  `owner`, and `status` "done" (empty while it is not);
- **link**: the link from the card in `card` to the card in one of the link columns,
  which says its kind: its `id`, its note in `description`, and for a conflict
  `status` "resolved" and its `resolution`. As on the XLSX Links sheet, a link row adds
  these to a link its card's row lists; it does not make a link of its own;
- **workshop**: its `title`, its notes in `description`, `facilitator`,
  `participants` (separated by `;`), `workshop date`, and `period` ("H1 2027
  (2027-01-01 to 2027-06-30)"). Notes or participants too long for one cell go on in
  further workshop rows.

Every other cell of a row must be empty. The export writes the cards first, so the file
opens on them, then the teams, actions, links and the workshop; the import takes the
rows in any order. Reading splits the table into the tables `build` reads for a
workbook (Cards, Teams, Actions, Links, Workshop); each row made keeps its row number
and the CSV column of each value, so that a problem names the cell a person sees.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Final

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.model import Meta, NodeKind, Workshop

from .cells import format_period, join_list, split_list
from .columns import CARD_COLUMNS, CSV_COLUMNS, CSV_EXTRA_COLUMNS, LINK_COLUMNS, normalise
from .errors import Problem
from .export import NOTES_CHUNK, card_rows, team_names
from .tables import Row, SheetData, Table, Tables

TEAM, ACTION, LINK, WORKSHOP = "team", "action", "link", "workshop"
#: The columns each kind of row that is not a card may fill.
ROW_COLUMNS: Final[dict[str, frozenset[str]]] = {
    TEAM: frozenset({"id", "kind", "title", "color"}),
    ACTION: frozenset({"kind", "card", "title", "owner", "status"}),
    LINK: frozenset({"id", "kind", "card", "description", "status", "resolution", *LINK_COLUMNS}),
    WORKSHOP: frozenset(
        {"kind", "title", "description", "facilitator", "participants", "workshop date", "period"}
    ),
}
#: Which kinds of row have each extra column, for the message when a card row fills one.
_EXTRA_OWNERS: Final = {
    column: [kind for kind in ROW_COLUMNS if column in ROW_COLUMNS[kind]]
    for column in CSV_EXTRA_COLUMNS
}
#: The column of each table `build` reads, and the CSV column its value comes from.
_TEAM_CELLS: Final = {"id": "id", "name": "title", "color": "color"}
_ACTION_CELLS: Final = {"card": "card", "text": "title", "owner": "owner", "done": "status"}
_LINK_CELLS: Final = {
    "id": "id", "source": "card", "note": "description", "resolved": "status",
    "resolution": "resolution",
}  # fmt: skip
#: A Workshop sheet field, and the CSV column of the workshop row that holds it.
_META_CELLS: Final = {
    "title": "title", "notes": "description", "facilitator": "facilitator",
    "participants": "participants", "date": "workshop date", "period": "period",
}  # fmt: skip


# --------------------------------------------------------------------- writing


def csv_sheet(workshop: Workshop) -> SheetData:
    """The whole workshop as one table: cards, teams, actions, links, the workshop."""
    names = team_names(workshop, by_name_only=False)
    padding = [""] * len(CSV_EXTRA_COLUMNS)
    rows = [row + padding for row in card_rows(workshop, names)]
    for cells in _other_rows(workshop):
        rows.append([cells.get(column, "") for column in CSV_COLUMNS])
    return SheetData("", CSV_COLUMNS, rows)


def _other_rows(workshop: Workshop) -> Iterator[dict[str, str]]:
    for team in workshop.teams:
        yield {"id": team.id, "kind": TEAM, "title": team.name, "color": team.color}
    for node in workshop.iter_nodes():
        if node.kind is NodeKind.GOAL:
            for action in node.actions:
                yield {
                    "kind": ACTION, "card": node.id, "title": action.text,
                    "owner": action.owner, "status": "done" if action.done else "",
                }  # fmt: skip
    for link in workshop.iter_links():
        yield {
            "id": link.id, "kind": LINK, "card": link.source, link.kind.value: link.target,
            "description": link.note, "status": "resolved" if link.resolved else "",
            "resolution": link.resolution,
        }  # fmt: skip
    yield from _workshop_rows(workshop.meta)


def _workshop_rows(meta: Meta) -> Iterator[dict[str, str]]:
    """The workshop row, and as many more as long notes or participants need; none for
    a workshop with nothing but the default details."""
    if meta == Meta():
        return
    notes = _pieces(meta.notes)
    participants = list(_list_pieces(meta.participants))
    period = meta.period
    yield {
        "kind": WORKSHOP, "title": meta.title, "description": notes[0],
        "facilitator": meta.facilitator, "participants": participants[0],
        "workshop date": "" if meta.date is None else meta.date.isoformat(),
        "period": "" if period is None else format_period(period.start, period.end, period.label),
    }  # fmt: skip
    for more in range(1, max(len(notes), len(participants))):
        yield {
            "kind": WORKSHOP,
            "description": notes[more] if more < len(notes) else "",
            "participants": participants[more] if more < len(participants) else "",
        }


def _pieces(text: str) -> list[str]:
    """`text` in pieces that each fit a spreadsheet cell; [""] for no text."""
    return [text[i : i + NOTES_CHUNK] for i in range(0, len(text), NOTES_CHUNK)] or [""]


def _list_pieces(items: Iterable[str]) -> Iterator[str]:
    """The items as `;` lists, each short enough for a spreadsheet cell; at least one."""
    batch: list[str] = []
    size = 0
    for item in items:
        written = len(join_list([item])) + 2
        if batch and size + written > NOTES_CHUNK:
            yield join_list(batch)
            batch, size = [], 0
        batch.append(item)
        size += written
    yield join_list(batch)


# --------------------------------------------------------------------- reading


def split_table(table: Table) -> Tables:
    """The tables one CSV table holds, by the kind of each row; problems kept for `build`."""
    cards = Table(None, ignored=table.ignored)
    others: dict[str, Table] = {kind: Table(None) for kind in ROW_COLUMNS}
    problems: list[Problem] = []
    for row in table.rows:
        kind = normalise(row.get("kind"))
        if kind not in ROW_COLUMNS:
            _check_empty(row, frozenset(CARD_COLUMNS), _("a card row"), problems)
            cards.rows.append(row)
            continue
        _check_empty(row, ROW_COLUMNS[kind], _("a {kind} row").format(kind=kind), problems)
        others[kind].rows.extend(_READERS[kind](row, problems))
    teams, actions, links, workshop = (
        others[kind] if others[kind].rows else None for kind in (TEAM, ACTION, LINK, WORKSHOP)
    )
    return Tables(cards, teams, workshop, links, actions, teams_by_name=True, problems=problems)


def _check_empty(row: Row, allowed: frozenset[str], what: str, problems: list[Problem]) -> None:
    for column, value in row.values.items():
        if column not in allowed and value.strip():
            kinds = _EXTRA_OWNERS.get(column)
            message = (
                _("{what} has no {column}; leave this cell empty (only {kinds} rows have one)")
                if kinds
                else _("{what} has no {column}; leave this cell empty")
            )
            problems.append(
                Problem(
                    message.format(what=what, column=column, kinds=formats.all_of(kinds or ())),
                    None,
                    row.number,
                    column,
                )
            )


def _made(row: Row, cells: dict[str, str]) -> Row:
    """A row of another table, its values taken from `row`'s `cells`, keeping their names."""
    return Row(
        row.number,
        {name: row.get(column) for name, column in cells.items()},
        {name: column for name, column in cells.items() if name != column},
    )


def _team_rows(row: Row, _problems: list[Problem]) -> list[Row]:
    return [_made(row, _TEAM_CELLS)]


def _action_rows(row: Row, _problems: list[Problem]) -> list[Row]:
    return [_made(row, _ACTION_CELLS)]


def _link_rows(row: Row, problems: list[Problem]) -> list[Row]:
    """The Links sheet row of a link row, its kind the one link column it fills."""
    filled = [column for column in LINK_COLUMNS if row.get(column).strip()]
    try:
        refs = split_list(row.get(filled[0])) if len(filled) == 1 else []
    except ValueError as error:
        problems.append(Problem(str(error), None, row.number, filled[0]))
        return []
    if len(refs) != 1:
        where = filled[1] if len(filled) > 1 else (filled[0] if filled else None)
        problems.append(
            Problem(
                _(
                    "a link row names the one card the link goes to, in the column of its "
                    "kind: {columns}"
                ).format(columns=", ".join(LINK_COLUMNS)),
                None,
                row.number,
                where,
            )
        )
        return []
    made = _made(row, {**_LINK_CELLS, "kind": filled[0], "target": filled[0]})
    made.values.update(kind=filled[0], target=refs[0])
    return [made]


def _workshop_rows_read(row: Row, _problems: list[Problem]) -> list[Row]:
    """Workshop sheet rows (`field`, `value`) for every cell the workshop row fills."""
    return [
        Row(
            row.number,
            {"field": name, "value": row.get(column)},
            {"field": column, "value": column},
        )
        for name, column in _META_CELLS.items()
        if row.get(column)
    ]


_READERS: Final[dict[str, Callable[[Row, list[Problem]], list[Row]]]] = {
    TEAM: _team_rows,
    ACTION: _action_rows,
    LINK: _link_rows,
    WORKSHOP: _workshop_rows_read,
}
