"""Workshop text as runs of one font each, in visual order and shaped: what a PDF line holds.

A line of text in any script becomes a list of `Run`s:
1. the Unicode bidirectional algorithm (python-bidi) puts it in visual order, so an
   Arabic or Hebrew phrase reads right to left, its words in the right order, and digits
   and Latin words inside it left to right;
2. each character goes to the first face that draws it (`fonts.face_for`): DejaVu for
   most, Noto for Arabic, Hebrew, Thai and the Indic scripts (these win over DejaVu's
   own Arabic and Hebrew, so that one face shapes a whole word), Noto Emoji, and Droid
   Sans Fallback for Chinese, Japanese and Korean. Spaces, digits, punctuation and marks
   stay with the run they are in when its face has them;
3. words in the complex scripts are shaped by HarfBuzz (`shaping.ScriptFont`).
Characters no shipped font has become U+FFFD, which DejaVu draws.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Final, cast

from bidi import get_display
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas

from .fonts import FALLBACKS, REGULAR, face_for, glyphs
from .shaping import ScriptFont

REPLACEMENT: Final = "\ufffd"
#: Faces whose words HarfBuzz shapes; all but emoji and CJK, which need no shaping here.
_SHAPED: Final = frozenset(f.name for f in FALLBACKS) - {"NotoEmoji", "DroidSansFallback"}
_RTL_CLASSES: Final = frozenset({"R", "AL"})
_NEUTRAL: Final = frozenset({"Zs", "Mn", "Mc", "Me", "Cf", "Nd", "Po", "Pd", "Ps", "Pe", "Sk"})


@dataclass(frozen=True)
class Run:
    """Text in one face, ready to draw. `face` is None for the caller's own font."""

    face: str | None
    text: str


def has_rtl(text: str) -> bool:
    """Whether `text` holds a right-to-left letter (Hebrew, Arabic, ...)."""
    return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in text)


def visual(line: str) -> str:
    """`line` in visual order, but each right-to-left word kept in logical order.

    The bidi algorithm reverses right-to-left characters; HarfBuzz wants each word in
    logical order and gives its glyphs back right to left, so words are turned back.
    """
    if not has_rtl(line):
        return line
    display = cast(str, get_display(line))
    out: list[str] = []
    word: list[str] = []
    for char in display:
        if unicodedata.bidirectional(char) in _RTL_CLASSES or (
            word and unicodedata.category(char) in ("Mn", "Me", "Cf")
        ):
            word.append(char)
            continue
        out += _logical(word)
        word = []
        out.append(char)
    return "".join(out + _logical(word))


def _logical(word: list[str]) -> list[str]:
    """A right-to-left word from the display string back in logical order, marks after."""
    return word[::-1]


@lru_cache(maxsize=1)
def _base() -> frozenset[int]:
    return glyphs(REGULAR)


def _in_shaped_blocks(code: int) -> bool:
    return any(
        low <= code <= high for f in FALLBACKS if f.name in _SHAPED for low, high in f.blocks
    )


def _face(char: str, current: str | None) -> str | None:
    """The face for `char`; `current` (the run's face) when it has a neutral character."""
    code = ord(char)
    neutral = unicodedata.category(char) in _NEUTRAL
    if current is not None and neutral and code in glyphs(current):
        return current
    if code < 0x590 or (code in _base() and not _in_shaped_blocks(code)):
        return None if code in _base() else face_for(code)
    return face_for(code)


def clean_char(char: str) -> str:
    """One character as it may reach the PDF: controls and tabs as spaces, lone
    surrogates as the replacement character."""
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp") or char == "\t":
        return " "
    if category == "Cs":
        return REPLACEMENT
    return char


@lru_cache(maxsize=4096)
def runs(line: str) -> tuple[Run, ...]:
    """One line (no newline) as runs of one face each, in visual order, shaped."""
    if line.isascii() and line.isprintable():
        return (Run(None, line),)  # DejaVu has every printable ASCII character
    pieces: list[tuple[str | None, list[str]]] = []
    for original in visual("".join(clean_char(c) for c in line)):
        char = original
        face = _face(char, pieces[-1][0] if pieces else None)
        if face is None and ord(char) not in _base():
            if unicodedata.category(char) in ("Mn", "Cf"):
                continue  # a mark or format character with no glyph anywhere: drop it
            char = REPLACEMENT
        if pieces and pieces[-1][0] == face:
            pieces[-1][1].append(char)
        else:
            pieces.append((face, [char]))
    _move_trailing_spaces(pieces)
    return tuple(_shaped(face, "".join(chars)) for face, chars in pieces if chars)


def _move_trailing_spaces(pieces: list[tuple[str | None, list[str]]]) -> None:
    """Spaces that end a fallback run before another run are set in the caller's font.

    PDF readers turn a right-to-left run around as a whole, a trailing space included,
    and an emoji face's space is wider than the text's own.
    """
    index = 0
    while index < len(pieces) - 1:
        face, chars = pieces[index]
        spaces = []
        while face is not None and chars and chars[-1] == " ":
            spaces.append(chars.pop())
        if spaces and pieces[index + 1][0] is None:
            pieces[index + 1][1][:0] = spaces
        elif spaces:
            pieces.insert(index + 1, (None, spaces))
        index += 1


def _shaped(face: str | None, text: str) -> Run:
    if face not in _SHAPED:
        return Run(face, text)
    font = cast(ScriptFont, pdfmetrics.getFont(face))
    return Run(face, "".join(font.shape(part) for part in _segments(text)))


def _segments(text: str) -> list[str]:
    """`text` cut where a word ends or its direction changes: what HarfBuzz shapes at once.

    "ليلى," holds a right-to-left word and a comma the bidi algorithm already placed;
    shaped together, HarfBuzz would turn the comma around a second time.
    """
    parts: list[str] = []
    previous: bool | None = None
    for char in text:
        rtl = unicodedata.bidirectional(char) in _RTL_CLASSES
        if unicodedata.category(char) in ("Mn", "Me") and previous is not None:
            rtl = previous  # a mark goes with its letter
        if char == " " or previous is None or rtl != previous or parts[-1] == " ":
            parts.append(char)
        else:
            parts[-1] += char
        previous = rtl
    return parts


def width(text: str, font: str, size: float) -> float:
    """The width of one line of `text` in points, each run in its own face."""
    return sum(pdfmetrics.stringWidth(run.text, run.face or font, size) for run in runs(text))


def placed(text: str, font: str, size: float) -> list[tuple[float, str, str]]:
    """One line as (x offset, face, text) pieces to draw left to right at `size`."""
    x, out = 0.0, []
    for run in runs(text):
        face = run.face or font
        out.append((x, face, run.text))
        x += pdfmetrics.stringWidth(run.text, face, size)
    return out


def starts_rtl(text: str) -> bool:
    """Whether the first strong character of `text` is right-to-left: a right-to-left line."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return kind != "L"
    return False


def draw(
    canvas: Canvas, x: float, y: float, text: str, font: str, size: float, *, right: bool = False
) -> None:
    """Draw one line of `text` on `canvas` from `x` (or ending at `x`), run by run.

    The canvas keeps `font` as its current font afterwards, as `drawString` would.
    """
    if right:
        x -= width(text, font, size)
    for offset, face, piece in placed(text, font, size):
        canvas.setFont(face, size)
        canvas.drawString(x + offset, y, piece)
    canvas.setFont(font, size)
