"""One page of the alignment map as a reportlab vector drawing.

A `MapPart` is a set of nodes with positions in scene units (the centre of each card, y
pointing down, as in the editor). `draw_part` scales it to fit a box in points, draws
the links under the cards in their styles, along the routes the editor draws them on
(`layout.routing`, so no link runs through a card), then the cards in their kind and
team colours, outlining in red the nodes with error findings. Card text is `CARD_FONT`
scene units high, so a part may only be drawn at a scale of at least `min_scale()`.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from reportlab.graphics.shapes import Group, Polygon, PolyLine, Rect, String
from reportlab.lib import colors

from alignment_workshop.layout.geometry import card_rect
from alignment_workshop.layout.routing import LinkEnds, Route, route_links
from alignment_workshop.layout.stacks import Stacks
from alignment_workshop.model import Link, LinkKind, Node, NodeKind

from . import palette
from .fonts import BOLD, REGULAR
from .map_text import wrap_lines
from .scripts import placed, starts_rtl
from .scripts import width as line_width

#: Height of the text on a card, in scene units.
CARD_FONT = 16.0
#: No text on the map may be smaller than this, in points.
MIN_TEXT = 6.0
#: The largest scale a part is drawn at: a small map is not blown up.
MAX_SCALE = 0.8
_PAD = 8.0

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

    def box(self) -> Box:
        """The scene rectangle holding every card of the part."""
        rects = [card_rect(n.kind, self.positions[n.id]) for n in self.nodes]
        return (
            min(r.left for r in rects),
            min(r.top for r in rects),
            max(r.right for r in rects),
            max(r.bottom for r in rects),
        )

    def routes(self) -> dict[str, Route]:
        """The route of every link of the part among its cards, as the editor draws it."""
        kinds = {n.id: n.kind for n in self.nodes}
        rects = {n.id: card_rect(n.kind, self.positions[n.id]) for n in self.nodes}
        stacks = Stacks((k.source, k.target) for k in self.links if k.kind is LinkKind.MEASURES)
        ends = [
            LinkEnds(
                k.id, k.kind, k.source, k.target, kinds[k.source] is kinds[k.target]
            ).with_stacks(stacks)
            for k in self.links
            if k.source in kinds and k.target in kinds
        ]
        return route_links(rects, ends)

    def fit_scale(self, width: float, height: float) -> float:
        """The scale that fits the part in `width` × `height` points."""
        left, top, right, bottom = self.box()
        return min(width / max(right - left, 1.0), height / max(bottom - top, 1.0), MAX_SCALE)


class _Mapper:
    """Scene coordinates to drawing coordinates (y flipped)."""

    def __init__(self, box: Box, scale: float, origin: Point) -> None:
        self.left, self.top = box[0], box[1]
        self.scale = scale
        self.x0, self.y0 = origin

    def point(self, x: float, y: float) -> Point:
        return (self.x0 + (x - self.left) * self.scale, self.y0 - (y - self.top) * self.scale)


def draw_part(part: MapPart, width: float, height: float) -> Group:
    """The part drawn to fit `width` × `height` points, top-left aligned and centred."""
    routes = part.routes()
    box = _with_routes(part.box(), routes.values())
    scale = min(width / max(box[2] - box[0], 1.0), height / max(box[3] - box[1], 1.0), MAX_SCALE)
    used_w, used_h = (box[2] - box[0]) * scale, (box[3] - box[1]) * scale
    mapper = _Mapper(box, scale, ((width - used_w) / 2, height - (height - used_h) / 2))
    group = Group()
    for link in part.links:
        if link.id in routes:
            _draw_link(group, link, routes[link.id], mapper)
    for node in part.nodes:
        _draw_card(group, part, node, mapper)
    return group


def _card_box(node: Node, pos: Point, mapper: _Mapper) -> tuple[float, float, float, float]:
    rect = card_rect(node.kind, pos)
    x, y = mapper.point(rect.left, rect.bottom)
    return (x, y, rect.width * mapper.scale, rect.height * mapper.scale)


def _draw_card(group: Group, part: MapPart, node: Node, mapper: _Mapper) -> None:
    x, y, w, h = _card_box(node, part.positions[node.id], mapper)
    style = palette.KIND_COLORS[node.kind]
    fill = style.fill if node.is_active else palette.faded(style.fill)
    error = node.id in part.errors
    outline = colors.HexColor(palette.ERROR_OUTLINE if error else style.border)
    group.add(
        filled_rect(
            (x, y, w, h),
            colors.HexColor(fill),
            outline,
            width=2.4 if error else 0.7,
            dash=() if node.is_active else (3, 2),
            radius=4 * mapper.scale,
        )
    )
    stripe = 0.0
    if node.kind is NodeKind.GOAL:
        stripe = 9 * mapper.scale
        color = part.team_colors.get(node.team or "", palette.NO_TEAM)
        group.add(filled_rect((x, y, stripe, h), colors.HexColor(color), None))
    _draw_text(group, part, node, (x + stripe, y, w - stripe, h), style.text, mapper.scale)


def _draw_text(group: Group, part: MapPart, node: Node, box: Box, ink: str, scale: float) -> None:
    x, y, w, h = box
    size = CARD_FONT * scale * (1.3 if node.kind is NodeKind.VISION else 1.0)
    leading = size * 1.22
    pad = _PAD * scale
    kind = node.kind.label.upper()
    if node.kind is NodeKind.GOAL:
        kind = part.team_names.get(node.team or "", "No team")
    if not node.is_active:
        kind = f"DROPPED · {kind}"
    room = max(1, int((h - 2 * pad) / leading))
    width = w - 2 * pad
    label_lines = 1 if node.is_active else 2
    if node.kind is NodeKind.KEY_RESULT:  # a chip (layout.CHIP_HEIGHT): its colour says what
        label_lines -= 1
    lines = [(BOLD, line) for line in wrap_lines(kind, BOLD, size, width, label_lines)]
    title = wrap_lines(node.title, REGULAR, size, width, room - len(lines))
    lines += [(REGULAR, line) for line in title]
    baseline = y + h - pad - size
    for font, line in lines:
        # A right-to-left line starts at the card's right edge.
        left = x + w - pad - line_width(line, font, size) if starts_rtl(line) else x + pad
        for offset, face, piece in placed(line, font, size):
            group.add(
                String(
                    left + offset,
                    baseline,
                    piece,
                    fontName=face,
                    fontSize=size,
                    fillColor=colors.HexColor(ink),
                )
            )
        baseline -= leading


def _with_routes(box: Box, routes: Iterable[Route]) -> Box:
    """`box` grown to hold every point of `routes` (links may run just outside the cards)."""
    left, top, right, bottom = box
    for route in routes:
        for x, y in route:
            left, top, right, bottom = min(left, x), min(top, y), max(right, x), max(bottom, y)
    return (left, top, right, bottom)


def _draw_link(group: Group, link: Link, route: Route, mapper: _Mapper) -> None:
    points = [mapper.point(*point) for point in route]
    style = palette.LINK_STYLES[link.kind]
    color = style.color
    if link.kind is LinkKind.CONFLICTS and link.resolved:
        color = palette.RESOLVED_CONFLICT
    stroke = colors.HexColor(color)
    if style.jagged:
        flat = [*points[0]]
        for start, end in itertools.pairwise(points):
            flat += zigzag(start, end)[2:]
    else:
        flat = [coordinate for point in points for coordinate in point]
    line = link_line(flat, stroke, style)
    line.strokeLineJoin = 1
    group.add(line)
    if style.arrow:
        group.add(arrow_head(points[-2], points[-1], stroke, max(4.0, 10 * mapper.scale)))


# The two builders below set the style as attributes, which types-reportlab checks: its
# Rect takes the style keywords as one TypedDict rather than unpacked, and neither shape
# admits reportlab's "no dash" (None) as a keyword.


def filled_rect(
    box: tuple[float, float, float, float],
    fill: colors.Color,
    stroke: colors.Color | None,
    *,
    width: float = 1,
    dash: Sequence[float] = (),
    radius: float = 0,
) -> Rect:
    """A filled rectangle (x, y, width, height), outlined in `stroke` unless it is None."""
    rect = Rect(*box, rx=radius, ry=radius)
    rect.fillColor = fill
    rect.strokeColor = stroke
    rect.strokeWidth = width
    if dash:
        rect.strokeDashArray = dash
    return rect


def link_line(points: list[float], stroke: colors.Color, style: palette.LinkStyle) -> PolyLine:
    """A polyline in a link's stroke width and dash (solid when it has none)."""
    line = PolyLine(points, strokeColor=stroke, strokeWidth=style.width)
    if style.dash:
        line.strokeDashArray = list(style.dash)
    return line


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
