"""Ordering the cards within each row so that few supports links cross.

The classic barycentre heuristic: sweep down the rows, sorting each group of a row by
the mean x of the cards it supports; then sweep up, sorting by the mean x of the cards
that support it. A few sweeps, keeping the order with the fewest crossings seen
(the file's own order included, so the result is never worse than the input).
Dropped nodes always go to the end of their group.
"""

from __future__ import annotations

from collections.abc import Mapping

from .layering import Layering
from .placement import Grid, Rows, all_x, row_x

#: Down-and-up sweep pairs to try.
SWEEPS = 3


def _row_of(rows: Rows) -> dict[str, int]:
    return {node_id: r for r, row in enumerate(rows) for group in row for node_id in group}


def _sort_row(
    row_index: int,
    rows: Rows,
    xs: Mapping[str, float],
    neighbours: Mapping[str, list[str]],
    layering: Layering,
) -> None:
    """Sort each group of one row by the barycentre of its neighbours' x."""

    def key(node_id: str) -> tuple[bool, float]:
        near = [xs[other] for other in neighbours.get(node_id, ()) if other in xs]
        centre = sum(near) / len(near) if near else xs[node_id]
        return (node_id in layering.dropped, centre)

    for group in rows[row_index]:
        group.sort(key=key)


def _neighbours(rows: Rows, links: Mapping[str, list[str]], above: bool) -> dict[str, list[str]]:
    """For each node, its `links` ends in rows above it (or below it)."""
    row_of = _row_of(rows)
    result: dict[str, list[str]] = {}
    for node_id, ends in links.items():
        if node_id not in row_of:
            continue
        mine = row_of[node_id]
        near = [
            end
            for end in ends
            if end in row_of and (row_of[end] < mine if above else row_of[end] > mine)
        ]
        if near:
            result[node_id] = near
    return result


def _sweep(
    rows: Rows,
    layering: Layering,
    grid: Grid,
    up: Mapping[str, list[str]],
    down: Mapping[str, list[str]],
) -> None:
    xs = all_x(rows, layering, grid)
    for row_index in range(1, len(rows)):
        _sort_row(row_index, rows, xs, up, layering)
        xs.update(row_x(row_index, rows, layering, grid))
    for row_index in range(len(rows) - 2, -1, -1):
        _sort_row(row_index, rows, xs, down, layering)
        xs.update(row_x(row_index, rows, layering, grid))


def order_rows(layering: Layering, grid: Grid) -> Rows:
    """The rows of `layering`, each group reordered to reduce crossings."""
    rows = [[list(group) for group in row] for row in layering.rows]
    for row_index in range(len(rows)):  # dropped nodes last, from the start
        for group in rows[row_index]:
            group.sort(key=lambda node_id: node_id in layering.dropped)
    up = _neighbours(rows, layering.targets, above=True)
    down = _neighbours(rows, layering.sources, above=False)
    best = [[list(group) for group in row] for row in rows]
    best_count = crossings(best, layering, grid)
    for _ in range(SWEEPS):
        _sweep(rows, layering, grid, up, down)
        count = crossings(rows, layering, grid)
        if count < best_count:
            best, best_count = [[list(group) for group in row] for row in rows], count
        if best_count == 0:
            break
    return best


def crossings(rows: Rows, layering: Layering, grid: Grid) -> int:
    """How many pairs of supports links cross, counted between each pair of rows."""
    xs = all_x(rows, layering, grid)
    row_of = _row_of(rows)
    spans: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for source, targets in layering.targets.items():
        if source not in row_of:
            continue
        for target in targets:
            if target in row_of and row_of[target] != row_of[source]:
                key = (row_of[target], row_of[source])
                spans.setdefault(key, []).append((xs[target], xs[source]))
    return sum(_inversions([low for _, low in sorted(pairs)]) for pairs in spans.values())


def _inversions(values: list[float]) -> int:
    """Pairs i < j with values[i] > values[j] (merge sort, O(n log n))."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = sorted(values[:middle]), sorted(values[middle:])
    count = _inversions(values[:middle]) + _inversions(values[middle:])
    j = 0
    for value in left:
        while j < len(right) and right[j] < value:
            j += 1
        count += j
    return count
