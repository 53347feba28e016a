"""The page furniture of the plan: page templates, header, "Page n of m" and bookmarks.

`PlanDocument` is a reportlab doc template with a portrait and a landscape page. A
`Bookmark` flowable, placed just before a heading, adds an outline entry for it. The
canvas keeps every page until the end so that the footer can name the page count.
"""

from __future__ import annotations

from typing import IO, Any

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from . import palette
from .fonts import REGULAR
from .scripts import draw, width
from .text import drawable, plain

# Nothing in a plan may make reportlab fetch a file or a URL.
rl_config.trustedHosts = []
rl_config.trustedSchemes = []

MARGIN = 16 * mm
HEADER_SIZE = 8
PORTRAIT = "portrait"
LANDSCAPE = "landscape"
_TOTAL_FORM = "PageTotal"


class Bookmark(Flowable):
    """An invisible flowable that marks an outline entry at its place on the page."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key = key
        self.title = plain(title)
        self.level = level
        self.width = self.height = 0
        # Travel with the heading that follows, so the entry lands on the heading's page.
        self.keepWithNext = True

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (0, 0)

    def draw(self) -> None:
        self.canv.bookmarkPage(self.key)
        self.canv.addOutlineEntry(self.title, self.key, level=self.level, closed=False)


class NumberedCanvas(Canvas):
    """A canvas that writes "Page n of m": m is a form filled in when the file is saved."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pages_done = 0

    def showPage(self) -> None:  # reportlab's camelCase override
        self.pages_done += 1
        super().showPage()

    def draw_footer(self) -> None:
        """Write "Page n of " and a reference to the page-count form."""
        self.saveState()
        self.setFont(REGULAR, HEADER_SIZE)
        self.setFillColor(colors.HexColor(palette.MUTED))
        label = f"Page {self.getPageNumber()} of "
        self.drawString(MARGIN, MARGIN / 2, label)
        self.translate(MARGIN + self.stringWidth(label, REGULAR, HEADER_SIZE), MARGIN / 2)
        self.doForm(_TOTAL_FORM)
        self.restoreState()

    def save(self) -> None:
        self.beginForm(_TOTAL_FORM)
        self.setFont(REGULAR, HEADER_SIZE)
        self.setFillColor(colors.HexColor(palette.MUTED))
        self.drawString(0, 0, str(self.pages_done))
        self.endForm()
        super().save()


def _fit(text: str, size: float, room: float) -> str:
    """`text` shortened with an ellipsis to fit `room` points at `size`."""
    if width(text, REGULAR, size) <= room:
        return text
    while text and width(text + "…", REGULAR, size) > room:
        text = text[: max(0, len(text) - max(1, len(text) // 8))]
    return text + "…"


class PlanDocument(BaseDocTemplate):
    """The plan's doc template: portrait pages, landscape map pages, header and outline."""

    def __init__(self, out: str | IO[bytes], *, header: str, **meta: Any) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN + 4 * mm,
            bottomMargin=MARGIN,
            invariant=1,
            initialFontName=REGULAR,
            pageCompression=1,
            creator="Alignment Workshop",
            producer="Alignment Workshop (ReportLab)",
            **meta,
        )
        self.header = drawable(header)
        self.addPageTemplates(
            [self._template(PORTRAIT, A4), self._template(LANDSCAPE, landscape(A4))]
        )

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

        def on_page(canvas: Canvas, _doc: BaseDocTemplate) -> None:
            self._draw_header(canvas, size)

        return PageTemplate(id=name, frames=[frame], onPage=on_page, pagesize=size)

    def _draw_header(self, canvas: Canvas, size: tuple[float, float]) -> None:
        width, height = size
        canvas.saveState()
        canvas.setFont(REGULAR, HEADER_SIZE)
        canvas.setFillColor(colors.HexColor(palette.MUTED))
        top = height - MARGIN / 2 - HEADER_SIZE
        header = _fit(self.header, HEADER_SIZE, width - 2 * MARGIN)
        draw(canvas, MARGIN, top, header, REGULAR, HEADER_SIZE)
        canvas.setStrokeColor(colors.HexColor(palette.RULE))
        canvas.setLineWidth(0.5)
        canvas.line(MARGIN, top - 3, width - MARGIN, top - 3)
        canvas.restoreState()
        canvas.showOutline()
        if isinstance(canvas, NumberedCanvas):
            canvas.draw_footer()

    def frame_size(self, template: str) -> tuple[float, float]:
        """Width and height of the frame of the `template` page."""
        size = A4 if template == PORTRAIT else landscape(A4)
        return (size[0] - 2 * MARGIN, size[1] - 2 * MARGIN - 4 * mm)

    def build_plan(self, story: list[Flowable]) -> None:
        """Lay out `story` and write the file, numbering every page."""
        self.build(story, canvasmaker=NumberedCanvas)
