"""The alignment map pages: one landscape page when it fits, else pages that stay one map.

The whole map goes on one page, at its saved positions (the auto-layout fills in nodes
that have none), when its card text stays at least `MIN_TEXT` points high. Otherwise it
is split (see `map_split.py`). A team's plan has a map of its own: the team's goals,
their key results, the goals of other teams linked to them, and what they serve up to
the vision. An empty map has no page at all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from alignment_workshop.layout import auto_layout
from alignment_workshop.model import NodeKind

from .blocks import heading
from .document import Bookmark
from .fonts import REGULAR
from .legend import LEGEND_HEIGHT, legend
from .map_drawing import PageRef, draw_part
from .map_part import MapPart, Point
from .map_split import MapScope, group_layout, ordered, paginate
from .plan import PlanData
from .plan_canvas import PlanCanvas
from .styles import styles

#: Told how many of how many pieces are done; may raise to stop the export.
Step = Callable[[int, int], object]

#: Room above a map drawing for its headings, in points (leading and spacing, rounded up).
_H1_ROOM = 38.0
_H2_ROOM = 32.0
_LEGEND_ROOM = LEGEND_HEIGHT + 6


def positions(data: PlanData) -> dict[str, Point]:
    """Every node's card centre: saved where there is one, auto-laid-out elsewhere."""
    nodes = data.workshop.nodes
    missing = {n.id for n in nodes if n.pos is None}
    if not missing:
        return {n.id: n.pos for n in nodes if n.pos is not None}
    placed = auto_layout(data.workshop, only=missing if len(missing) < len(nodes) else None)
    return {n.id: n.pos if n.pos is not None else placed[n.id] for n in nodes}


def map_pages(
    data: PlanData, width: float, height: float, step: Step | None = None
) -> list[Flowable]:
    """The map section of the whole plan; nothing when the workshop has no cards.

    `step(done, total)` is told before each page is drawn (it may raise to stop).
    """
    universe = {n.id for n in data.workshop.nodes}
    map_ = _Map(data, universe, "Alignment map", (width, height), step)
    return map_.pages(positions(data))


def team_map_pages(
    data: PlanData, width: float, height: float, step: Step | None = None
) -> list[Flowable]:
    """The map of a team's plan: its goals and what they serve; nothing with no goals."""
    universe = team_universe(data)
    nodes = ordered(data, universe)
    placed = group_layout(data, nodes) if nodes else {}
    return _Map(data, universe, "Map of our work", (width, height), step).pages(placed)


@dataclass(frozen=True, slots=True)
class _Map:
    """One map section: what it shows, its title, the page's frame, who hears of progress."""

    data: PlanData
    universe: set[str]
    title: str
    frame: tuple[float, float]
    step: Step | None

    def pages(self, placed: dict[str, Point]) -> list[Flowable]:
        """The cards on one page at `placed`, or split; nothing without cards."""
        if not self.universe:
            return []
        scope = MapScope(self.data, self.universe, map_area(*self.frame))
        whole = scope.part("Whole map", ordered(self.data, self.universe), placed)
        parts = [whole] if whole.fits(scope.area) else split(scope)
        return _pages(parts, self.title, *self.frame, step=self.step)


def team_universe(data: PlanData) -> set[str]:
    """What a team's map shows: its goals, their key results, linked goals, what they serve."""
    own = [g.id for g in data.team_goals(data.team_id)]
    if not own:
        return set()
    shown = set(own)
    for goal_id in own:
        shown.update(data.measured_by.get(goal_id, ()))
        shown.update(n for n in data.linked.get(goal_id, ()) if data.visible(n))
        shown.update(data.upheld.get(goal_id, ()))
    served = data.reach(own)
    shown.update(n for n in served if data.node(n).kind is not NodeKind.GOAL)
    # The key results the team owns, under the cards of the map that they measure.
    shown.update(
        n.id
        for n in data.nodes_of(NodeKind.KEY_RESULT)
        if n.team == data.team_id and data.measures.get(n.id) in shown
    )
    return shown


def map_area(width: float, height: float) -> tuple[float, float]:
    """The drawing area of a map page below its longest heading and above its legend."""
    return (width, height - _H1_ROOM - _LEGEND_ROOM)


def split(scope: MapScope) -> list[MapPart]:
    """The overview, a page per objective and one for the rest, each paginated."""
    data = scope.data
    nodes = ordered(data, scope.universe)
    upper = {NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.VALUE}
    # The objectives' key results are chips under them, unless the overview would then
    # need a second page: they are on the objectives' own pages too.
    top = [n for n in nodes if n.kind in upper or _of_objective(data, n.id)]
    overview = paginate(scope, top, stubs=False)
    if len(overview) > 1:
        bare = paginate(scope, [n for n in top if n.kind in upper], stubs=False)
        overview = bare if len(bare) == 1 else overview
    shown = {n.id for part in overview for n in part.nodes}
    overview = _numbered(overview, "Overview: vision, objectives, values")
    parts = list(overview)
    for objective in (n for n in nodes if n.kind is NodeKind.OBJECTIVE and n.is_active):
        if objective.id not in scope.universe:
            continue
        serving = data.goal_tree(objective.id) & scope.universe
        if any(data.node(n).kind is NodeKind.GOAL for n in serving):
            shown.update(serving)
            members = [objective, *ordered(data, serving)]
            pages = _numbered(paginate(scope, members), f"Objective: {objective.title}")
            for part in overview:
                if objective.id in part.positions:
                    part.details[objective.id] = ("Goals on page ", f"map-{len(parts)}")
            parts += pages
    rest = [n for n in nodes if n.id not in shown]
    if rest:
        parts += _numbered(paginate(scope, rest), "Other cards: dropped, or serving no objective")
    return _linked(parts)


def _of_objective(data: PlanData, node_id: str) -> bool:
    """Whether `node_id` is a key result that measures an objective."""
    target = data.measures.get(node_id)
    return target is not None and data.node(target).kind is NodeKind.OBJECTIVE


def _numbered(parts: list[MapPart], title: str) -> list[MapPart]:
    """Title each part, "(part 2 of 3)" when there are several."""
    for number, part in enumerate(parts, start=1):
        part.title = title if len(parts) == 1 else f"{title} (part {number} of {len(parts)})"
    return parts


def _linked(parts: list[MapPart]) -> list[MapPart]:
    """Give each part its key, and each stub and overview objective the key of its page."""
    home: dict[str, str] = {}
    for index, part in enumerate(parts):
        part.key = f"map-{index}"
        for node in part.members():
            home.setdefault(node.id, part.key)
    # An objective's page is the one of the goals that serve it, not the overview.
    for part in parts:
        home.update((node_id, key) for node_id, (_, key) in part.details.items())
    order = {part.key: index for index, part in enumerate(parts)}
    for part in parts:
        part.stubs = {node_id: home.get(node_id, "") for node_id in part.stubs}
        part.stubs = {node_id: key for node_id, key in part.stubs.items() if key}
        for node_id, others in part.continued.items():
            pages = {home[n] for n in others if n in home and home[n] != part.key}
            if pages and node_id not in part.details:
                first = min(pages, key=order.__getitem__)
                part.details[node_id] = ("More on page ", first)
    return parts


def _pages(
    parts: list[MapPart], title: str, width: float, height: float, step: Step | None = None
) -> list[Flowable]:
    """A landscape page per part, and back to portrait after the last."""
    st = styles()
    story: list[Flowable] = [NextPageTemplate("landscape"), PageBreak()]
    key = "map" if title == "Alignment map" else "team-map"
    for index, part in enumerate(parts):
        if step is not None:
            step(index, len(parts))
        first_of_group = "(part " not in part.title or "(part 1 of" in part.title
        if index:
            story.append(PageBreak())
            story += heading(part.title, st.h2, part.key, 1, listed=first_of_group)
        else:
            text = title if len(parts) == 1 else f"{title} · {part.title}"
            story += heading(text, st.h1, key, 0, outline=title, running=title, listed=True)
            if len(parts) > 1:
                story.insert(-1, Bookmark(part.key, part.title, 1, listed=True))
        room = _H2_ROOM if index else _H1_ROOM
        story.append(MapFlowable(part, width, height - room))
    story.append(NextPageTemplate("portrait"))
    return story


class MapFlowable(Flowable):
    """A map page's drawing and legend, with its page numbers and links filled in."""

    def __init__(self, part: MapPart, width: float, height: float) -> None:
        super().__init__()
        self.part = part
        self.width, self.height = width, height
        self.drawing = Drawing(width, height, initialFontName=REGULAR)
        group, self.refs = draw_part(part, width, height - _LEGEND_ROOM)
        group.translate(0, _LEGEND_ROOM)
        self.drawing.add(group, name="map")
        self.drawing.add(legend(part, width), name="legend")

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return (self.width, self.height)

    def draw(self) -> None:
        renderPDF.draw(self.drawing, self.canv, 0, 0)
        for ref in self.refs:
            self._draw_ref(ref)

    def _draw_ref(self, ref: PageRef) -> None:
        x, y = ref.x, ref.y + _LEGEND_ROOM
        if isinstance(self.canv, PlanCanvas):
            self.canv.page_ref(ref.key, x, y, size=ref.size, font=ref.font, color=ref.color)
        left, bottom, right, top = ref.area
        area = (left, bottom + _LEGEND_ROOM, right, top + _LEGEND_ROOM)
        self.canv.linkRect("", ref.key, area, relative=1)
