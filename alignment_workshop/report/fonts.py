"""The fonts the action plan is set in: DejaVu Sans first, then a fallback per script.

All ship in resources/fonts as TrueType (glyf) outlines, which reportlab embeds as
subsets: DejaVu Sans (Latin, Greek, Cyrillic and symbols; three faces), Droid Sans
Fallback (Chinese, Japanese, Korean; Apache 2.0), Noto Sans for Arabic, Hebrew, Thai and
nine Indic scripts, and monochrome Noto Emoji (all OFL). DejaVu is registered with every
plan; a fallback face is read only when a text holds a character in its blocks, so a
plan in English never parses the 3.4 MB CJK font. `scripts.py` picks the face per
character; `shaping.py` holds the font class that keeps shaped text extractable.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import as_file, files
from typing import Final, cast

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .shaping import ScriptFont

REGULAR: Final = "DejaVuSans"
BOLD: Final = "DejaVuSans-Bold"
OBLIQUE: Final = "DejaVuSans-Oblique"

_FILES: Final = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
}


@dataclass(frozen=True)
class Fallback:
    """A face for the characters DejaVu lacks, with the blocks it is read for."""

    name: str
    filename: str
    blocks: tuple[tuple[int, int], ...]


_INDIC: Final = (
    ("Devanagari", 0x0900, 0x097F),
    ("Bengali", 0x0980, 0x09FF),
    ("Gurmukhi", 0x0A00, 0x0A7F),
    ("Gujarati", 0x0A80, 0x0AFF),
    ("Oriya", 0x0B00, 0x0B7F),
    ("Tamil", 0x0B80, 0x0BFF),
    ("Telugu", 0x0C00, 0x0C7F),
    ("Kannada", 0x0C80, 0x0CFF),
    ("Malayalam", 0x0D00, 0x0D7F),
)
#: Characters every script shares (danda, joiners, dotted circle): read with the script.
_SHARED: Final = ((0x0964, 0x0965), (0x200C, 0x200D), (0x25CC, 0x25CC), (0xA8E0, 0xA8FF))

#: In the order they are asked: the first face that has a glyph draws the character.
FALLBACKS: Final[tuple[Fallback, ...]] = (
    Fallback(
        "NotoSansArabic",
        "NotoSansArabic-Regular.ttf",
        ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF)),
    ),
    Fallback("NotoSansHebrew", "NotoSansHebrew-Regular.ttf", ((0x0590, 0x05FF), (0xFB1D, 0xFB4F))),
    Fallback("NotoSansThai", "NotoSansThai-Regular.ttf", ((0x0E00, 0x0E7F),)),
    *(
        Fallback(f"NotoSans{name}", f"NotoSans{name}-Regular.ttf", ((low, high), *_SHARED))
        for name, low, high in _INDIC
    ),
    Fallback(
        "NotoEmoji",
        "NotoEmoji-Regular.ttf",
        ((0x2000, 0x2BFF), (0xFE00, 0xFE0F), (0x1F000, 0x1FAFF), (0xE0020, 0xE007F)),
    ),
    Fallback(
        "DroidSansFallback",
        "DroidSansFallbackWorkshop.ttf",
        (
            (0x1100, 0x11FF),  # Hangul Jamo
            (0x2E80, 0x9FFF),  # CJK radicals, punctuation, kana, Hangul compatibility, Han
            (0xA960, 0xA97F),
            (0xAC00, 0xD7FF),  # Hangul syllables
            (0xF900, 0xFAFF),
            (0xFE30, 0xFE4F),
            (0xFF00, 0xFFEF),  # full-width forms
            (0x20000, 0x2FA1F),
        ),
    ),
)


def _font_path(filename: str) -> str:
    folder = files("alignment_workshop.resources").joinpath("fonts")
    with as_file(folder.joinpath(filename)) as path:
        return str(path)


def register_fonts() -> None:
    """Register the three DejaVu faces and the family mapping with reportlab, once."""
    registered = pdfmetrics.getRegisteredFontNames()
    if all(name in registered for name in _FILES):
        return
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, _font_path(filename)))
    # <b><i> together has no face of its own: bold stands in for bold oblique.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, OBLIQUE)
    addMapping(REGULAR, 1, 1, BOLD)


@cache
def glyphs(name: str) -> frozenset[int]:
    """The code points face `name` draws, registering it on first use."""
    register_fonts()
    if name not in pdfmetrics.getRegisteredFontNames():
        fallback = next(f for f in FALLBACKS if f.name == name)
        pdfmetrics.registerFont(ScriptFont(name, _font_path(fallback.filename)))
        # The fallbacks have one face: bold and italic text uses it as it is.
        for bold in (0, 1):
            for italic in (0, 1):
                addMapping(name, bold, italic, name)
    # getFont is typed as returning the base Font; every face here is a TTFont.
    return frozenset(cast(TTFont, pdfmetrics.getFont(name)).face.charToGlyph)


def face_for(code: int) -> str | None:
    """The first fallback face that draws `code`, or None when no shipped font has it."""
    for fallback in FALLBACKS:
        if any(low <= code <= high for low, high in fallback.blocks) and code in glyphs(
            fallback.name
        ):
            return fallback.name
    return None
