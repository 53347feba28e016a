"""A paragraph of plain text with right-to-left words, broken into lines before bidi.

The Unicode bidirectional algorithm reorders each line after the text is broken into
lines (UAX #9, rule L1 onwards). reportlab's Paragraph breaks lines itself, from text
`escape` has already put in visual order, so a wrapped Arabic description would start
with its last words. `BidiParagraph` breaks the logical text for the width it is given,
then sets each line in visual order on its own, as an explicit line break.
"""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from .map_text import wrap_lines
from .text import drawable, escape

#: reportlab measures the shaped runs as we do; the slack absorbs rounding.
_SLACK = 1.0
_ALL_LINES = 1_000_000


def logical_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """`text` broken into lines of at most `width` points, in logical order."""
    lines: list[str] = []
    for part in drawable(text, keep_newlines=True).split("\n"):
        lines += wrap_lines(part, font, size, width, _ALL_LINES) or [""]
    return lines


class BidiParagraph(Paragraph):
    """Plain workshop text with right-to-left words, wrapped in logical order."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        self._plain = text
        self._width = -1.0
        super().__init__(escape(text), style)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803 (reportlab names)
        if availWidth != self._width:
            style = self.style
            room = availWidth - style.leftIndent - style.rightIndent - _SLACK
            lines = logical_lines(self._plain, style.fontName, style.fontSize, room)
            markup = "<br/>".join(escape(line, keep_newlines=False) for line in lines)
            plain, style_now = self._plain, self.style
            Paragraph.__init__(self, markup, style_now)
            self._plain, self._width = plain, availWidth
        width, height = super().wrap(availWidth, availHeight)
        return width, height
