"""The zigzag a conflict is drawn as, shared by the canvas and the PDF map.

A conflict has no direction, so it is drawn as a jagged line along its route rather
than an arrow. `zigzag` makes the jagged line of one straight run and `zigzag_route`
that of a whole route, as one list of points, so that whoever draws it may cut it
anywhere (the canvas does, into pieces about a screen long) without a seam.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

Point = tuple[float, float]

#: A conflict between cards millions of units apart stays a line of bounded size.
MAX_STEPS = 1_000


def zigzag(start: Point, end: Point, step: float, amplitude: float) -> list[Point]:
    """The points of a jagged line from `start` to `end`, both included: a corner every
    `step` (longer on a run of more than `MAX_STEPS` steps), `amplitude` off the line,
    to one side and the other in turn. A run shorter than two steps stays straight."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    length = math.hypot(dx, dy)
    steps = min(MAX_STEPS, int(length // step)) if math.isfinite(length) else 0
    if steps < 2:
        return [start, end]
    ux, uy = dx / length, dy / length
    points = [start]
    for i in range(1, steps):
        side = amplitude if i % 2 else -amplitude
        along = length * i / steps
        points.append((start[0] + ux * along - uy * side, start[1] + uy * along + ux * side))
    points.append(end)
    return points


def zigzag_route(route: Sequence[Point], step: float, amplitude: float) -> list[Point]:
    """The points of the jagged line along every run of `route` (at least one point)."""
    points = [route[0]]
    for start, end in itertools.pairwise(route):
        points += zigzag(start, end, step, amplitude)[1:]
    return points
