"""The plain intermediate form between a file and a workshop: named tables of text.

Reading has two phases, as for .alignment files. First a reader turns its file into
`Table`s of strings (XLSX sheets, the CSV file, a Markdown outline's cards), keeping for
every row the number a person sees in the file. Then `build` turns the tables into
model records, checking each against the model. Writing goes the other way: `export`
turns a workshop into tables, and a writer puts them into a file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .errors import Problem

#: The sheets of a workbook, in the order they are written.
CARDS, TEAMS, WORKSHOP, LINKS, ACTIONS, FINDINGS = (
    "Cards", "Teams", "Workshop", "Links", "Actions", "Findings",
)  # fmt: skip


@dataclass(slots=True)
class Row:
    """One row of values by canonical column name, and where it is in the file."""

    number: int
    values: dict[str, str] = field(default_factory=dict)
    #: The column of the file each value came from, where its name differs: a CSV team
    #: row's `name` is its `title` cell. Problems name the column a person sees.
    labels: dict[str, str] | None = None

    def get(self, column: str) -> str:
        """The cell's text, "" when the column is missing or the cell empty."""
        return self.values.get(column, "")

    def label(self, column: str) -> str:
        """The name of the file's column that holds `column`."""
        return column if self.labels is None else self.labels.get(column, column)


@dataclass(slots=True)
class Table:
    """A sheet (or a CSV file, or an outline's cards) as rows of text.

    `sheet` is the name problems are reported under (None for CSV and Markdown, which
    have one table); `line_numbers` says the row numbers are lines of a text file.
    """

    sheet: str | None
    rows: list[Row] = field(default_factory=list)
    line_numbers: bool = False
    #: Headers that matched no column; they are reported and their cells ignored.
    ignored: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Tables:
    """Everything one source holds, as tables; a source without a sheet leaves it None."""

    cards: Table
    teams: Table | None = None
    workshop: Table | None = None
    links: Table | None = None
    actions: Table | None = None
    #: Whether a team name no Teams table lists makes a new team (a CSV file, a sheet of
    #: cards alone) rather than a problem (a workbook's Teams sheet, an outline's sections).
    teams_by_name: bool = False
    #: Problems a reader found that do not stop it (columns it ignored…), for the preview.
    notes: list[str] = field(default_factory=list)
    #: Problems a reader found in rows it passed on; `build` reports them with its own.
    problems: list[Problem] = field(default_factory=list)


@dataclass(slots=True)
class SheetData:
    """A table as a writer receives it: a sheet name, the header, then rows of text."""

    name: str
    header: tuple[str, ...]
    rows: list[list[str]]
