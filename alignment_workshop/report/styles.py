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
            # No lone line at the top (widow) or bottom (orphan) of a page.
            allowWidows=0,
            allowOrphans=0,
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
        #: A short label that introduces a list ("Served by", "Actions"): kept with it.
        self.lead = ParagraphStyle("lead", base, fontName=BOLD, spaceAfter=1, keepWithNext=1)
        self.small_lead = ParagraphStyle("small_lead", self.small, spaceAfter=1, keepWithNext=1)

    def indented(self, level: int) -> ParagraphStyle:
        """The body style indented for depth `level` of a tree."""
        return _indented(self.body, level)


def chain_style(depth: int, *, main: bool) -> ParagraphStyle:
    """A line of a why chain at `depth`: the main chain in the accent colour, others muted."""
    return _chain(styles().body if main else styles().small, depth, main)


@lru_cache(maxsize=64)
def _chain(base: ParagraphStyle, depth: int, main: bool) -> ParagraphStyle:
    indent = 12 * min(depth, 12)
    color = colors.HexColor(palette.ACCENT) if main else base.textColor
    return ParagraphStyle(
        f"chain{depth}{'m' if main else 'a'}",
        base,
        leftIndent=indent + 12,
        firstLineIndent=-12,
        spaceAfter=0,
        textColor=color,
    )


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
