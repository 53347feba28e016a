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
band per team; median sweeps order each row (`ordering`); wrapped rows fill column
by column on one lattice, so the gaps between columns line up and links climb them
(`placement`); the upper rows stand over the cards they link to (pool adjacent
violators on the lattice).

How it compares (measured by `quality` on the generated benchmark workshops, seed 7,
and the bundled example; crossings are points where two links cross, card hits are link
segments through a card they do not join, zoom is the scale at which the whole map fits
a 1920×1080 screen; the reference's links are drawn straight through their bend points).
The generated workshops have key results (two per objective, and goals that support
them). "Before" is ours with barycentre sweeps, and with the channel under a card lower
when no card stood below it than under its neighbours; now the channels under the cards
of a row lie on one line, below the row's deepest stack of key results (see `routing`):

    cards          ours                         igraph Sugiyama
                   cross    before  hits zoom   cross    hits    zoom
    example 43         82        80    0 0.79       287     105 0.26
    60                442       473    0 0.63       389     157 0.11
    100             1,579     1,518    0 0.58     1,765     478 0.062
    200             6,620     6,906    0 0.44     7,716   2,100 0.026
    500            44,594    58,456    0 0.25    57,471  12,031 0.012
    1,000         171,782   237,693    0 0.19   253,813  58,424 0.0044
    2,000         819,685   950,940    0 0.13   984,209 195,056 0.002

Ours crosses less than igraph's layout at every size but the smallest (60 cards: one
objective, one value): 22 % less at 500 cards, 32 % less at 1,000. Seeds 1 to 3 agree
(at 100, 200 and 500 cards ours has 0.63 to 0.87 of igraph's crossings). With stacks of
unequal height (a third of the objectives without key results, a third with one, and the
links to the removed ones dropped), ours has 1,312, 6,473 and 42,775 crossings at 100,
200 and 500 cards (before: 1,188, 7,041 and 43,440; igraph: 2,462, 21,415 and 123,259).
Tried and not kept: weighting the values half in the barycentres, and settling the upper
rows on medians (each under 1 % either way, summed over seeds 1 to 8); more sweeps
change nothing (they settle after two to four); a transposition step on the row lattice
made routed crossings worse.

Before key results, grandalf and Graphviz dot were measured too (the example then had
36 cards):

    cards        ours              igraph Sugiyama      grandalf             Graphviz dot
                 cross  hits zoom  cross  hits   zoom   cross  hits   zoom   cross  hits zoom
    example 36       90    0 0.79     210    111 0.29       33     28 0.36        4    1 0.67
    60              481    0 0.57     411    202 0.13      253    231 0.15      244   32 0.23
    100           1,407    0 0.57   1,940    686 0.063   1,211    542 0.082     890   38 0.14
    200           7,427    0 0.41   8,937  2,986 0.029   6,504  2,020 0.040   3,762  244 0.076
    500          60,852    0 0.26  63,082 15,071 0.010  40,825 11,104 0.016  33,842  564 0.034
    1,000       245,165    0 0.20 279,244 59,419 0.005 163,235 41,655 0.008 147,260 1,452 0.018

At 2,000 cards igraph's layout is 901,246 units wide and 2,213 tall. Time for 2,000
cards: ours under 0.5 s (layout and routing), igraph 0.3 s, grandalf
17 s, dot 51 s.

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
