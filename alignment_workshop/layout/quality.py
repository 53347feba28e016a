"""Measuring a drawn map: link crossings, and links that run through cards.

Both measures work on drawn geometry (polylines), so they compare any two drawings of a
workshop: ours, with its routed links, and a reference layered layout's, with its links
drawn straight through their bend points.

- `crossings` counts the points where two links cross: their segments meet at a single
  point inside both. Links that share a card never count (they meet at the card), and
  links that run along the same line for a while (a bundle) do not cross there.
- `card_hits` counts the segments that enter a card their link does not join.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence

from alignment_workshop.model import Link, LinkKind

from .geometry import Rect
from .obstacles import Obstacles
from .stacks import Stacks

Point = tuple[float, float]
#: A segment of one link: (link id, start, end).
Segment = tuple[str, Point, Point]
#: Each link's (source, target) card ids.
Ends = Mapping[str, tuple[str, str]]
#: Side of the buckets the counting sorts segments into.
_CELL = 512.0
_EPS = 1e-7


def _orientation(a: Point, b: Point, c: Point) -> int:
    value = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0])
    return (value > _EPS) - (value < -_EPS)


def segments_cross(a: Point, b: Point, c: Point, d: Point) -> bool:
    """Whether segments ab and cd cross at one point inside both (touching does not count)."""
    return (
        _orientation(a, b, c) * _orientation(a, b, d) < 0
        and _orientation(c, d, a) * _orientation(c, d, b) < 0
    )


def _crossing_point(a: Point, b: Point, c: Point, d: Point) -> Point:
    det = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0])
    t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / det
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def crossings(paths: Mapping[str, Sequence[Point]], ends: Mapping[str, tuple[str, str]]) -> int:
    """The number of points where two links cross (see the module docstring).

    `paths` gives each link's polyline, `ends` its (source, target) card ids.
    """
    cells: dict[tuple[int, int], tuple[list[Segment], list[Segment], list[Segment]]] = {}
    for link_id, points in paths.items():
        for a, b in itertools.pairwise(points):
            if a == b:
                continue
            kind = 0 if a[1] == b[1] else 1 if a[0] == b[0] else 2
            entry = (link_id, a, b)
            for cell in _cells(a, b):
                cells.setdefault(cell, ([], [], []))[kind].append(entry)
    total = 0
    for cell, (flat, upright, slanted) in cells.items():
        total += _square_crossings(flat, upright, ends, cell)
        others = flat + upright + slanted
        for i, first in enumerate(slanted):
            total += sum(
                _counts(first, second, ends, cell)
                for second in others[len(flat) + len(upright) + i + 1 :]
            )
            total += sum(_counts(first, second, ends, cell) for second in others[: len(flat)])
            total += sum(
                _counts(first, second, ends, cell)
                for second in others[len(flat) : len(flat) + len(upright)]
            )
    return total


def _square_crossings(
    flat: list[Segment], upright: list[Segment], ends: Ends, cell: tuple[int, int]
) -> int:
    """Crossings between the horizontal and the vertical segments of one bucket."""
    total = 0
    low_x, low_y = cell[0] * _CELL, cell[1] * _CELL
    for link_h, a, b in flat:
        y = a[1]
        if not low_y <= y < low_y + _CELL:
            continue
        x0, x1 = (a[0], b[0]) if a[0] < b[0] else (b[0], a[0])
        h_ends = ends[link_h]
        for link_v, c, d in upright:
            x = c[0]
            if not (x0 < x < x1 and low_x <= x < low_x + _CELL):
                continue
            y0, y1 = (c[1], d[1]) if c[1] < d[1] else (d[1], c[1])
            if y0 < y < y1 and link_v != link_h:
                v_ends = ends[link_v]
                if h_ends[0] not in v_ends and h_ends[1] not in v_ends:
                    total += 1
    return total


def _counts(first: Segment, second: Segment, ends: Ends, cell: tuple[int, int]) -> int:
    """1 when two segments (one of them slanted) cross inside `cell`, else 0."""
    link_a, a, b = first
    link_b, c, d = second
    if link_a == link_b or not segments_cross(a, b, c, d):
        return 0
    if ends[link_a][0] in ends[link_b] or ends[link_a][1] in ends[link_b]:
        return 0
    x, y = _crossing_point(a, b, c, d)
    return int((int(x // _CELL), int(y // _CELL)) == cell)


def _cells(a: Point, b: Point) -> Iterable[tuple[int, int]]:
    x0, x1 = sorted((a[0], b[0]))
    y0, y1 = sorted((a[1], b[1]))
    for cx in range(int(x0 // _CELL), int(x1 // _CELL) + 1):
        for cy in range(int(y0 // _CELL), int(y1 // _CELL) + 1):
            yield (cx, cy)


def card_hits(
    paths: Mapping[str, Sequence[Point]],
    ends: Mapping[str, tuple[str, str]],
    rects: Mapping[str, Rect],
) -> list[tuple[str, str]]:
    """(link, card) pairs where a segment of the link enters a card it does not join."""
    index = Obstacles(rects)
    hits = []
    for link_id, points in paths.items():
        for a, b in itertools.pairwise(points):
            box = (min(a[0], b[0]), min(a[1], b[1]), max(a[0], b[0]), max(a[1], b[1]))
            for key in index.near(box):
                if key not in ends[link_id] and _enters(rects[key], a, b):
                    hits.append((link_id, key))
    return hits


def _enters(rect: Rect, a: Point, b: Point) -> bool:
    """Whether segment ab passes through the inside of `rect` (its border does not count)."""
    left, top, right, bottom = rect.left, rect.top, rect.right, rect.bottom
    t0, t1 = 0.0, 1.0
    dx, dy = b[0] - a[0], b[1] - a[1]
    for p, q in ((-dx, a[0] - left), (dx, right - a[0]), (-dy, a[1] - top), (dy, bottom - a[1])):
        if p == 0:
            if q <= 0:
                return False
            continue
        t = q / p
        if p < 0:
            t0 = max(t0, t)
        else:
            t1 = min(t1, t)
        if t0 >= t1:
            return False
    return True


def joined_cards(links: Iterable[Link]) -> dict[str, tuple[str, ...]]:
    """The cards each of `links` joins: its two ends with their stacks (see `stacks.py`),
    the cards a link may touch without counting as a card hit."""
    links = list(links)
    stacks = Stacks((k.source, k.target) for k in links if k.kind is LinkKind.MEASURES)
    return {k.id: (*stacks.members(k.source), *stacks.members(k.target)) for k in links}
