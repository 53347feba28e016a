"""Small building blocks the sections share: escaped paragraphs, headings, labels.

Workshop text reaches reportlab only through `text.escape`: `para` escapes its text,
and `markup` callers build their markup from `escape(...)` pieces and fixed strings.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreakIfNotEmpty,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from alignment_workshop.analysis.findings import Finding
from alignment_workshop.i18n import _

from . import palette
from .analysis_words import SEVERITY_LABELS
from .bidi_paragraph import BidiParagraph
from .document import Bookmark
from .fonts import REGULAR
from .scripts import has_rtl, starts_rtl
from .styles import styles
from .text import escape


class Para(Paragraph):
    """A paragraph that breaks its lines once per width.

    A block kept on one page is wrapped to measure it, then wrapped again to place it;
    the second time, at the same width, the lines are already broken.
    """

    _wrapped: tuple[float, tuple[float, float]] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        # A copy made by a split carries the record but not the broken lines.
        known = self._wrapped
        if known is not None and known[0] == avail_width and "blPara" in vars(self):
            return known[1]
        size = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size)
        return size


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain workshop text, printed literally; right-aligned if it is RTL."""
    style = style or styles().body
    if starts_rtl(text):
        style = ParagraphStyle(f"{style.name}-rtl", style, alignment=TA_RIGHT)
    if has_rtl(text):
        return BidiParagraph(text, style)
    return Para(escape(text), style)


def markup(
    source: str, style: ParagraphStyle | None = None, *, bullet: str | None = None
) -> Paragraph:
    """A paragraph of markup already built from escaped pieces, with an optional bullet."""
    return Para(source, style or styles().body, bulletText=bullet)


def heading(
    title: str,
    style: ParagraphStyle,
    key: str,
    level: int,
    outline: str | None = None,
    *,
    running: str | None = None,
    listed: bool = False,
) -> list[Flowable]:
    """A heading with its outline entry (`outline`, else the title); plain text both.

    `running` names the section in the running header from here on; `listed` puts the
    heading on the contents page.
    """
    return [
        Bookmark(key, outline or title, level, running=running, listed=listed),
        Para(escape(title, keep_newlines=False), style),
    ]


def section(title: str, key: str, level: int = 0, *, listed: bool = True) -> list[Flowable]:
    """The heading that starts a section: on a new page, listed, named in the header."""
    style = styles().h1
    return [
        PageBreakIfNotEmpty(),
        *heading(title, style, key, level, running=title, listed=listed),
    ]


def label(name: str, value: str) -> str:
    """Markup for "<b>Name:</b> value", the value escaped."""
    return f"<b>{escape(name)}:</b> {escape(value, keep_newlines=False)}"


def colored(text: str, color: str, *, bold: bool = False) -> str:
    """Markup for escaped `text` in `color` ("#RRGGBB", from the palette or a team)."""
    inner = f"<b>{escape(text)}</b>" if bold else escape(text)
    return f'<font color="{color}">{inner}</font>'


def finding_line(finding: Finding, titles: list[str]) -> Paragraph:
    """One finding as a bullet: severity, message and the titles it concerns."""
    color = palette.SEVERITY_COLORS[finding.severity]
    text = (
        colored(_(SEVERITY_LABELS[finding.severity]), color, bold=True)
        + " "
        + escape(finding.message)
    )
    if titles:
        names = " · ".join(f"‘{escape(t, keep_newlines=False)}’" for t in titles)
        concerns = _("Concerns: {names}").format(names=names)  # the names are escaped
        text += f'<br/><font size="8" color="{palette.MUTED}">{concerns}</font>'
    return Paragraph(text, styles().item, bulletText="•")


def spacer(height: float = 6) -> Spacer:
    return Spacer(1, height)


#: One table style command: its name, the first and last cell, then its values.
TableCommand = tuple[str, tuple[int, int], tuple[int, int], *tuple[object, ...]]


def grid(rows: list[list[Flowable | str]], widths: list[float], *, header: bool = True) -> Table:
    """A table with light rules; cells are flowables, so long text wraps."""
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    commands: list[TableCommand] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("FONTNAME", (0, 0), (-1, -1), REGULAR),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.HexColor(palette.RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#EEF1F5")))
    table.setStyle(TableStyle(commands))
    return table


def keep(flowables: list[Flowable]) -> KeepTogether:
    """Keep a small block on one page when it fits; reportlab splits it when it does not."""
    return KeepTogether(flowables)
