"""The one gate between workshop text and reportlab: every string passes through here.

Workshop text is plain text typed by people, never markup. `escape` makes it safe to put
inside a Paragraph (or a markup attribute): markup characters print literally, control
characters become spaces, characters the font cannot draw become U+FFFD, and very long
words are left to the paragraph styles, which all split long words (see `styles.py`).
`drawable` does the same minus the markup escaping, for text drawn straight on a canvas.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Final, cast

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from .fonts import REGULAR, register_fonts

_NEWLINES = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_REPLACEMENT: Final = "\ufffd"
_XML: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


@lru_cache(maxsize=1)
def _glyphs() -> frozenset[int]:
    """The code points the regular face draws with a real glyph."""
    register_fonts()
    # getFont is typed as returning the base Font; REGULAR is registered as a TTFont.
    font = cast(TTFont, pdfmetrics.getFont(REGULAR))
    return frozenset(font.face.charToGlyph)


def _clean_char(char: str, glyphs: frozenset[int]) -> str:
    """One character as it should reach the PDF."""
    if char == "\n":
        return char
    category = unicodedata.category(char)
    if category in ("Cc", "Zl", "Zp") or char == "\t":
        return " "
    if category == "Cs" or ord(char) not in glyphs:
        return _REPLACEMENT if category not in ("Cf", "Mn") else ""
    return char


def drawable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with only characters the embedded font can draw; no markup escaping."""
    text = _NEWLINES.sub("\n", text)
    glyphs = _glyphs()
    if not keep_newlines:
        text = text.replace("\n", " ")
    if all(ord(c) in glyphs and c.isprintable() for c in text if c != "\n"):
        return text
    return "".join(_clean_char(c, glyphs) for c in text)


def escape(text: str, *, keep_newlines: bool = True) -> str:
    """Workshop text as Paragraph markup that prints it literally.

    Newlines become line breaks unless `keep_newlines` is false (then spaces), which is
    what an attribute value or a one-line heading wants.
    """
    text = drawable(text, keep_newlines=keep_newlines)
    text = text.translate(_XML)
    return text.replace("\n", "<br/>") if keep_newlines else text
