"""One page of the alignment map: its cards, where they go, and what they point to elsewhere.

A `MapPart` holds the cards of one page with their centres in scene units (y pointing
down, as in the editor) and the links between them. When the map is split, a card whose
link leads to a card on another page gets that other card beside it as a *stub*: a small
dashed card naming it and its page (`stubs` maps the stub's node id to the page's key,
filled in once every page is known). On the overview, `details` maps each objective to
the page that shows the goals serving it. `routes()` gives each link its path round the
cards (`layout.routing`, as the editor draws it), and a part fits a page with its routes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from alignment_workshop.layout import Rect, card_rect
from alignment_workshop.layout.routing import LinkEnds, Route, route_links
from alignment_workshop.layout.stacks import Stacks
from alignment_workshop.model import Link, LinkKind, Node

#: Height of the text on a card, in scene units.
CARD_FONT = 16.0
#: No text on the map may be smaller than this, in points.
MIN_TEXT = 7.0
#: The largest scale a part is drawn at: a small map is not blown up.
MAX_SCALE = 0.8
#: A stub is a small card: two lines, its kind and page, then the other card's title.
STUB_WIDTH = 232.0
STUB_HEIGHT = 52.0
#: Links are routed outside the cards by less than this (a channel and its lanes), in
#: scene units: a part that fits with this room round its cards fits with its routes.
ROUTE_MARGIN = 60.0
#: Room left at each side of a wrapped row for a link to run past its end cards.
ROUTE_SIDE = 16.0

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom in scene units


def fit_scale(box: Box, width: float, height: float) -> float:
    """The scale that fits `box` (scene units) in `width` × `height` points."""
    left, top, right, bottom = box
    return min(width / max(right - left, 1.0), height / max(bottom - top, 1.0), MAX_SCALE)


def min_scale() -> float:
    """The smallest scale at which card text is still `MIN_TEXT` points high."""
    return MIN_TEXT / CARD_FONT


@dataclass(slots=True)
class MapPart:
    """The nodes of one map page, where to put them, and how to draw them."""

    title: str
    nodes: list[Node]
    positions: dict[str, Point]
    links: list[Link]
    errors: set[str] = field(default_factory=set)
    team_colors: dict[str, str] = field(default_factory=dict)
    team_names: dict[str, str] = field(default_factory=dict)
    #: The bookmark key of this page.
    key: str = "map"
    #: Stand-ins for cards on other pages: node id → the key of the page that shows it.
    stubs: dict[str, str] = field(default_factory=dict)
    #: Cards that say where more is: node id → (what, the key of that page), as in
    #: ("Goals on page", key) for an objective on the overview.
    details: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: Cards served by cards on other pages of the map: node id → those cards' ids.
    continued: dict[str, list[str]] = field(default_factory=dict)
    #: Links to cards on other pages left out for want of room.
    untold: int = 0

    def rect(self, node: Node) -> Rect:
        """The card of `node` (a stub's small card) in scene units."""
        if node.id in self.stubs:
            x, y = self.positions[node.id]
            return Rect(x - STUB_WIDTH / 2, y - STUB_HEIGHT / 2, STUB_WIDTH, STUB_HEIGHT)
        return card_rect(node.kind, self.positions[node.id])

    def routes(self) -> dict[str, Route]:
        """The route of every link of the part around its cards, as the editor draws it."""
        kinds = {n.id: n.kind for n in self.nodes}
        rects = {n.id: self.rect(n) for n in self.nodes}
        # A key result stacked under what it measures is one card with it, as in the editor.
        stacks = Stacks((k.source, k.target) for k in self.links if k.kind is LinkKind.MEASURES)
        ends = [
            LinkEnds(
                k.id, k.kind, k.source, k.target, kinds[k.source] is kinds[k.target]
            ).with_stacks(stacks)
            for k in self.links
            if k.source in kinds and k.target in kinds
        ]
        return route_links(rects, ends)

    def box(self) -> Box:
        """The scene rectangle holding every card of the part."""
        rects = [self.rect(n) for n in self.nodes]
        return (
            min(r.left for r in rects),
            min(r.top for r in rects),
            max(r.right for r in rects),
            max(r.bottom for r in rects),
        )

    def routed_box(self, routes: Iterable[Route]) -> Box:
        """The box of the cards grown to hold `routes`, which may run just outside them."""
        left, top, right, bottom = self.box()
        for route in routes:
            for x, y in route:
                left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
        return (left, top, right, bottom)

    def fits(self, area: tuple[float, float]) -> bool:
        """Whether the part, its routes included, is legible when fitted to `area` points.

        The links are routed only when the cards alone fit but not with `ROUTE_MARGIN`
        round them: most parts are decided without routing.
        """
        box = self.box()
        if fit_scale(box, *area) < min_scale() - 1e-9:
            return False
        margin = ROUTE_MARGIN
        framed = (box[0] - margin, box[1] - margin, box[2] + margin, box[3] + margin)
        if fit_scale(framed, *area) >= min_scale() - 1e-9:
            return True
        return fit_scale(self.routed_box(self.routes().values()), *area) >= min_scale() - 1e-9

    def members(self) -> list[Node]:
        """The cards that belong to this page, stubs left out."""
        return [n for n in self.nodes if n.id not in self.stubs]
