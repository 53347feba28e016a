"""How the map looks on screen: card colours and fonts, link pens, badge colours.

Sizes come from `layout.geometry`, so the canvas, the layout and the PDF agree on what
overlaps. Colours are chosen for a projector: dark cards carry white text, light cards
carry near-black text, and every pair here is at least 4.5:1.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPen

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, NodeKind


@dataclass(frozen=True, slots=True)
class CardStyle:
    """The colours of one kind of card."""

    fill: str
    border: str
    text: str
    muted: str


#: Card colours by kind; a team goal also carries its team's colour as a stripe.
CARDS: Final[dict[NodeKind, CardStyle]] = {
    NodeKind.VISION: CardStyle("#1F3A5F", "#10223A", "#FFFFFF", "#C9D6E8"),
    NodeKind.VALUE: CardStyle("#2E7D6B", "#1C5346", "#FFFFFF", "#CFEDE5"),
    NodeKind.OBJECTIVE: CardStyle("#C77700", "#8A5200", "#1A1200", "#3D2A00"),
    NodeKind.GOAL: CardStyle("#F4F1EA", "#A39E93", "#1F2933", "#52606D"),
}

#: The colour of the selection outline and of a link being drawn.
SELECTION: Final = "#2979FF"
#: A team goal with no team gets a neutral stripe.
NO_TEAM: Final = "#B0B0B0"
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
    Severity.ERROR: "#D32F2F",
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


#: Link pens by kind. A resolved conflict is drawn in `RESOLVED`.
LINKS: Final[dict[LinkKind, LinkStyle]] = {
    LinkKind.SUPPORTS: LinkStyle("#37474F", 2.5, Qt.PenStyle.SolidLine, arrow=True),
    LinkKind.UPHOLDS: LinkStyle("#2E7D6B", 2.5, Qt.PenStyle.DotLine, arrow=True),
    LinkKind.CONFLICTS: LinkStyle("#D32F2F", 2.5, Qt.PenStyle.SolidLine, False, jagged=True),
    LinkKind.DEPENDS: LinkStyle("#808890", 2.0, Qt.PenStyle.DashLine, arrow=True),
}
RESOLVED: Final = "#A0A4A8"

#: How much the rest of the map fades while a highlight or focus is on.
DIMMED_OPACITY: Final = 0.18


def font(pixels: int, *, bold: bool = False, italic: bool = False) -> QFont:
    """The map's sans-serif font at a size in scene pixels (it scales with the zoom)."""
    result = QFont("DejaVu Sans")
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
}
#: Size of the small print: kind label, team name, marks.
SMALL_PIXELS: Final = 11


def link_pen(kind: LinkKind, *, resolved: bool = False, selected: bool = False) -> QPen:
    """The pen a link of `kind` is drawn with (shared: do not modify it)."""
    key = (kind, resolved and kind is LinkKind.CONFLICTS, selected)
    pen = _PENS.get(key)
    if pen is None:
        link_style = LINKS[kind]
        color = QColor(SELECTION if selected else RESOLVED if key[1] else link_style.color)
        pen = QPen(color, link_style.width + (1.5 if selected else 0.0), link_style.dash)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        _PENS[key] = pen
    return pen


_PENS: dict[tuple[LinkKind, bool, bool], QPen] = {}
