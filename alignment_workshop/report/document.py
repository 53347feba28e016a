"""The page furniture of the plan: page templates, running header, "Page n of m", outline.

`PlanDocument` is a reportlab doc template with a portrait and a landscape page on the
chosen paper (A4 or US Letter). A `Bookmark` flowable, placed just before a heading,
adds an outline entry for it and a destination the contents page links to; one that
starts a section or a team's plan also names it in the running header. The header and
footer are drawn when a page is finished, so that they know what the page holds.
"""

from __future__ import annotations

import functools
from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from alignment_workshop import i18n
from alignment_workshop.i18n import _

from . import palette
from .fonts import REGULAR
from .paper import paper_size
from .plan_canvas import PAGE_COUNT, PlanCanvas
from .scripts import draw
from .scripts import width as line_width
from .text import drawable, plain

# Nothing in a plan may make reportlab fetch a file or a URL.
rl_config.trustedHosts = []
rl_config.trustedSchemes = []

MARGIN = 16 * mm
HEADER_SIZE = 8
PORTRAIT = "portrait"
LANDSCAPE = "landscape"


class Bookmark(Flowable):
    """An invisible flowable that marks an outline entry at its place on the page.

    With `running`, the entry also starts a section that the running header names;
    `listed` entries are the ones the contents page lists.
    """

    def __init__(
        self,
        key: str,
        title: str,
        level: int,
        *,
        running: str | None = None,
        listed: bool = False,
    ) -> None:
        super().__init__()
        self.key = key
        self.title = plain(title)
        self.level = level
        self.running = None if running is None else drawable(running)
        self.listed = listed
        self.width = self.height = 0
        # Travel with the heading that follows, so the entry lands on the heading's page.
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        canv = self.canv
        if isinstance(canv, PlanCanvas):
            canv.anchor(self.key)
            if self.running is not None:
                canv.enter_section(self.running)
        else:
            canv.bookmarkPage(self.key)
        canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


def fit(text: str, size: float, width: float, font: str = REGULAR) -> str:
    """`text` shortened with an ellipsis to fit `width` points at `size`, in any script."""
    if line_width(text, font, size) <= width:
        return text
    while text and line_width(text + "…", font, size) > width:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text + "…"


class PlanDocument(BaseDocTemplate):
    """The plan's doc template: portrait pages, landscape map pages, header and outline."""

    def __init__(
        self,
        out: str | IO[bytes],
        *,
        header: str,
        paper: str = "a4",
        lang: str | None = None,
        stamp: str | None = None,
        **meta: Any,
    ) -> None:
        size = paper_size(paper)
        super().__init__(
            out,
            pagesize=size,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            invariant=1,
            initialFontName=REGULAR,
            pageCompression=1,
            lang=lang or i18n.language_tag(),  # else the language of the fixed texts
            creator="Alignment Workshop",
            producer="Alignment Workshop (ReportLab)",
            **meta,
        )
        self.header = drawable(header)
        self.stamp = stamp
        self.sizes = {PORTRAIT: size, LANDSCAPE: landscape(size)}
        self.addPageTemplates([self._template(name, s) for name, s in self.sizes.items()])

    def _template(self, name: str, size: tuple[float, float]) -> PageTemplate:
        width, height = size
        frame = Frame(
            MARGIN,
            MARGIN,
            width - 2 * MARGIN,
            height - 2 * MARGIN - 4 * mm,
            id=f"{name}-frame",
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
        )

        def on_page_end(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self._draw_furniture(canvas, size)

        return PageTemplate(
            id=name,
            frames=[frame],
            onPage=_show_outline,
            onPageEnd=on_page_end,
            pagesize=size,
        )

    def _draw_furniture(self, canvas: Canvas, size: tuple[float, float]) -> None:
        """The running header (plan, and the section of this page) and the footer."""
        width, height = size
        canvas.saveState()
        canvas.setFont(REGULAR, HEADER_SIZE)
        canvas.setFillColor(colors.HexColor(palette.MUTED))
        top = height - MARGIN / 2 - HEADER_SIZE
        room = width - 2 * MARGIN
        section = canvas.running_section() if isinstance(canvas, PlanCanvas) else ""
        if section:
            section = fit(section, HEADER_SIZE, room * 0.45)
            draw(canvas, width - MARGIN, top, section, REGULAR, HEADER_SIZE, right=True)
            room -= line_width(section, REGULAR, HEADER_SIZE) + 12
        draw(canvas, MARGIN, top, fit(self.header, HEADER_SIZE, room), REGULAR, HEADER_SIZE)
        canvas.setStrokeColor(colors.HexColor(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 3, width - MARGIN, top - 3)
        if isinstance(canvas, PlanCanvas):
            label = _("Page {number} of ").format(number=canvas.getPageNumber())
            canvas.drawString(MARGIN, MARGIN / 2, label)
            x = MARGIN + stringWidth(label, REGULAR, HEADER_SIZE)
            canvas.page_ref(PAGE_COUNT, x, MARGIN / 2, size=HEADER_SIZE, color=palette.MUTED)
        canvas.restoreState()

    def frame_size(self, template: str) -> tuple[float, float]:
        """Width and height of the frame of the `template` page."""
        width, height = self.sizes[template]
        return (width - 2 * MARGIN, height - 2 * MARGIN - 4 * mm)

    def build_plan(self, story: list[Flowable]) -> None:
        """Lay out `story` and write the file, numbering every page."""
        self.build(story, canvasmaker=functools.partial(PlanCanvas, stamp=self.stamp))


def _show_outline(canvas: Canvas, doc: BaseDocTemplate) -> None:
    canvas.showOutline()
