"""A link on the canvas: its route between two cards, drawn by the link's kind.

`supports` is a solid arrow towards its target, `upholds` a dotted arrow towards the
value, `conflicts` a red zigzag with no direction (grey once resolved) and `depends` a
dashed grey arrow. The route comes from the layout's router (`set_route`); while one of
its cards is being dragged the link takes the cheap straight path (`update_path`), and
the scene routes it again when the card is dropped.

A `LinkItem` paints nothing itself. It is what the user points at (its `shape` is the
whole route, widened for clicking) and what is selected, dimmed and hidden; the drawing
is done by its children, one plain Qt path item per stretch of the route and one for the
arrow head. The scene indexes those children by their own small rectangles, so a long
link costs nothing in a frame that shows none of it, and Qt paints them without calling
back into Python. A link knows its cards only as `LinkEnd`s (their rectangle, record and
list of links), so this module does not import the cards that import it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from alignment_workshop.layout.routing import END_GAP, TWIN_GAP
from alignment_workshop.model import Link, LinkKind, Node

from .. import style

_ARROW_LENGTH = 14.0
_ARROW_HALF_WIDTH = 7.0
_ZIGZAG_STEP = 14.0
_ZIGZAG_AMPLITUDE = 4.0
_HIT_WIDTH = 12.0
#: A stretch of route drawn by one child item is at most this long and wide.
_PIECE_SPAN = 480.0

Point = tuple[float, float]


def border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the segment from the centre of `rect` towards `toward` leaves the rectangle."""
    center = rect.center()
    dx, dy = toward.x() - center.x(), toward.y() - center.y()
    if dx == 0 and dy == 0:
        return center
    half_w, half_h = rect.width() / 2 + END_GAP, rect.height() / 2 + END_GAP
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    scale = min(scale, 1.0)
    return QPointF(center.x() + dx * scale, center.y() + dy * scale)


def zigzag(start: QPointF, end: QPointF, path: QPainterPath | None = None) -> QPainterPath:
    """A jagged line from `start` to `end` (appended to `path` when given)."""
    if path is None:
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


def pieces(points: Sequence[Point], span: float = _PIECE_SPAN) -> list[list[Point]]:
    """The route cut into stretches of whole segments, each within `span` both ways."""
    result: list[list[Point]] = []
    current: list[Point] = [points[0]]
    left = right = points[0][0]
    top = bottom = points[0][1]
    for point in points[1:]:
        left, right = min(left, point[0]), max(right, point[0])
        top, bottom = min(top, point[1]), max(bottom, point[1])
        if len(current) > 1 and (right - left > span or bottom - top > span):
            result.append(current)
            current = [current[-1]]
            left, right = min(current[0][0], point[0]), max(current[0][0], point[0])
            top, bottom = min(current[0][1], point[1]), max(current[0][1], point[1])
        current.append(point)
    result.append(current)
    return result


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

    def __init__(
        self, link: Link, source: LinkEnd, target: LinkEnd, route: Sequence[Point] | None = None
    ) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptHoverEvents(True)
        self.setZValue(0.0)
        self.link = link
        self.source, self.target = source, target
        self._points: tuple[Point, ...] = ()
        self._pieces: list[QGraphicsPathItem] = []
        self._arrow = QGraphicsPolygonItem(self)
        self._arrow.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self._far = False
        source.links.append(self)
        target.links.append(self)
        if route is None:
            self.update_path()
        else:
            self.set_route(route)

    @property
    def link_id(self) -> str:
        return self.link.id

    def set_link(self, link: Link) -> None:
        """Show a fresh record of the link (note, resolved…)."""
        self.link = link
        self._restyle()

    def detach(self) -> None:
        """Forget both end items (the link is leaving the scene)."""
        for end in (self.source, self.target):
            if self in end.links:
                end.links.remove(self)

    def hoverEnterEvent(self, event: QGraphicsSceneHoverEvent) -> None:
        self.setToolTip(self._tooltip())  # built when needed, not for every link on open
        super().hoverEnterEvent(event)

    def _tooltip(self) -> str:
        link = self.link
        parts = [f"{link.kind.value}: {self.source.node.title} → {self.target.node.title}"]
        if link.note:
            parts.append(link.note)
        if link.kind is LinkKind.CONFLICTS:
            parts.append(f"Resolved: {link.resolution}" if link.resolved else "Unresolved")
        return "\n".join(parts)

    # ------------------------------------------------------------------ geometry

    def line(self) -> QLineF:
        """From where the drawn link leaves its source to where it meets its target."""
        (x1, y1), (x2, y2) = self._points[0], self._points[-1]
        return QLineF(x1, y1, x2, y2)

    def route(self) -> tuple[Point, ...]:
        """The points the link is drawn through, source end first."""
        return self._points

    def update_path(self) -> None:
        """Draw the cheap straight path between the cards where they are now."""
        source_rect, target_rect = self.source.scene_card_rect(), self.target.scene_card_rect()
        start = border_point(source_rect, target_rect.center())
        end = border_point(target_rect, source_rect.center())
        start, end = self._spread(start, end)
        self.set_route(((start.x(), start.y()), (end.x(), end.y())))

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
        shift = (twins.index(self) - (len(twins) - 1) / 2) * TWIN_GAP
        offset = QPointF(-dy / length * shift, dx / length * shift)
        return start + offset, end + offset

    def set_route(self, points: Sequence[Point]) -> None:
        """Draw the link through `points` (at least two), source end first."""
        points = tuple(points)
        if points == self._points:
            return
        self.prepareGeometryChange()
        self._points = points
        self._shape = None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        margin = _HIT_WIDTH / 2 + _ARROW_HALF_WIDTH
        self._bounds = QRectF(
            min(xs) - margin,
            min(ys) - margin,
            max(xs) - min(xs) + 2 * margin,
            max(ys) - min(ys) + 2 * margin,
        )
        self._build_pieces()

    def _build_pieces(self) -> None:
        jagged = style.LINKS[self.link.kind].jagged
        stretches = pieces(self._points)
        while len(self._pieces) > len(stretches):
            piece = self._pieces.pop()
            piece.setParentItem(None)
            if piece.scene() is not None:
                piece.scene().removeItem(piece)
        for index, stretch in enumerate(stretches):
            path = QPainterPath(QPointF(*stretch[0]))
            for a, b in zip(stretch, stretch[1:], strict=False):
                if jagged:
                    zigzag(QPointF(*a), QPointF(*b), path)
                else:
                    path.lineTo(*b)
            if index < len(self._pieces):
                self._pieces[index].setPath(path)
            else:
                piece = QGraphicsPathItem(path, self)
                piece.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
                self._pieces.append(piece)
        self._restyle()

    def _restyle(self) -> None:
        """Give the pieces and the arrow the pen of the link's kind and state."""
        kind_style = style.LINKS[self.link.kind]
        pen = style.link_pen(
            self.link.kind, resolved=self.link.resolved, selected=self.isSelected(), far=self._far
        )
        for piece in self._pieces:
            piece.setPen(pen)
        if kind_style.arrow and len(self._points) > 1:
            tip, before = QPointF(*self._points[-1]), QPointF(*self._points[-2])
            self._arrow.setPolygon(arrow_head(tip, before))
            self._arrow.setBrush(QBrush(pen.color()))
            self._arrow.setPen(QPen(pen.color(), 1.0))
            self._arrow.setVisible(not self._far)
        else:
            self._arrow.setVisible(False)

    def set_far(self, far: bool) -> None:
        """Draw thin hairlines (far) or the full pens (near); dashes are lost far away."""
        if far != self._far:
            self._far = far
            self._restyle()

    def itemChange(self, change: QGraphicsItem.GraphicsItemChange, value: Any) -> Any:
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedHasChanged:
            self._restyle()
        return super().itemChange(change, value)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The route widened for easy clicking, plus the arrow head (computed on demand)."""
        if self._shape is None:
            path = QPainterPath(QPointF(*self._points[0]))
            for point in self._points[1:]:
                path.lineTo(*point)
            stroker = QPainterPathStroker()
            stroker.setWidth(_HIT_WIDTH)
            self._shape = stroker.createStroke(path)
            if self._arrow.isVisible():
                self._shape.addPolygon(self._arrow.polygon())
        return self._shape

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the children draw the link (see the module docstring)."""
