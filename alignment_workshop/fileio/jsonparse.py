"""Phase one of loading: bytes to plain JSON values, strictly.

The bytes must be UTF-8 (a byte-order mark is tolerated) and at most 20 MiB, checked
before anything is decoded. The JSON must be standard: NaN and Infinity are refused, and
so are numbers too long to convert, nesting too deep for the parser, and anything after
the document. An object with the same key twice is not refused here but marked, so that
the checks of phase two, which know where the object sits, can name the place.
"""

from __future__ import annotations

import json
from typing import Any, Final

from .errors import WorkshopFileError

MAX_FILE_BYTES: Final = 20 * 1024 * 1024
_BOM: Final = b"\xef\xbb\xbf"


class DuplicateKeys(dict[str, Any]):
    """A JSON object in which `duplicate` appeared more than once (the last value kept)."""

    duplicate: str = ""


def _pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj = dict(pairs)
    if len(obj) == len(pairs):
        return obj
    marked = DuplicateKeys(pairs)
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            marked.duplicate = key
            break
        seen.add(key)
    return marked


def _refuse_constant(name: str) -> Any:
    raise WorkshopFileError("", f"{name} is not allowed in a workshop file; numbers must be finite")


def size_error(size: int) -> WorkshopFileError:
    """The refusal of a file of `size` bytes, over the limit."""
    return WorkshopFileError(
        "",
        f"the file is {size / 1024 / 1024:.1f} MiB, larger than the limit of "
        f"{MAX_FILE_BYTES // 1024 // 1024} MiB for a workshop file",
    )


def _decode(data: bytes) -> str:
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise WorkshopFileError(
            f"byte {error.start}", "the file is not valid UTF-8 text; is it a workshop file?"
        ) from None


def parse_json(data: bytes) -> Any:
    """The JSON value in `data`; raises `WorkshopFileError` for anything not strict JSON."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise WorkshopFileError("", f"a workshop file is bytes, not {type(data).__name__}")
    if len(data) > MAX_FILE_BYTES:
        raise size_error(len(data))
    text = _decode(bytes(data))
    try:
        return json.loads(text, object_pairs_hook=_pairs_hook, parse_constant=_refuse_constant)
    except json.JSONDecodeError as error:
        reason = error.msg[:1].lower() + error.msg[1:]
        raise WorkshopFileError(
            f"line {error.lineno}, column {error.colno}", f"not valid JSON ({reason})"
        ) from None
    except RecursionError:
        raise WorkshopFileError("", "the JSON is nested too deeply to be a workshop file") from None
    except ValueError:  # int() refuses numbers of thousands of digits
        raise WorkshopFileError("", "a number in the file has too many digits to read") from None
