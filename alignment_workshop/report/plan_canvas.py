"""The canvas the plan is drawn on: page numbers known only at the end, sections, dates.

The plan is laid out in one pass, so a number that depends on later pages (the page
count, the page a section starts on) is drawn as a reference to a PDF form, and each
form is filled in when the file is saved: "Page 3 of " + the count; a contents line +
the page of its heading; a stub on a map page + the page of the card it points to.

Each heading's destination (`anchor`) records its page, and a heading that
starts a section or a team's plan names it for the running header. The document info
carries the workshop's date as its creation and modification date, or no date at all,
so that exporting the same workshop twice gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, cast

from reportlab.lib import colors
from reportlab.pdfbase.pdfdoc import PDFDictionary, PDFInfo, PDFName, PDFString
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from .fonts import REGULAR

#: The key of the page count, a reference like any other.
PAGE_COUNT = "#pages"


def pdf_date(day: dt.date | None) -> str | None:
    """ "D:20261124000000+00'00'": the start of `day` in the PDF's date format."""
    return None if day is None else f"D:{day:%Y%m%d}000000+00'00'"


def _slot(font: str, size: float) -> float:
    """The width of the widest page number the plan expects: four digits."""
    return stringWidth("0000", font, size)


class PlanInfo(PDFInfo):
    """The document info, dated with the workshop's date rather than the clock."""

    def __init__(self, stamp: str | None) -> None:
        super().__init__()
        self.stamp = stamp

    def format(self, document: Any) -> bytes:
        entries: dict[str, Any] = {
            "Title": PDFString(self.title),
            "Author": PDFString(self.author),
            "Producer": PDFString(self.producer),
            "Creator": PDFString(self.creator),
            "Subject": PDFString(self.subject),
            "Keywords": PDFString(self.keywords),
            "Trapped": PDFName(self.trapped),
        }
        if self.stamp is not None:
            entries["CreationDate"] = entries["ModDate"] = PDFString(self.stamp)
        return PDFDictionary(entries).format(document)


class PlanCanvas(Canvas):
    """A canvas that knows which page each heading is on, and fills in page references."""

    def __init__(self, *args: Any, stamp: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        cast(Any, self)._doc.info = PlanInfo(stamp)
        self.pages_done = 0
        #: The page each bookmarked heading landed on.
        self.anchor_pages: dict[str, int] = {}
        self._forms: dict[tuple[str, float, str, str, str], str] = {}
        self._section = ""
        self._page_section: str | None = None

    # ------------------------------------------------------------------ sections

    def anchor(self, key: str) -> None:
        """Mark the destination `key` here, and remember its page."""
        self.bookmarkPage(key)
        self.anchor_pages.setdefault(key, self.getPageNumber())

    def enter_section(self, title: str) -> None:
        """A section or team plan starts here: the running header names it from now on."""
        self._section = title
        if self._page_section is None:
            self._page_section = title

    def running_section(self) -> str:
        """The section that starts on this page, else the one that runs on from before."""
        return self._page_section or self._section

    def showPage(self) -> None:  # reportlab's camelCase override
        self.pages_done += 1
        self._page_section = None
        super().showPage()

    # ------------------------------------------------------------------ references

    def page_ref(
        self,
        key: str,
        x: float,
        y: float,
        *,
        size: float,
        font: str = REGULAR,
        color: str = "#000000",
        align: str = "left",
    ) -> None:
        """Draw, with its baseline at (x, y), the page number of `key`, filled in at save.

        With `align="right"`, x is where the number ends.
        """
        form_key = (key, size, font, color, align)
        name = self._forms.setdefault(form_key, f"PageRef{len(self._forms)}")
        self.saveState()
        self.translate(x - (_slot(font, size) if align == "right" else 0.0), y)
        self.doForm(name)
        self.restoreState()

    def page_of(self, key: str) -> int | None:
        """The page of `key`, once its heading has been drawn (the count: at the end)."""
        if key == PAGE_COUNT:
            return self.pages_done
        return self.anchor_pages.get(key)

    def save(self) -> None:
        for (key, size, font, color, align), name in self._forms.items():
            page = self.page_of(key)
            text = "?" if page is None else str(page)
            width = self.stringWidth(text, font, size)
            # A right-aligned number ends at the right of a slot as wide as four digits.
            left = _slot(font, size) - width if align == "right" else 0.0
            right = math.ceil(max(left + width, _slot(font, size))) + 1
            self.beginForm(name, 0, -math.ceil(size), right, math.ceil(size * 1.5))
            self.setFont(font, size)
            self.setFillColor(colors.HexColor(color))
            self.drawString(left, 0, text)
            self.endForm()
        super().save()
