"""The map scene: one item per node and link, following the model's events.

`MapScene` subscribes to the current workshop's events in one place (`_attach`) and
unsubscribes in one place (`_detach`); it rebuilds itself when the document replaces
the workshop. It never edits the model itself: every change the user makes with the
mouse goes through the document by way of its `interaction` (see `interaction.py`),
which it owns and forwards its mouse, key and context-menu events to.

Links follow the layout's router (`layout.routing`), which the scene keeps in step with
the cards. Routes are derived data: when cards move, the scene notes them and, once the
edit (one undo step) is complete, routes again the links of those cards and the links
that now pass under them. While a card is dragged, its links take the straight path.
A map opened in a view routes first the links its first frame may show, and the others
while the window is idle, or as soon as a frame may show them (`settle_sight`).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from alignment_workshop.analysis.findings import Report
from alignment_workshop.layout import Rect, card_rect
from alignment_workshop.layout.routing import TWIN_GAP, LinkEnds, Point, Router, twin_offsets
from alignment_workshop.layout.stacks import Stacks
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
from .backlog import LinkBacklog
from .interaction import SceneInteraction
from .items.key_result_item import KeyResultItem
from .items.link_item import LinkItem, LinksOverview
from .items.node_item import NodeItem

_MARGIN = 400.0
#: Depth of the scene's BSP index. Qt's automatic depth grows with the item count, and a
#: deep tree files every long link in thousands of leaves; this depth keeps the index
#: fast to build for 10,000 cards and still fine-grained enough to find what is in view.
BSP_DEPTH = 10
#: How many links get their near drawing per idle turn after the view comes near.
NEAR_BATCH = 800
#: How many links that wait for their route get it (and their drawing) per idle turn.
ROUTE_BATCH = 200
#: How far around what the views show every link is drawn near by once the scene has
#: settled it: a little less than a link's own margin (`LinkItem.runs_through`), a
#: little more than Qt paints beyond the view's edge.
_SETTLED_SLACK = 8.0
#: When this share of the cards moved at once, every link is routed again.
_REROUTE_ALL = 0.25
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
        self._router = Router({})
        self._stacks: Stacks | None = None  # worked out again when a link changes
        self._overview: LinksOverview | None = None
        self._moved: set[str] = set()
        # A map is first shown fitted to the window, from far away for a big map; the
        # view switches to near drawing as soon as it paints closer (see MapView).
        self._far = True
        # Links that wait for their route or their near drawing (see `settle_sight`),
        # and the area in which none does.
        self._backlog = LinkBacklog()
        self._settled = QRectF()
        self._near_timer = QTimer(self)
        self._near_timer.setInterval(0)
        self._near_timer.timeout.connect(self._draw_more_near)
        self._route_timer = QTimer(self)
        self._route_timer.setSingleShot(True)
        self._route_timer.timeout.connect(self.flush_routes)
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
        if self._overview is not None:
            self._overview.changed()  # it draws the links' dimming and hiding too
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
        self._moved.clear()
        self._backlog.clear()
        self._settled = QRectF()
        self._near_timer.stop()
        self._selected_links = []
        # A new map is about to be fitted to the view: from far away, for a big one.
        self._far = True
        self._highlight = self._visible = None
        workshop = self.document.workshop
        for node in workshop.iter_nodes():
            self._add_node_item(node)
        rects = {node_id: self._card_rect(item) for node_id, item in self._nodes.items()}
        self._router = Router(rects)
        self._overview = LinksOverview(self._links.values)
        self._overview.setVisible(self._far)
        self.addItem(self._overview)
        self._stacks = None
        self._add_link_items(workshop)
        self._attach(workshop)
        if self.document.report is not None:
            self._show_report(self.document.report)
        self.setSceneRect(_around(rects.values()))
        self._overview.cover(item.boundingRect() for item in self._links.values())
        if self.views():
            # The map's objects live until the next rebuild: keep the cyclic collector
            # from scanning them all again every time painting makes a few new ones.
            gc.freeze()
        self.selection_ids_changed.emit()

    def _add_link_items(self, workshop: Workshop) -> None:
        """Add the item of every link; with a view to paint them, routed when first seen.

        Routing every link of a 10,000-card map takes seconds, and its first frame shows
        only some of them: each link waits for its route until it may show in a frame or
        the window is idle (see `settle_sight`).
        """
        router = self._router
        if not self.views():
            ends = [_ends(link, self._nodes, self.stacks()) for link in workshop.iter_links()]
            shifts = twin_offsets(ends)
            for link, end in zip(workshop.iter_links(), ends, strict=True):
                self._add_link_item(link, route=router.route(end, shifts.get(link.id, 0.0)))
            return
        members = self.stacks().members
        for link in workshop.iter_links():
            item = self._add_link_item(link, route=())
            item.wait_for_route(self._route_now)
            reach = router.reach(members(link.source), members(link.target))
            self._backlog.wait_for_route(item, reach)
        if self._backlog:
            self._near_timer.start()

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
        item = item_class(node, self._team_of(node), self._contributors_of(node), far=self._far)
        item.setPos(*(node.pos or (0.0, 0.0)))
        self._nodes[node.id] = item
        self.addItem(item)
        return item

    @staticmethod
    def _card_rect(item: NodeItem) -> Rect:
        return card_rect(item.node.kind, (item.x(), item.y()))

    def _add_link_item(self, link: Link, route: Sequence[Point] | None = None) -> LinkItem:
        """Add the item of `link`, drawn along `route` (routed now when None; an empty
        route leaves it to wait for one, see `LinkItem.wait_for_route`)."""
        source, target = self._nodes[link.source], self._nodes[link.target]
        item = LinkItem(link, source, target, route=route, far=self._far, overview=self._overview)
        self._links[link.id] = item
        self.addItem(item)
        if route is None:
            self._route(_twins(item))
        return item

    # ------------------------------------------------------------------ routes

    def _route(self, items: Iterable[LinkItem], *, settled: bool = False) -> None:
        """Route `items` again among the cards where they are now.

        `settled` says the caller draws them as the scene's distance says, so the area
        where every link is drawn near by stays so (see `settle_sight`).
        """
        router, routed = self._router, []
        for item in items:
            ends = _ends(item.link, self._nodes, self.stacks())
            item.set_route(router.route(ends, _twin_shift(item)))
            routed.append(item.boundingRect())
        if self._overview is not None:
            self._overview.cover(routed)
        if not settled and routed:
            self._settle(QRectF())

    def _route_now(self, item: LinkItem) -> None:
        """Route `item`, which waited for its route, at once (someone asks for it)."""
        self._route([item])

    def note_moved(self, node_id: str) -> None:
        """The card `node_id` moved: route its links, and those it now covers, soon."""
        item = self._nodes.get(node_id)
        if item is not None:
            self._router.place(node_id, self._card_rect(item))
            self._moved.add(node_id)
            self._route_timer.start(0)

    @Slot()
    def flush_routes(self) -> None:
        """Route the links touched by the cards moved since the last time, now."""
        # The undo stack also signals while it is destroyed with its document, when this
        # scene's Python side may already be gone: then there is nothing to do.
        moved = self.__dict__.get("_moved")
        if not moved:
            return
        self._route_timer.stop()
        self._moved = set()
        if len(moved) >= _REROUTE_ALL * len(self._nodes):
            self._route(self._links.values())
            return
        chosen: dict[str, LinkItem] = {}
        for node_id in moved:
            item = self._nodes.get(node_id)
            if item is None:
                continue
            for link in item.links:
                chosen[link.link_id] = link
            for other in self.items(item.scene_card_rect()):
                parent = other.parentItem()
                if isinstance(parent, LinkItem):
                    chosen[parent.link_id] = parent
        self._route(chosen.values())

    def set_far(self, far: bool) -> None:
        """Draw the map for a view from far away (hairlines, plain cards) or near by.

        Coming near, the links in sight get their own drawing at once and the rest a
        batch at a time while the window is idle, the overview drawing them meanwhile:
        on a 10,000-card map that first near frame would otherwise wait for every link.
        """
        if far == self._far:
            return
        self._far = far
        for node in self._nodes.values():
            node.set_far(far)
        self._backlog.take_far(len(self._backlog))
        self._settle(QRectF())
        if far:
            self._route_all_waiting()
            for item in self._links.values():
                item.set_far(True)
            self._after_batch()
            return
        sight = self.in_sight()
        if sight is None:  # no view: every link is in sight
            self._route_all_waiting()
            sight = self.itemsBoundingRect()
        self._backlog.wait_for_near([i for i in self._links.values() if not i.waits_for_route()])
        self._settle_in(sight)

    def settle_sight(self) -> None:
        """Before a paint: give every link that may show in the views its route, and near
        by its own drawing, so the frame misses no link."""
        if not self._backlog:
            return
        if self._far:  # the overview draws every link: the waiting ones need their routes
            self._route_all_waiting()
            self._after_batch()
            return
        sight = self.in_sight()
        if sight is not None and not self._settled.contains(sight):
            self._settle_in(sight)

    def _route_all_waiting(self) -> None:
        """Route every link that still waits for its route, now."""
        unrouted = self._backlog.take_unrouted(self._backlog.waiting_for_route())
        self._route([i for i in unrouted if i.waits_for_route()], settled=True)

    def _settle_in(self, sight: QRectF) -> None:
        """Near by: route and draw near every waiting link that may show in `sight` (of a
        long link, the pieces in sight; the others wait with the links out of sight)."""
        unrouted, near = self._backlog.take_in(sight)
        self._route([i for i in unrouted if i.waits_for_route()], settled=True)
        later: list[LinkItem] = []
        for item in unrouted:
            (near if item.runs_through(sight) else later).append(item)
        area = sight.adjusted(-_SETTLED_SLACK, -_SETTLED_SLACK, _SETTLED_SLACK, _SETTLED_SLACK)
        for item in near:
            if item.scene() is self:
                item.set_far(False, within=area)  # the pieces out of sight: when idle
                if not item.is_whole():
                    later.append(item)
        self._backlog.wait_for_near(later)
        self._settle(area)
        self._after_batch()

    def _settle(self, area: QRectF) -> None:
        """Every link that runs through `area` is drawn near by (empty: no such area)."""
        self._settled = area
        if self._overview is not None:
            self._overview.set_clear(area)

    def _after_batch(self) -> None:
        """Keep working through the backlog while it lasts; the overview draws meanwhile."""
        if self._backlog:
            self._near_timer.start()
        else:
            self._near_timer.stop()
        if self._overview is not None:
            self._overview.setVisible(self._far or bool(self._backlog))

    def in_sight(self) -> QRectF | None:
        """The scene area the views show now (None: no view, so all of it)."""
        areas = [v.mapToScene(v.viewport().rect()).boundingRect() for v in self.views()]
        if not areas:
            return None
        sight = areas[0]
        for area in areas[1:]:
            sight = sight.united(area)
        return sight

    def _draw_more_near(self) -> None:
        """Route the next batch of waiting links, or give the next far-drawn ones their
        near drawing, as the scene's distance says."""
        backlog = self._backlog
        if backlog.waiting_for_route():
            batch = [i for i in backlog.take_unrouted(ROUTE_BATCH) if i.scene() is self]
            self._route([i for i in batch if i.waits_for_route()], settled=True)
        else:
            batch = [i for i in backlog.take_far(NEAR_BATCH) if i.scene() is self]
        for item in batch:
            item.set_far(self._far)
        self._after_batch()

    def near_pending(self) -> int:
        """How many links still wait for their route or their near drawing."""
        return len(self._backlog)

    def set_fine(self, fine: bool) -> None:
        """Draw dotted and dashed links at full width: slower, for a picture drawn once."""
        for item in self._links.values():
            item.set_fine(fine)

    def _on_node_added(self, event: Added[Node]) -> None:
        item = self._add_node_item(event.item)
        self.note_moved(event.item.id)
        self._grow_scene_rect(item.sceneBoundingRect())

    def _on_node_removed(self, event: Removed[Node]) -> None:
        item = self._nodes.pop(event.item.id)
        self.interaction.forget_item(item)
        self._router.remove(event.item.id)
        self._moved.discard(event.item.id)
        self.removeItem(item)

    def _on_node_changed(self, event: Changed[Node]) -> None:
        item = self._nodes[event.new.id]
        item.set_node(event.new, self._team_of(event.new), self._contributors_of(event.new))
        if "pos" in event.fields and event.new.pos is not None:
            if (item.x(), item.y()) != event.new.pos:
                item.set_links_follow(False)  # routed once the whole edit is done
                item.setPos(*event.new.pos)
                item.set_links_follow(True)
            self.note_moved(event.new.id)
            self._grow_scene_rect(item.sceneBoundingRect())

    def stacks(self) -> Stacks:
        """Which key-result chips hang under which card, for routing."""
        if self._stacks is None:
            self._stacks = Stacks.of(self.document.workshop)
        return self._stacks

    def _stack_changed(self, link: Link) -> None:
        """A measures link came or went: the links of its two cards join other stacks."""
        self._stacks = None
        touched = {
            item
            for key in (link.source, link.target)
            if key in self._nodes
            for item in self._nodes[key].links
        }
        self._route(touched)

    def _on_link_added(self, event: Added[Link]) -> None:
        if event.item.kind is LinkKind.MEASURES:
            self._stacks = None
        self._add_link_item(event.item)
        if event.item.kind is LinkKind.MEASURES:
            self._stack_changed(event.item)

    def _on_link_removed(self, event: Removed[Link]) -> None:
        item = self._links.pop(event.item.id)
        self._backlog.forget(item.link_id)
        twins = [twin for twin in _twins(item) if twin is not item]
        item.detach()
        self.removeItem(item)
        if event.item.kind is LinkKind.MEASURES:
            self._stack_changed(event.item)
        self._route(twins)

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


def _ends(link: Link, nodes: Mapping[str, NodeItem], stacks: Stacks) -> LinkEnds:
    """What the router needs of `link`."""
    peers = nodes[link.source].node.kind is nodes[link.target].node.kind
    if not stacks:
        return LinkEnds(link.id, link.kind, link.source, link.target, peers)
    return LinkEnds(  # what `LinkEnds.with_stacks` makes, made at once: a big map has many
        link.id,
        link.kind,
        link.source,
        link.target,
        peers,
        stacks.members(link.source)[1:],
        stacks.members(link.target)[1:],
    )


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


def _twins(item: LinkItem) -> list[LinkItem]:
    """The links that join the same two cards as `item`, itself included, in their order."""
    ends = {item.source, item.target}
    return [other for other in item.source.links if {other.source, other.target} == ends]


def _twin_shift(item: LinkItem) -> float:
    """How far `item` runs beside the middle of its lane, to make room for its twins."""
    twins = _twins(item)
    if len(twins) < 2:
        return 0.0
    return (twins.index(item) - (len(twins) - 1) / 2) * TWIN_GAP
