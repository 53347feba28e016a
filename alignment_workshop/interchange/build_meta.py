"""The workshop's details from a Workshop sheet, and goals' actions from an Actions sheet.

The Workshop sheet is a list of `field`, `value` rows (see `META_FIELDS`): one
`participant` a row, or several in one `participants` cell separated by `;`; the period
as `period start`, `period end` and `period label` rows, or one `period` cell written
"H1 2027 (2027-01-01 to 2027-06-30)". A CSV file's workshop row is read as such rows.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Final

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.model import Action, Meta, Period, ValidationError, Workshop

from .cells import parse_bool, parse_date, parse_period, split_list
from .columns import normalise
from .problems import Problems
from .tables import Row, Table

#: The fields of the Workshop sheet, by their normalised name, and the Meta field each sets.
META_FIELDS: Final = {
    "title": "title",
    "date": "date",
    "period start": "period",
    "period end": "period",
    "period label": "period",
    "period": "period",
    "facilitator": "facilitator",
    "participant": "participants",
    "participants": "participants",
    "notes": "notes",
}


def read_meta(table: Table, problems: Problems) -> Meta:
    """The metadata a Workshop sheet holds; its problems are located at their rows."""
    rows: dict[str, Row] = {}
    values: dict[str, Any] = {}
    period: dict[str, dt.date | str | None] = {}
    participants: list[str] = []
    notes: list[str] = []
    for row in table.rows:
        name = normalise(row.get("field"))
        if not name and not row.get("value"):
            continue
        target = META_FIELDS.get(name)
        if target is None:
            known = formats.one_of(META_FIELDS)
            problems.add(
                table,
                row,
                "field",
                _("{get!r} is no field; use {known}").format(get=row.get("field"), known=known),
            )
            continue
        rows.setdefault(target, row)
        _one_field(name, row, table, problems, values, period, participants, notes)
    values["participants"] = tuple(participants)
    values["notes"] = "".join(notes)
    if any(v not in (None, "") for v in period.values()):
        values["period"] = _period(period, rows.get("period"), table, problems)
    return _checked(values, rows, table, problems)


def _one_field(
    name: str,
    row: Row,
    table: Table,
    problems: Problems,
    values: dict[str, Any],
    period: dict[str, dt.date | str | None],
    participants: list[str],
    notes: list[str],
) -> None:
    text = row.get("value")
    try:
        if name == "date":
            values["date"] = parse_date(text) if text.strip() else None
        elif name in ("period start", "period end"):
            period[name] = parse_date(text) if text.strip() else None
        elif name == "period label":
            period[name] = text
        elif name == "period":
            if text.strip():
                start, end, label = parse_period(text)
                period.update({"period start": start, "period end": end, "period label": label})
        elif name == "participant":
            participants.append(text)
        elif name == "participants":
            participants.extend(split_list(text))
        elif name == "notes":
            notes.append(text)
        else:
            values[name] = text
    except ValueError as error:
        problems.add(table, row, "value", str(error))


def _period(
    parts: dict[str, dt.date | str | None], row: Row | None, table: Table, problems: Problems
) -> Period | None:
    start, end = parts.get("period start"), parts.get("period end")
    if not isinstance(start, dt.date) or not isinstance(end, dt.date):
        problems.add(table, row, "value", _("a period needs both a start and an end date"))
        return None
    label = parts.get("period label")
    return Period(start, end, label if isinstance(label, str) else "")


def _checked(
    values: dict[str, Any], rows: dict[str, Row], table: Table, problems: Problems
) -> Meta:
    try:
        return Workshop().check_update_meta(**values)
    except ValidationError as error:
        field = error.field.split(".")[0].split("[")[0]
        problems.add(table, rows.get(field), "value", f"{field}: {error.reason}")
        return Meta()


def read_actions(table: Table, problems: Problems) -> dict[str, tuple[Action, ...]]:
    """Every action of the Actions sheet, grouped by the card they belong to, in order."""
    found: dict[str, list[Action]] = defaultdict(list)
    for row in table.rows:
        card, text = row.get("card").strip(), row.get("text")
        if not card and not text.strip():
            continue
        if not card:
            problems.add(table, row, "card", _("say which goal this action belongs to (its id)"))
            continue
        try:
            done = parse_bool(row.get("done"))
        except ValueError as error:
            problems.add(table, row, "done", str(error))
            continue
        found[card].append(Action(text, row.get("owner"), done))
    return {card: tuple(actions) for card, actions in found.items()}


def action_rows(table: Table) -> dict[str, Row]:
    """The first row of each card in the Actions sheet, to say where a problem is."""
    first: dict[str, Row] = {}
    for row in table.rows:
        first.setdefault(row.get("card").strip(), row)
    return first
