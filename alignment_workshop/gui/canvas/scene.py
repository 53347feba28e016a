"""The map scene: one item per node and link, following the model's events.

`MapScene` subscribes to the current workshop's events in one place (`_attach`) and
unsubscribes in one place (`_detach`); it rebuilds itself when the document replaces
the workshop. It never edits the model itself: every change the user makes with the
mouse goes through the document by way of its `interaction` (see `interaction.py`),
which it owns and forwards its mouse, key and context-menu events to.

Links follow the layout's router: the scene's `link_drawing` (see `link_drawing.py`)
routes them again when cards move, and decides when each link of a big map just opened
gets its route and its near drawing. The scene tells it what the model changed.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from alignment_workshop.analysis.findings import Report
from alignment_workshop.layout import Rect
from alignment_workshop.layout.routing import Point
from alignment_workshop.model import (
    Added,
    Changed,
    Event,
    Link,
    LinkKind,
    Node,
    NodeKind,
    Removed,
    Team,
    Workshop,
)

from ..editing.document import Document
from . import style
from .interaction import SceneInteraction
from .items.key_result_item import KeyResultItem
from .items.link_item import LinkItem
from .items.node_item import NodeItem
from .link_drawing import LinkDrawing, card_rect_of

_MARGIN = 400.0
#: Depth of the scene's BSP index. Qt's automatic depth grows with the item count, and a
#: deep tree files every long link in thousands of leaves; this depth keeps the index
#: fast to build for 10,000 cards and still fine-grained enough to find what is in view.
BSP_DEPTH = 10
#: Below this zoom links are drawn as hairlines and cards without cached pictures (see
#: `LinkItem.set_far` and `NodeItem.set_far`).
FAR_ZOOM = 0.3


class MapScene(QGraphicsScene):
    """The alignment map of one document."""

    #: The set of selected nodes or links changed.
    selection_ids_changed = Signal()
    #: The Why highlight or the Focus changed which cards are dimmed or shown.
    emphasis_changed = Signal()

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.document = document
        #: What the mouse and keyboard do on the map: renaming, linking, moving, menus.
        self.interaction = SceneInteraction(self, document)
        self.setBackgroundBrush(QColor("#FAFAF7"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBspTreeDepth(BSP_DEPTH)
        self._nodes: dict[str, NodeItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._workshop: Workshop | None = None
        self._highlight: tuple[set[str], set[str]] | None = None
        self._visible: set[str] | None = None
        #: How the links are routed, and when each is drawn near by, as the map changes.
        self.link_drawing = LinkDrawing(self, document, self._nodes, self._links)
        self._selected_links: list[LinkItem] = []
        self.selectionChanged.connect(self._show_selected_links)
        #: How much larger than normal card text is written (View › Larger Text).
        self.text_scale = 1.0
        self.selectionChanged.connect(self.selection_ids_changed)
        document.workshop_replaced.connect(self._rebuild)
        document.analysis_updated.connect(self._show_report)
        document.undo_stack.indexChanged.connect(self.flush_routes)
        self._rebuild()

    # ------------------------------------------------------------------ reading

    def item_for(self, node_id: str) -> NodeItem | None:
        """The card of `node_id`, or None."""
        return self._nodes.get(node_id)

    def link_item_for(self, link_id: str) -> LinkItem | None:
        """The line of `link_id`, or None."""
        return self._links.get(link_id)

    def node_at(self, pos: QPointF) -> NodeItem | None:
        """The visible card under the scene point `pos`, topmost first, or None."""
        for item in self.items(pos):
            if isinstance(item, NodeItem) and item.isVisible():
                return item
        return None

    def link_at(self, pos: QPointF) -> LinkItem | None:
        """The link under the scene point `pos`, topmost first, or None."""
        for item in self.items(pos):
            if isinstance(item, LinkItem):
                return item
        return None

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def set_text_scale(self, scale: float) -> None:
        """Write card text `scale` times its normal size (the cards keep their size)."""
        if scale != self.text_scale:
            self.text_scale = scale
            for item in self._nodes.values():
                item.text_scale_changed()

    def smallest_title_pixels(self) -> float:
        """The height of the smallest card title in scene pixels, at the current text size,
        on the compact face the cards show when zoomed out (see `NodeItem.compact_below`)."""
        kinds = {item.node.kind for item in self._nodes.values()} or set(NodeKind)
        return min(round(style.COMPACT_PIXELS[kind] * self.text_scale) for kind in kinds)

    def link_items(self) -> list[LinkItem]:
        return list(self._links.values())

    def selected_node_ids(self) -> list[str]:
        """The ids of the selected cards, in model order."""
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [node_id for node_id in self._nodes if node_id in chosen]

    def selected_link_ids(self) -> list[str]:
        """The ids of the selected links, in model order."""
        chosen = {i.link_id for i in self.selectedItems() if isinstance(i, LinkItem)}
        return [link_id for link_id in self._links if link_id in chosen]

    def select_ids(self, node_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        """Select exactly these nodes and links (unknown ids are ignored)."""
        wanted: list[QGraphicsItem] = [self._nodes[i] for i in node_ids if i in self._nodes]
        wanted += [self._links[i] for i in link_ids if i in self._links]
        self.blockSignals(True)
        try:
            self.clearSelection()
            for item in wanted:
                item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selection_ids_changed.emit()

    @Slot()
    def _show_selected_links(self) -> None:
        """Draw newly selected links in the selection colour, and unselected ones not."""
        now = [item for item in self.selectedItems() if isinstance(item, LinkItem)]
        for item in [*self.__dict__.get("_selected_links", ()), *now]:
            if item.scene() is self:
                item.show_selected()
        self._selected_links = now

    def select_all(self) -> None:
        """Select every card and link."""
        self.select_ids(self._nodes, self._links)

    def items_rect(self, ids: Iterable[str] | None = None) -> QRectF:
        """The rectangle around the given cards (all cards when None), or an empty rect."""
        items = (
            self._nodes.values()
            if ids is None
            else [self._nodes[i] for i in ids if i in self._nodes]
        )
        rect = QRectF()
        for item in items:
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    # ------------------------------------------------------------------ highlight and focus

    def set_highlight(self, node_ids: set[str] | None, link_ids: set[str] | None = None) -> None:
        """Highlight these nodes and links and dim the rest; None clears it."""
        self._highlight = None if node_ids is None else (set(node_ids), set(link_ids or ()))
        self._apply_emphasis()

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these nodes and the links between them; None shows everything."""
        self._visible = None if ids is None else set(ids)
        self._apply_emphasis()

    def _apply_emphasis(self) -> None:
        lit_nodes, lit_links = self._highlight or (None, None)
        for node_id, item in self._nodes.items():
            item.setVisible(self._visible is None or node_id in self._visible)
            dim = lit_nodes is not None and node_id not in lit_nodes
            item.setOpacity(style.DIMMED_OPACITY if dim else 1.0)
        for link_id, link_item in self._links.items():
            link = link_item.link
            link_item.setVisible(
                self._nodes[link.source].isVisible() and self._nodes[link.target].isVisible()
            )
            dim = lit_links is not None and link_id not in lit_links
            link_item.setOpacity(style.DIMMED_OPACITY if dim else 1.0)
        overview = self.link_drawing.overview
        if overview is not None:
            overview.changed()  # it draws the links' dimming and hiding too
        self.emphasis_changed.emit()

    # ------------------------------------------------------------------ following the model

    def _rebuild(self) -> None:
        if self.views():
            gc.unfreeze()  # the old map's objects may be collected again
        self._detach()
        self.interaction.cancel()
        self.clear()
        self.setSceneRect(QRectF())
        self._nodes.clear()
        self._links.clear()
        self.link_drawing.reset()  # the new map starts far away
        self._selected_links = []
        self._highlight = self._visible = None
        workshop = self.document.workshop
        for node in workshop.iter_nodes():
            self._add_node_item(node)
        rects = {node_id: card_rect_of(item) for node_id, item in self._nodes.items()}
        self.link_drawing.start(rects)
        self.link_drawing.add_links(workshop, self._add_link_item)
        self._attach(workshop)
        if self.document.report is not None:
            self._show_report(self.document.report)
        self.setSceneRect(_around(rects.values()))
        overview = self.link_drawing.overview
        if overview is not None:
            overview.cover(item.boundingRect() for item in self._links.values())
        if self.views():
            # The map's objects live until the next rebuild: keep the cyclic collector
            # from scanning them all again every time painting makes a few new ones.
            gc.freeze()
        self.selection_ids_changed.emit()

    def _subscriptions(self, workshop: Workshop) -> list[tuple[Event[Any], Callable[[Any], None]]]:
        """Every model channel the scene follows, with its handler: one table for both ways."""
        events = workshop.events
        return [
            (events.node_added, self._on_node_added),
            (events.node_removed, self._on_node_removed),
            (events.node_changed, self._on_node_changed),
            (events.link_added, self._on_link_added),
            (events.link_removed, self._on_link_removed),
            (events.link_changed, self._on_link_changed),
            (events.team_added, self._on_teams_changed),
            (events.team_removed, self._on_teams_changed),
            (events.team_changed, self._on_teams_changed),
        ]

    def _attach(self, workshop: Workshop) -> None:
        for channel, handler in self._subscriptions(workshop):
            channel.subscribe(handler)
        self._workshop = workshop

    def _detach(self) -> None:
        if self._workshop is None:
            return
        for channel, handler in self._subscriptions(self._workshop):
            channel.unsubscribe(handler)
        self._workshop = None

    def _team_of(self, node: Node) -> Team | None:
        workshop = self.document.workshop
        return workshop.team(node.team) if node.team and workshop.has_team(node.team) else None

    def _contributors_of(self, node: Node) -> tuple[Team, ...]:
        workshop = self.document.workshop
        return tuple(workshop.team(t) for t in node.contributors if workshop.has_team(t))

    def _add_node_item(self, node: Node) -> NodeItem:
        item_class = KeyResultItem if node.kind is NodeKind.KEY_RESULT else NodeItem
        far = self.link_drawing.far
        item = item_class(node, self._team_of(node), self._contributors_of(node), far=far)
        item.setPos(*(node.pos or (0.0, 0.0)))
        self._nodes[node.id] = item
        self.addItem(item)
        return item

    def _add_link_item(self, link: Link, route: Sequence[Point] | None = None) -> LinkItem:
        """Add the item of `link`, drawn along `route` (routed now when None; an empty
        route leaves it to wait for one, see `LinkItem.wait_for_route`)."""
        source, target = self._nodes[link.source], self._nodes[link.target]
        drawing = self.link_drawing
        item = LinkItem(
            link, source, target, route=route, far=drawing.far, overview=drawing.overview
        )
        self._links[link.id] = item
        self.addItem(item)
        if route is None:
            drawing.link_added(item)
        return item

    def _on_node_added(self, event: Added[Node]) -> None:
        item = self._add_node_item(event.item)
        self.link_drawing.note_moved(event.item.id)
        self._grow_scene_rect(item.sceneBoundingRect())

    def _on_node_removed(self, event: Removed[Node]) -> None:
        item = self._nodes.pop(event.item.id)
        self.interaction.forget_item(item)
        self.link_drawing.node_removed(event.item.id)
        self.removeItem(item)

    def _on_node_changed(self, event: Changed[Node]) -> None:
        item = self._nodes[event.new.id]
        item.set_node(event.new, self._team_of(event.new), self._contributors_of(event.new))
        if "pos" in event.fields and event.new.pos is not None:
            if (item.x(), item.y()) != event.new.pos:
                item.set_links_follow(False)  # routed once the whole edit is done
                item.setPos(*event.new.pos)
                item.set_links_follow(True)
            self.link_drawing.note_moved(event.new.id)
            self._grow_scene_rect(item.sceneBoundingRect())

    def _on_link_added(self, event: Added[Link]) -> None:
        if event.item.kind is LinkKind.MEASURES:
            self.link_drawing.forget_stacks()
        self._add_link_item(event.item)
        if event.item.kind is LinkKind.MEASURES:
            self.link_drawing.stack_changed(event.item)

    def _on_link_removed(self, event: Removed[Link]) -> None:
        item = self._links.pop(event.item.id)
        twins = self.link_drawing.link_leaving(item)
        item.detach()
        self.removeItem(item)
        if event.item.kind is LinkKind.MEASURES:
            self.link_drawing.stack_changed(event.item)
        self.link_drawing.route(twins)

    def _on_link_changed(self, event: Changed[Link]) -> None:
        self._links[event.new.id].set_link(event.new)

    def _on_teams_changed(self, _event: object) -> None:
        for item in self._nodes.values():
            node = item.node
            if node.team is not None or item.team is not None or node.contributors:
                item.set_node(node, self._team_of(node), self._contributors_of(node))

    def _show_report(self, report: Report) -> None:
        by_node: dict[str, list] = {}
        for finding in report.findings:
            for node_id in finding.nodes:
                by_node.setdefault(node_id, []).append(finding)
        for node_id, item in self._nodes.items():
            item.set_findings(by_node.get(node_id, []))

    def _grow_scene_rect(self, rect: QRectF) -> None:
        """Grow the scene rectangle to hold `rect` with a margin (it never shrinks)."""
        rect = rect.adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        current = self.sceneRect()
        if not current.contains(rect):
            self.setSceneRect(rect if current.isEmpty() else current.united(rect))

    # ------------------------------------------------------------------ links, to the link drawing

    @Slot()
    def flush_routes(self) -> None:
        """Route the links touched by the cards moved since the last time, now."""
        # The undo stack also signals while it is destroyed with its document, when this
        # scene's Python side may already be gone: then there is nothing to do.
        drawing = self.__dict__.get("link_drawing")
        if drawing is not None:
            drawing.flush_routes()

    def set_far(self, far: bool) -> None:
        """Draw the map for a view from far away (hairlines, plain cards) or near by."""
        self.link_drawing.set_far(far)

    def settle_sight(self) -> None:
        """Before a paint: route and draw near by every link that may show in the views."""
        self.link_drawing.settle_sight()

    def in_sight(self) -> QRectF | None:
        """The scene area the views show now (None: no view, so all of it)."""
        return self.link_drawing.in_sight()

    def near_pending(self) -> int:
        """How many links still wait for their route or their near drawing."""
        return self.link_drawing.near_pending()

    def set_fine(self, fine: bool) -> None:
        """Draw dotted and dashed links at full width: slower, for a picture drawn once."""
        self.link_drawing.set_fine(fine)

    # ------------------------------------------------------------------ events, to the interaction

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_press(event, super().mousePressEvent)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_move(event, super().mouseMoveEvent)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_release(event, super().mouseReleaseEvent)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_double_click(event, super().mouseDoubleClickEvent)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self.interaction.context_menu(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.interaction.key_press(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # A link drag claims Esc before the window's shortcuts see it (key_press ends it).
        if self.interaction.claims_shortcut(event):
            event.accept()
            return True
        return super().event(event)


def _around(rects: Iterable[Rect]) -> QRectF:
    """The rectangle around `rects` with the scene's margin (a margin alone when empty)."""
    rects = list(rects)
    if not rects:
        return QRectF(-_MARGIN, -_MARGIN, 2 * _MARGIN, 2 * _MARGIN)
    left, top = min(r.left for r in rects), min(r.top for r in rects)
    right, bottom = max(r.right for r in rects), max(r.bottom for r in rects)
    return QRectF(left, top, right - left, bottom - top).adjusted(
        -_MARGIN, -_MARGIN, _MARGIN, _MARGIN
    )
