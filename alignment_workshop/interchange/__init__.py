"""Bringing goals in and taking them out: spreadsheets (XLSX, CSV) and Markdown outlines.

No Qt here. The public API:

- `import_file(path, into=None, objectives_section=None)`: an `.xlsx`, `.csv` or `.md`
  file as an `Imported` (the new workshop, or what importing into `into` adds and
  updates), all or nothing; raises `InterchangeError` listing every problem by sheet,
  row and column;
- `export_file(workshop, path)`: the workshop as `.xlsx` (Cards, Teams, Workshop, Links,
  Actions and Findings sheets) or `.csv` (one table: the cards, then rows for the teams,
  actions, links and the workshop's details), written atomically.

Either export imports back as the same workshop (but for the cards' positions).

openpyxl, markdown-it-py and defusedxml load on first use only, so that importing this
package costs the commands that do not read or write spreadsheets nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.model import Workshop

from .build import Imported, build
from .errors import InterchangeError, Problem
from .files import read_source, write_output
from .tables import Tables

#: The file types `import_file` reads and `export_file` writes.
IMPORT_SUFFIXES = (".xlsx", ".csv", ".md", ".markdown")
EXPORT_SUFFIXES = (".xlsx", ".csv")

__all__ = [
    "EXPORT_SUFFIXES",
    "IMPORT_SUFFIXES",
    "Imported",
    "InterchangeError",
    "Problem",
    "export_bytes",
    "export_file",
    "import_file",
    "read_tables",
]


def _suffix(path: str | os.PathLike[str], allowed: tuple[str, ...]) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in allowed:
        raise InterchangeError(
            _("unsupported file type {suffix!r}; use {types}").format(
                suffix=suffix or _("(none)"), types=formats.one_of(allowed)
            )
        )
    return suffix


def read_tables(path: str | os.PathLike[str], *, objectives_section: str | None = None) -> Tables:
    """The tables the file at `path` holds (first phase of an import)."""
    suffix = _suffix(path, IMPORT_SUFFIXES)
    data = read_source(path)
    if suffix == ".xlsx":
        from .xlsx import read_xlsx

        return read_xlsx(data)
    if suffix == ".csv":
        from .csvfile import read_csv

        return read_csv(data)
    from .markdown import read_markdown

    return read_markdown(data, Path(path).stem, objectives_section=objectives_section)


def import_file(
    path: str | os.PathLike[str],
    *,
    into: Workshop | None = None,
    objectives_section: str | None = None,
) -> Imported:
    """Import the file at `path`: a new workshop, or what it changes in `into`.

    Raises `InterchangeError` (every problem, by sheet, row and column); nothing changes.
    """
    return build(read_tables(path, objectives_section=objectives_section), into)


def export_bytes(workshop: Workshop, suffix: str) -> bytes:
    """The bytes of `workshop` as an `.xlsx` or `.csv` file."""
    if suffix == ".csv":
        from .csvfile import write_csv
        from .csvrows import csv_sheet

        return write_csv(csv_sheet(workshop))
    from alignment_workshop.analysis import analyze

    from .export import workbook_sheets
    from .xlsx import write_xlsx

    return write_xlsx(workbook_sheets(workshop, analyze(workshop)), workshop.meta.date)


def export_file(workshop: Workshop, path: str | os.PathLike[str]) -> None:
    """Write `workshop` to `path` (`.xlsx` or `.csv`) atomically; raises InterchangeError."""
    write_output(path, export_bytes(workshop, _suffix(path, EXPORT_SUFFIXES)))
