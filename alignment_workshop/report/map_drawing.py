"""One page of the alignment map as a reportlab vector drawing.

`draw_part` scales a `MapPart` to fit a box in points, draws the links under the cards in
their styles, then the cards (see `map_cards.py`). Page numbers on the page (a stub's
page, an objective's page of goals) are returned as `PageRef`s for the flowable to fill
in, since a drawing cannot know them.
"""

from __future__ import annotations

from reportlab.graphics.shapes import Group, Polygon
from reportlab.lib import colors

from alignment_workshop.model import Link, LinkKind, Node

from . import palette
from .map_cards import Mapper, PageRef, draw_card
from .map_part import MapPart, Point
from .shapes import link_line

__all__ = ["PageRef", "arrow_head", "draw_part", "zigzag"]


def draw_part(part: MapPart, width: float, height: float) -> tuple[Group, list[PageRef]]:
    """The part drawn to fit `width` × `height` points, centred, and its page references."""
    scale = part.fit_scale(width, height)
    left, top, right, bottom = part.box()
    used_w, used_h = (right - left) * scale, (bottom - top) * scale
    mapper = Mapper(part.box(), scale, ((width - used_w) / 2, height - (height - used_h) / 2))
    group = Group()
    kinds = {n.id: n for n in part.nodes}
    for link in part.links:
        _draw_link(group, part, link, kinds, mapper)
    refs: list[PageRef] = []
    for node in part.nodes:
        refs += draw_card(group, part, node, mapper)
    return group, refs


def _border_point(center: Point, other: Point, half: Point) -> Point:
    """Where the segment from `center` towards `other` leaves a card of half-size `half`."""
    dx, dy = other[0] - center[0], other[1] - center[1]
    if dx == 0 and dy == 0:
        return center
    tx = half[0] / abs(dx) if dx else float("inf")
    ty = half[1] / abs(dy) if dy else float("inf")
    t = min(tx, ty, 1.0)
    return (center[0] + dx * t, center[1] + dy * t)


def _draw_link(
    group: Group, part: MapPart, link: Link, nodes: dict[str, Node], mapper: Mapper
) -> None:
    source, target = part.positions[link.source], part.positions[link.target]
    s_rect = part.rect(nodes[link.source])
    t_rect = part.rect(nodes[link.target])
    start = _border_point(source, target, (s_rect.width / 2, s_rect.height / 2))
    end = _border_point(target, source, (t_rect.width / 2, t_rect.height / 2))
    (x1, y1), (x2, y2) = mapper.point(*start), mapper.point(*end)
    style = palette.LINK_STYLES[link.kind]
    color = style.color
    if link.kind is LinkKind.CONFLICTS and link.resolved:
        color = palette.RESOLVED_CONFLICT
    stroke = colors.HexColor(color)
    points = zigzag((x1, y1), (x2, y2)) if style.jagged else [x1, y1, x2, y2]
    line = link_line(points, stroke, style)
    line.strokeLineJoin = 1
    group.add(line)
    if style.arrow:
        group.add(arrow_head((x1, y1), (x2, y2), stroke, max(4.0, 10 * mapper.scale)))


def zigzag(start: Point, end: Point, step: float = 5.0, amplitude: float = 2.0) -> list[float]:
    """The flat point list of a zigzag from `start` to `end`, as the editor draws conflicts."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = (dx * dx + dy * dy) ** 0.5
    steps = int(length // step)
    if steps < 2:
        return [*start, *end]
    ux, uy = dx / length, dy / length
    points = [*start]
    for i in range(1, steps):
        side = amplitude if i % 2 else -amplitude
        along = length * i / steps
        points += [start[0] + ux * along - uy * side, start[1] + uy * along + ux * side]
    return [*points, *end]


def arrow_head(start: Point, end: Point, color: colors.Color, size: float) -> Polygon:
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    bx, by = end[0] - ux * size, end[1] - uy * size
    px, py = -uy * size * 0.45, ux * size * 0.45
    points = [end[0], end[1], bx + px, by + py, bx - px, by - py]
    return Polygon(points, fillColor=color, strokeColor=None)
