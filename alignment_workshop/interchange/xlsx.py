"""XLSX both ways, with openpyxl: sheets of text in, the workshop's sheets out.

Writing: every cell is a text cell (`t="inlineStr"`), never a formula, whatever it
starts with; a cell that starts like a formula is also marked `quotePrefix`, so that
editing it in Excel keeps it text. Characters XML cannot hold are written as `_xHHHH_`.
The same workshop always gives the same bytes: the workbook's created and modified
properties, and the date of every entry of its zip archive, are the workshop's date (or
`FIXED_DATE` when it has none), never the clock.

Reading: the archive passes `zipguard` first; openpyxl then opens it in read-only mode,
through defusedxml (the workbook's parts, its shared strings and styles), and
`sheet_rows` streams each sheet's cells from its XML, taking a formula's last computed
value rather than the formula. A sheet whose declared size is too large is refused
before its rows are read, and so is one whose rows run past the limit as they are read.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from alignment_workshop import formats
from alignment_workshop.i18n import _

from .cells import FORMULA_STARTS, to_xlsx_text
from .columns import (
    ACTION_SYNONYMS,
    CARD_SYNONYMS,
    LINK_DETAIL_SYNONYMS,
    TEAM_SYNONYMS,
    WORKSHOP_SYNONYMS,
    header_index,
    normalise,
)
from .errors import InterchangeError, Problem
from .limits import MAX_CELL_CHARS, MAX_COLUMNS, MAX_ROWS
from .sheet_rows import ENTITIES, sheet_rows
from .sheets import table_from_rows
from .tables import ACTIONS, CARDS, FINDINGS, LINKS, TEAMS, WORKSHOP, SheetData, Table, Tables
from .zipguard import check_archive

#: Column widths of the written sheets, in characters, by column name.
_WIDTHS = {"title": 40, "description": 50, "message": 80, "why": 40, "notes": 40, "value": 60}
_SYNONYMS = {
    CARDS: CARD_SYNONYMS,
    TEAMS: TEAM_SYNONYMS,
    WORKSHOP: WORKSHOP_SYNONYMS,
    LINKS: LINK_DETAIL_SYNONYMS,
    ACTIONS: ACTION_SYNONYMS,
}


# --------------------------------------------------------------------- writing


#: The date an export carries when the workshop has none: a zip archive's earliest.
FIXED_DATE = dt.date(1980, 1, 1)
#: The latest date a zip archive's entry can carry.
_ZIP_LAST = dt.date(2107, 12, 31)


def export_stamp(day: dt.date | None) -> dt.datetime:
    """The moment an export says it was made: midnight of `day`, kept within what a zip
    archive can date (1980 to 2107); `FIXED_DATE` when there is no day."""
    day = min(max(day or FIXED_DATE, FIXED_DATE), _ZIP_LAST)
    return dt.datetime(day.year, day.month, day.day)


class _StampedZip(zipfile.ZipFile):
    """A zip archive being written whose entries all carry one date, not the clock's.

    openpyxl adds entries with `writestr` and, for a write-only sheet, `write` from a
    temporary file (which would date it by that file); both come here.
    """

    def __init__(self, file: io.BytesIO, stamp: dt.datetime) -> None:
        super().__init__(file, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
        self._stamp = stamp.timetuple()[:6]

    def writestr(  # type: ignore[override]
        self, zinfo_or_arcname: str | zipfile.ZipInfo, data: bytes | str, *_args: Any, **_kw: Any
    ) -> None:
        name = getattr(zinfo_or_arcname, "filename", zinfo_or_arcname)
        info = zipfile.ZipInfo(str(name), date_time=self._stamp)
        info.compress_type = zipfile.ZIP_DEFLATED
        info.create_system = 3  # the same bytes on every system
        info.external_attr = 0o644 << 16
        super().writestr(info, data)

    def write(  # type: ignore[override]
        self, filename: str, arcname: str | None = None, *_args: Any, **_kw: Any
    ) -> None:
        with open(filename, "rb") as file:
            self.writestr(arcname or filename, file.read())


def write_xlsx(sheets: list[SheetData], day: dt.date | None = None) -> bytes:
    """The bytes of a workbook holding `sheets`, every cell text, dated `day`."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    workbook = Workbook(write_only=True)
    stamp = export_stamp(day)
    workbook.properties.creator = "Alignment Workshop"
    workbook.properties.created = workbook.properties.modified = stamp
    bold = Font(bold=True)
    for sheet in sheets:
        ws = workbook.create_sheet(sheet.name)
        # The size is known before the rows are streamed: declaring it lets a reader
        # (openpyxl's read-only mode among them) size the sheet without parsing it all.
        size = f"A1:{get_column_letter(max(len(sheet.header), 1))}{len(sheet.rows) + 1}"
        ws.calculate_dimension = lambda size=size: size
        ws.freeze_panes = "A2"
        for position, name in enumerate(sheet.header, start=1):
            ws.column_dimensions[get_column_letter(position)].width = _WIDTHS.get(name, 14)
        header = []
        for name in sheet.header:
            cell = WriteOnlyCell(ws, name)
            cell.font = bold
            header.append(cell)
        ws.append(header)
        for row in sheet.rows:
            ws.append([_text_cell(ws, WriteOnlyCell, value) for value in row])
    buffer = io.BytesIO()
    # `Workbook.save` would date the workbook by the clock; the writer it calls does not.
    ExcelWriter(workbook, _StampedZip(buffer, stamp)).save()
    return buffer.getvalue()


def _text_cell(ws: Any, make: Any, value: str) -> Any:
    """A text cell holding `value` (None for an empty one): never a formula."""
    if not value:
        return None
    cell = make(ws, to_xlsx_text(value))
    cell.data_type = "s"
    if value.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    return cell


# --------------------------------------------------------------------- reading


def _rows(workbook: Any, ws: Any, sheet: str) -> Iterator[list[str]]:
    """The sheet's rows as text, refused as soon as a limit is passed."""
    header: list[str] = []
    for number, row in enumerate(sheet_rows(workbook, ws, sheet), start=1):
        for position, text in enumerate(row):
            if len(text) > MAX_CELL_CHARS:
                raise InterchangeError(
                    Problem(
                        _("the cell holds {count} characters; at most {limit} are allowed").format(
                            count=formats.integer(len(text)), limit=formats.integer(MAX_CELL_CHARS)
                        ),
                        sheet,
                        number,
                        _column_name(header, position),
                    )
                )
        header = header or row
        yield row


def _column_name(header: list[str], position: int) -> str:
    """The column's canonical name when its header has one, else its letter."""
    from openpyxl.utils import get_column_letter

    name = header[position] if position < len(header) else ""
    return header_index(CARD_SYNONYMS).get(normalise(name), get_column_letter(position + 1))


def _check_size(ws: Any, sheet: str) -> None:
    """Refuse a sheet whose declared dimension is past the limits, before reading it."""
    rows, columns = ws.max_row, ws.max_column
    if rows is not None and rows > MAX_ROWS:
        raise InterchangeError(
            Problem(
                _("the sheet has {rows} rows; at most {limit} are read").format(
                    rows=formats.integer(rows), limit=formats.integer(MAX_ROWS)
                ),
                sheet,
            )
        )
    if columns is not None and columns > MAX_COLUMNS:
        raise InterchangeError(
            Problem(
                _("the sheet has {columns} columns; at most {limit} are read").format(
                    columns=formats.integer(columns), limit=MAX_COLUMNS
                ),
                sheet,
            )
        )


def _is_defused(error: BaseException | None) -> bool:
    """Whether defusedxml refused the XML, perhaps wrapped by openpyxl in another error."""
    from defusedxml import DefusedXmlException

    seen = 0
    while error is not None and seen < 10:
        if isinstance(error, DefusedXmlException):
            return True
        error, seen = error.__cause__ or error.__context__, seen + 1
    return False


def _open(data: bytes) -> Any:
    check_archive(data)
    from openpyxl import load_workbook

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for a damaged file
        if _is_defused(error):
            raise InterchangeError(_(ENTITIES)) from None
        raise InterchangeError(
            _("the workbook could not be read ({type}); is it an .xlsx file?").format(
                type=type(error).__name__
            )
        ) from None


def read_xlsx(data: bytes) -> Tables:
    """The sheets of a workbook as tables: Cards (or else the first sheet), Teams, Workshop,
    Links and Actions; raises InterchangeError."""
    workbook = _open(data)
    try:
        return _tables(workbook)
    except InterchangeError:
        raise
    except Exception as error:  # a damaged sheet, found as it is streamed
        if _is_defused(error):
            raise InterchangeError(_(ENTITIES)) from None
        raise InterchangeError(
            _("the workbook could not be read ({type}); it may be damaged").format(
                type=type(error).__name__
            )
        ) from None
    finally:
        workbook.close()


def _tables(workbook: Any) -> Tables:
    by_name = {name.strip().casefold(): name for name in workbook.sheetnames}
    if not workbook.sheetnames:
        raise InterchangeError(_("the workbook has no sheets"))
    found: dict[str, Table] = {}
    notes = []
    for sheet, synonyms in _SYNONYMS.items():
        name = by_name.get(sheet.casefold())
        if name is None and sheet == CARDS:
            name = workbook.sheetnames[0]
        if name is None:
            continue
        ws = workbook[name]
        _check_size(ws, name)
        table = table_from_rows(name, list(_rows(workbook, ws, name)), synonyms)
        found[sheet] = table
        if table.ignored:
            notes.append(
                _("{sheet}: ignored column(s) {columns}").format(
                    sheet=name, columns=", ".join(table.ignored)
                )
            )
    used = {t.sheet for t in found.values()} | {by_name.get(FINDINGS.casefold())}
    others = [n for n in workbook.sheetnames if n not in used]
    if others:
        notes.append(_("ignored sheet(s): {sheets}").format(sheets=", ".join(others)))
    return Tables(
        found[CARDS], found.get(TEAMS), found.get(WORKSHOP), found.get(LINKS), found.get(ACTIONS),
        teams_by_name=TEAMS not in found, notes=notes,
    )  # fmt: skip
