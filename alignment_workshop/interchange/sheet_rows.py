"""A worksheet's rows as text, streamed straight from its XML by expat.

openpyxl opens the workbook: it finds each sheet's part in the archive, reads the
shared strings, and works out from the styles which number cells are dates. Its
read-only worksheet would then build an element tree and a cell record for every cell,
about 12 µs a cell: the slower half of importing 5,000 rows. Here the sheet's XML goes
through expat once and only each cell's text is kept, about four times faster. A cell:

- `t="s"`: a shared string; `t="inlineStr"`: its `<t>` runs (not the phonetic `<rPh>`
  ones); `t="str"` (a formula's text) and `t="e"` (an error such as `#N/A`): its `<v>`;
  `t="b"`: a flag; `t="d"`: an ISO 8601 date;
- otherwise a number, which is a date when its style is one of the workbook's date
  formats (as openpyxl decides it); a formula's last computed value is read, never the
  formula itself;
- placed by its reference (`r="C7"`) or else after the cell before it; rows likewise,
  a missing row being an empty one, so that row numbers are those a person sees.

Values become the text `build` reads (`cell_text`). A worksheet never needs a DOCTYPE,
so one is refused before any entity could be declared or expanded (the "billion
laughs", external entities), as defusedxml refuses them where openpyxl parses.

This reads attributes openpyxl does not document (a read-only worksheet's
`_worksheet_path` and `_shared_strings`, the workbook's `_archive` and
`_date_formats`); pyproject.toml keeps
openpyxl below 3.2, and tests/unit/test_interchange_sheet_rows.py checks every row
against openpyxl's own reading of the same workbooks.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator
from typing import Any, Final
from xml.parsers import expat

from alignment_workshop import formats
from alignment_workshop.i18n import N_, _

from .cells import format_bool, from_xlsx_text
from .errors import InterchangeError, Problem
from .limits import MAX_COLUMNS, MAX_ROWS

#: The XML a workbook declares entities in; refused (see the module's docstring).
ENTITIES: Final = N_(
    "the workbook's XML declares entities or a document type, which are refused "
    "(a possible XML bomb)"
)
_CHUNK: Final = 64 * 1024


def cell_text(value: object) -> str:
    """A cell's value as the text `build` reads: numbers and dates in canonical form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return from_xlsx_text(value)
    if isinstance(value, bool):
        return format_bool(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


_DIGITS: Final = "0123456789"


@functools.lru_cache(maxsize=1024)
def column_index(letters: str) -> int:
    """The 1-based column that letters name ("C" → 3, "AA" → 27); 0 when they name none."""
    index = 0
    for char in letters.upper():
        if not "A" <= char <= "Z":
            return 0
        index = index * 26 + ord(char) - 64
    return index


def sheet_rows(workbook: Any, ws: Any, sheet: str) -> Iterator[list[str]]:
    """Every row of `ws` (a read-only worksheet of `workbook`) as text, row 1 first.

    Trailing empty cells are dropped; columns past `MAX_COLUMNS` are not read. A row
    past `MAX_ROWS` raises InterchangeError naming `sheet`, before any row is made up.
    """
    reader = _SheetReader(workbook, ws._shared_strings, sheet)
    with workbook._archive.open(ws._worksheet_path) as source:
        while True:
            chunk = source.read(_CHUNK)
            reader.feed(chunk)
            yield from reader.take()
            if not chunk:
                return


class _SheetReader:
    """Expat handlers that collect finished rows; `feed` the XML, then `take` them."""

    def __init__(self, workbook: Any, shared: list[Any], sheet: str) -> None:
        self.sheet = sheet
        self.rows_seen = 0
        self.shared = shared
        self.dates: set[int] = set(workbook._date_formats)
        self.durations: set[int] = set(getattr(workbook, "_timedelta_formats", ()))
        self.epoch = workbook.epoch
        self.done: list[list[str]] = []
        self.row_number = 0
        self.cells: dict[int, str] = {}
        self.column = 0
        self.kind, self.style = "n", 0
        self.parts: list[str] = []
        self.capture = False
        self.phonetic = 0
        parser = expat.ParserCreate(namespace_separator=" ")
        parser.buffer_text = True
        parser.StartDoctypeDeclHandler = self._refuse
        parser.EntityDeclHandler = self._refuse
        parser.ExternalEntityRefHandler = self._refuse_reference
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._text
        self.parser = parser

    def feed(self, chunk: bytes) -> None:
        """Parse the next piece of the XML (an empty one ends it)."""
        self.parser.Parse(chunk, not chunk)

    def take(self) -> list[list[str]]:
        """The rows finished since the last call, missing ones filled in as empty."""
        rows, self.done = self.done, []
        return rows

    @staticmethod
    def _refuse(*_args: object) -> None:
        raise InterchangeError(_(ENTITIES))

    @staticmethod
    def _refuse_reference(*_args: str | None) -> int:
        raise InterchangeError(_(ENTITIES))

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        tag = name.rpartition(" ")[2]
        if tag == "c":
            reference = attrs.get("r")
            column = column_index(reference.rstrip(_DIGITS)) if reference else 0
            self.column = column or self.column + 1
            self.kind, self.style = attrs.get("t", "n"), int(attrs.get("s") or 0)
            self.parts, self.phonetic = [], 0
        elif tag == "v" or (tag == "t" and self.kind == "inlineStr" and not self.phonetic):
            self.capture = True
        elif tag == "rPh":
            self.phonetic += 1
        elif tag == "row":
            number = attrs.get("r")
            self.row_number = max(int(number) if number else 0, self.row_number + 1)
            self.cells, self.column = {}, 0

    def _end(self, name: str) -> None:
        tag = name.rpartition(" ")[2]
        if tag in ("v", "t"):
            self.capture = False
        elif tag == "rPh":
            self.phonetic -= 1
        elif tag == "c":
            text = "".join(self.parts)
            if text and self.column <= MAX_COLUMNS:  # an empty <v> is no value (openpyxl's None)
                self.cells[self.column] = cell_text(self._value(text))
        elif tag == "row":
            self._finish_row()

    def _text(self, data: str) -> None:
        if self.capture:
            self.parts.append(data)

    def _value(self, text: str) -> object:
        """The value of a cell whose `<v>` (or inline text) is `text`."""
        kind = self.kind
        if kind in ("inlineStr", "str", "e"):
            return text
        if kind == "s":
            return self.shared[int(text)]
        if kind == "b":
            return text.strip() in ("1", "true")
        if kind == "d":
            from openpyxl.utils.datetime import from_ISO8601

            return from_ISO8601(text)  # type: ignore[no-untyped-call]
        number = float(text) if ("." in text or "e" in text or "E" in text) else int(text)
        if self.style not in self.dates:
            return number
        from openpyxl.utils.datetime import from_excel

        try:
            return from_excel(number, self.epoch, timedelta=self.style in self.durations)
        except (OverflowError, ValueError):
            return "#VALUE!"

    def _finish_row(self) -> None:
        if self.row_number > MAX_ROWS:
            raise InterchangeError(
                Problem(
                    _("the sheet has more than {limit} rows; at most {limit} are read").format(
                        limit=formats.integer(MAX_ROWS)
                    ),
                    self.sheet,
                )
            )
        self.done.extend([] for _ in range(self.row_number - 1 - self.rows_seen))
        cells = self.cells
        width = max((c for c, text in cells.items() if text), default=0)
        self.done.append([cells.get(column, "") for column in range(1, width + 1)])
        self.rows_seen = self.row_number
