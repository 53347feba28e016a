"""CSV both ways: the bytes of one table (the workshop's rows are laid out in `csvrows`).

Written as UTF-8 with a byte-order mark (so that Excel reads the accents) and CRLF line
ends, every field a spreadsheet could run as a formula guarded by a `'` (see `cells`).
Read as UTF-8 (a byte-order mark is skipped), with `,`, `;` or a tab between fields,
whichever the header line uses; each field's guard is removed. A file of card rows alone
(made by hand, or by another tool) names teams by name, and a name no team has makes a
new team.
"""

from __future__ import annotations

import csv
import io

from alignment_workshop import formats
from alignment_workshop.i18n import _

from .cells import guard_csv, unguard_csv
from .columns import CSV_SYNONYMS
from .csvrows import split_table
from .errors import InterchangeError, Problem
from .limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_FILE_BYTES, MAX_ROWS
from .sheets import table_from_rows
from .tables import SheetData, Table, Tables

# The reader checks each field's length itself, to say which row and column is too long;
# the csv module's own limit only has to let a whole file through.
csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))


def write_csv(sheet: SheetData) -> bytes:
    """The bytes of a CSV file holding `sheet`."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(sheet.header)
    writer.writerows([guard_csv(value) for value in row] for row in sheet.rows)
    return buffer.getvalue().encode("utf-8-sig", "backslashreplace")


def _delimiter(text: str) -> str:
    first_line = text.split("\n", 1)[0]
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: (counts[d], d == ","))


def _text(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterchangeError(
            _(
                "byte {offset}: the file is not UTF-8 text; save it as “CSV UTF-8” and import it "
                "again"
            ).format(offset=error.start + 1)
        ) from None


def _records(text: str) -> list[list[str]]:
    """The file's records, refused early when there are too many rows or columns."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    records: list[list[str]] = []
    try:
        for record in reader:
            if len(records) >= MAX_ROWS:
                raise InterchangeError(
                    _(
                        "the file has more than {limit} rows; at most {limit} can be imported"
                    ).format(limit=formats.integer(MAX_ROWS))
                )
            if len(record) > MAX_COLUMNS:
                raise InterchangeError(
                    Problem(
                        _("the row has {count} fields; at most {limit} are read").format(
                            count=formats.integer(len(record)), limit=MAX_COLUMNS
                        ),
                        None,
                        len(records) + 1,
                    )
                )
            records.append(record)
    except csv.Error as error:
        raise InterchangeError(
            Problem(_("not valid CSV ({error})").format(error=error), None, len(records) + 1)
        ) from None
    return records


def read_csv(data: bytes) -> Tables:
    """The tables a CSV file holds (see `csvrows`); raises InterchangeError."""
    records = _records(_text(data))
    for number, record in enumerate(records, start=1):
        for position, value in enumerate(record):
            if len(value) > MAX_CELL_CHARS:
                column = records[0][position] if position < len(records[0]) else position + 1
                raise InterchangeError(
                    Problem(
                        _("the field holds {count} characters; at most {limit} are allowed").format(
                            count=formats.integer(len(value)), limit=formats.integer(MAX_CELL_CHARS)
                        ),
                        None,
                        number,
                        str(column),
                    )
                )
    rows = [[unguard_csv(value) for value in record] for record in records]
    table: Table = table_from_rows(None, rows, CSV_SYNONYMS)
    tables = split_table(table)
    tables.notes = _ignored_note(table)
    return tables


def _ignored_note(table: Table) -> list[str]:
    if not table.ignored:
        return []
    return [
        _("ignored column(s) with no meaning here: {columns}").format(
            columns=", ".join(table.ignored)
        )
    ]
