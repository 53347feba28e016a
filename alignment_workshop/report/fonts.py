"""The fonts the action plan is set in: DejaVu Sans, shipped in resources/fonts and embedded.

Helvetica, the PDF built-in, has no glyphs beyond Latin-1 and prints boxes for Greek or
Cyrillic. DejaVu Sans covers those, and reportlab embeds a subset of it in every PDF.
Characters DejaVu lacks (CJK, for one) never stop an export: `text.drawable` prints
them as U+FFFD, the replacement character, which DejaVu has.
"""

from __future__ import annotations

from importlib.resources import as_file, files
from typing import Final

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

REGULAR: Final = "DejaVuSans"
BOLD: Final = "DejaVuSans-Bold"
OBLIQUE: Final = "DejaVuSans-Oblique"

_FILES: Final = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    OBLIQUE: "DejaVuSans-Oblique.ttf",
}


def register_fonts() -> None:
    """Register the three faces and the family mapping with reportlab, once per process."""
    registered = pdfmetrics.getRegisteredFontNames()
    if all(name in registered for name in _FILES):
        return
    folder = files("alignment_workshop.resources").joinpath("fonts")
    for name, filename in _FILES.items():
        with as_file(folder.joinpath(filename)) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    # <b><i> together has no face of its own: bold stands in for bold oblique.
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, OBLIQUE)
    addMapping(REGULAR, 1, 1, BOLD)
