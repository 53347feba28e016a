"""Splitting a map too big for one legible page into pages that still read as one map.

Each group of cards (the overview, an objective with what serves it, the rest, or a
team's map) is laid out once by the auto-layout, like the editor's map. When the group
is too big for a page at the smallest legible scale, it is cut into tiles of whole rows
(and, for a row wider than the page, of whole cards), in reading order.

A link from a card on the page to a card elsewhere ends in a stub: a small dotted card
naming the other card and its page. Stubs stand on a shelf above the page's cards (for
what the cards lead up to: the vision, an objective, a goal they serve) or below them
(for what leads to them, and for dependencies and conflicts), each near the card it
belongs to. So a conflict between cards on two pages shows on both, and every page
still leads up to the vision.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from alignment_workshop.layout import auto_layout, card_rect
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Workshop

from .map_flow import Unit, rows, wrapped
from .map_part import ROUTE_SIDE, STUB_HEIGHT, STUB_WIDTH, MapPart, Point, min_scale
from .plan import PlanData

#: At most this many stubs on one page; the links beyond are counted, not drawn.
MAX_STUBS = 24
#: Space between the cards and a shelf of stubs, and between stubs, in scene units.
SHELF_MARGIN = 56.0
STUB_GAP = 24.0
#: Which stubs to keep first when there are too many.
_STUB_RANK = {
    LinkKind.SUPPORTS: 0,
    LinkKind.MEASURES: 1,
    LinkKind.CONFLICTS: 2,
    LinkKind.DEPENDS: 3,
    LinkKind.UPHOLDS: 4,
}
#: Links that lead up from their source: a stub for their target goes above the cards.
_UPWARD = (LinkKind.SUPPORTS, LinkKind.MEASURES, LinkKind.UPHOLDS)


@dataclass(slots=True)
class MapScope:
    """What a map may show and how big a page is: shared by every page of one map."""

    data: PlanData
    #: The ids of the nodes this map shows.
    universe: set[str]
    #: The drawing area of a page, in points.
    area: tuple[float, float]
    links_of: dict[str, list[Link]] = field(default_factory=lambda: defaultdict(list))

    def __post_init__(self) -> None:
        for link in self.data.workshop.iter_links():
            if link.source in self.universe and link.target in self.universe:
                self.links_of[link.source].append(link)
                self.links_of[link.target].append(link)

    @property
    def room(self) -> tuple[float, float]:
        """The page in scene units at the smallest legible scale, less room at the sides
        for links that run past the end of a row."""
        return (self.area[0] / min_scale() - 2 * ROUTE_SIDE, self.area[1] / min_scale())

    def part(self, title: str, nodes: list[Node], positions: dict[str, Point]) -> MapPart:
        """A part of `nodes` at `positions`, with the links among them."""
        ids = {n.id for n in nodes}
        links = [
            link
            for node in nodes
            for link in self.links_of.get(node.id, ())
            if link.source == node.id and link.target in ids
        ]
        workshop = self.data.workshop
        return MapPart(
            title=title,
            nodes=nodes,
            positions=positions,
            links=links,
            errors=self.data.error_nodes() & ids,
            team_colors={t.id: t.color for t in workshop.teams},
            team_names={t.id: t.name for t in workshop.teams},
        )


def ordered(data: PlanData, ids: Iterable[str]) -> list[Node]:
    """The nodes of `ids` in the workshop's order."""
    chosen = set(ids)
    return [n for n in data.workshop.iter_nodes() if n.id in chosen]


def group_layout(data: PlanData, nodes: list[Node]) -> dict[str, Point]:
    """The auto-layout of `nodes` alone, with the links among them."""
    ids = {n.id for n in nodes}
    links = [
        link for link in data.workshop.iter_links() if link.source in ids and link.target in ids
    ]
    return auto_layout(Workshop.from_records(Meta(), data.workshop.teams, nodes, links))


def paginate(scope: MapScope, members: list[Node], *, stubs: bool = True) -> list[MapPart]:
    """`members` on as many legible pages as they need, in reading order."""
    if not members:
        return []
    positions = group_layout(scope.data, members)
    lines = rows(scope.data, members, positions)
    if any(_span(line, positions) > scope.room[0] for line in lines):
        lines, positions = wrapped(lines, positions, scope.room[0])
    limit = MAX_STUBS if stubs else 0
    tiles: list[list[Node]] = []
    current: list[Node] = []
    for line in lines:
        cards = [n for unit in line for n in unit]
        trial = current + cards
        if current and not tile(scope, trial, positions, limit).fits(scope.area):
            tiles.append(current)
            current = cards
        else:
            current = trial
    tiles.append(current)
    return [tile(scope, cut, positions, limit) for cut in tiles]


def _span(line: list[Unit], positions: dict[str, Point]) -> float:
    """How wide a line of units is, edge to edge."""
    rects = [card_rect(n.kind, positions[n.id]) for unit in line for n in unit]
    return max(r.right for r in rects) - min(r.left for r in rects)


@dataclass(slots=True)
class _Stub:
    """A card off the page that a card on it links to."""

    rank: int
    up: bool
    #: The x of each card on the page that links to it.
    anchors: list[float]


def _stubs(
    scope: MapScope,
    members: list[Node],
    positions: dict[str, Point],
    continued: dict[str, list[str]],
) -> dict[str, _Stub]:
    """Every card off the page that `members` link to, by id.

    A card that serves one on the page from elsewhere gets no stub of its own: the card
    it serves says on which page more of what serves it is (`continued`).
    """
    inside = {n.id for n in members}
    found: dict[str, _Stub] = {}
    for node in members:
        for link in scope.links_of.get(node.id, ()):
            other = link.other_end(node.id)
            if other in inside:
                continue
            if link.target == node.id and _serves(scope, link):
                continued.setdefault(node.id, []).append(other)
                continue
            rank = _STUB_RANK[link.kind]
            stub = found.setdefault(other, _Stub(rank, _above(link, node.id, other, positions), []))
            stub.rank = min(stub.rank, rank)
            stub.anchors.append(positions[node.id][0])
    return found


def tile(scope: MapScope, members: list[Node], positions: dict[str, Point], limit: int) -> MapPart:
    """A page of `members` at their group positions, with its shelves of stubs."""
    continued: dict[str, list[str]] = {}
    found = _stubs(scope, members, positions, continued) if limit else {}
    chosen = sorted(found, key=lambda n: found[n].rank)[:limit]
    part = scope.part("", members + ordered(scope.data, chosen), {})
    part.continued = continued
    part.positions = {n.id: positions[n.id] for n in members}
    part.stubs = dict.fromkeys(chosen, "")
    part.untold = len(found) - len(chosen)
    part.links = [
        link for link in part.links if not (link.source in part.stubs and link.target in part.stubs)
    ]
    if chosen:
        shelve(part, members, {n: found[n] for n in chosen}, scope.room[0])
    return part


def _serves(scope: MapScope, link: Link) -> bool:
    """Whether `link` is a goal or key result serving its target (supports, measures)."""
    work = (NodeKind.GOAL, NodeKind.KEY_RESULT)
    kinds = (LinkKind.SUPPORTS, LinkKind.MEASURES)
    return link.kind in kinds and scope.data.node(link.source).kind in work


def _above(link: Link, node_id: str, other: str, positions: dict[str, Point]) -> bool:
    """Whether the stub for `other` goes on the shelf above the cards."""
    if other in positions and node_id in positions:
        return positions[other][1] < positions[node_id][1]
    return link.kind in _UPWARD and link.source == node_id


def shelve(part: MapPart, members: list[Node], stubs: dict[str, _Stub], width: float) -> None:
    """Put each stub on the shelf above or below the cards, near the cards it links to.

    A shelf is centred on the cards and no wider than the page; its stubs keep the order
    of the cards they belong to, each as near its cards as its neighbours allow, and a
    shelf too long for one row goes on in another, further from the cards.
    """
    rects = [part.rect(n) for n in members]
    left, right = min(r.left for r in rects), max(r.right for r in rects)
    pitch = STUB_WIDTH + STUB_GAP
    most = max(sum(1 for s in stubs.values() if s.up), sum(1 for s in stubs.values() if not s.up))
    span = max(right - left, min(width, most * pitch - STUB_GAP))
    left = (left + right - span) / 2
    per_row = max(1, int((span + STUB_GAP) // pitch))
    for up in (True, False):
        wanted = sorted(
            (sum(s.anchors) / len(s.anchors), node_id) for node_id, s in stubs.items() if s.up is up
        )
        edge = min(r.top for r in rects) if up else max(r.bottom for r in rects)
        y = edge + (-1 if up else 1) * (SHELF_MARGIN + STUB_HEIGHT / 2)
        for start in range(0, len(wanted), per_row):
            row = wanted[start : start + per_row]
            for x, (_, node_id) in zip(_spread([a for a, _ in row], left, span), row, strict=True):
                part.positions[node_id] = (x, y)
            y += (-1 if up else 1) * (STUB_HEIGHT + STUB_GAP)


def _spread(anchors: list[float], left: float, span: float) -> list[float]:
    """Centres for stubs in a row between `left` and `left + span`, each near its anchor."""
    pitch = STUB_WIDTH + STUB_GAP
    xs: list[float] = []
    for anchor in anchors:
        low = xs[-1] + pitch if xs else left + STUB_WIDTH / 2
        xs.append(max(low, anchor))
    high = left + span - STUB_WIDTH / 2
    for index in range(len(xs) - 1, -1, -1):
        high = min(xs[index], high)
        xs[index] = high
        high -= pitch
    return xs
