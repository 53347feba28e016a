"""Cell text both ways: XLSX escapes, the CSV formula guard, lists, numbers and dates.

- **XLSX** cells are XML text, which cannot hold most control characters, nor keep a
  carriage return. Those are written as OOXML's `_xHHHH_` escapes (which Excel shows
  as the character), and a literal `_xHHHH_` in the text as `_x005F_xHHHH_`, so that
  every string reads back exactly.
- **CSV** fields that a spreadsheet would run as a formula (`= + - @`, tab, carriage
  return at the start) are written after a `'`, and so is a field that already starts
  with `'`; reading removes exactly that one `'` again.
- **Lists** (links, contributors) are items separated by `;`. An item that holds `;` or
  `"`, or starts or ends with white space, is written in double quotes, with `""` for a
  quote, as in CSV.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Final

from alignment_workshop.model.rules import DATE_PATTERN

# --------------------------------------------------------------------- XLSX text

#: Characters XML 1.0 cannot hold, and the carriage return, which XML turns into \n.
_XML_UNSAFE: Final = re.compile(
    r"[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\ufffe\uffff]|_(?=x[0-9A-Fa-f]{4}_)"
)
_ESCAPED: Final = re.compile(r"_x([0-9A-Fa-f]{4})_")


def to_xlsx_text(text: str) -> str:
    """`text` with the characters an XLSX cell cannot hold written as `_xHHHH_`."""
    return _XML_UNSAFE.sub(lambda m: f"_x{ord(m.group()):04X}_", text)


def from_xlsx_text(text: str) -> str:
    """The text an XLSX cell stands for: every `_xHHHH_` turned back into its character."""
    if "_x" not in text:
        return text
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


# --------------------------------------------------------------------- CSV guard

#: The first characters that make a spreadsheet read a field as a formula.
FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r")


def guard_csv(text: str) -> str:
    """`text` prefixed with `'` when a spreadsheet would run it, or when it starts with `'`."""
    return "'" + text if text.startswith((*FORMULA_STARTS, "'")) else text


def unguard_csv(text: str) -> str:
    """The text `guard_csv` was given: removes exactly one guarding `'`, and only that."""
    if text.startswith("'") and text[1:].startswith((*FORMULA_STARTS, "'")):
        return text[1:]
    return text


# --------------------------------------------------------------------- lists

_SEPARATOR: Final = ";"


def _needs_quotes(item: str) -> bool:
    return not item or _SEPARATOR in item or '"' in item or item != item.strip()


def join_list(items: Iterable[str]) -> str:
    """Items as one cell: `a; b; "c; d"`."""
    return "; ".join(
        '"' + item.replace('"', '""') + '"' if _needs_quotes(item) else item for item in items
    )


def split_list(cell: str) -> list[str]:
    """The items of a list cell; raises ValueError for an unclosed quote.

    Items are trimmed unless quoted; empty items (`a;;b`, a trailing `;`) are skipped.
    """
    items: list[str] = []
    i, size = 0, len(cell)
    while i < size:
        while i < size and cell[i] in " \t\n":
            i += 1
        if i < size and cell[i] == '"':
            item, i = _quoted(cell, i + 1)
            items.append(item)
            while i < size and cell[i] in " \t\n":
                i += 1
            if i < size and cell[i] != _SEPARATOR:
                raise ValueError(f"expected ; after a quoted item (at character {i + 1})")
        else:
            end = cell.find(_SEPARATOR, i)
            end = size if end < 0 else end
            item = cell[i:end].strip()
            if item:
                items.append(item)
            i = end
        i += 1
    return items


def _quoted(cell: str, i: int) -> tuple[str, int]:
    """The quoted item starting after the quote at `i - 1`, and the index after its end."""
    parts: list[str] = []
    while True:
        end = cell.find('"', i)
        if end < 0:
            raise ValueError('a quoted item has no closing "')
        parts.append(cell[i:end])
        if cell.startswith('""', end):
            parts.append('"')
            i = end + 2
            continue
        return "".join(parts), end + 1


# --------------------------------------------------------------------- values

_NUMBER: Final = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
#: A number with thousands separators: 1,000 or 12,500.75.
_GROUPED: Final = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?%?")


def format_number(value: float | None) -> str:
    """A key result's number as text that reads back as exactly the same float."""
    if value is None:
        return ""
    return repr(float(value))


def parse_number(text: str) -> float:
    """A decimal number (`12`, `-0.5`, `1e6`, `99.5%` without the %); raises ValueError."""
    cleaned = text.strip()
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    if cleaned.endswith("%"):
        cleaned = cleaned[:-1].rstrip()
    if not _NUMBER.fullmatch(cleaned):
        raise ValueError(f"must be a number (got {_shown(text)})")
    return float(cleaned)


def parse_int(text: str) -> int:
    """A whole number (`3`, `3.0`); raises ValueError."""
    value = parse_number(text)
    if not value.is_integer():
        raise ValueError(f"must be a whole number (got {_shown(text)})")
    return int(text.strip()) if text.strip().lstrip("+-").isdigit() else int(value)


def parse_date(text: str) -> dt.date:
    """A date written `YYYY-MM-DD` (a spreadsheet's own date cells arrive in that form)."""
    cleaned = text.strip()
    if cleaned[10:] in ("", "T00:00:00", " 00:00:00"):
        cleaned = cleaned[:10]
    if not DATE_PATTERN.fullmatch(cleaned):
        raise ValueError(f"must be a date written YYYY-MM-DD (got {_shown(text)})")
    try:
        return dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(f"is not a real calendar date (got {_shown(text)})") from None


_TRUE: Final = frozenset({"yes", "true", "y", "1", "x", "done", "resolved", "☑", "✓"})
_FALSE: Final = frozenset(
    {"no", "false", "n", "0", "", "☐", "open", "to do", "todo", "not done", "unresolved"}
)


def parse_bool(text: str) -> bool:
    """yes/no, true/false, 1/0, x or empty; raises ValueError for anything else."""
    folded = text.strip().casefold()
    if folded in _TRUE:
        return True
    if folded in _FALSE:
        return False
    raise ValueError(f"must be yes or no (got {_shown(text)})")


def format_bool(value: bool) -> str:
    """How a flag is written: yes or no."""
    return "yes" if value else "no"


#: A period with a label: "H1 2027 (2027-01-01 to 2027-06-30)"; the label may hold anything.
_LABELLED_PERIOD: Final = re.compile(r"(.*) \((\S+) to (\S+)\)", re.DOTALL)
#: A period without one: "2027-01-01 to 2027-06-30" (or –, —, / or .. between).
_BARE_PERIOD: Final = re.compile(r"\s*(\S+?)\s*(?:\sto\s|–|—|/|\.\.)\s*(\S+)\s*")


def format_period(start: dt.date, end: dt.date, label: str) -> str:
    """A period in one cell: "H1 2027 (2027-01-01 to 2027-06-30)", or just the dates."""
    dates = f"{start.isoformat()} to {end.isoformat()}"
    return f"{label} ({dates})" if label else dates


def parse_period(text: str) -> tuple[dt.date, dt.date, str]:
    """The start, end and label `format_period` wrote; raises ValueError."""
    labelled = _LABELLED_PERIOD.fullmatch(text)
    found = labelled or _BARE_PERIOD.fullmatch(text)
    if found is None:
        raise ValueError(
            "must be a period written like H1 2027 (2027-01-01 to 2027-06-30), "
            f"or 2027-01-01 to 2027-06-30 (got {_shown(text)})"
        )
    if labelled is not None:
        label, start, end = labelled.groups()
    else:
        (start, end), label = found.groups(), ""
    return parse_date(start), parse_date(end), label


def _shown(text: str) -> str:
    """`text` quoted for a message, shortened and one line."""
    flat = " ".join(text.split())
    return repr(flat if len(flat) <= 40 else flat[:39] + "…")
