"""The geometry of a route: where it meets a card, the straight line, its points tidied.

A route is a polyline of scene points (`Route`). It leaves and enters a card `END_GAP`
outside its border: through the top or the bottom (`edge_y`) at the card's middle moved to
the link's lane (`port_x`), or, for a link drawn straight, where the line between the two
centres crosses the border (`border_point`, `straight`). `simplified` drops the repeated
points and the middle ones of straight runs that a walk or a search leaves behind. These
helpers are pure: `routing.py` and `grid_search.py` share them, and the canvas draws a
link's arrow with `border_point`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .geometry import Rect
from .obstacles import CLEARANCE

Point = tuple[float, float]
Route = tuple[Point, ...]

#: Space between the end of a route and the card border.
END_GAP = 3.0


def overlapping(a: Rect, b: Rect) -> bool:
    """Whether `b` comes within the clearance of `a`: no route can run between them."""
    grown_a = (a.left - CLEARANCE, a.top - CLEARANCE, a.right + CLEARANCE, a.bottom + CLEARANCE)
    return (
        grown_a[0] < b.right
        and b.left < grown_a[2]
        and grown_a[1] < b.bottom
        and (b.top < grown_a[3])
    )


def port_x(rect: Rect, offset: float) -> float:
    """Where a route meets the top or bottom of `rect`: its middle, moved to its lane."""
    middle = rect.left + rect.width / 2
    limit = max(0.0, rect.width / 2 - 12.0)
    return middle + max(-limit, min(limit, offset))


def edge_y(rect: Rect, side: int) -> float:
    """The top of `rect` for `side` -1, its bottom for +1."""
    return rect.top if side < 0 else rect.bottom


def straight(source: Rect, target: Rect, shift: float = 0.0) -> Route:
    """The straight line between the borders of two cards, moved `shift` sideways."""
    (x1, y1), (x2, y2) = _centre(source), _centre(target)
    start = border_point(source, (x2, y2))
    end = border_point(target, (x1, y1))
    if shift:
        first, second = sorted((start, end))
        dx, dy = second[0] - first[0], second[1] - first[1]
        length = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / length * shift, dx / length * shift
        start, end = (start[0] + nx, start[1] + ny), (end[0] + nx, end[1] + ny)
    return (start, end)


def _centre(rect: Rect) -> Point:
    return (rect.left + rect.width / 2, rect.top + rect.height / 2)


def border_point(rect: Rect, toward: Point) -> Point:
    """Where the segment from the centre of `rect` towards `toward` leaves it (plus a gap)."""
    cx, cy = _centre(rect)
    dx, dy = toward[0] - cx, toward[1] - cy
    if dx == 0 and dy == 0:
        return (cx, cy)
    half_w, half_h = rect.width / 2 + END_GAP, rect.height / 2 + END_GAP
    scale = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf, 1.0)
    return (cx + dx * scale, cy + dy * scale)


def simplified(points: Sequence[Point]) -> Route:
    """`points` without repeats and without the middle of three points in a line."""
    out: list[Point] = [points[0]]
    for x, y in points[1:]:
        px, py = out[-1]
        if abs(px - x) < 1e-6 and abs(py - y) < 1e-6:
            continue
        if len(out) >= 2:
            qx, qy = out[-2]
            if (abs(qx - px) < 1e-6 and abs(px - x) < 1e-6) or (
                abs(qy - py) < 1e-6 and abs(py - y) < 1e-6
            ):
                out[-1] = (x, y)
                continue
        out.append((x, y))
    if len(out) == 1:
        out.append(out[0])
    return tuple(out)
