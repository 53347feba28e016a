"""Card sizes and spacing shared by the layout, the canvas and the PDF.

A node's position `pos` is the CENTRE of its card, in scene units (1 unit = 1 pixel at
100 % zoom). The canvas draws a card of `card_size(kind)` centred on `pos`, and the PDF
scales the same rectangles, so the three always agree on what overlaps. A key result is
a smaller chip; `chip_center` says where the n-th chip of a stack sits under its card.
"""

from __future__ import annotations

from dataclasses import dataclass

from alignment_workshop.model import NodeKind

#: Width and height of an objective or team-goal card.
CARD_WIDTH = 220.0
CARD_HEIGHT = 110.0
#: The vision is the largest card on the map.
VISION_WIDTH = 320.0
VISION_HEIGHT = 140.0
#: A key result is a compact chip as wide as the card it measures, stacked under it.
CHIP_WIDTH = CARD_WIDTH
CHIP_HEIGHT = 56.0
#: Space between a card and its first chip, and between two chips of one stack.
CHIP_GAP = 6.0
#: Distance between the centres of two neighbouring chips of a stack.
CHIP_PITCH = CHIP_HEIGHT + CHIP_GAP
#: Values are a little smaller: they sit beside the vision and carry only a title.
VALUE_WIDTH = 200.0
VALUE_HEIGHT = 90.0

#: Space between neighbouring cards in a row: a gap that links run up and down in.
H_GAP = 40.0
#: Space between rows (layers): the channel that links run along to their targets.
V_GAP = 64.0
#: Space between the sub-rows of a row that wraps: a narrower channel.
SUBROW_GAP = 40.0
#: Space between the column bands of two teams.
BAND_GAP = 64.0
#: Space between the main map and anything set beside it.
SIDE_GAP = 96.0

_SIZES = {
    NodeKind.VISION: (VISION_WIDTH, VISION_HEIGHT),
    NodeKind.VALUE: (VALUE_WIDTH, VALUE_HEIGHT),
    NodeKind.OBJECTIVE: (CARD_WIDTH, CARD_HEIGHT),
    NodeKind.GOAL: (CARD_WIDTH, CARD_HEIGHT),
    NodeKind.KEY_RESULT: (CHIP_WIDTH, CHIP_HEIGHT),
}

#: Distance between the centres of two neighbouring rows of ordinary cards.
ROW_PITCH = CARD_HEIGHT + V_GAP
#: Distance between the centres of two neighbouring ordinary cards in a row.
COLUMN_PITCH = CARD_WIDTH + H_GAP


def card_size(kind: NodeKind) -> tuple[float, float]:
    """The (width, height) of a card of `kind` (an ordinary card for a kind not listed)."""
    return _SIZES.get(kind, (CARD_WIDTH, CARD_HEIGHT))


@dataclass(frozen=True, slots=True)
class Rect:
    """An axis-aligned rectangle: left, top, width, height."""

    left: float
    top: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def bottom(self) -> float:
        return self.top + self.height

    def intersects(self, other: Rect) -> bool:
        """True when the two rectangles share more than an edge."""
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )

    def united(self, other: Rect) -> Rect:
        """The smallest rectangle holding both."""
        left, top = min(self.left, other.left), min(self.top, other.top)
        right, bottom = max(self.right, other.right), max(self.bottom, other.bottom)
        return Rect(left, top, right - left, bottom - top)


def card_rect(kind: NodeKind, pos: tuple[float, float]) -> Rect:
    """The rectangle of a card of `kind` centred on `pos`."""
    width, height = card_size(kind)
    return Rect(pos[0] - width / 2, pos[1] - height / 2, width, height)


def chip_center(
    parent_kind: NodeKind, parent_pos: tuple[float, float], index: int
) -> tuple[float, float]:
    """The centre of the `index`-th chip (0 first) stacked under a card of `parent_kind`."""
    top = parent_pos[1] + card_size(parent_kind)[1] / 2 + CHIP_GAP
    return (parent_pos[0], top + index * CHIP_PITCH + CHIP_HEIGHT / 2)
