"""How the map scene routes its links and schedules their drawing: `LinkDrawing`.

Links follow the layout's router (`layout.routing`), which `LinkDrawing` keeps in step
with the cards. Routes are derived data: when cards move, the scene notes them and, once
the edit (one undo step) is complete, routes again the links of those cards and the links
that now pass under them. While a card is dragged, its links take the straight path.

A map opened in a view routes first the links its first frame may show, and the others
while the window is idle, or as soon as a frame may show them (`settle_sight`). From far
away the links' overview draws them all as hairlines; coming near, the links in sight get
their own drawing at once and the rest a batch at a time (see `backlog.py`).

The scene owns one `LinkDrawing`, as it owns its `interaction`, and shares with it its
maps of card and link items, which only the scene changes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import QRectF, QTimer
from PySide6.QtWidgets import QGraphicsScene

from alignment_workshop.layout import Rect, card_rect
from alignment_workshop.layout.routing import TWIN_GAP, LinkEnds, Point, Router, twin_offsets
from alignment_workshop.layout.stacks import Stacks
from alignment_workshop.model import Link, Workshop

from ..editing.document import Document
from .backlog import LinkBacklog
from .items.link_item import LinkItem
from .items.links_overview import LinksOverview
from .items.node_item import NodeItem

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

#: How the scene adds the item of a link, drawn along a route (see `MapScene`).
AddLinkItem = Callable[[Link, Sequence[Point]], LinkItem]


class LinkDrawing:
    """The routes of one scene's links, and when each link is routed and drawn near by."""

    def __init__(
        self,
        scene: QGraphicsScene,
        document: Document,
        nodes: Mapping[str, NodeItem],
        links: Mapping[str, LinkItem],
    ) -> None:
        self._scene = scene
        self._document = document
        self._nodes = nodes  # the scene's own maps, read here and changed only there
        self._links = links
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
        self._near_timer = QTimer(scene)
        self._near_timer.setInterval(0)
        self._near_timer.timeout.connect(self._draw_more_near)
        self._route_timer = QTimer(scene)
        self._route_timer.setSingleShot(True)
        self._route_timer.timeout.connect(self.flush_routes)

    @property
    def far(self) -> bool:
        """Whether the map is drawn for a view from far away (see `set_far`)."""
        return self._far

    @property
    def overview(self) -> LinksOverview | None:
        """The item that draws every link from far away, once the map is built."""
        return self._overview

    # ------------------------------------------------------------------ a new map

    def reset(self) -> None:
        """The scene drops its map: forget every waiting link; the next map starts far."""
        self._moved.clear()
        self._backlog.clear()
        self._settled = QRectF()
        self._near_timer.stop()
        # A new map is about to be fitted to the view: from far away, for a big one.
        self._far = True

    def start(self, rects: dict[str, Rect]) -> None:
        """The scene holds the cards of a new map, at `rects`: route among them, and add
        the overview that draws the links from far away."""
        self._router = Router(rects)
        self._overview = LinksOverview(self._links.values)
        self._overview.setVisible(self._far)
        self._scene.addItem(self._overview)
        self._stacks = None

    def add_links(self, workshop: Workshop, add: AddLinkItem) -> None:
        """Add the item of every link with `add`; with a view to paint them, routed when
        first seen.

        Routing every link of a 10,000-card map takes seconds, and its first frame shows
        only some of them: each link waits for its route until it may show in a frame or
        the window is idle (see `settle_sight`).
        """
        router = self._router
        if not self._scene.views():
            ends = [_ends(link, self._nodes, self.stacks()) for link in workshop.iter_links()]
            shifts = twin_offsets(ends)
            for link, end in zip(workshop.iter_links(), ends, strict=True):
                add(link, router.route(end, shifts.get(link.id, 0.0)))
            return
        members = self.stacks().members
        for link in workshop.iter_links():
            item = add(link, ())
            item.wait_for_route(self._route_now)
            reach = router.reach(members(link.source), members(link.target))
            self._backlog.wait_for_route(item, reach)
        if self._backlog:
            self._near_timer.start()

    # ------------------------------------------------------------------ following the model

    def stacks(self) -> Stacks:
        """Which key-result chips hang under which card, for routing."""
        if self._stacks is None:
            self._stacks = Stacks.of(self._document.workshop)
        return self._stacks

    def forget_stacks(self) -> None:
        """A measures link is coming: work the stacks out again when next needed."""
        self._stacks = None

    def stack_changed(self, link: Link) -> None:
        """A measures link came or went: the links of its two cards join other stacks."""
        self._stacks = None
        touched = {
            item
            for key in (link.source, link.target)
            if key in self._nodes
            for item in self._nodes[key].links
        }
        self.route(touched)

    def link_added(self, item: LinkItem) -> None:
        """`item` joined the map with no route: route it and the links beside it."""
        self.route(_twins(item))

    def link_leaving(self, item: LinkItem) -> list[LinkItem]:
        """`item` is leaving the map: forget it, and tell the links beside it, which the
        caller routes again once it is gone."""
        self._backlog.forget(item.link_id)
        return [twin for twin in _twins(item) if twin is not item]

    def node_removed(self, node_id: str) -> None:
        """The card `node_id` left the map: no link goes around it any more."""
        self._router.remove(node_id)
        self._moved.discard(node_id)

    def note_moved(self, node_id: str) -> None:
        """The card `node_id` moved: route its links, and those it now covers, soon."""
        item = self._nodes.get(node_id)
        if item is not None:
            self._router.place(node_id, card_rect_of(item))
            self._moved.add(node_id)
            self._route_timer.start(0)

    def flush_routes(self) -> None:
        """Route the links touched by the cards moved since the last time, now."""
        moved = self._moved
        if not moved:
            return
        self._route_timer.stop()
        self._moved = set()
        if len(moved) >= _REROUTE_ALL * len(self._nodes):
            self.route(self._links.values())
            return
        chosen: dict[str, LinkItem] = {}
        for node_id in moved:
            item = self._nodes.get(node_id)
            if item is None:
                continue
            for link in item.links:
                chosen[link.link_id] = link
            for other in self._scene.items(item.scene_card_rect()):
                parent = other.parentItem()
                if isinstance(parent, LinkItem):
                    chosen[parent.link_id] = parent
        self.route(chosen.values())

    # ------------------------------------------------------------------ routes

    def route(self, items: Iterable[LinkItem], *, settled: bool = False) -> None:
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
        self.route([item])

    # ------------------------------------------------------------------ far and near

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
            sight = self._scene.itemsBoundingRect()
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
        self.route([i for i in unrouted if i.waits_for_route()], settled=True)

    def _settle_in(self, sight: QRectF) -> None:
        """Near by: route and draw near every waiting link that may show in `sight` (of a
        long link, the pieces in sight; the others wait with the links out of sight)."""
        unrouted, near = self._backlog.take_in(sight)
        self.route([i for i in unrouted if i.waits_for_route()], settled=True)
        later: list[LinkItem] = []
        for item in unrouted:
            (near if item.runs_through(sight) else later).append(item)
        area = sight.adjusted(-_SETTLED_SLACK, -_SETTLED_SLACK, _SETTLED_SLACK, _SETTLED_SLACK)
        for item in near:
            if item.scene() is self._scene:
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
        views = self._scene.views()
        areas = [v.mapToScene(v.viewport().rect()).boundingRect() for v in views]
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
            batch = [i for i in backlog.take_unrouted(ROUTE_BATCH) if i.scene() is self._scene]
            self.route([i for i in batch if i.waits_for_route()], settled=True)
        else:
            batch = [i for i in backlog.take_far(NEAR_BATCH) if i.scene() is self._scene]
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


def card_rect_of(item: NodeItem) -> Rect:
    """The rectangle the router keeps for the card `item`, where it is now."""
    return card_rect(item.node.kind, (item.x(), item.y()))


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
