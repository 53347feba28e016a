"""A link on the canvas: a line between two cards, drawn by the link's kind.

`supports` is a solid arrow towards its target, `upholds` a dotted arrow towards the
value, `conflicts` a red zigzag with no direction (grey once resolved) and `depends` a
dashed grey arrow. The ends are clipped to the card borders and follow the cards while
they move: each `NodeItem` calls `update_path()` on its links when its position changes.
A link knows its cards only as `LinkEnd`s (their rectangle, record and list of links), so
this module does not import the cards that import it.
"""

from __future__ import annotations

import math
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from alignment_workshop.model import Link, LinkKind, Node

from ...support.plain_text import tooltip
from .. import style

_ARROW_LENGTH = 14.0
_ARROW_HALF_WIDTH = 7.0
_ZIGZAG_STEP = 14.0
_ZIGZAG_AMPLITUDE = 6.0
#: A conflict between cards millions of units apart stays a path of bounded size.
_ZIGZAG_MAX_STEPS = 1_000
_HIT_WIDTH = 12.0
_GAP = 3.0
#: Distance between parallel links that join the same two cards.
_TWIN_GAP = 14.0
#: Below this scale a link is drawn as a plain hairline.
_LINE_DETAIL = 0.3


def border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the segment from the centre of `rect` towards `toward` leaves the rectangle."""
    center = rect.center()
    dx, dy = toward.x() - center.x(), toward.y() - center.y()
    if dx == 0 and dy == 0:
        return center
    half_w, half_h = rect.width() / 2 + _GAP, rect.height() / 2 + _GAP
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    scale = min(scale, 1.0)
    return QPointF(center.x() + dx * scale, center.y() + dy * scale)


def zigzag(start: QPointF, end: QPointF) -> QPainterPath:
    """A jagged line from `start` to `end`."""
    path = QPainterPath(start)
    dx, dy = end.x() - start.x(), end.y() - start.y()
    length = math.hypot(dx, dy)
    steps = min(_ZIGZAG_MAX_STEPS, int(length // _ZIGZAG_STEP))
    if steps < 2:
        path.lineTo(end)
        return path
    ux, uy = dx / length, dy / length
    nx, ny = -uy, ux
    step = length / steps
    for i in range(1, steps):
        side = _ZIGZAG_AMPLITUDE if i % 2 else -_ZIGZAG_AMPLITUDE
        path.lineTo(start.x() + ux * step * i + nx * side, start.y() + uy * step * i + ny * side)
    path.lineTo(end)
    return path


def arrow_head(tip: QPointF, start: QPointF) -> QPolygonF:
    """A triangle with its point at `tip`, pointing away from `start`."""
    dx, dy = tip.x() - start.x(), tip.y() - start.y()
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    base = QPointF(tip.x() - ux * _ARROW_LENGTH, tip.y() - uy * _ARROW_LENGTH)
    offset = QPointF(-uy * _ARROW_HALF_WIDTH, ux * _ARROW_HALF_WIDTH)
    return QPolygonF([tip, base + offset, base - offset])


class LinkEnd(Protocol):
    """What a link needs from a card it joins (a `NodeItem`)."""

    @property
    def node(self) -> Node:
        """The card's record, for the link's tooltip."""
        ...

    @property
    def links(self) -> list[LinkItem]:
        """The links that end at the card; a link adds itself here and leaves on `detach`."""
        ...

    def scene_card_rect(self) -> QRectF:
        """The card's rectangle in scene coordinates, where the line is clipped."""
        ...


class LinkItem(QGraphicsItem):
    """One link between two node items."""

    def __init__(self, link: Link, source: LinkEnd, target: LinkEnd) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setAcceptHoverEvents(True)
        self.setZValue(0.0)
        self.link = link
        self.source, self.target = source, target
        self._path = QPainterPath()
        self._line = QLineF()
        self._arrow = QPolygonF()
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        source.links.append(self)
        target.links.append(self)
        self.update_path()

    @property
    def link_id(self) -> str:
        return self.link.id

    def set_link(self, link: Link) -> None:
        """Show a fresh record of the link (note, resolved…)."""
        self.link = link
        self.update_path()

    def detach(self) -> None:
        """Forget both end items (the link is leaving the scene)."""
        for end in (self.source, self.target):
            if self in end.links:
                end.links.remove(self)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(tooltip(self._tooltip()))  # built when needed, not for every link on open
        super().hoverEnterEvent(event)

    def _tooltip(self) -> str:
        link = self.link
        parts = [f"{link.kind.value}: {self.source.node.title} → {self.target.node.title}"]
        if link.note:
            parts.append(link.note)
        if link.kind is LinkKind.CONFLICTS:
            parts.append(f"Resolved: {link.resolution}" if link.resolved else "Unresolved")
        return "\n".join(parts)

    def line(self) -> QLineF:
        """The straight line between the drawn ends (clipped to the cards, spread from twins)."""
        return QLineF(self._line)

    def update_path(self) -> None:
        """Recompute the line from the current positions of both cards."""
        self.prepareGeometryChange()
        source_rect, target_rect = self.source.scene_card_rect(), self.target.scene_card_rect()
        start = border_point(source_rect, target_rect.center())
        end = border_point(target_rect, source_rect.center())
        start, end = self._spread(start, end)
        self._line = QLineF(start, end)
        kind_style = style.LINKS[self.link.kind]
        if kind_style.jagged:
            self._path = zigzag(start, end)
        else:
            self._path = QPainterPath(start)
            self._path.lineTo(end)
        self._arrow = arrow_head(end, start) if kind_style.arrow else QPolygonF()
        self._shape = None
        margin = _HIT_WIDTH / 2 + _ARROW_HALF_WIDTH
        self._bounds = self._path.boundingRect().adjusted(-margin, -margin, margin, margin)
        self.update()

    def _spread(self, start: QPointF, end: QPointF) -> tuple[QPointF, QPointF]:
        """Shift this line sideways when other links join the same two cards."""
        ends = {self.source, self.target}
        twins = [k for k in self.source.links if {k.source, k.target} == ends]
        if len(twins) < 2:
            return start, end
        # a fixed direction for the pair, so twins running opposite ways do not swap sides
        first, second = sorted((start, end), key=lambda p: (p.x(), p.y()))
        dx, dy = second.x() - first.x(), second.y() - first.y()
        length = math.hypot(dx, dy) or 1.0
        shift = (twins.index(self) - (len(twins) - 1) / 2) * _TWIN_GAP
        offset = QPointF(-dy / length * shift, dx / length * shift)
        return start + offset, end + offset

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The line widened for easy clicking, plus the arrow head (computed on demand)."""
        if self._shape is None:
            stroker = QPainterPathStroker()
            stroker.setWidth(_HIT_WIDTH)
            self._shape = stroker.createStroke(self._path)
            if not self._arrow.isEmpty():
                self._shape.addPolygon(self._arrow)
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        pen = style.link_pen(
            self.link.kind, resolved=self.link.resolved, selected=self.isSelected()
        )
        if option.levelOfDetailFromTransform(painter.worldTransform()) < _LINE_DETAIL:
            far = QPen(pen.color(), 0)  # a hairline: dashes and zigzags are lost far away
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(far)
            painter.drawLine(self._line)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if not self._arrow.isEmpty():
            painter.setPen(QPen(pen.color(), 1.0))
            painter.setBrush(QColor(pen.color()))
            painter.drawPolygon(self._arrow)
