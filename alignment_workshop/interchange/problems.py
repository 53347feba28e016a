"""Collecting problems while a source is read, each at its sheet, row and column."""

from __future__ import annotations

from alignment_workshop.model import ValidationError

from .errors import InterchangeError, Problem
from .tables import Row, Table

#: After this many problems, reading stops: the first ones say what is wrong.
MAX_PROBLEMS = 200


class Problems:
    """The problems found so far; `raise_if_any` ends the import when there are some."""

    def __init__(self, found: list[Problem] | None = None) -> None:
        self.found: list[Problem] = list(found or ())

    def __bool__(self) -> bool:
        return bool(self.found)

    def __len__(self) -> int:
        return len(self.found)

    def add(
        self, table: Table | None, row: Row | int | None, column: str | None, message: str
    ) -> None:
        """Record one problem; stops the import once there are too many to be useful."""
        number = row.number if isinstance(row, Row) else row
        if isinstance(row, Row) and column is not None:
            column = row.label(column)
        sheet = None if table is None else table.sheet
        lines = table is not None and table.line_numbers
        self.found.append(Problem(message, sheet, number, column, lines))
        if len(self.found) >= MAX_PROBLEMS:
            raise InterchangeError(self.found)

    def refused(
        self, table: Table | None, row: Row | int | None, column: str | None, error: ValidationError
    ) -> None:
        """Record the model's refusal of a row; its field names the column when none is given."""
        field = error.field.split("[")[0].split(".")[0]
        self.add(table, row, column or field or None, error.reason)

    def raise_if_any(self) -> None:
        """Raise an `InterchangeError` with every problem found, if there is one."""
        if self.found:
            raise InterchangeError(self.found)
