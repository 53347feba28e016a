"""How the map looks on screen: card colours and fonts, link pens, badge colours.

Sizes come from `layout.geometry`, so the canvas, the layout and the PDF agree on what
overlaps. Colours are chosen for a projector: dark cards carry white text, light cards
carry near-black text, and every pair here is at least 4.5:1.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, NodeKind
from alignment_workshop.report import palette

from ..support.fonts import families, register_fonts


@dataclass(frozen=True, slots=True)
class CardStyle:
    """The colours of one kind of card."""

    fill: str
    border: str
    text: str
    muted: str


#: The quieter text colour of each kind, for marks and the team name under the title.
_MUTED: Final[dict[NodeKind, str]] = {
    NodeKind.VISION: "#C9D6E8",
    NodeKind.VALUE: "#CFEDE5",
    NodeKind.OBJECTIVE: "#3D2A00",
    NodeKind.GOAL: "#52606D",
    NodeKind.KEY_RESULT: "#4A3B73",
}

#: Card colours by kind, the same the PDF prints (report.palette is the one source);
#: a team goal also carries its team's colour as a stripe.
CARDS: Final[dict[NodeKind, CardStyle]] = {
    kind: CardStyle(colors.fill, colors.border, colors.text, _MUTED[kind])
    for kind, colors in palette.KIND_COLORS.items()
}

#: The colour of the selection outline and of a link being drawn.
SELECTION: Final = "#2979FF"
#: A team goal with no team gets a neutral stripe.
NO_TEAM: Final = palette.NO_TEAM
#: Width of a goal's team stripe, in scene units.
STRIPE_WIDTH: Final = 8.0
#: Inner padding of a card.
PADDING: Final = 10.0
#: Corner radius of a card.
RADIUS: Final = 8.0
#: Radius of the connection handle that starts a link drag.
HANDLE_RADIUS: Final = 7.0

#: Badge colours by severity (info findings get no badge).
BADGES: Final[dict[Severity, str]] = {
    Severity.ERROR: palette.ERROR_OUTLINE,
    Severity.WARNING: "#F9A825",
}


@dataclass(frozen=True, slots=True)
class LinkStyle:
    """How one kind of link is drawn."""

    color: str
    width: float
    dash: Qt.PenStyle
    arrow: bool
    jagged: bool = False


_PEN_STYLES: Final[dict[LinkKind, tuple[float, Qt.PenStyle]]] = {
    LinkKind.SUPPORTS: (2.5, Qt.PenStyle.SolidLine),
    LinkKind.UPHOLDS: (2.5, Qt.PenStyle.DotLine),
    LinkKind.CONFLICTS: (2.5, Qt.PenStyle.SolidLine),
    LinkKind.DEPENDS: (2.0, Qt.PenStyle.DashLine),
    LinkKind.MEASURES: (2.0, Qt.PenStyle.SolidLine),
}

#: Link pens by kind, in the PDF's colours; a resolved conflict is drawn in `RESOLVED`.
LINKS: Final[dict[LinkKind, LinkStyle]] = {
    kind: LinkStyle(printed.color, *_PEN_STYLES[kind], printed.arrow, printed.jagged)
    for kind, printed in palette.LINK_STYLES.items()
}
RESOLVED: Final = palette.RESOLVED_CONFLICT

#: How much the rest of the map fades while a highlight or focus is on.
DIMMED_OPACITY: Final = 0.18


def font(pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
    """The map's sans-serif font at a size in scene pixels (it scales with the zoom)."""
    register_fonts()
    result = QFont("DejaVu Sans")
    # Any script DejaVu lacks is drawn by a shipped face, never the system's or a box.
    result.setFamilies(families("DejaVu Sans"))
    result.setStyleHint(QFont.StyleHint.SansSerif)
    result.setPixelSize(pixels)
    result.setBold(bold)
    result.setItalic(italic)
    return result


#: Title size by kind: the vision is read from the back of the room.
TITLE_PIXELS: Final[dict[NodeKind, int]] = {
    NodeKind.VISION: 20,
    NodeKind.VALUE: 16,
    NodeKind.OBJECTIVE: 15,
    NodeKind.GOAL: 15,
    NodeKind.KEY_RESULT: 14,
}
#: Size of the small print: kind label, team name, marks.
SMALL_PIXELS: Final = 11


def link_pen(kind: LinkKind, *, resolved: bool = False, selected: bool = False) -> QPen:
    """The pen a link of `kind` is drawn with (shared within a thread: do not modify it)."""
    key = (kind, resolved and kind is LinkKind.CONFLICTS, selected)
    pens: dict[tuple[LinkKind, bool, bool], QPen] = _PENS.__dict__.setdefault("pens", {})
    pen = pens.get(key)
    if pen is None:
        link_style = LINKS[kind]
        color = QColor(SELECTION if selected else RESOLVED if key[1] else link_style.color)
        pen = QPen(color, link_style.width + (1.5 if selected else 0.0), link_style.dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pens[key] = pen
    return pen


#: Each thread's own pens: a QPen fills in its dash pattern lazily, inside the data its
#: copies share, so two threads drawing with copies of one pen could both write it (the
#: map image is drawn on a worker thread while the window paints).
_PENS = threading.local()
