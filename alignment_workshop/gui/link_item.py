"""A link on the canvas: a line between two cards, drawn by the link's kind.

`supports` is a solid arrow towards its target, `upholds` a dotted arrow towards the
value, `conflicts` a red zigzag with no direction (grey once resolved) and `depends` a
dashed grey arrow. The ends are clipped to the card borders and follow the cards while
they move: each `NodeItem` calls `update_path()` on its links when its position changes.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen, QPolygonF
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from alignment_workshop.model import Link, LinkKind

from . import style

if TYPE_CHECKING:
    from .node_item import NodeItem

_ARROW_LENGTH = 14.0
_ARROW_HALF_WIDTH = 7.0
_ZIGZAG_STEP = 14.0
_ZIGZAG_AMPLITUDE = 6.0
_HIT_WIDTH = 12.0
_GAP = 3.0


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
    steps = int(length // _ZIGZAG_STEP)
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


class LinkItem(QGraphicsItem):
    """One link between two node items."""

    def __init__(self, link: Link, source: NodeItem, target: NodeItem) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0.0)
        self.link = link
        self.source, self.target = source, target
        self._path = QPainterPath()
        self._arrow = QPolygonF()
        self._shape = QPainterPath()
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
        self.setToolTip(self._tooltip())
        self.update_path()

    def detach(self) -> None:
        """Forget both end items (the link is leaving the scene)."""
        for end in (self.source, self.target):
            if self in end.links:
                end.links.remove(self)

    def _tooltip(self) -> str:
        link = self.link
        parts = [f"{link.kind.value}: {self.source.node.title} → {self.target.node.title}"]
        if link.note:
            parts.append(link.note)
        if link.kind is LinkKind.CONFLICTS:
            parts.append(f"Resolved: {link.resolution}" if link.resolved else "Unresolved")
        return "\n".join(parts)

    def update_path(self) -> None:
        """Recompute the line from the current positions of both cards."""
        self.prepareGeometryChange()
        source_rect, target_rect = self.source.scene_card_rect(), self.target.scene_card_rect()
        start = border_point(source_rect, target_rect.center())
        end = border_point(target_rect, source_rect.center())
        kind_style = style.LINKS[self.link.kind]
        if kind_style.jagged:
            self._path = zigzag(start, end)
        else:
            self._path = QPainterPath(start)
            self._path.lineTo(end)
        self._arrow = arrow_head(end, start) if kind_style.arrow else QPolygonF()
        stroker = QPainterPathStroker()
        stroker.setWidth(_HIT_WIDTH)
        self._shape = stroker.createStroke(self._path)
        if not self._arrow.isEmpty():
            self._shape.addPolygon(self._arrow)
        self._bounds = self._shape.boundingRect().adjusted(-4, -4, 4, 4)
        self.setToolTip(self._tooltip())
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = style.link_pen(
            self.link.kind, resolved=self.link.resolved, selected=self.isSelected()
        )
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(self._path)
        if not self._arrow.isEmpty():
            painter.setPen(QPen(pen.color(), 1.0))
            painter.setBrush(QColor(pen.color()))
            painter.drawPolygon(self._arrow)
