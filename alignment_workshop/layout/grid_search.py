"""Step 2 of link routing: an A* search for the path with fewest bends round the cards.

`routing.Router` walks most links from gap to gap (step 1, see `routing.py`). Cards placed
by hand can close every gap a walk tries; then `search_path` looks for the route on a
sparse grid instead of the whole plane:

- *The grid.* Its vertical lines are the x of both ends, the two sides of the window,
  and one unit outside the left and the right of every card (grown by the clearance)
  that touches the window; its horizontal lines likewise. Between two neighbouring lines
  more than 4 units apart runs one more, midway, so that a route can pass between two
  cards in the middle of their gap. These lines stand in for every point a route could
  bend at: sliding a bend along a run between two cards changes neither its length nor
  its bends.
- *The cost.* A step from a crossing to the next along a line costs its length, if the
  segment touches no card (`Obstacles.blocked`). A step that turns costs `BEND_COST`
  more, so the search prefers a detour of up to that length to one bend more. A search
  state is a crossing and the heading it was reached with; the estimate of the cost
  still to pay is the Manhattan distance to the goal, which never overestimates, so the
  first path to reach the goal is a cheapest one. Ties are taken in the order they were
  found, so the same cards always give the same route.
- *The ends.* The path leaves its start, and enters its goal, vertically in the
  direction it is given: out of the top or bottom of the source, into the side of the
  target it faces. The router joins both ends to the cards with short stubs.
- *The window.* The grid covers the two cards and `SEARCH_MARGIN` around them. When no
  path lies inside, the margin triples, up to four windows (400, 1,200, 3,600 and 10,800
  units). A window with more than `MAX_SEARCH_CARDS` cards, or a search past
  `MAX_SEARCH_VISITS` states taken from its queue, gives up, and the router draws the
  link straight (step 3): cards scattered by hand over a huge area must not hold up
  opening the map or exporting it.
"""

from __future__ import annotations

import heapq
import itertools
import math

from .geometry import Rect
from .obstacles import Box, Obstacles
from .route_geometry import Point

#: A bend costs as much as this much length in the search.
BEND_COST = 80.0
#: Extra room around the two cards for the first search window, in scene units.
SEARCH_MARGIN = 400.0
#: How many windows a search tries, each three times the margin of the one before.
WINDOWS = 4
#: A search gives up (the link is drawn straight) past this many cards in its window or
#: this many grid points visited: cards scattered by hand over a huge area must not
#: hold up opening the map or exporting it.
MAX_SEARCH_CARDS = 300
MAX_SEARCH_VISITS = 200_000


def search_path(
    obstacles: Obstacles,
    cards: tuple[Rect, Rect],
    leave: tuple[Point, int],
    reach: tuple[Point, int],
) -> list[Point] | None:
    """The path with fewest bends from `leave` to `reach` round `obstacles`, or None.

    `leave` and `reach` are each a point, outside the clearance of its card, and the
    vertical step (-1 up, +1 down) the path takes out of it, or into it. `cards` are
    the source's and target's rectangles, around which the windows are drawn.
    """
    source, target = cards
    margin = SEARCH_MARGIN
    for _ in range(WINDOWS):
        path = _astar(obstacles, _window(source, target, margin), leave, reach)
        if path is not None:
            return path
        margin *= 3
    return None


def _window(a: Rect, b: Rect, margin: float) -> Box:
    return (
        min(a.left, b.left) - margin,
        min(a.top, b.top) - margin,
        max(a.right, b.right) + margin,
        max(a.bottom, b.bottom) + margin,
    )


#: A search state: a grid crossing (column, row) and the heading it was reached with.
GridKey = tuple[tuple[int, int], int]


def _lines(
    obstacles: Obstacles, window: Box, start: Point, goal: Point
) -> tuple[list[float], list[float]]:
    """The x and y grid lines: just outside each card nearby, midway between, and the ends."""
    xs = {start[0], goal[0], window[0], window[2]}
    ys = {start[1], goal[1], window[1], window[3]}
    for key in obstacles.touching(window):
        left, top, right, bottom = obstacles.boxes[key]
        xs.update((left - 1.0, right + 1.0))
        ys.update((top - 1.0, bottom + 1.0))
    return _with_middles(xs), _with_middles(ys)


def _with_middles(values: set[float]) -> list[float]:
    ordered = sorted(values)
    middles = [(a + b) / 2 for a, b in itertools.pairwise(ordered) if b - a > 4.0]
    return sorted(set(ordered) | set(middles))


def _astar(
    obstacles: Obstacles,
    window: Box,
    leave: tuple[Point, int],
    reach: tuple[Point, int],
) -> list[Point] | None:
    """A path from `leave` to `reach`, each a point and the vertical step taken there."""
    (start, out_step), (goal, in_step) = leave, reach
    if len(obstacles.touching(window)) > MAX_SEARCH_CARDS:
        return None
    xs, ys = _lines(obstacles, window, start, goal)
    xi, yi = {x: i for i, x in enumerate(xs)}, {y: i for i, y in enumerate(ys)}
    first, last = (xi[start[0]], yi[start[1]]), (xi[goal[0]], yi[goal[1]])

    def free(a: tuple[int, int], b: tuple[int, int]) -> bool:
        return obstacles.blocked(xs[a[0]], ys[a[1]], xs[b[0]], ys[b[1]]) is None

    def guess(node: tuple[int, int]) -> float:
        return float(abs(xs[node[0]] - goal[0]) + abs(ys[node[1]] - goal[1]))

    counter = itertools.count()
    queue = [(guess(first), next(counter), 0.0, first, -1)]
    best: dict[tuple[tuple[int, int], int], float] = {(first, -1): 0.0}
    parent: dict[GridKey, GridKey] = {}
    visits = 0
    while queue and visits < MAX_SEARCH_VISITS:
        visits += 1
        _, _, cost, node, heading = heapq.heappop(queue)
        if node == last:
            return _unwind(parent, (node, heading), xs, ys)
        if cost > best.get((node, heading), math.inf):
            continue
        for direction, (dx, dy) in enumerate(((1, 0), (-1, 0), (0, 1), (0, -1))):
            nxt = (node[0] + dx, node[1] + dy)
            if (node == first and (dx, dy) != (0, out_step)) or (
                nxt == last and (dx, dy) != (0, in_step)
            ):
                continue
            if not (0 <= nxt[0] < len(xs) and 0 <= nxt[1] < len(ys)) or not free(node, nxt):
                continue
            length = abs(xs[nxt[0]] - xs[node[0]]) + abs(ys[nxt[1]] - ys[node[1]])
            total = cost + length + (BEND_COST if heading not in (-1, direction) else 0.0)
            key = (nxt, direction)
            if total < best.get(key, math.inf):
                best[key] = total
                parent[key] = (node, heading)
                heapq.heappush(queue, (total + guess(nxt), next(counter), total, nxt, direction))
    return None


def _unwind(
    parent: dict[GridKey, GridKey], key: GridKey, xs: list[float], ys: list[float]
) -> list[Point]:
    points: list[Point] = []
    while True:
        node = key[0]
        points.append((xs[node[0]], ys[node[1]]))
        if key not in parent:
            break
        key = parent[key]
    return points[::-1]
