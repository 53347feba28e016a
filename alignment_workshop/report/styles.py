"""Paragraph styles of the action plan, all set in the embedded DejaVu Sans.

Every style splits long words, so that a 200-character title with no space wraps inside
its column instead of running off the page.
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle

from . import palette
from .fonts import BOLD, OBLIQUE, REGULAR, register_fonts


class Styles:
    """The named styles of the plan, made once per process."""

    def __init__(self) -> None:
        register_fonts()
        ink = colors.HexColor(palette.INK)
        muted = colors.HexColor(palette.MUTED)
        base = ParagraphStyle(
            "body",
            fontName=REGULAR,
            fontSize=9.5,
            leading=12.5,
            textColor=ink,
            splitLongWords=1,
            bulletFontName=REGULAR,
            spaceAfter=3,
        )
        self.body = base
        self.small = ParagraphStyle("small", base, fontSize=8, leading=10.5, textColor=muted)
        self.note = ParagraphStyle("note", base, fontName=OBLIQUE, textColor=muted)
        self.title = ParagraphStyle(
            "title", base, fontName=BOLD, fontSize=24, leading=29, spaceAfter=10
        )
        self.h1 = ParagraphStyle(
            "h1",
            base,
            fontName=BOLD,
            fontSize=17,
            leading=21,
            spaceBefore=6,
            spaceAfter=8,
            keepWithNext=1,
            textColor=colors.HexColor(palette.ACCENT),
        )
        self.h2 = ParagraphStyle(
            "h2",
            base,
            fontName=BOLD,
            fontSize=12.5,
            leading=16,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        )
        self.h3 = ParagraphStyle(
            "h3",
            base,
            fontName=BOLD,
            fontSize=10.5,
            leading=13.5,
            spaceBefore=6,
            spaceAfter=2,
            keepWithNext=1,
        )
        self.score = ParagraphStyle(
            "score",
            base,
            fontName=BOLD,
            fontSize=54,
            leading=60,
            alignment=TA_CENTER,
            textColor=colors.HexColor(palette.ACCENT),
        )
        self.score_label = ParagraphStyle("score_label", base, alignment=TA_CENTER, textColor=muted)
        self.cell = ParagraphStyle("cell", base, fontSize=9, leading=11.5, spaceAfter=0)
        self.cell_bold = ParagraphStyle("cell_bold", self.cell, fontName=BOLD)
        self.item = ParagraphStyle("item", base, leftIndent=14, bulletIndent=3)

    def indented(self, level: int) -> ParagraphStyle:
        """The body style indented for depth `level` of a tree."""
        return _indented(self.body, level)


@lru_cache(maxsize=64)
def _indented(base: ParagraphStyle, level: int) -> ParagraphStyle:
    indent = 14 * min(level, 12)
    return ParagraphStyle(
        f"tree{level}", base, leftIndent=indent + 10, bulletIndent=indent, spaceAfter=1
    )


@lru_cache(maxsize=1)
def styles() -> Styles:
    """The shared styles."""
    return Styles()
