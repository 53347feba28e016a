"""The contents page: every section and every team's plan, with its page and a link to it.

The entries are read from the story itself, from the `Bookmark`s that ask to be listed,
so the contents can never name a section the plan does not have. Each line links to its
heading (an internal link, the only kind the plan makes) and prints the heading's page,
which the canvas fills in when the file is saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, KeepTogether

from alignment_workshop.i18n import _

from . import palette
from .blocks import heading
from .document import Bookmark, fit
from .fonts import BOLD, REGULAR
from .plan_canvas import PlanCanvas
from .scripts import draw
from .scripts import width as line_width
from .styles import styles

_SIZE = {0: 10.5, 1: 9.5}
_LEADING = {0: 19.0, 1: 14.0}
_INDENT = 16.0
#: Room kept on the right for the page number.
_NUMBER_ROOM = 30.0


class ContentsLine(Flowable):
    """One entry: its title, a dotted leader, its page; the whole line links to it."""

    def __init__(self, key: str, title: str, level: int) -> None:
        super().__init__()
        self.key, self.title, self.level = key, title, min(level, 1)
        self.size = _SIZE[self.level]
        self.font = BOLD if self.level == 0 else REGULAR

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        self.height = _LEADING[self.level]
        return (self.width, self.height)

    def draw(self) -> None:
        canv = self.canv
        indent = _INDENT * self.level
        room = self.width - indent - _NUMBER_ROOM - 10
        title = fit(self.title, self.size, room, self.font)
        base = 4.0
        canv.setFont(self.font, self.size)
        canv.setFillColor(colors.HexColor(palette.INK))
        draw(canv, indent, base, title, self.font, self.size)
        start = indent + line_width(title, self.font, self.size) + 6
        end = self.width - _NUMBER_ROOM + 4
        canv.setFont(REGULAR, 8)
        canv.setFillColor(colors.HexColor(palette.RULE))
        dots = max(0, int((end - start) / stringWidth(". ", REGULAR, 8)))
        canv.drawString(start, base, ". " * dots)
        if isinstance(canv, PlanCanvas):
            canv.page_ref(self.key, self.width, base, size=self.size, font=self.font, align="right")
        canv.linkRect("", self.key, (indent, 0, self.width, self.height), relative=1)


def bookmarks(story: Iterable[Flowable]) -> Iterator[Bookmark]:
    """Every `Bookmark` in `story`, those inside kept-together blocks included, in order."""
    for flowable in story:
        if isinstance(flowable, Bookmark):
            yield flowable
        elif isinstance(flowable, KeepTogether):
            yield from bookmarks(vars(flowable).get("_content", []))


def contents(story: Iterable[Flowable]) -> list[Flowable]:
    """The contents section for `story`: a heading and a line per listed bookmark."""
    lines: list[Flowable] = [
        ContentsLine(mark.key, mark.title, mark.level) for mark in bookmarks(story) if mark.listed
    ]
    return [*heading(_("Contents"), styles().h1, "contents", 0, running=_("Contents")), *lines]
