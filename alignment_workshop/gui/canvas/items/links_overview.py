"""Every link of a map seen from far away, drawn as hairlines in a few calls.

The scene's link drawing (`link_drawing.py`) shows the overview while the view is far
away or while links still wait for their own near drawing; each `LinkItem` tells it when
its route or look changed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from alignment_workshop.model import Link, LinkKind

from ...support.paint_guard import guarded
from .. import style


class OverviewLink(Protocol):
    """What the overview reads of a link's item (a `LinkItem`)."""

    @property
    def link(self) -> Link:
        """The link's record, for its kind and whether it is resolved."""
        ...

    def shown_route(self) -> Sequence[tuple[float, float]]:
        """The points the link is drawn through now."""
        ...

    def isVisible(self) -> bool: ...  # Qt's camelCase

    def isSelected(self) -> bool: ...

    def opacity(self) -> float: ...


class LinksOverview(QGraphicsItem):
    """Every link of a map seen from far away, drawn as hairlines in a few calls.

    From far away a card is a few pixels and a link a hairline: drawing twenty thousand
    links one item at a time would cost more than the whole bare scene. The overview
    keeps one path per look (kind, dimmed, selected) holding the routes of every visible
    link with that look, rebuilt only when a link changes, and draws those few paths.
    """

    def __init__(self, links: Callable[[], Iterable[OverviewLink]]) -> None:
        super().__init__()
        # for the exposed rectangle (see `set_clear`)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption, True)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(0.0)
        self._links = links
        self._paths: list[tuple[QPen, QPainterPath]] | None = None
        self._bounds = QRectF()
        self._clear = QRectF()

    def changed(self) -> None:
        """A link's route or look changed: build the paths again before the next paint."""
        if self._paths is not None:
            self._paths = None
            self.update()

    def cover(self, rects: Iterable[QRectF]) -> None:
        """Grow the overview's rectangle to hold `rects` (the links' own rectangles)."""
        bounds = QRectF(self._bounds)
        for rect in rects:
            bounds = rect if bounds.isEmpty() else bounds.united(rect)
        if bounds != self._bounds:
            self.prepareGeometryChange()
            self._bounds = bounds

    def set_clear(self, area: QRectF) -> None:
        """Every link that runs through `area` draws itself there, near by: a paint of no
        more than that area has nothing to add (an empty `area`: draw every time)."""
        self._clear = QRectF(area)

    def boundingRect(self) -> QRectF:
        return self._bounds

    def _build(self) -> list[tuple[QPen, QPainterPath]]:
        groups: dict[tuple[LinkKind, bool, bool, bool], QPainterPath] = {}
        for item in self._links():
            points = item.shown_route()
            if not item.isVisible() or len(points) < 2:
                continue
            link = item.link
            key = (link.kind, link.resolved, item.isSelected(), item.opacity() < 1.0)
            path = groups.get(key)
            if path is None:
                path = groups[key] = QPainterPath()
            path.moveTo(*points[0])
            line_to = path.lineTo
            for x, y in points[1:]:
                line_to(x, y)
        result = []
        for (kind, resolved, selected, dimmed), path in groups.items():
            pen = style.link_pen(kind, resolved=resolved, selected=selected, far=True)
            if dimmed:
                pen = QPen(pen)
                color = pen.color()
                color.setAlphaF(style.DIMMED_OPACITY)
                pen.setColor(color)
            result.append((pen, path))
        result.sort(key=lambda entry: entry[0].color().alphaF())  # faded first, under
        return result

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        if not self._clear.isEmpty() and self._clear.contains(option.exposedRect):
            return
        if self._paths is None:
            self._paths = self._build()
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for pen, path in self._paths:
            painter.setPen(pen)
            painter.drawPath(path)
