"""The cards as obstacles: a bucket grid that answers "does this segment touch a card?".

Link routing asks thousands of such questions, almost all about horizontal and
vertical segments, so the cards are kept in square buckets of `CELL` scene units and a
query looks only at the buckets a segment passes through. Every card is grown by
`CLEARANCE` on each side, so a route that passes the test keeps that far from the card.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .geometry import Rect

#: Side of one bucket, in scene units (a little more than a card's width).
CELL = 256.0
#: How far a route keeps from a card it does not end at.
CLEARANCE = 6.0

Box = tuple[float, float, float, float]  # left, top, right, bottom


def grown(rect: Rect, by: float = CLEARANCE) -> Box:
    """`rect` grown by `by` on every side, as (left, top, right, bottom)."""
    return (rect.left - by, rect.top - by, rect.right + by, rect.bottom + by)


class Obstacles:
    """The cards of a map, grown by the clearance, in a bucket grid."""

    def __init__(self, rects: Mapping[str, Rect]) -> None:
        self.boxes: dict[str, Box] = {}
        self._cells: dict[tuple[int, int], list[str]] = {}
        self._rows = (0, -1)  # the first and last bucket rows that ever held a card
        for key, rect in rects.items():
            self.add(key, rect)

    def add(self, key: str, rect: Rect) -> None:
        """Add (or move) the card `key`."""
        if key in self.boxes:
            self.remove(key)
        box = grown(rect)
        self.boxes[key] = box
        for cell in _cells_of(box):
            self._cells.setdefault(cell, []).append(key)
        first, last = int(box[1] // CELL), int(box[3] // CELL)
        if self._rows[1] < self._rows[0]:
            self._rows = (first, last)
        else:
            self._rows = (min(self._rows[0], first), max(self._rows[1], last))

    def remove(self, key: str) -> None:
        """Forget the card `key` (unknown keys are ignored)."""
        box = self.boxes.pop(key, None)
        if box is None:
            return
        for cell in _cells_of(box):
            members = self._cells.get(cell)
            if members is not None and key in members:
                members.remove(key)

    def near(self, box: Box) -> set[str]:
        """The cards whose buckets overlap `box` (a superset of those that touch it)."""
        found: set[str] = set()
        for cell in _cells_of(box):
            found.update(self._cells.get(cell, ()))
        return found

    def touching(self, box: Box) -> list[str]:
        """The cards whose grown box overlaps the inside of `box`."""
        left, top, right, bottom = box
        return [
            key for key in self.near(box) if _overlap(self.boxes[key], left, top, right, bottom)
        ]

    def blocked(
        self, x1: float, y1: float, x2: float, y2: float, allowed: Iterable[str] = ()
    ) -> str | None:
        """The first card (not in `allowed`) a horizontal or vertical segment runs into."""
        left, right = (x1, x2) if x1 <= x2 else (x2, x1)
        top, bottom = (y1, y2) if y1 <= y2 else (y2, y1)
        boxes = self.boxes
        skip = set(allowed)
        for cell in _cells_of((left, top, right, bottom)):
            for key in self._cells.get(cell, ()):
                if key not in skip and _overlap(boxes[key], left, top, right, bottom):
                    return key
        return None

    def first_along(self, x: float, y: float, step: int, allowed: Iterable[str] = ()) -> Box | None:
        """The nearest grown box straight above (step -1) or below (step +1) the point.

        Only boxes entirely on that side of `y`, whose inside spans `x`, count.
        """
        skip = set(allowed)
        column, row = int(x // CELL), int(y // CELL)
        best: Box | None = None
        best_gap = float("inf")
        while self._rows[0] <= row <= self._rows[1]:
            for key in self._cells.get((column, row), ()):
                box = self.boxes[key]
                if key in skip or not box[0] < x < box[2]:
                    continue
                gap = y - box[3] if step < 0 else box[1] - y
                if 0 <= gap < best_gap:
                    best, best_gap = box, gap
            edge = y - row * CELL if step < 0 else (row + 1) * CELL - y
            if best is not None and best_gap <= edge:
                return best
            row += step
        return best


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
