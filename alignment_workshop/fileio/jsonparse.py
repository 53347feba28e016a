"""Phase one of loading: bytes to plain JSON values, strictly.

The bytes must be UTF-8 (a byte-order mark is tolerated) and at most 20 MiB, checked
before anything is decoded. The JSON must be standard: NaN and Infinity are refused, and
so are numbers too long to convert, nesting too deep for the parser, and anything after
the document. An object with the same key twice is not refused here but marked, so that
the checks of phase two, which know where the object sits, can name the place.
"""

from __future__ import annotations

import json
import re
from typing import Any, Final

from alignment_workshop import formats
from alignment_workshop.i18n import _

from .errors import WorkshopFileError
from .locations import TOP, line_column, path_to

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
_BOM: Final = b"\xef\xbb\xbf"
#: Integers with more digits are refused: Python's default limit for converting text to
#: an integer, and so also the longest integer the writer can write.
_INT_MAX_DIGITS: Final = 4_300
#: Nesting deeper than this is reported as the place of a too-deep file.
_DEEP: Final = 200
#: A JSON string (as an unrolled loop, fast on long strings) or a bracket.
_BRACKETS_OR_STRINGS: Final = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which `duplicate` appeared more than once (the last value kept)."""

    duplicate: str = ""


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = DuplicateKeys(pairs)
    seen: set[str] = set()
    for key, _value in pairs:
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


class _RefusedValueError(Exception):
    """A value the strict parse refuses; the error path then finds where it is."""


def _refuse_constant(name: str) -> Any:
    raise _RefusedValueError(_("{name} is not allowed; numbers must be finite").format(name=name))


def _too_long(digits: str) -> bool:
    return len(digits) - digits.startswith("-") > _INT_MAX_DIGITS


def _refuse_long_int(digits: str) -> int:
    if not _too_long(digits):
        try:
            return int(digits)
        except ValueError:  # only if the interpreter's own digit limit was lowered
            pass
    raise _RefusedValueError(
        _("the number has too many digits ({count})").format(count=formats.integer(len(digits)))
    )


def _place_of_refused(text: str) -> str:
    """Where the first value refused by the strict parse sits: "nodes[2].x"."""
    marker = object()
    try:
        value = json.loads(
            text,
            object_pairs_hook=_pairs_hook,
            parse_constant=lambda _name: marker,
            parse_int=lambda digits: marker if _too_long(digits) else 0,
        )
    except (ValueError, RecursionError):  # the file has a second problem further on
        return ""
    return path_to(value, marker) or TOP


def _place_of_nesting(text: str) -> str:
    """The line and column where brackets nest deeper than any workshop file needs."""
    depth = 0
    for token in _BRACKETS_OR_STRINGS.finditer(text):
        char = token.group()
        if char in "[{":
            depth += 1
            if depth > _DEEP:
                return line_column(text, token.start())
        elif char in "]}":
            depth -= 1
    return TOP


def size_error(size: int) -> WorkshopFileError:
    """The refusal of a file of `size` bytes, over the limit."""
    return WorkshopFileError(
        "",
        _(
            "the file is {size} MiB, larger than the limit of {limit} MiB for a workshop file"
        ).format(size=formats.decimal(size / 1024 / 1024, 1), limit=MAX_FILE_BYTES // 1024 // 1024),
    )


def _decode(data: bytes) -> str:
    skip = len(_BOM) if data.startswith(_BOM) else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkshopFileError(
            _("byte {offset}").format(offset=skip + error.start),
            _("the file is not valid UTF-8 text; is it a workshop file?"),
        ) from None


def parse_json(data: bytes) -> Any:
    """The JSON value in `data`; raises `WorkshopFileError` for anything not strict JSON."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise WorkshopFileError(
            "", _("a workshop file is bytes, not {type}").format(type=type(data).__name__)
        )
    data = bytes(data)
    if len(data) > MAX_FILE_BYTES:
        raise size_error(len(data))
    text = _decode(data)
    try:
        return json.loads(
            text,
            object_pairs_hook=_pairs_hook,
            parse_constant=_refuse_constant,
            parse_int=_refuse_long_int,
        )
    except json.JSONDecodeError as error:
        reason = error.msg[:1].lower() + error.msg[1:]
        where = _("line {line}, column {column}").format(line=error.lineno, column=error.colno)
        raise WorkshopFileError(
            where, _("not valid JSON ({reason})").format(reason=reason)
        ) from None
    except _RefusedValueError as error:
        raise WorkshopFileError(_place_of_refused(text), str(error)) from None
    except RecursionError:
        where = _place_of_nesting(text)
        raise WorkshopFileError(
            where, _("the JSON is nested too deeply for a workshop file")
        ) from None
