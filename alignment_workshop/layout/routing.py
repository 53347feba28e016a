"""Link routing: orthogonal paths between cards that never run through another card.

`route_links(rects, links)` gives every link a polyline from the border of its source
card to the border of its target card (where the arrow points), made of horizontal and
vertical runs that keep `CLEARANCE` away from every other card. The editor, presentation,
the PNG and SVG exports and the PDF map all draw these same routes; they are derived from
the positions every time and never stored.

How a route is found, cheapest first:

1. *Walk.* A link whose target lies above its source leaves the source's top and climbs:
   straight up while nothing is in the way, else up to the channel just below the card
   in the way, sideways to the gap beside that card, and on up the gap. When the channel
   just below the target is in reach it runs along that channel and up into the target.
   A target below is reached the same way downwards, and a target level with the source
   through the channel above (or below) both. On a layered layout, whose rows leave
   channels between them and whose columns leave gaps, this takes a handful of look-ups.
2. *Search.* When the walk is stuck (cards placed by hand can close every gap it tries),
   an A* search over a sparse grid of lines just outside the cards nearby finds the
   path with the fewest bends, widening its window up to four times (`grid_search.py`).
3. *Straight.* A link between overlapping cards is drawn straight: there is no way
   round. So is one whose search gives up (too many cards in its window, too long a
   search, or no path in the widest window).

Parallel links share their runs: links leaving a card go up the same gap, and links into
one card arrive along the same channel, so they merge into bundles and cross far fewer
other links than separate lines would. The channel beside a card is the middle of the
gap between its row and the next, past the row's deepest stack of key results, whether
or not a card stands across it: links into the cards of one row run along one line.
Along a channel each link kind keeps its own lane (`lane_offset`), a few units above or
below the others, so a dotted *upholds* run and a solid *supports* run towards different
cards stay apart; two links between the same two cards are also spread.

What routing needs of a link (`LinkEnds`, its lane, its twins) is in `link_ends.py`;
where a route meets a card, the straight line and the tidying of a route's points are
plain geometry, in `route_geometry.py`. This module re-exports both for its callers.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping

from alignment_workshop.model import Workshop

from .geometry import V_GAP, Rect, card_rect
from .grid_search import SEARCH_MARGIN, search_path
from .link_ends import LANE, TWIN_GAP, LinkEnds, ends_of, lane_offset, twin_offsets
from .obstacles import CLEARANCE, Box, Obstacles
from .route_geometry import (
    END_GAP,
    Point,
    Route,
    border_point,
    edge_y,
    overlapping,
    port_x,
    simplified,
    straight,
)
from .stacks import Stacks

__all__ = [
    "END_GAP",
    "HALF_CHANNEL",
    "LANE",
    "MAX_STEPS",
    "REACH",
    "ROW_CHANNEL",
    "SEARCH_MARGIN",
    "TWIN_GAP",
    "LinkEnds",
    "Point",
    "Route",
    "Router",
    "border_point",
    "ends_of",
    "lane_offset",
    "route_links",
    "route_workshop",
    "simplified",
    "straight",
    "twin_offsets",
]
#: The farthest a run keeps from the row it passes under (half the gap between rows).
HALF_CHANNEL = 32.0
#: How far the channel beside a card lies from its clearance: the middle of the free band
#: between two rows of the layout, whether or not a card stands across it. Links into the
#: cards of one row then run along one line and merge, where a channel lower under a card
#: with nothing below it would make every link climbing past it cross their runs.
ROW_CHANNEL = (V_GAP - 2 * CLEARANCE) / 2
#: How many gaps a walk may climb through before it gives up.
MAX_STEPS = 24
#: How far beyond the rectangle around its two cards a route may run, as far as `reach`
#: tells: a walk keeps within a channel or a gap beside a card of that rectangle (on the
#: 10,000-card benchmark map no route strays more than 50 units), a search first looks
#: this far.
REACH = SEARCH_MARGIN


class Router:
    """Routes links among a set of cards; cards can be added, moved and removed."""

    def __init__(self, rects: Mapping[str, Rect]) -> None:
        self.rects: dict[str, Rect] = dict(rects)
        self.obstacles = Obstacles(self.rects)
        # Answers shared by the many links that end at one card; forgotten on any change.
        self._channels: dict[tuple[tuple[str, ...], float, int], float] = {}
        self._entries: dict[tuple[tuple[str, ...], float, float, float], bool] = {}

    def place(self, key: str, rect: Rect) -> None:
        """Add the card `key`, or move it to `rect`."""
        self.rects[key] = rect
        self.obstacles.add(key, rect)
        self._forget()

    def remove(self, key: str) -> None:
        """Forget the card `key`."""
        self.rects.pop(key, None)
        self.obstacles.remove(key)
        self._forget()

    def _forget(self) -> None:
        if self._channels or self._entries:
            self._channels.clear()
            self._entries.clear()

    def route(self, link: LinkEnds, shift: float = 0.0) -> Route:
        """The route of `link`, `shift` units aside from its kind's lane."""
        if link.target in link.source_keys:  # a chip and its own card: side by side
            return straight(self.rects[link.source], self.rects[link.target], shift)
        source, target = self._block(link.source_keys), self._block(link.target_keys)
        offset = (shift, lane_offset(link.kind))
        if overlapping(source, target):
            return straight(source, target, shift)
        for attempt in _attempts(source, target):
            path = self._walk(link, source, target, offset, *attempt)
            if path is not None:
                return simplified(path)
        path = self._search(link, source, target, offset[0])
        return simplified(path) if path is not None else straight(source, target, shift)

    def reach(self, source_keys: tuple[str, ...], target_keys: tuple[str, ...]) -> Box:
        """Where the route of a link runs: around its two ends' stacks, `REACH` wider.

        The keys are those of the source's stack and of the target's, each end first
        (`LinkEnds.source_keys`, `Stacks.members`). A caller that draws what is in sight
        first uses this to tell, without routing, which links may show there. Only a
        search that had to widen its window (cards placed by hand closing every gap
        nearby), or a walk sent round card after card on one side, runs further out: a
        caller routes the rest soon after, and draws those that turn out to be in sight.
        """
        source, target = self._block(source_keys), self._block(target_keys)
        return (
            min(source.left, target.left) - REACH,
            min(source.top, target.top) - REACH,
            max(source.left + source.width, target.left + target.width) + REACH,
            max(source.top + source.height, target.top + target.height) + REACH,
        )

    def _block(self, keys: tuple[str, ...]) -> Rect:
        """The rectangle around the cards `keys` that have a place (the first always has)."""
        if len(keys) == 1:
            return self.rects[keys[0]]
        rects = [self.rects[key] for key in keys if key in self.rects]
        if len(rects) == 1:
            return rects[0]
        left, top = min(r.left for r in rects), min(r.top for r in rects)
        right, bottom = max(r.right for r in rects), max(r.bottom for r in rects)
        return Rect(left, top, right - left, bottom - top)

    # ------------------------------------------------------------------ the walk

    def _walk(
        self,
        link: LinkEnds,
        source: Rect,
        target: Rect,
        offsets: tuple[float, float],
        step: int,
        enter_from: int,
    ) -> list[Point] | None:
        """Walk from the source's side facing `step` to the target's side `enter_from`.

        `step` is -1 to climb (up the map) and +1 to descend; `enter_from` is -1 when the
        route enters the target through its top, +1 through its bottom. `offsets` are the
        link's sideways shift (twins only) and its kind's lane in the channels.
        """
        obstacles = self.obstacles
        own, theirs = link.source_keys, link.target_keys
        ends = own + theirs
        offset, y_offset = offsets
        x = port_x(source, offset)
        target_x = port_x(target, offset)
        y = edge_y(source, step) + step * END_GAP
        entry_y = edge_y(target, enter_from) + enter_from * END_GAP
        final_y = self._channel_beside(theirs, target, target_x, enter_from) + y_offset
        path: list[Point] = [(x, y)]
        seen: set[tuple[int, int]] = set()
        for _ in range(MAX_STEPS):
            hit_key = obstacles.first_along(x, y, step, ends)
            hit = None if hit_key is None else obstacles.boxes[hit_key]
            near = None if hit is None else (hit[3] if step < 0 else hit[1])
            if near is None or (near - final_y) * step >= 0:
                if (final_y - y) * step < 0:
                    return None  # the target's channel lies behind us
                return self._arrive(path, x, final_y, target_x, entry_y, (own, theirs))
            assert hit is not None and hit_key is not None  # as `near` is not None
            lane_y = near - step * min(abs(y - near) / 2, HALF_CHANNEL) + y_offset
            if (lane_y - y) * step <= 0:
                return None
            gap_x = None
            if link.peers and len(path) == 1:
                gap_x = self._gap_near(hit, target_x, lane_y, x, ends, offset)
            if gap_x is None:
                gap_x = self._gap_beside(hit_key, target_x, lane_y, x, ends, offset)
            if gap_x is None or (round(gap_x), round(lane_y)) in seen:
                return None
            seen.add((round(gap_x), round(lane_y)))
            path += [(x, lane_y), (gap_x, lane_y)]
            x, y = gap_x, lane_y
        return None

    def _arrive(
        self,
        path: list[Point],
        x: float,
        final_y: float,
        target_x: float,
        entry_y: float,
        ends: tuple[tuple[str, ...], tuple[str, ...]],
    ) -> list[Point] | None:
        """Finish a walk: along the target's channel, then into the target.

        `ends` are the cards of the source's stack and of the target's.
        """
        obstacles = self.obstacles
        own, theirs = ends
        if obstacles.blocked(x, path[-1][1], x, final_y, own if len(path) == 1 else ()):
            return None
        if obstacles.blocked(x, final_y, target_x, final_y):
            return None
        entry = (theirs, target_x, final_y, entry_y)
        free = self._entries.get(entry)
        if free is None:
            free = obstacles.blocked(target_x, final_y, target_x, entry_y, theirs) is None
            self._entries[entry] = free
        if not free:
            return None
        return [*path, (x, final_y), (target_x, final_y), (target_x, entry_y)]

    def _channel_beside(self, keys: tuple[str, ...], rect: Rect, x: float, side: int) -> float:
        """The middle of the free band on the `side` of the stack `keys`, whose rectangle is
        `rect` (+1 below, -1 above).

        The band starts past the cards that straddle the stack's edge, the deeper stacks of
        its row, so that runs into shallow and deep stacks share one line, clear of chips.
        Many links end at one card, so the answer is kept until a card moves.
        """
        found = self._channels.get((keys, x, side))
        if found is None:
            edge = (rect.bottom if side > 0 else rect.top) + side * CLEARANCE
            hit_key = self.obstacles.first_along(x, edge, side, keys)
            wall = None if hit_key is None else self.obstacles.boxes[hit_key][1 if side > 0 else 3]
            edge = self._past_straddlers(edge, side, keys, wall)
            room = 2 * ROW_CHANNEL if wall is None else (wall - edge) * side
            found = edge + side * min(max(room, 0.0) / 2, ROW_CHANNEL)
            self._channels[(keys, x, side)] = found
        return found

    def _past_straddlers(
        self, edge: float, side: int, keys: tuple[str, ...], wall: float | None
    ) -> float:
        """`edge` moved past every card (but `keys`) across the line along it, while it
        stays short of `wall`, the first card beyond the edge in the link's column."""
        boxes = self.obstacles.boxes
        for _ in range(MAX_STEPS):
            far = 3 if side > 0 else 1  # the bottom of a box below, its top above
            ends = [boxes[k][far] for k in self.obstacles.across(edge) if k not in keys]
            if not ends:
                break
            deeper = max(ends) if side > 0 else min(ends)
            if wall is not None and (wall - deeper) * side <= 0:
                break
            edge = deeper
        return edge

    def _gap_beside(
        self,
        key: str,
        target_x: float,
        lane_y: float,
        x: float,
        ends: tuple[str, ...],
        offset: float,
    ) -> float | None:
        """The middle of a gap beside card `key`, reachable along `lane_y`, nearer the target first.

        With no card close by on a side, the route passes `HALF_CHANNEL` clear of `key`.
        """
        left, top, right, bottom = self.obstacles.boxes[key]
        wall_left, wall_right = self.obstacles.beside(key, (top + bottom) / 2, ends)
        candidates = []
        for edge, wall in (
            (left, max(wall_left, left - 2 * HALF_CHANNEL)),
            (right, min(wall_right, right + 2 * HALF_CHANNEL)),
        ):
            if abs(wall - edge) >= 2 * abs(offset) + 2:
                candidates.append((edge + wall) / 2 + offset)
        candidates.sort(key=lambda gx: (abs(gx - target_x) + abs(gx - x), gx))
        for gap_x in candidates:
            if not self.obstacles.blocked(x, lane_y, gap_x, lane_y):
                return gap_x
        return None

    def _gap_near(
        self,
        hit: Box,
        target_x: float,
        lane_y: float,
        x: float,
        ends: tuple[str, ...],
        offset: float,
    ) -> float | None:
        """The middle of a gap in the row of `hit` next to the target's x, if reachable."""
        top, bottom = hit[1], hit[3]
        reach = 4 * HALF_CHANNEL * 2
        probe = (target_x - reach, top, target_x + reach, bottom)
        boxes = sorted(
            (self.obstacles.boxes[k] for k in self.obstacles.touching(probe) if k not in ends),
            key=lambda b: b[0],
        )
        middles = [
            (a[2] + b[0]) / 2
            for a, b in itertools.pairwise(boxes)
            if b[0] - a[2] >= 2 * abs(offset) + 2
        ]
        middles.sort(key=lambda gx: abs(gx - target_x))
        for middle in middles[:2]:
            gap_x = middle + offset
            if not self.obstacles.blocked(x, lane_y, gap_x, lane_y):
                return gap_x
        return None

    # ------------------------------------------------------------------ the search

    def _search(
        self, link: LinkEnds, source: Rect, target: Rect, offset: float
    ) -> list[Point] | None:
        """The path with fewest bends on a sparse grid around the two cards (A*)."""
        step = -1 if target.bottom <= source.top else 1
        enter = 1 if step < 0 else -1
        start_x, goal_x = port_x(source, offset), port_x(target, offset)
        start = (start_x, edge_y(source, step) + step * END_GAP)
        goal = (goal_x, edge_y(target, enter) + enter * END_GAP)
        # The search runs outside the two cards' clearance; short stubs join it to them.
        outside = CLEARANCE + 1.0
        leave = (start_x, edge_y(source, step) + step * outside)
        reach = (goal_x, edge_y(target, enter) + enter * outside)
        path = search_path(self.obstacles, (source, target), (leave, step), (reach, -enter))
        return None if path is None else [start, *path, goal]


def route_links(rects: Mapping[str, Rect], links: Iterable[LinkEnds]) -> dict[str, Route]:
    """The route of every link among the cards `rects` (keyed by node id)."""
    links = [link for link in links if link.source in rects and link.target in rects]
    router = Router(rects)
    shifts = twin_offsets(links)
    return {link.id: router.route(link, shifts.get(link.id, 0.0)) for link in links}


def route_workshop(
    workshop: Workshop, positions: Mapping[str, tuple[float, float]]
) -> dict[str, Route]:
    """The route of every link of `workshop` whose two cards have a position."""
    rects = {
        node.id: card_rect(node.kind, positions[node.id])
        for node in workshop.iter_nodes()
        if node.id in positions
    }
    stacks = Stacks.of(workshop)
    return route_links(rects, (ends_of(link, workshop, stacks) for link in workshop.iter_links()))


def _attempts(source: Rect, target: Rect) -> list[tuple[int, int]]:
    """(step, enter_from) pairs worth walking, best first, for the two cards' places."""
    if target.bottom <= source.top:
        return [(-1, 1), (-1, -1), (1, 1)]
    if target.top >= source.bottom:
        return [(1, -1), (1, 1), (-1, -1)]
    return [(-1, -1), (1, 1), (-1, 1), (1, -1)]
