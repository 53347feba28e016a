"""Rows of text to a `Table`: the header row matched to columns, the rest by column."""

from __future__ import annotations

from collections.abc import Sequence

from alignment_workshop.i18n import _

from .columns import match_headers
from .errors import InterchangeError, Problem
from .tables import Row, Table


def table_from_rows(
    sheet: str | None, rows: Sequence[Sequence[str]], synonyms: dict[str, tuple[str, ...]]
) -> Table:
    """A table whose first row names the columns; raises InterchangeError for a bad header."""
    table = Table(sheet)
    if not rows:
        return table
    found, unknown, duplicates = match_headers(rows[0], synonyms)
    if duplicates:
        header, column = duplicates[0]
        raise InterchangeError(
            Problem(
                _("the header {header!r} names the {column} column a second time").format(
                    header=header, column=column
                ),
                sheet,
                1,
            )
        )
    table.ignored = unknown
    for number, values in enumerate(rows[1:], start=2):
        row = Row(number)
        for position, column in found.items():
            row.values[column] = values[position] if position < len(values) else ""
        table.rows.append(row)
    return table
