"""The conflict's zigzag, shared by the canvas and the PDF map: on its route at every
bend, off it by the amplitude in between, one side and then the other, and of bounded
size however long the link."""

from __future__ import annotations

import itertools
import math

import pytest

from alignment_workshop.layout.zigzag import MAX_STEPS, zigzag, zigzag_route


def off_line(point: tuple[float, float], start, end) -> float:
    """Signed distance of `point` from the line through `start` and `end`."""
    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1)
    return ((x2 - x1) * (point[1] - y1) - (y2 - y1) * (point[0] - x1)) / length


def test_a_run_zigzags_by_the_amplitude_to_each_side_in_turn() -> None:
    start, end = (10.0, 20.0), (130.0, 110.0)  # 150 long: ten steps of 15
    points = zigzag(start, end, 15.0, 4.0)
    assert points[0] == start and points[-1] == end
    assert len(points) == 11
    sides = [off_line(p, start, end) for p in points[1:-1]]
    assert all(abs(abs(side) - 4.0) < 1e-9 for side in sides)
    assert all(a * b < 0 for a, b in itertools.pairwise(sides))
    along = [math.dist(start, p) ** 2 - off_line(p, start, end) ** 2 for p in points]
    steps = [b**0.5 - a**0.5 for a, b in itertools.pairwise(along)]
    assert all(abs(step - 15.0) < 1e-6 for step in steps)  # a corner every 15


def test_a_run_shorter_than_two_steps_stays_straight() -> None:
    assert zigzag((0.0, 0.0), (27.0, 0.0), 14.0, 4.0) == [(0.0, 0.0), (27.0, 0.0)]
    assert zigzag((5.0, 5.0), (5.0, 5.0), 14.0, 4.0) == [(5.0, 5.0), (5.0, 5.0)]


@pytest.mark.parametrize(
    "end", [(1e7, 1e7), (math.inf, 0.0), (math.nan, 0.0)], ids=["far", "infinite", "nan"]
)
def test_a_run_across_any_distance_stays_a_line_of_bounded_size(end) -> None:
    assert len(zigzag((-1e7, -1e7), end, 14.0, 4.0)) <= MAX_STEPS + 1


def test_a_route_zigzags_along_every_run_and_passes_through_its_bends() -> None:
    route = [(0.0, 0.0), (0.0, 300.0), (500.0, 300.0), (500.0, 310.0)]
    points = zigzag_route(route, 14.0, 4.0)
    assert points[0] == route[0] and points[-1] == route[-1]
    for bend in route[1:-1]:
        assert bend in points
    expected = 1 + sum(len(zigzag(a, b, 14.0, 4.0)) - 1 for a, b in itertools.pairwise(route))
    assert len(points) == expected  # no point twice where two runs meet
    assert points[-2] == (500.0, 300.0)  # the last run, 10 long, stays straight
