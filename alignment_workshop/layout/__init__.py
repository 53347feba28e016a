"""Automatic placement of the nodes of a workshop, layered from the vision down.

`auto_layout(workshop)` gives every node a card centre; `auto_layout(workshop, only=ids)`
places just those nodes in open space, `free_spot` finds room for one card added by
hand, and `chip_spot` finds the slot for a new key result under the card it measures.
The card sizes in `geometry` are shared with the canvas and the PDF. No Qt here: the
layout imports only the model.
"""

from .auto import auto_layout
from .chips import chip_spot
from .geometry import (
    BAND_GAP,
    CARD_HEIGHT,
    CARD_WIDTH,
    CHIP_GAP,
    CHIP_HEIGHT,
    CHIP_PITCH,
    CHIP_WIDTH,
    COLUMN_PITCH,
    H_GAP,
    ROW_PITCH,
    SIDE_GAP,
    V_GAP,
    VALUE_HEIGHT,
    VALUE_WIDTH,
    VISION_HEIGHT,
    VISION_WIDTH,
    Rect,
    card_rect,
    card_size,
    chip_center,
)
from .tidy import free_spot

__all__ = [
    "BAND_GAP",
    "CARD_HEIGHT",
    "CARD_WIDTH",
    "CHIP_GAP",
    "CHIP_HEIGHT",
    "CHIP_PITCH",
    "CHIP_WIDTH",
    "COLUMN_PITCH",
    "H_GAP",
    "ROW_PITCH",
    "SIDE_GAP",
    "VALUE_HEIGHT",
    "VALUE_WIDTH",
    "VISION_HEIGHT",
    "VISION_WIDTH",
    "V_GAP",
    "Rect",
    "auto_layout",
    "card_rect",
    "card_size",
    "chip_center",
    "chip_spot",
    "free_spot",
]
