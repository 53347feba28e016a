"""Text a phone sends, made safe to keep: one clean line or a short block, within limits.

A phone may send anything: control characters, escape sequences, bidi overrides that
reorder what the facilitator reads, lone surrogates, or a megabyte. `clean_line` and
`clean_block` drop every control a screen or terminal would obey (keeping a block's line
breaks), fold runs of blanks, and refuse blank or oversized text with `TextError`, whose
`code` the phone page shows in its own words. Escaping for a screen is still the
showing side's job: the phone page sets `textContent`, Qt labels are plain text.
"""

from __future__ import annotations

import re
import unicodedata

from .errors import RoomError

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)
_BLANKS = re.compile(r"[ \t\u00a0\u3000]+")
_MANY_NEWLINES = re.compile(r"\n{3,}")


class TextError(RoomError):
    """Text the room will not keep; `code` names why ("blank", "too-long", "bad-text")."""


def _checked(value: object, limit: int) -> str:
    if not isinstance(value, str):
        raise TextError("bad-text")
    if len(value) > 4 * limit:  # refuse the absurd before any work on it
        raise TextError("too-long")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from JSON's \ud800
        raise TextError("bad-text") from None
    return unicodedata.normalize("NFC", value)


def clean_line(value: object, limit: int, *, required: bool = True) -> str:
    """`value` as one line: controls gone, blanks folded; refused if blank or too long."""
    text = _checked(value, limit)
    text = _CONTROLS.sub(" ", text.replace("\r\n", " ").replace("\n", " "))
    text = _BLANKS.sub(" ", text).strip()
    return _within(text, limit, required=required)


def clean_block(value: object, limit: int, *, required: bool = True) -> str:
    """`value` as a few lines: controls gone but line breaks kept, at most one blank line."""
    text = _checked(value, limit).replace("\r\n", "\n").replace("\r", "\n")
    lines = [_BLANKS.sub(" ", _CONTROLS.sub(" ", line)).strip() for line in text.split("\n")]
    text = _MANY_NEWLINES.sub("\n\n", "\n".join(lines)).strip()
    return _within(text, limit, required=required)


def _within(text: str, limit: int, *, required: bool) -> str:
    if required and not text:
        raise TextError("blank")
    if len(text) > limit:
        raise TextError("too-long")
    return text
