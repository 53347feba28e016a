"""The cards as obstacles: answers to "does this segment touch a card?", fast.

Link routing asks tens of thousands of such questions, nearly all about horizontal and
vertical segments, and on a laid-out map many links run along the same few lines (the
gaps between columns, the channels between rows). So besides a bucket grid of the cards
(squares of `CELL` scene units, for questions about areas) the index keeps, for each
vertical or horizontal line it has been asked about, the cards that line passes through,
sorted along it; later questions about that line are a binary search. Every card is grown
by `CLEARANCE` on each side, so a route that passes the test keeps that far from the card.
"""

from __future__ import annotations

import bisect
from collections.abc import Collection, Iterable, Mapping

from .geometry import Rect

#: Side of one bucket, in scene units (a little more than a card's width).
CELL = 256.0
#: How far a route keeps from a card it does not end at.
CLEARANCE = 6.0

Box = tuple[float, float, float, float]  # left, top, right, bottom
#: The cards along one line: their near edges (sorted), far edges and keys.
_Line = tuple[list[float], list[float], list[str]]


def grown(rect: Rect, by: float = CLEARANCE) -> Box:
    """`rect` grown by `by` on every side, as (left, top, right, bottom)."""
    return (rect.left - by, rect.top - by, rect.right + by, rect.bottom + by)


class Obstacles:
    """The cards of a map, grown by the clearance, indexed for routing."""

    def __init__(self, rects: Mapping[str, Rect]) -> None:
        self.boxes: dict[str, Box] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self._columns: dict[float, _Line] = {}
        self._rows: dict[float, _Line] = {}
        self._strips: dict[tuple[int, int], list[str]] = {}  # (axis, index): the cards
        self._span = (0, -1)  # the first and last bucket rows that ever held a card
        self._xspan = (0, -1)  # the first and last bucket columns
        self._tallest = self._widest = 0.0
        for key, rect in rects.items():
            self.add(key, rect)

    # ------------------------------------------------------------------ changes

    def add(self, key: str, rect: Rect) -> None:
        """Add (or move) the card `key`."""
        if key in self.boxes:
            self.remove(key)
        box = grown(rect)
        self.boxes[key] = box
        for cell in _cells_of(box):
            self._cells.setdefault(cell, []).append(key)
        self._span = _widened(self._span, int(box[1] // CELL), int(box[3] // CELL))
        self._xspan = _widened(self._xspan, int(box[0] // CELL), int(box[2] // CELL))
        self._tallest = max(self._tallest, box[3] - box[1])
        self._widest = max(self._widest, box[2] - box[0])
        self._forget_lines()

    def remove(self, key: str) -> None:
        """Forget the card `key` (unknown keys are ignored)."""
        box = self.boxes.pop(key, None)
        if box is None:
            return
        for cell in _cells_of(box):
            members = self._cells.get(cell)
            if members is not None and key in members:
                members.remove(key)
        self._forget_lines()

    def _forget_lines(self) -> None:
        if self._columns or self._rows or self._strips:
            self._columns.clear()
            self._rows.clear()
            self._strips.clear()

    def _strip(self, axis: int, index: int) -> list[str]:
        """The cards in one column (axis 0) or one row (axis 1) of buckets."""
        found = self._strips.get((axis, index))
        if found is None:
            first, last = self._span if axis == 0 else self._xspan
            cells = ((index, i) if axis == 0 else (i, index) for i in range(first, last + 1))
            found = list({key for cell in cells for key in self._cells.get(cell, ())})
            self._strips[(axis, index)] = found
        return found

    # ------------------------------------------------------------------ areas

    def near(self, box: Box) -> set[str]:
        """The cards whose buckets overlap `box` (a superset of those that touch it).

        A box of more buckets than hold cards (a search window over cards scattered
        millions of units apart) is answered from the occupied buckets instead.
        """
        found: set[str] = set()
        left, top, right, bottom = box
        x0, x1 = int(left // CELL), int(right // CELL)
        y0, y1 = int(top // CELL), int(bottom // CELL)
        if (x1 - x0 + 1) * (y1 - y0 + 1) > len(self._cells):
            for (cx, cy), keys in self._cells.items():
                if x0 <= cx <= x1 and y0 <= cy <= y1:
                    found.update(keys)
            return found
        for cell in _cells_of(box):
            found.update(self._cells.get(cell, ()))
        return found

    def touching(self, box: Box) -> list[str]:
        """The cards whose grown box overlaps the inside of `box`."""
        left, top, right, bottom = box
        return [
            key for key in self.near(box) if _overlap(self.boxes[key], left, top, right, bottom)
        ]

    # ------------------------------------------------------------------ lines

    def _column(self, x: float) -> _Line:
        """The cards a vertical line at `x` passes through, sorted from the top."""
        line = self._columns.get(x)
        if line is None:
            boxes = self.boxes
            found = [k for k in self._strip(0, int(x // CELL)) if boxes[k][0] < x < boxes[k][2]]
            ordered = sorted(found, key=lambda k: boxes[k][1])
            line = (
                [self.boxes[k][1] for k in ordered],
                [self.boxes[k][3] for k in ordered],
                ordered,
            )
            self._columns[x] = line
        return line

    def _row(self, y: float) -> _Line:
        """The cards a horizontal line at `y` passes through, sorted from the left."""
        line = self._rows.get(y)
        if line is None:
            boxes = self.boxes
            found = [k for k in self._strip(1, int(y // CELL)) if boxes[k][1] < y < boxes[k][3]]
            ordered = sorted(found, key=lambda k: boxes[k][0])
            line = (
                [self.boxes[k][0] for k in ordered],
                [self.boxes[k][2] for k in ordered],
                ordered,
            )
            self._rows[y] = line
        return line

    def blocked(
        self, x1: float, y1: float, x2: float, y2: float, allowed: Collection[str] = ()
    ) -> str | None:
        """The first card (not in `allowed`) a horizontal or vertical segment runs into."""
        if x1 == x2 and y1 != y2:
            near, far, keys = self._column(x1)
            low, high, reach = min(y1, y2), max(y1, y2), self._tallest
        elif y1 == y2:
            near, far, keys = self._row(y1)
            low, high, reach = min(x1, x2), max(x1, x2), self._widest
        else:
            return self._blocked_area(x1, y1, x2, y2, allowed)
        index = bisect.bisect_left(near, high) - 1
        while index >= 0 and near[index] > low - reach:
            if far[index] > low and keys[index] not in allowed:
                return keys[index]
            index -= 1
        return None

    def _blocked_area(
        self, x1: float, y1: float, x2: float, y2: float, allowed: Collection[str]
    ) -> str | None:
        box = (min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2))
        for key in self.touching(box):
            if key not in allowed:
                return key
        return None

    def beside(self, key: str, y: float, allowed: Collection[str] = ()) -> tuple[float, float]:
        """The nearest edges left and right of card `key` along the line at `y`.

        Cards in `allowed` do not count; with nothing on a side, that edge is infinite.
        """
        near, far, keys = self._row(y)
        left, right = self.boxes[key][0], self.boxes[key][2]
        wall_right = float("inf")
        for i in range(bisect.bisect_left(near, right), len(keys)):
            if keys[i] not in allowed:
                wall_right = near[i]
                break
        wall_left = -float("inf")
        i = bisect.bisect_left(near, left) - 1
        while i >= 0 and near[i] > wall_left - self._widest:
            if far[i] <= left and keys[i] not in allowed:
                wall_left = max(wall_left, far[i])
            i -= 1
        return wall_left, wall_right

    def across(self, y: float) -> list[str]:
        """The cards a horizontal line at `y` passes through, from the left."""
        return self._row(y)[2]

    def first_along(
        self, x: float, y: float, step: int, allowed: Collection[str] = ()
    ) -> str | None:
        """The nearest card straight above (step -1) or below (step +1) the point.

        Only cards entirely on that side of `y`, whose grown box spans `x`, count.
        """
        near, far, keys = self._column(x)
        if step > 0:
            for index in range(bisect.bisect_left(near, y), len(keys)):
                if keys[index] not in allowed:
                    return keys[index]
            return None
        best: str | None = None
        best_far = -float("inf")
        index = bisect.bisect_right(near, y) - 1
        while index >= 0 and near[index] > best_far - self._tallest:
            if best_far < far[index] <= y and keys[index] not in allowed:
                best, best_far = keys[index], far[index]
            index -= 1
        return best


def _widened(span: tuple[int, int], first: int, last: int) -> tuple[int, int]:
    if span[1] < span[0]:
        return (first, last)
    return (min(span[0], first), max(span[1], last))


def _overlap(box: Box, left: float, top: float, right: float, bottom: float) -> bool:
    """Whether the segment (or box) from (left, top) to (right, bottom) enters `box`."""
    return box[0] < right and left < box[2] and box[1] < bottom and top < box[3]


def _cells_of(box: Box) -> Iterable[tuple[int, int]]:
    left, top, right, bottom = box
    x0, x1 = int(left // CELL), int(right // CELL)
    y0, y1 = int(top // CELL), int(bottom // CELL)
    for cx in range(x0, x1 + 1):
        for cy in range(y0, y1 + 1):
            yield (cx, cy)
