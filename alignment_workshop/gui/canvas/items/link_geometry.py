"""The geometry a link on the canvas is drawn with, in Qt's types where Qt draws it.

A link's route (from the layout's router) is drawn by pieces, each a stretch of the route
(`stretches`, `pieces`) no more than a few screens long, or, for a conflict's zigzag,
less than one: Qt draws a path item whole before clipping it to the screen. A solid
stretch is drawn as the filled `outline` of its straight runs, with the `arrow` head
at its end; `reaches` tells whether a piece may show in an area before it is made.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainterPath, QPainterPathStroker, QPolygonF

from alignment_workshop.layout import Rect, routing
from alignment_workshop.layout.zigzag import zigzag_route

#: The arrow head's length and half its width, and the width a click finds a link in.
ARROW_LENGTH = 14.0
ARROW_HALF_WIDTH = 7.0
HIT_WIDTH = 12.0
#: A conflict's zigzag: a corner every step, so far off the route.
ZIGZAG_STEP = 14.0
ZIGZAG_AMPLITUDE = 4.0
#: How far the link's rectangle reaches beyond its route: the click width and the arrow.
MARGIN = HIT_WIDTH / 2 + ARROW_HALF_WIDTH
#: A stretch of route drawn by one child item is at most this long and wide (a few
#: screens at 100 %): long enough that most links need one, short enough that a link
#: running the height of a big map is not drawn, nor cached, in full for every frame.
PIECE_SPAN = 8000.0
#: The same for a zigzag, much shorter: Qt strokes a piece whole before it clips it to
#: the screen, and a wide line with a corner every few pixels costs a hundred times a
#: straight run. Cut a screen or less long, only what is near the screen is stroked.
ZIGZAG_SPAN = 600.0

Point = tuple[float, float]


def border_point(rect: QRectF, toward: QPointF) -> QPointF:
    """Where the segment from the centre of `rect` towards `toward` leaves the rectangle
    (plus the link's gap): `routing.border_point`, in Qt's types."""
    box = Rect(rect.left(), rect.top(), rect.width(), rect.height())
    return QPointF(*routing.border_point(box, (toward.x(), toward.y())))


def arrow(tip: Point, start: Point) -> QPolygonF:
    """The arrow head at `tip`, pointing away from `start`. It turns clockwise on screen,
    as `QPainterPath.addRect` does, so in a filled outline of rectangles it adds to them
    rather than cutting a hole where they overlap."""
    dx, dy = tip[0] - start[0], tip[1] - start[1]
    length = math.hypot(dx, dy) or 1.0
    ux, uy = dx / length, dy / length
    bx, by = tip[0] - ux * ARROW_LENGTH, tip[1] - uy * ARROW_LENGTH
    ox, oy = -uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH
    return QPolygonF([QPointF(*tip), QPointF(bx + ox, by + oy), QPointF(bx - ox, by - oy)])


def pieces(points: Sequence[Point], span: float = PIECE_SPAN) -> list[list[Point]]:
    """The route cut into stretches, each within `span` both ways (most routes: one)."""
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if max(xs) - min(xs) <= span and max(ys) - min(ys) <= span:
        return [list(points)]
    result: list[list[Point]] = []
    current: list[Point] = [points[0]]
    # the extent of `current`, kept as it grows: a link across a big map has many points
    left = right = points[0][0]
    top = bottom = points[0][1]
    for a, b in itertools.pairwise(points):
        parts = math.ceil(max(abs(b[0] - a[0]), abs(b[1] - a[1])) / span) or 1
        for k in range(1, parts + 1):
            x, y = a[0] + (b[0] - a[0]) * k / parts, a[1] + (b[1] - a[1]) * k / parts
            if max(right, x) - min(left, x) > span or max(bottom, y) - min(top, y) > span:
                result.append(current)
                current = [current[-1]]
                left = right = current[0][0]
                top = bottom = current[0][1]
            current.append((x, y))
            left, right, top, bottom = min(left, x), max(right, x), min(top, y), max(bottom, y)
    result.append(current)
    return result


def reaches(stretch: Sequence[Point], area: QRectF) -> bool:
    """Whether the piece drawing `stretch` (with the arrow's margin) reaches into `area`."""
    xs, ys = [p[0] for p in stretch], [p[1] for p in stretch]
    return (
        min(xs) - MARGIN <= area.right()
        and max(xs) + MARGIN >= area.left()
        and min(ys) - MARGIN <= area.bottom()
        and max(ys) + MARGIN >= area.top()
    )


def outline(points: Sequence[Point], width: float) -> QPainterPath:
    """The area a line `width` wide along the straight runs through `points` covers."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    half = width / 2
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if x1 == x2 or y1 == y2:
            left, top = min(x1, x2) - half, min(y1, y2) - half
            path.addRect(left, top, abs(x2 - x1) + width, abs(y2 - y1) + width)
        else:  # a slanted run (a link between overlapping cards): its own outline
            stroker = QPainterPathStroker()
            stroker.setWidth(width)
            line = QPainterPath(QPointF(x1, y1))
            line.lineTo(x2, y2)
            path.addPath(stroker.createStroke(line))
    return path


def stretches(points: Sequence[Point], *, jagged: bool, short: bool) -> list[list[Point]]:
    """The line drawn through `points` cut into the stretches of its pieces: the route,
    or its zigzag when `jagged`; `short` says the route is known to fit one piece."""
    if not points:
        return []
    if jagged:
        return pieces(zigzag_route(points, ZIGZAG_STEP, ZIGZAG_AMPLITUDE), ZIGZAG_SPAN)
    return [list(points)] if short else pieces(points)


def runs_through(points: Sequence[Point], area: QRectF) -> bool:
    """Whether a run through `points` (with the arrow's margin) passes through `area`."""
    left, top = area.left() - MARGIN, area.top() - MARGIN
    right, bottom = area.right() + MARGIN, area.bottom() + MARGIN
    for (x1, y1), (x2, y2) in itertools.pairwise(points):
        if (
            min(x1, x2) <= right
            and max(x1, x2) >= left
            and min(y1, y2) <= bottom
            and max(y1, y2) >= top
        ):
            return True
    return False
