"""One page of the alignment map: its cards, where they go, and what they point to elsewhere.

A `MapPart` holds the cards of one page with their centres in scene units (y pointing
down, as in the editor) and the links between them. When the map is split, a card whose
link leads to a card on another page gets that other card beside it as a *stub*: a small
dashed card naming it and its page (`stubs` maps the stub's node id to the page's key,
filled in once every page is known). On the overview, `details` maps each objective to
the page that shows the goals serving it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alignment_workshop.layout import Rect, card_rect
from alignment_workshop.model import Link, Node

#: Height of the text on a card, in scene units.
CARD_FONT = 16.0
#: No text on the map may be smaller than this, in points.
MIN_TEXT = 7.0
#: The largest scale a part is drawn at: a small map is not blown up.
MAX_SCALE = 0.8
#: A stub is a small card: two lines, its kind and page, then the other card's title.
STUB_WIDTH = 232.0
STUB_HEIGHT = 52.0

Point = tuple[float, float]
Box = tuple[float, float, float, float]  # left, top, right, bottom in scene units


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

    def box(self) -> Box:
        """The scene rectangle holding every card of the part."""
        rects = [self.rect(n) for n in self.nodes]
        return (
            min(r.left for r in rects),
            min(r.top for r in rects),
            max(r.right for r in rects),
            max(r.bottom for r in rects),
        )

    def fit_scale(self, width: float, height: float) -> float:
        """The scale that fits the part in `width` × `height` points."""
        left, top, right, bottom = self.box()
        return min(width / max(right - left, 1.0), height / max(bottom - top, 1.0), MAX_SCALE)

    def fits(self, area: tuple[float, float]) -> bool:
        """Whether the part is legible when fitted to `area` points."""
        return self.fit_scale(*area) >= min_scale() - 1e-9

    def members(self) -> list[Node]:
        """The cards that belong to this page, stubs left out."""
        return [n for n in self.nodes if n.id not in self.stubs]
