"""The pieces of the presentation's step plan: page sizes and type, cards, labels, steps,
and `wrap`, which breaks a title into lines without ever cutting it.

Units are pixels of a page `PAGE_HEIGHT` (1080) high. `steps.py` composes the plan from
these; presentation mode and the slides draw it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import NodeKind

#: `measure(text, pixels, bold)`: the width of `text` set in `pixels`-tall type.
Measure = Callable[[str, float, bool], float]

PAGE_WIDTH, PAGE_HEIGHT = 1920.0, 1080.0
#: The size of every title and label, in page pixels (2.8 % of the page height).
TITLE_PX = 30.0
#: A step's heading on a slide, and the step counter on screen.
HEADING_PX = 40.0
LINE = 1.22
#: Space kept free of cards at the top and bottom of every page, and at its sides.
TOP_BAND, BOTTOM_BAND, SIDE = 96.0, 132.0, 40.0
PAD, GAP, SECTION_GAP = 14.0, 24.0, 20.0
#: How far a card's votes pill hangs below it, and its error and warning marks above it.
PILL_BELOW, MARKS_ABOVE = TITLE_PX * 1.35 / 2, 15.0
#: Between a card and the one under it: room for the upper one's votes pill and the lower
#: one's marks, which share that gap and must not cover each other.
ROW_GAP = PILL_BELOW + MARKS_ABOVE + 4
#: A goal's team is named on a band along the top of its card, under a colour strip.
TEAM_STRIP = 10.0


def team_band(lines: int) -> float:
    """The height of a team band of `lines` lines of the team's name."""
    return TEAM_STRIP + max(1, lines) * TITLE_PX * LINE + 4


#: Card widths: the vision and a step's objective, the cards of a grid, the narrowest
#: column the whole-map step accepts.
WIDE, GRID, NARROWEST = 1200.0, 600.0, 300.0


@dataclass(frozen=True, slots=True)
class Box:
    """One card of a step: where it is and its title's lines, whole."""

    node_id: str
    kind: NodeKind
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...]
    team: str = ""
    team_color: str = ""
    #: The team's name wrapped to the card (a goal's only; it is never cut either).
    team_lines: tuple[str, ...] = ()

    @property
    def band(self) -> float:
        """The height of the team band along the top of a goal's card."""
        return team_band(len(self.team_lines)) if self.kind is NodeKind.GOAL else 0.0


@dataclass(frozen=True, slots=True)
class Label:
    """Text that is no card: a section heading or a finding, in wrapped lines."""

    x: float
    y: float
    width: float
    lines: tuple[str, ...]
    bold: bool = False
    severity: Severity | None = None

    @property
    def height(self) -> float:
        return len(self.lines) * TITLE_PX * LINE


@dataclass(frozen=True, slots=True)
class Step:
    """One page the room sees."""

    key: str
    title: str
    boxes: tuple[Box, ...] = ()
    labels: tuple[Label, ...] = ()

    def box(self, node_id: str) -> Box | None:
        return next((box for box in self.boxes if box.node_id == node_id), None)


@dataclass(frozen=True, slots=True)
class StepPlan:
    """Every step, in order, for a page of `width` × `height`."""

    steps: tuple[Step, ...]
    width: float = PAGE_WIDTH
    height: float = PAGE_HEIGHT

    def index_of(self, key: str) -> int | None:
        return next((i for i, step in enumerate(self.steps) if step.key == key), None)

    def step_showing(self, node_id: str) -> int | None:
        return next((i for i, s in enumerate(self.steps) if s.box(node_id) is not None), None)


# ---------------------------------------------------------------------- text


def wrap(text: str, measure: Measure, pixels: float, width: float, bold: bool = False) -> list[str]:
    """`text` broken at spaces into lines no wider than `width`; nothing is ever cut.

    A word wider than a line is split after a hyphen, or else between characters.
    """
    lines: list[str] = []
    line = ""
    for whole in text.split():
        word = whole
        trial = f"{line} {word}" if line else word
        if measure(trial, pixels, bold) <= width:
            line = trial
            continue
        if line:
            lines.append(line)
        line = ""
        while measure(word, pixels, bold) > width and len(word) > 1:
            cut = _longest_prefix(word, measure, pixels, width, bold)
            hyphen = word.rfind("-", 0, cut)
            cut = hyphen + 1 if hyphen > 0 else cut
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line or not lines:
        lines.append(line)
    return lines


def _longest_prefix(word: str, measure: Measure, pixels: float, width: float, bold: bool) -> int:
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle], pixels, bold) <= width:
            low = middle
        else:
            high = middle - 1
    return low
