"""A card on the canvas: draws one node of the model, and nothing more.

The item shows a copy of its node's record (replaced by the scene on every model
event), its team (and a shared goal's contributing teams), and badges for the findings
that name it. A key result is drawn by its own subclass, `KeyResultItem`. It keeps no state of its
own that the model lacks; while it is dragged its position runs ahead of the model
until the scene pushes one Move command on release.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPen,
    QTextLayout,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from alignment_workshop.analysis.findings import Finding, Severity
from alignment_workshop.i18n import N_, _
from alignment_workshop.layout.geometry import card_size
from alignment_workshop.model import Node, NodeKind, Priority, Status, Team

from ...support.paint_guard import guarded
from ...support.plain_text import tooltip
from .. import style
from . import team_chips

if TYPE_CHECKING:
    from .link_item import LinkItem

_MOVED = QGraphicsItem.GraphicsItemChange.ItemPositionHasChanged
_PICTURE_CACHE = QGraphicsItem.CacheMode.DeviceCoordinateCache
_NO_CACHE = QGraphicsItem.CacheMode.NoCache
_PRIORITY_MARKS = {
    Priority.HIGH: N_("▲ High"),
    Priority.MEDIUM: N_("● Med"),
    Priority.LOW: N_("▼ Low"),
}
_BADGE_RADIUS = 12.0
#: Below this scale titles are under 6 pixels high, too small to read, so cards are
#: drawn plain: no text to lay out and draw for a card nobody can read.
_TEXT_DETAIL = 0.4


def _utf16_slice(units: bytes, start: int, end: int | None = None) -> str:
    """Qt's text positions count UTF-16 units: an emoji is two, a Python index one."""
    stop = None if end is None else 2 * end
    return units[2 * start : stop].decode("utf-16-le", "surrogatepass")


def wrap_text(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` broken into at most `max_lines` lines of `width`, the last one elided.

    Qt's text layout breaks between words (Unicode line breaking: never inside a word,
    with or without emoji, and anywhere between CJK characters) and only cuts a word
    that is wider than the whole line.
    """
    text = " ".join(text.split())
    units = text.encode("utf-16-le", "surrogatepass")  # a lone surrogate is one unit too
    layout = QTextLayout(text, font)
    lines: list[str] = []
    last_start = end = 0
    layout.beginLayout()
    while len(lines) < max_lines:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        last_start, end = line.textStart(), line.textStart() + line.textLength()
        lines.append(_utf16_slice(units, last_start, end).strip())
    layout.endLayout()
    if lines and 2 * end < len(units):
        metrics = QFontMetricsF(font)
        rest = _utf16_slice(units, last_start)
        lines[-1] = metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)
    return lines


def line_alignment(line: str, centred: bool) -> Qt.AlignmentFlag:
    """Centred, or from the edge a line starts at: the right for Arabic or Hebrew."""
    if centred:
        return Qt.AlignmentFlag.AlignHCenter
    for char in line:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return Qt.AlignmentFlag.AlignRight
        if kind == "L":
            break
    return Qt.AlignmentFlag.AlignLeft


class NodeItem(QGraphicsItem):
    """One card: its kind's colours, wrapped title, team stripe, marks and badges."""

    def __init__(
        self,
        node: Node,
        team: Team | None = None,
        contributors: tuple[Team, ...] = (),
        *,
        far: bool = False,
    ) -> None:
        super().__init__()
        flags = QGraphicsItem.GraphicsItemFlag
        self.setFlags(
            flags.ItemIsSelectable
            | flags.ItemIsMovable
            | flags.ItemSendsGeometryChanges
            | flags.ItemIsFocusable
        )
        self.setAcceptHoverEvents(True)
        if not far:
            self.setCacheMode(_PICTURE_CACHE)
        self.setZValue(1.0)
        self.links: list[LinkItem] = []
        self.node = node
        self.team = team
        self.contributors: tuple[Team, ...] = ()
        self.findings: tuple[Finding, ...] = ()
        self._hover = False
        self._editing = False
        self._links_follow = True
        self._lines: list[str] | None = None
        self._compact: list[str] | None = None
        self._rect = QRectF()
        self.set_node(node, team, contributors)

    # ------------------------------------------------------------------ model state

    @property
    def node_id(self) -> str:
        return self.node.id

    def set_node(self, node: Node, team: Team | None, contributors: tuple[Team, ...] = ()) -> None:
        """Show `node` (a fresh record from the model), its `team` and `contributors`."""
        width, height = card_size(node.kind)
        rect = QRectF(-width / 2, -height / 2, width, height)
        if rect != self._rect:
            self.prepareGeometryChange()
            self._rect = rect
        self.node, self.team, self.contributors = node, team, tuple(contributors)
        self._lines = self._compact = None  # wrapped when first drawn up close
        self.update()

    def set_editing(self, editing: bool) -> None:
        """Hide the title while an editor lies over it."""
        if editing != self._editing:
            self._editing = editing
            self.update()

    def set_findings(self, findings: list[Finding]) -> None:
        """Show badges for the error and warning findings that name this node."""
        findings_tuple = tuple(f for f in findings if f.severity in style.BADGES)
        if findings_tuple != self.findings:
            self.findings = findings_tuple
            self.update()

    def badge_counts(self) -> dict[Severity, int]:
        """How many error and warning findings this node's badges show."""
        counts = dict.fromkeys(style.BADGES, 0)
        for finding in self.findings:
            counts[finding.severity] += 1
        return counts

    def _tooltip(self) -> str:
        parts = [f"{self.node.kind.label}: {self.node.title}"]
        if self.contributors:
            parts.append(team_chips.helpers_text(self.contributors))
        if self.node.description:
            parts.append(self.node.description[:300])
        parts.extend(f"{f.severity.label}: {f.message}" for f in self.findings)
        return "\n".join(parts)

    # ------------------------------------------------------------------ geometry

    def card_rect(self) -> QRectF:
        """The card's rectangle in item coordinates (centred on the node's position)."""
        return QRectF(self._rect)

    def scene_card_rect(self) -> QRectF:
        return self._rect.translated(self.pos())

    def boundingRect(self) -> QRectF:
        margin = _BADGE_RADIUS + 4
        return self._rect.adjusted(-margin, -margin, margin, margin)

    def shape(self) -> QPainterPath:
        """The card and its connection handle, as one filled area."""
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.WindingFill)
        path.addRoundedRect(self._rect, style.RADIUS, style.RADIUS)
        path.addEllipse(self.handle_center(), style.HANDLE_RADIUS + 3, style.HANDLE_RADIUS + 3)
        return path

    def handle_center(self) -> QPointF:
        """Where the connection handle sits: the middle of the card's top edge."""
        return QPointF(0.0, self._rect.top())

    def on_handle(self, item_pos: QPointF) -> bool:
        """Whether `item_pos` is on the connection handle."""
        delta = item_pos - self.handle_center()
        return (delta.x() ** 2 + delta.y() ** 2) ** 0.5 <= style.HANDLE_RADIUS + 4

    def set_far(self, far: bool) -> None:
        """Keep a picture of the card near by (panning copies it); not from far away.

        Far away a card is a plain coloured box, quicker to draw than to copy, and ten
        thousand tiny pictures would only fill the cache.
        """
        self.setCacheMode(_NO_CACHE if far else _PICTURE_CACHE)

    def set_links_follow(self, follow: bool) -> None:
        """Whether the card's links take the straight path at once when it moves.

        They do while the user drags the card; the scene turns this off while it moves
        cards for an edit, after which it routes their links properly.
        """
        self._links_follow = follow

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == _MOVED and self._links_follow:
            for link in self.links:
                link.update_path()
        # What QGraphicsItem.itemChange returns, without a second call across into Qt:
        # a card gets ten changes on its way into the scene, a big map ten thousand cards.
        return value

    def hoverEnterEvent(self, event: Any) -> None:
        self.setToolTip(tooltip(self._tooltip()))  # built when needed, not for every card on open
        self._hover = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event: Any) -> None:
        self._hover = False
        self.update()
        super().hoverLeaveEvent(event)

    # ------------------------------------------------------------------ painting

    def text_scale(self) -> float:
        """How much larger than normal the scene writes card text (View › Larger Text)."""
        return float(getattr(self.scene(), "text_scale", 1.0))

    def _scaled(self, pixels: float) -> int:
        return round(pixels * self.text_scale())

    def title_font(self) -> QFont:
        """The font of this card's title, at the scene's text size."""
        return style.font(self._scaled(style.TITLE_PIXELS[self.node.kind]), bold=True)

    def compact_font(self) -> QFont:
        """The title's font on the compact face (see `style.COMPACT_PIXELS`)."""
        return style.font(self._scaled(style.COMPACT_PIXELS[self.node.kind]), bold=True)

    def compact_below(self) -> float:
        """The scale below which the card shows its compact face: where its usual title
        would be drawn smaller than `style.READABLE_PIXELS`."""
        return style.READABLE_PIXELS / self.title_font().pixelSize()

    def compact_lines(self) -> list[str]:
        """The title wrapped for the compact face, computed once per record."""
        if self._compact is None:
            font = self.compact_font()
            room = self._rect.height() - 2 * style.PADDING
            lines = max(1, int(room // QFontMetricsF(font).lineSpacing()))
            self._compact = wrap_text(self.node.title, font, self._text_width(), lines)
        return self._compact

    def text_scale_changed(self) -> None:
        """The scene's text size changed: wrap the title again and repaint."""
        self._lines = self._compact = None
        self.update()

    def _content_left(self) -> float:
        stripe = style.STRIPE_WIDTH if self.node.kind is NodeKind.GOAL else 0.0
        return self._rect.left() + stripe + style.PADDING

    def _text_width(self) -> float:
        return self._rect.right() - style.PADDING - self._content_left()

    def title_lines(self) -> list[str]:
        """The title wrapped to the card, computed once per record."""
        if self._lines is None:
            width, lines = self._text_width(), self._max_lines()
            self._lines = wrap_text(self.node.title, self.title_font(), width, lines)
        return self._lines

    def title_box(self) -> QRectF:
        """Where the title is written, in item coordinates (the rename editor goes there)."""
        top = self._rect.top() + style.PADDING + self._scaled(16)
        return QRectF(self._content_left(), top, self._text_width(), self._rect.bottom() - top)

    def _max_lines(self) -> int:
        line = QFontMetricsF(self.title_font()).lineSpacing()
        ranked = self.node.kind in (NodeKind.OBJECTIVE, NodeKind.GOAL)
        reserved = 2 * style.PADDING + self._scaled(18) * (2 if ranked else 1)
        return max(1, int((self._rect.height() - reserved) // line))

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colors = style.CARDS[self.node.kind]
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail < _TEXT_DETAIL:
            self._paint_far(painter, colors)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_card(painter, colors)
        if detail < self.compact_below():
            self.paint_compact_title(painter, colors)
            self._paint_badges(painter)
            if self._hover or self.isSelected():
                self._paint_handle(painter)
            return
        self._paint_text(painter, colors)
        if self.node.kind in (NodeKind.OBJECTIVE, NodeKind.GOAL):
            self._paint_marks(painter, colors)
        self._paint_badges(painter)
        if self._hover or self.isSelected():
            self._paint_handle(painter)

    def paint_compact_title(self, painter: QPainter, colors: style.CardStyle) -> None:
        """The compact face's text: the title alone, large, centred in the card."""
        font = self.compact_font()
        if self.node.status is Status.DROPPED:
            font.setStrikeOut(True)
        painter.setFont(font)
        painter.setPen(QColor(colors.text))
        lines = self.compact_lines()
        spacing = QFontMetricsF(font).lineSpacing()
        top = self._rect.center().y() - spacing * len(lines) / 2
        left, width = self._content_left(), self._text_width()
        for index, line in enumerate(lines):
            row = QRectF(left, top + index * spacing, width, spacing)
            align = line_alignment(line, centred=False) | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(row, align, line)

    def _paint_far(self, painter: QPainter, colors: style.CardStyle) -> None:
        """Seen from far away the text is unreadable: a plain card, stripe and badges."""
        painter.setPen(
            QPen(QColor(style.SELECTION), 6.0) if self.isSelected() else Qt.PenStyle.NoPen
        )
        painter.setBrush(QColor(colors.fill))
        painter.drawRect(self._rect)
        if self.node.kind is NodeKind.GOAL:
            stripe = QRectF(
                self._rect.left(), self._rect.top(), 3 * style.STRIPE_WIDTH, self._rect.height()
            )
            painter.fillRect(stripe, QColor(self.team.color if self.team else style.NO_TEAM))
        counts = self.badge_counts()
        for severity in (Severity.WARNING, Severity.ERROR):
            if counts[severity]:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(style.BADGES[severity]))
                corner = QPointF(self._rect.right(), self._rect.top())
                painter.drawPath(style.badge_path(severity, corner, 3 * _BADGE_RADIUS))
                break

    def _paint_card(self, painter: QPainter, colors: style.CardStyle) -> None:
        dropped = self.node.status is Status.DROPPED
        border = QPen(QColor(colors.border), 1.5)
        if dropped:
            border.setStyle(Qt.PenStyle.DashLine)
        if self.isSelected():
            border = QPen(QColor(style.SELECTION), 4.0)
        fill = QColor(colors.fill)
        if dropped:
            fill = fill.lighter(115)
        painter.setPen(border)
        painter.setBrush(QBrush(fill))
        painter.drawRoundedRect(self._rect, style.RADIUS, style.RADIUS)
        if self.node.kind is NodeKind.GOAL:
            stripe = QPainterPath()
            stripe.addRoundedRect(
                self._rect.adjusted(1, 1, -1, -1), style.RADIUS - 1, style.RADIUS - 1
            )
            clip = QPainterPath()
            clip.addRect(
                QRectF(self._rect.left(), self._rect.top(), style.STRIPE_WIDTH, self._rect.height())
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.team.color if self.team else style.NO_TEAM))
            painter.drawPath(stripe.intersected(clip))

    def _paint_text(self, painter: QPainter, colors: style.CardStyle) -> None:
        left, top = self._content_left(), self._rect.top() + style.PADDING
        width = self._text_width()
        small = style.font(self._scaled(style.SMALL_PIXELS), bold=True)
        row_height = self._scaled(16)
        painter.setFont(small)
        painter.setPen(QColor(colors.muted))
        label = self.node.kind.label.upper()
        if self.node.kind is NodeKind.GOAL:
            label = self.team.name.upper() if self.team else _("NO TEAM")
        status = ""
        if self.node.status is not Status.PROPOSED:
            status = f"· {style.STATUS_MARKS[self.node.status]} {self.node.status.label.upper()}"
        if self.contributors:
            row, muted = QRectF(left, top, width, row_height), QColor(colors.muted)
            team_chips.paint_label(painter, small, row, label, status, self.contributors, muted)
        else:  # the status keeps its place at the right; a long team name gives way
            metrics = QFontMetricsF(small)
            status = status.removeprefix("· ")
            room = width - (metrics.horizontalAdvance(status) + 8 if status else 0)
            if status and metrics.horizontalAdvance(label) > room:  # the glyph alone, then
                status = style.STATUS_MARKS[self.node.status]
                room = width - metrics.horizontalAdvance(status) - 8
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, room)
            row = QRectF(left, top, width, row_height)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft, label)
            if status:
                painter.drawText(row, Qt.AlignmentFlag.AlignRight, status)
        title = self.title_font()
        if self.node.status is Status.DROPPED:
            title.setStrikeOut(True)
        painter.setFont(title)
        painter.setPen(QColor(colors.text))
        spacing = QFontMetricsF(title).lineSpacing()
        y = top + self._scaled(18)
        if self.node.kind in (NodeKind.VISION, NodeKind.VALUE):
            room = self._rect.bottom() - style.PADDING - y
            y += max(0.0, (room - spacing * len(self.title_lines())) / 2)
        centred = self.node.kind is NodeKind.VISION
        for line in [] if self._editing else self.title_lines():
            align = line_alignment(line, centred)
            painter.drawText(QRectF(left, y, width, spacing), align, line)
            y += spacing

    def _paint_marks(self, painter: QPainter, colors: style.CardStyle) -> None:
        node = self.node
        bottom = self._rect.bottom() - style.PADDING
        left, width = self._content_left(), self._text_width()
        small = style.font(self._scaled(style.SMALL_PIXELS + 1), bold=True)
        painter.setFont(small)
        painter.setPen(QColor(colors.muted))
        height = self._scaled(16)
        row = QRectF(left, bottom - height, width, height)
        priority = _(_PRIORITY_MARKS[node.priority])
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, priority)
        dots = "●" * node.impact + "○" * (5 - node.impact)
        votes = f"   ★ {node.votes}" if node.votes else ""
        impact = _("Impact")  # outside the f-string, where the extraction finds it
        marks = f"{impact} {dots}{votes}"
        metrics = QFontMetricsF(small)
        if metrics.horizontalAdvance(f"{priority}  {marks}") > width:
            marks = f"{dots}{votes}"  # a longer language's word would run into the priority
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, marks)

    def _paint_badges(self, painter: QPainter) -> None:
        """An octagon per error count and a triangle per warning count, at the top right."""
        x = self._rect.right() - 2
        for severity, count in self.badge_counts().items():
            if not count:
                continue
            center = QPointF(x, self._rect.top() + 2)
            painter.setPen(QPen(QColor("#FFFFFF"), 2.0))
            painter.setBrush(QColor(style.BADGES[severity]))
            painter.drawPath(style.badge_path(severity, center, _BADGE_RADIUS))
            painter.setFont(style.font(13, bold=True))
            painter.setPen(QColor("#FFFFFF" if severity is Severity.ERROR else "#1A1200"))
            box = style.badge_text_rect(severity, center, _BADGE_RADIUS)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!" if count == 1 else str(count))
            x -= 2 * _BADGE_RADIUS + 6

    def _paint_handle(self, painter: QPainter) -> None:
        painter.setPen(QPen(QColor("#FFFFFF"), 2.0))
        painter.setBrush(QColor(style.SELECTION))
        painter.drawEllipse(self.handle_center(), style.HANDLE_RADIUS, style.HANDLE_RADIUS)
