"""The alignment map pages: one landscape page when it fits, else an overview and subtrees.

Positions are the saved ones, with the auto-layout filling in nodes that have none. The
whole map goes on one page when its card text stays at least 6 pt high. Otherwise the
map is split: an overview (vision, objectives, values), one page per objective with the
nodes that serve it, and a page for nodes in neither. Split pages keep the layout's
order of rows and columns but close up the empty space between them; a part still too
large for one page is cut into tiles of whole cards.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from reportlab.graphics.shapes import Drawing
from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from alignment_workshop.layout import VISION_HEIGHT, VISION_WIDTH, auto_layout
from alignment_workshop.model import Node, NodeKind

from .blocks import heading
from .document import LANDSCAPE, PORTRAIT, Bookmark
from .fonts import REGULAR
from .legend import LEGEND_HEIGHT, legend
from .map_drawing import MapPart, Point, draw_part, min_scale
from .map_grid import closed_up
from .plan import PlanData
from .styles import styles

#: Room above a map drawing for its headings, in points (leading and spacing, rounded up).
_H1_ROOM = 38.0
_H2_ROOM = 32.0


def positions(data: PlanData) -> dict[str, Point]:
    """Every node's card centre: saved where there is one, auto-laid-out elsewhere."""
    nodes = data.workshop.nodes
    missing = {n.id for n in nodes if n.pos is None}
    if not missing:
        return {n.id: n.pos for n in nodes if n.pos is not None}
    placed = auto_layout(data.workshop, only=missing if len(missing) < len(nodes) else None)
    return {n.id: n.pos if n.pos is not None else placed[n.id] for n in nodes}


def map_pages(
    data: PlanData, width: float, height: float, step: Callable[[int, int], object] | None = None
) -> list[Flowable]:
    """The map section: a landscape page per part, and back to portrait after it.

    `step(done, total)` is told before each part is drawn (it may raise to stop).
    """
    area = (width, height - _H1_ROOM - LEGEND_HEIGHT - 6)
    parts = split(data, positions(data), area)
    story: list[Flowable] = [NextPageTemplate(LANDSCAPE), PageBreak()]
    st = styles()
    for index, part in enumerate(parts):
        if step is not None:
            step(index, len(parts))
        if index:
            story.append(PageBreak())
        if index == 0:
            title = "Alignment map" if len(parts) == 1 else f"Alignment map · {part.title}"
            story += heading(title, st.h1, "map", 0, outline="Alignment map")
            if len(parts) > 1:
                story.append(Bookmark(f"map-{index}", part.title, 1))
        else:
            story += heading(part.title, st.h2, f"map-{index}", 1)
        story.append(_drawing(part, width, height - _heading_room(index)))
    story += [NextPageTemplate(PORTRAIT)]
    return story


def _heading_room(index: int) -> float:
    """Height taken by the heading above drawing `index`."""
    return _H2_ROOM if index else _H1_ROOM


def _drawing(part: MapPart, width: float, height: float) -> Drawing:
    drawing = Drawing(width, height, initialFontName=REGULAR)
    drawn = draw_part(part, width, height - LEGEND_HEIGHT - 6)
    drawn.translate(0, LEGEND_HEIGHT + 6)
    drawing.add(drawn, name="map")
    drawing.add(legend(part, width), name="legend")
    return drawing


def _part(whole: MapPart, title: str, nodes: Iterable[Node]) -> MapPart:
    """The nodes of `whole` given, with the links between them."""
    chosen = list(nodes)
    ids = {n.id for n in chosen}
    return MapPart(
        title=title,
        nodes=chosen,
        positions={n.id: whole.positions[n.id] for n in chosen},
        links=[link for link in whole.links if link.source in ids and link.target in ids],
        errors=whole.errors & ids,
        team_colors=whole.team_colors,
        team_names=whole.team_names,
    )


def split(data: PlanData, pos: dict[str, Point], area: tuple[float, float]) -> list[MapPart]:
    """The parts of the map, each drawable at a legible scale in `area` points."""
    nodes = data.workshop.nodes
    if not nodes:
        return []
    whole = MapPart(
        title="Whole map",
        nodes=nodes,
        positions=pos,
        links=data.workshop.links,
        errors=data.error_nodes(),
        team_colors={t.id: t.color for t in data.workshop.teams},
        team_names={t.id: t.name for t in data.workshop.teams},
    )
    if whole.fit_scale(*area) >= min_scale():
        return [whole]
    upper = [n for n in nodes if n.kind in (NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.VALUE)]
    shown = {n.id for n in upper}
    groups = [("Overview: vision, objectives and values", upper)]
    for objective in (n for n in nodes if n.kind is NodeKind.OBJECTIVE):
        serving = data.goal_tree(objective.id)
        if serving:
            shown.update(serving)
            members = [n for n in nodes if n.id == objective.id or n.id in serving]
            groups.append((f"Objective: {objective.title}", members))
    rest = [n for n in nodes if n.id not in shown]
    if rest:
        groups.append(("Other goals: dropped, or serving no objective", rest))
    return [
        tile
        for title, members in groups
        if members
        for tile in _tiles(closed_up(_part(whole, title, members), area[0] / min_scale()), area)
    ]


def _bands(values: list[float], room: float) -> tuple[float, int]:
    """The low end and the number of bands of width <= `room` covering `values`."""
    low, spread = min(values), max(values) - min(values)
    return low, max(1, math.ceil(spread / room - 1e-9))


def _tiles(part: MapPart, area: tuple[float, float]) -> list[MapPart]:
    """`part`, or pieces of it of whole cards, each legible in `area`."""
    if part.fit_scale(*area) >= min_scale():
        return [part]
    xs = [p[0] for p in part.positions.values()]
    ys = [p[1] for p in part.positions.values()]
    # Centres within a tile may spread over the area less the largest card.
    left, columns = _bands(xs, area[0] / min_scale() - VISION_WIDTH)
    top, rows = _bands(ys, area[1] / min_scale() - VISION_HEIGHT)
    width = (max(xs) - left) / columns or 1.0
    height = (max(ys) - top) / rows or 1.0
    cells: dict[tuple[int, int], list[Node]] = {}
    for node in part.nodes:
        x, y = part.positions[node.id]
        key = (min(int((y - top) / height), rows - 1), min(int((x - left) / width), columns - 1))
        cells.setdefault(key, []).append(node)
    return [
        _part(part, f"{part.title} (part {number} of {len(cells)})", cells[key])
        for number, key in enumerate(sorted(cells), start=1)
    ]
