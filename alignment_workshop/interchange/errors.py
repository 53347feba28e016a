"""What goes wrong in an import: problems located by sheet, row and column.

A `Problem` names its place the way a person finds it in the file: "Cards, row 12, column
due" in a spreadsheet, "line 40" in a Markdown outline, nothing for the file as a whole.
`InterchangeError` carries every problem found, and its message is the first one, on one
line, with how many more there are.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from alignment_workshop import formats
from alignment_workshop.i18n import _, ngettext

#: Longest message, like the .alignment loader's.
MESSAGE_MAX = 300


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a source: where it is, and what to do about it.

    `sheet` is a sheet's name (None for a CSV file or a Markdown outline); `row` is a
    spreadsheet row number as the spreadsheet shows it, or a Markdown line number;
    `column` is the column's canonical name (`due`, `supports`) or None.
    """

    message: str
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    #: Whether `row` counts lines of text (Markdown) rather than spreadsheet rows.
    line: bool = False

    @property
    def place(self) -> str:
        """ "Cards, row 12, column due", "line 40", or "" for the whole file."""
        parts = [] if self.sheet is None else [self.sheet]
        if self.row is not None:
            counted = _("line {number}") if self.line else _("row {number}")
            parts.append(counted.format(number=self.row))
        if self.column is not None:
            parts.append(_("column {name}").format(name=self.column))
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.place}: {self.message}" if self.place else self.message
        text = " ".join(text.split())
        return text if len(text) <= MESSAGE_MAX else text[: MESSAGE_MAX - 1] + "…"


class InterchangeError(Exception):
    """A source could not be imported, or a spreadsheet not written; nothing changed.

    `problems` lists everything found (at least one); `str(error)` is the first, on one
    line, followed by how many more there are.
    """

    def __init__(self, problems: Iterable[Problem] | Problem | str) -> None:
        if isinstance(problems, str):
            problems = Problem(problems)
        if isinstance(problems, Problem):
            problems = (problems,)
        self.problems: tuple[Problem, ...] = tuple(problems)
        if not self.problems:
            raise ValueError("an InterchangeError needs at least one problem")
        more = len(self.problems) - 1
        if more == 0:
            super().__init__(str(self.problems[0]))
            return
        super().__init__(
            ngettext(
                "{problem} (and {count} more problem)",
                "{problem} (and {count} more problems)",
                more,
            ).format(problem=self.problems[0], count=formats.integer(more))
        )
