"""A link on the canvas: its route between two cards, drawn by the link's kind.

`supports` is a solid arrow towards its target, `upholds` a dotted arrow towards the
value, `conflicts` a red zigzag with no direction (grey once resolved) and `depends` a
dashed grey arrow. The route comes from the layout's router (`set_route`); while one of
its cards is being dragged the link takes the cheap straight path (`update_path`), and
the scene routes it again when the card is dropped. A link of a map just opened may wait
for its route, drawing nothing meanwhile (`wait_for_route`).

A `LinkItem` paints nothing itself. It is what the user points at (its `shape` is the
whole route, widened for clicking) and what is selected, dimmed and hidden; the drawing
is done by its children, one plain Qt path item per stretch of the route and one for the
arrow head. The scene indexes those children by their own small rectangles, so a long
link costs nothing in a frame that shows none of it, and Qt paints them without calling
back into Python; `link_geometry` cuts the stretches and makes their shapes. A link knows
its cards only as `LinkEnd`s (their rectangle, record and list of links), so this module
does not import the cards that import it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
)
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsPathItem,
    QGraphicsPolygonItem,
    QGraphicsSceneHoverEvent,
    QStyleOptionGraphicsItem,
    QWidget,
)

from alignment_workshop.i18n import _
from alignment_workshop.layout.routing import TWIN_GAP
from alignment_workshop.model import Link, LinkKind, Node

from ...support.paint_guard import guarded
from ...support.plain_text import tooltip
from .. import style
from . import link_geometry as geometry
from .link_geometry import border_point
from .links_overview import LinksOverview

Point = tuple[float, float]

# Qt's enum members, looked up once: each lookup is a Python call, and a big map makes
# hundreds of thousands of them.
_NO_BUTTON = Qt.MouseButton.NoButton
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_SOLID = Qt.PenStyle.SolidLine
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)
_FLAGS = (
    QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
    | QGraphicsItem.GraphicsItemFlag.ItemHasNoContents
)


def _filled(kind: LinkKind) -> bool:
    """Whether a link of `kind` is drawn near by as a filled outline (see `_paint_pieces`):
    a solid pen that is not a hairline (only far away are solid kinds hairlines)."""
    kind_style = style.LINKS[kind]
    return not kind_style.jagged and kind_style.dash == _SOLID


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
        self,
        link: Link,
        source: LinkEnd,
        target: LinkEnd,
        route: Sequence[Point] | None = None,
        *,
        far: bool = False,
        overview: LinksOverview | None = None,
    ) -> None:
        super().__init__()
        self.setFlags(_FLAGS)
        self.setAcceptHoverEvents(True)
        self.link = link
        self.source, self.target = source, target
        self._points: tuple[Point, ...] = ()
        self._pieces: list[QGraphicsPathItem | None] = []
        self._whole = True  # every stretch of the route has its piece
        self._arrow: QGraphicsPolygonItem | None = None  # made when first seen near by
        self._shape: QPainterPath | None = None
        self._bounds = QRectF()
        self._far = far
        self._fine = False
        self._overview = overview
        self._built_for: tuple[tuple[Point, ...], bool] = ((), False)  # route, jagged
        self._stretches: list[list[Point]] = []
        self._short = True  # the route fits one piece (see `pieces`)
        self._drawn_look: tuple[int, float, bool] | None = None
        self._drawn_selected = False
        self._arrow_at: tuple[Point, ...] = ()
        self._arrow_inline = False  # the arrow head is part of the last piece's outline
        self._router: Callable[[LinkItem], object] | None = None
        source.links.append(self)
        target.links.append(self)
        if route is None:
            self.update_path()
        elif route:  # none yet: the link waits for its route (see `wait_for_route`)
            self.set_route(route)

    @property
    def link_id(self) -> str:
        return self.link.id

    def set_link(self, link: Link) -> None:
        """Show a fresh record of the link (note, resolved, kind…)."""
        self.link = link
        if not self._far and self._built_for != self._drawing():
            self._build_pieces()  # a zigzag now, or no longer
        else:
            self._restyle()

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
            parts.append(
                _("Resolved: {resolution}").format(resolution=link.resolution)
                if link.resolved
                else _("Unresolved")
            )
        return "\n".join(parts)

    # ------------------------------------------------------------------ geometry

    def line(self) -> QLineF:
        """From where the drawn link leaves its source to where it meets its target."""
        points = self.route()
        (x1, y1), (x2, y2) = points[0], points[-1]
        return QLineF(x1, y1, x2, y2)

    def route(self) -> tuple[Point, ...]:
        """The points the link is drawn through, source end first (routed now if it waits)."""
        if self._router is not None:
            self._router(self)
        return self._points

    def shown_route(self) -> tuple[Point, ...]:
        """The points the link is drawn through now: none while it waits for its route."""
        return self._points

    def wait_for_route(self, router: Callable[[LinkItem], object]) -> None:
        """Wait, with no route and nothing to draw, until `router(self)` routes the link:
        when asked for its route, or sooner (the scene routes what is in sight first)."""
        self._router = router

    def waits_for_route(self) -> bool:
        """Whether the link still waits for its route (see `wait_for_route`)."""
        return self._router is not None

    def runs_through(self, area: QRectF) -> bool:
        """Whether a run of the route (with the arrow's margin) passes through `area`."""
        return geometry.runs_through(self._points, area)

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
        self._router = None
        points = tuple(points)
        if points == self._points:
            return
        self.prepareGeometryChange()
        self._points = points
        self._shape = None
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        left, top, right, bottom = min(xs), min(ys), max(xs), max(ys)
        self._short = right - left <= geometry.PIECE_SPAN and bottom - top <= geometry.PIECE_SPAN
        self._bounds = QRectF(
            left - geometry.MARGIN,
            top - geometry.MARGIN,
            right - left + 2 * geometry.MARGIN,
            bottom - top + 2 * geometry.MARGIN,
        )
        if self._overview is not None:
            self._overview.changed()
        if not self._far:
            self._build_pieces()

    def _drawing(self) -> tuple[tuple[Point, ...], bool]:
        """What the pieces draw: the route, and whether as a zigzag."""
        return self._points, style.LINKS[self.link.kind].jagged

    def _build_pieces(self, within: QRectF | None = None) -> None:
        """Make (or remake) the child items that draw the route, in its current look:
        every one, or for now only those of the stretches that reach into `within`."""
        drawing = self._drawing()
        stretches = geometry.stretches(drawing[0], jagged=drawing[1], short=self._short)
        while len(self._pieces) > len(stretches):
            piece = self._pieces.pop()
            if piece is None:
                continue
            piece.setParentItem(None)  # type: ignore[arg-type]  # Qt takes None: no parent
            if piece.scene() is not None:
                piece.scene().removeItem(piece)
        self._pieces += [None] * (len(stretches) - len(self._pieces))
        for index, stretch in enumerate(stretches):
            if self._pieces[index] is None and (
                within is None or geometry.reaches(stretch, within)
            ):
                # A press on a piece is passed on to the link under it, as the piece is
                # neither selectable nor movable.
                self._pieces[index] = QGraphicsPathItem(self)
        self._whole = None not in self._pieces
        self._stretches = stretches
        self._built_for = drawing
        self._drawn_look = None
        self._restyle()

    def _restyle(self) -> None:
        """Draw the pieces and the arrow in the look of the link's kind and state."""
        kind_style = style.LINKS[self.link.kind]
        self._drawn_selected = self.isSelected()
        if self._overview is not None:
            self._overview.changed()
        if self._far:
            return
        link = self.link
        pen = style.link_pen(
            link.kind, resolved=link.resolved, selected=self._drawn_selected, fine=self._fine
        )
        wanted = kind_style.arrow and len(self._points) > 1
        fill = _filled(link.kind)
        look = (pen.color().rgba(), pen.widthF(), fill)
        if look != self._drawn_look:
            self._drawn_look = look
            self._arrow_inline = wanted and fill
            self._paint_pieces(pen, fill)
        wanted = wanted and not self._arrow_inline
        if wanted and self._arrow is None:
            self._arrow = QGraphicsPolygonItem(self)
            self._arrow.setAcceptedMouseButtons(_NO_BUTTON)
        if self._arrow is None:
            return
        self._arrow.setVisible(wanted)
        if wanted:
            if self._arrow_at != self._points[-2:]:
                self._arrow_at = self._points[-2:]
                self._arrow.setPolygon(geometry.arrow(self._points[-1], self._points[-2]))
            self._arrow.setBrush(style.arrow_paint(pen)[0])
            self._arrow.setPen(_NO_PEN)  # a filled triangle: an outline costs a stroke

    def _paint_pieces(self, pen: QPen, fill: bool) -> None:
        """Give each piece its path and paint for `pen`, filled as an outline or stroked.

        A solid line is drawn as the filled outline of its runs: the runs are straight,
        so the outline is one rectangle each, and filling it costs Qt far less on every
        frame than stroking a wide antialiased line. Its arrow head, filled alike, is
        part of the last piece's outline: one item fewer to make, index and draw. A
        dashed or dotted pen is one pixel wide and stroked on Qt's fast path; a zigzag
        (its stretches are already jagged) is stroked.
        """
        last = len(self._pieces) - 1
        for index, (piece, stretch) in enumerate(zip(self._pieces, self._stretches, strict=True)):
            if piece is None:  # not made yet (see `_build_pieces`)
                continue
            if fill:
                outline = geometry.outline(stretch, pen.widthF())
                if index == last and self._arrow_inline:
                    outline.addPolygon(geometry.arrow(self._points[-1], self._points[-2]))
                piece.setPath(outline)
                piece.setPen(_NO_PEN)
                piece.setBrush(style.arrow_paint(pen)[0])
                continue
            path = QPainterPath()
            path.moveTo(*stretch[0])
            line_to = path.lineTo
            for x, y in stretch[1:]:
                line_to(x, y)
            piece.setPath(path)
            piece.setPen(pen)
            piece.setBrush(_NO_BRUSH)

    def set_far(self, far: bool, within: QRectF | None = None) -> None:
        """Leave the drawing to the scene's overview (far), or draw the link itself (near).

        Far away, one `LinksOverview` draws every link in a few calls; the link's own
        pieces are only made when it is first seen near by, and with `within` only those
        that reach into that area (the rest when asked again without it: `is_whole`).
        """
        if far == self._far and (far or self._whole):
            return
        if far != self._far:
            self._far = far
            for child in self.childItems():
                child.setVisible(not far)
        if not far:
            if self._built_for != self._drawing() or not self._whole:
                self._build_pieces(within)
            else:
                self._restyle()

    def is_whole(self) -> bool:
        """Whether every piece of the route is made (see `set_far`)."""
        return self._whole

    def set_fine(self, fine: bool) -> None:
        """Draw dotted and dashed kinds at their full width (for an exported picture)."""
        if fine != self._fine:
            self._fine = fine
            self._restyle()

    def show_selected(self) -> None:
        """Draw the link in the selection colour, or not, as its selection now says.

        The scene calls this when the selection changes, rather than the link following
        its own item changes: a Python `itemChange` would be called for every child piece
        added, tens of thousands of times on opening a big map.
        """
        if self.isSelected() != self._drawn_selected:
            self._restyle()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The route widened for easy clicking, plus the arrow head (computed on demand)."""
        if not self._points:
            return QPainterPath()
        if self._shape is None:
            path = QPainterPath(QPointF(*self._points[0]))
            for point in self._points[1:]:
                path.lineTo(*point)
            stroker = QPainterPathStroker()
            stroker.setWidth(geometry.HIT_WIDTH)
            self._shape = stroker.createStroke(path)
            if self._arrow is not None and self._arrow.isVisible():
                self._shape.addPolygon(self._arrow.polygon())
            elif self._arrow_inline and not self._far:
                self._shape.addPolygon(geometry.arrow(self._points[-1], self._points[-2]))
        return self._shape

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        """Nothing: the children draw the link (see the module docstring)."""
