"""Automatic placement of the cards of a workshop, layered from the vision down, and the
routes of its links around them.

`auto_layout(workshop)` gives every node a card centre; `auto_layout(workshop,
only=ids)` places just those nodes in open space, `free_spot` finds room for one card
added by hand, and `chip_spot` finds the slot for a new key result under the card it
measures. `routing.route_workshop` (or a `routing.Router` kept in step with the cards)
gives every link a path of straight runs that keeps clear of every card it does not
join; the editor, presentation, the PNG/SVG exports and the PDF map all draw it. The
card sizes in `geometry` are shared with the canvas and the PDF. No Qt here: the layout
imports only the model.

The layout (Sugiyama's scheme, kept to the shape of a workshop): the vision with the
values beside it on top, the objectives below by depth, then the team goals, a column
band per team; barycentre sweeps order each row (`ordering`); wrapped rows fill column
by column on one lattice, so the gaps between columns line up and links climb them
(`placement`); the upper rows stand over the cards they link to (pool adjacent
violators on the lattice).

How it compares (measured by `quality` on the generated benchmark workshops, seed 7,
and the bundled example; crossings are points where two links cross, card hits are link
segments through a card they do not join, zoom is the scale at which the whole map fits
a 1920×1080 screen; the references' links are drawn straight through their bend points):

    cards        ours              igraph Sugiyama      grandalf             Graphviz dot
                 cross  hits zoom  cross  hits   zoom   cross  hits   zoom   cross  hits zoom
    example 36       90    0 0.79     210    111 0.29       33     28 0.36        4    1 0.67
    60              481    0 0.57     411    202 0.13      253    231 0.15      244   32 0.23
    100           1,407    0 0.57   1,940    686 0.063   1,211    542 0.082     890   38 0.14
    200           7,427    0 0.41   8,937  2,986 0.029   6,504  2,020 0.040   3,762  244 0.076
    500          60,852    0 0.26  63,082 15,071 0.010  40,825 11,104 0.016  33,842  564 0.034
    1,000       245,165    0 0.20 279,244 59,419 0.005 163,235 41,655 0.008 147,260 1,452 0.018

The table predates key results. The generated workshops now have them (a few per
objective, and goals that support them), and ours loses its lead at 500 cards: 58,456
crossings against igraph's 57,471 (100 cards: 1,518 against 1,765; 200: 6,906 against
7,716). A transposition step on the row lattice was tried and made routed crossings
worse, so it is not used.

At 2,000 cards ours has 1,009,902 crossings and no card hit, fitting the screen at 0.13;
igraph's layout is 853,524 units wide and 1,740 tall (fitted: 0.002). Time for 2,000
cards: ours under 0.5 s (layout and routing), igraph 0.3 s, grandalf 17 s, dot 51 s.

The decision: no library is adopted. igraph's Sugiyama layout has more crossings than
ours on every workshop measured but the smallest (60 cards: one objective, one value);
it is the reference `tests/unit/test_layout_quality.py` holds us to. grandalf and dot
cross less, by laying the goals out in one row hundreds of screens wide: their maps
cannot be read fitted to a screen, they cannot keep team bands (dot only through
clusters, which cost it its crossings), their links run through cards, and they take
17 s and 51 s for 2,000 cards; dot is also a program, not a Python package, so it could
not ship in the wheel. Random links (the generated workshops uphold and depend at
random) make most of everyone's crossings.
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
