"""One page of the alignment map as a reportlab vector drawing.

`draw_part` scales a `MapPart` to fit a box in points, draws the links under the cards in
their styles, along the routes the editor draws them on (`layout.routing`: straight runs
that never pass under a card), then the cards (see `map_cards.py`). Page numbers on the
page (a stub's page, an objective's page of goals) are returned as `PageRef`s for the
flowable to fill in, since a drawing cannot know them.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Group, Polygon
from reportlab.lib import colors

from alignment_workshop.layout.routing import Route
from alignment_workshop.layout.zigzag import zigzag, zigzag_route
from alignment_workshop.model import Link, LinkKind

from . import palette
from .fonts import register_fonts
from .map_cards import Mapper, PageRef, draw_card
from .map_part import MapPart, Point, fit_scale
from .shapes import link_line

#: The conflict's zigzag on the map, in points: a corner every step, so far off the line.
_ZIGZAG_STEP = 5.0
_ZIGZAG_AMPLITUDE = 2.0

__all__ = ["PageRef", "arrow_head", "draw_part", "flat_zigzag"]


def draw_part(part: MapPart, width: float, height: float) -> tuple[Group, list[PageRef]]:
    """The part drawn to fit `width` × `height` points, centred, and its page references."""
    register_fonts()  # the cards' titles are measured in the shipped faces
    routes = part.routes()
    box = part.routed_box(routes.values())
    scale = fit_scale(box, width, height)
    used_w, used_h = (box[2] - box[0]) * scale, (box[3] - box[1]) * scale
    mapper = Mapper(box, scale, ((width - used_w) / 2, height - (height - used_h) / 2))
    group = Group()
    for link in part.links:
        if link.id in routes:
            _draw_link(group, link, routes[link.id], mapper)
    refs: list[PageRef] = []
    for node in part.nodes:
        refs += draw_card(group, part, node, mapper)
    return group, refs


def _draw_link(group: Group, link: Link, route: Route, mapper: Mapper) -> None:
    points = [mapper.point(*point) for point in route]
    style = palette.LINK_STYLES[link.kind]
    color = style.color
    if link.kind is LinkKind.CONFLICTS and link.resolved:
        color = palette.RESOLVED_CONFLICT
    stroke = colors.HexColor(color)
    drawn = zigzag_route(points, _ZIGZAG_STEP, _ZIGZAG_AMPLITUDE) if style.jagged else points
    flat = [coordinate for point in drawn for coordinate in point]
    line = link_line(flat, stroke, style)
    line.strokeLineJoin = 1
    group.add(line)
    if style.arrow:
        group.add(arrow_head(points[-2], points[-1], stroke, max(4.0, 10 * mapper.scale)))


def flat_zigzag(start: Point, end: Point, step: float, amplitude: float) -> list[float]:
    """The zigzag from `start` to `end` as reportlab's flat list of coordinates."""
    return [c for point in zigzag(start, end, step, amplitude) for c in point]


def arrow_head(start: Point, end: Point, color: colors.Color, size: float) -> Polygon:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    bx, by = end[0] - ux * size, end[1] - uy * size
    px, py = -uy * size * 0.45, ux * size * 0.45
    points = [end[0], end[1], bx + px, by + py, bx - px, by - py]
    return Polygon(points, fillColor=color, strokeColor=None)
