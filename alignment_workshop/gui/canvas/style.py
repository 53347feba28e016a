"""How the map looks on screen: card colours and fonts, link pens, badge colours.

Sizes come from `layout.geometry`, so the canvas, the layout and the PDF agree on what
overlaps. Colours are chosen for a projector: dark cards carry white text, light cards
carry near-black text, and every pair here is at least 4.5:1.
"""

from __future__ import annotations

import math
import threading
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, NodeKind, Status
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


#: The glyph a card shows for its status beside the colours (a dropped card is also dashed
#: and struck through): colour is never the only cue.
STATUS_MARKS: Final[dict[Status, str]] = {
    Status.PROPOSED: "",
    Status.AGREED: "✓",
    Status.DROPPED: "✗",
}


def badge_path(severity: Severity, center: QPointF, radius: float) -> QPainterPath:
    """The outline of a finding badge: an octagon for an error, a triangle for a warning.

    The shapes differ so that the two read apart without their colours (greyscale print,
    colour-blind viewers). The text box of a badge is `badge_text_rect`.
    """
    path = QPainterPath()
    if severity is Severity.WARNING:
        r = radius * 1.2
        top = QPointF(center.x(), center.y() - r)
        path.moveTo(top)
        path.lineTo(center.x() + r * 0.95, center.y() + r * 0.7)
        path.lineTo(center.x() - r * 0.95, center.y() + r * 0.7)
    else:
        for step in range(8):
            angle = math.pi / 8 + step * math.pi / 4
            point = QPointF(
                center.x() + radius * math.cos(angle), center.y() + radius * math.sin(angle)
            )
            if step == 0:
                path.moveTo(point)
            else:
                path.lineTo(point)
    path.closeSubpath()
    return path


def badge_text_rect(severity: Severity, center: QPointF, radius: float) -> QRectF:
    """Where a badge's "!" or count is written: low in a triangle, centred in an octagon."""
    drop = radius * 0.25 if severity is Severity.WARNING else 0.0
    return QRectF(center.x() - radius, center.y() - radius + drop, 2 * radius, 2 * radius)


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
#: Title sizes of the compact face, drawn when the usual title would be smaller than
#: `READABLE_PIXELS` on screen: the title alone, large, so a fitted map stays readable.
COMPACT_PIXELS: Final[dict[NodeKind, int]] = {
    NodeKind.VISION: 24,
    NodeKind.VALUE: 20,
    NodeKind.OBJECTIVE: 20,
    NodeKind.GOAL: 20,
    NodeKind.KEY_RESULT: 18,
}
#: The smallest title, in screen pixels, that the room can read on the canvas.
READABLE_PIXELS: Final = 12.0


def link_pen(
    kind: LinkKind,
    *,
    resolved: bool = False,
    selected: bool = False,
    far: bool = False,
    fine: bool = False,
) -> QPen:
    """The pen a link of `kind` is drawn with (shared within a thread: do not modify it).

    Solid kinds get their full width. Dotted and dashed kinds (upholds, depends) are
    drawn one device pixel wide: Qt strokes a one-pixel dash pattern on its fast path,
    where a wider one costs as much as every other link on screen together, and the
    thinner line also reads as the lighter relation it is. `fine` gives every kind its
    full width, for a picture drawn once (an exported image). `far` gives one-pixel
    hairlines for a map seen from far away, where patterns and widths are lost anyway.
    """
    key = (kind, resolved and kind is LinkKind.CONFLICTS, selected, far, fine)
    pens: dict[tuple[LinkKind, bool, bool, bool, bool], QPen] = _PENS.__dict__.setdefault(
        "pens", {}
    )
    pen = pens.get(key)
    if pen is None:
        link_style = LINKS[kind]
        color = QColor(SELECTION if selected else RESOLVED if key[1] else link_style.color)
        if far:
            pen = QPen(color, 0)
        elif selected or fine:
            pen = QPen(color, link_style.width + (1.5 if selected else 0.0), link_style.dash)
        elif link_style.dash != Qt.PenStyle.SolidLine:
            pen = QPen(color, 1.0, link_style.dash)
            pen.setCosmetic(True)
        else:
            pen = QPen(color, link_style.width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap if not far else Qt.PenCapStyle.FlatCap)
        pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
        pens[key] = pen
    return pen


#: Each thread's own pens and arrow paints: a QPen fills in its dash pattern lazily,
#: inside the data its copies share, so two threads drawing with copies of one pen could
#: both write it (the map image is drawn on a worker thread while the window paints).
_PENS = threading.local()


def arrow_paint(pen: QPen) -> tuple[QBrush, QPen]:
    """The fill and outline of an arrow head drawn at the end of a link drawn with `pen`."""
    key = pen.color().rgba()
    arrows: dict[int, tuple[QBrush, QPen]] = _PENS.__dict__.setdefault("arrows", {})
    paint = arrows.get(key)
    if paint is None:
        paint = (QBrush(pen.color()), QPen(pen.color(), 1.0))
        arrows[key] = paint
    return paint
