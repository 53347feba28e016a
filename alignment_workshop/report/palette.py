"""The colours of the alignment map, shared by the PDF and the editor.

Plain "#RRGGBB" strings and no reportlab or Qt types, so that the GUI can import this
module (gui may import report) and draw cards in exactly the colours the plan prints.
Team colours are not here: each team's colour is data in the workshop.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, NodeKind


@dataclass(frozen=True, slots=True)
class CardColors:
    """How a card of one kind is painted: fill, border and text."""

    fill: str
    border: str
    text: str


#: Card colours by node kind, the editor's own (gui/style.py `CARDS`). A goal card is
#: light; its team colour is a stripe on its left.
KIND_COLORS: Final[dict[NodeKind, CardColors]] = {
    NodeKind.VISION: CardColors(fill="#1F3A5F", border="#10223A", text="#FFFFFF"),
    NodeKind.VALUE: CardColors(fill="#2E7D6B", border="#1C5346", text="#FFFFFF"),
    NodeKind.OBJECTIVE: CardColors(fill="#C77700", border="#8A5200", text="#1A1200"),
    NodeKind.GOAL: CardColors(fill="#F4F1EA", border="#A39E93", text="#1F2933"),
    NodeKind.KEY_RESULT: CardColors(fill="#EDE7F6", border="#6A4FB0", text="#1F2933"),
}

#: The stripe of a team goal that has no team.
NO_TEAM: Final = "#B0B0B0"

#: How far a dropped card's fill fades towards white (0 = not at all, 1 = white).
DROPPED_FADE: Final = 0.55


def faded(color: str, amount: float = DROPPED_FADE) -> str:
    """`color` ("#RRGGBB") mixed with white by `amount`."""
    channels = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{round(c + (255 - c) * amount):02X}" for c in channels)


@dataclass(frozen=True, slots=True)
class LinkStyle:
    """How a link of one kind is stroked: colour, width (points), dash, arrow, zigzag."""

    color: str
    width: float
    dash: tuple[float, ...]
    arrow: bool
    jagged: bool = False


#: Link styles by kind, in the editor's colours (gui/style.py `LINKS`): supports solid
#: with an arrow, upholds dotted with an arrow, conflicts a red zigzag, depends dashed
#: with an arrow, measures a thin violet line with an arrow.
LINK_STYLES: Final[dict[LinkKind, LinkStyle]] = {
    LinkKind.SUPPORTS: LinkStyle(color="#37474F", width=1.2, dash=(), arrow=True),
    LinkKind.UPHOLDS: LinkStyle(color="#2E7D6B", width=1.1, dash=(1, 2), arrow=True),
    LinkKind.CONFLICTS: LinkStyle(color="#D32F2F", width=1.2, dash=(), arrow=False, jagged=True),
    LinkKind.DEPENDS: LinkStyle(color="#808890", width=1.0, dash=(4, 3), arrow=True),
    LinkKind.MEASURES: LinkStyle(color="#6A4FB0", width=1.0, dash=(), arrow=True),
}

#: A resolved conflict is drawn in grey: it no longer pulls the map apart.
RESOLVED_CONFLICT: Final = "#A0A4A8"

#: The outline of a node with an error finding (the editor's error badge colour).
ERROR_OUTLINE: Final = "#D32F2F"

#: Colour of each severity in lists and counts.
SEVERITY_COLORS: Final[dict[Severity, str]] = {
    Severity.ERROR: "#C0392B",
    Severity.WARNING: "#B9770E",
    Severity.INFO: "#5D6D7E",
}

#: Ink for body text, muted text, rules and the page furniture.
INK: Final = "#1B2631"
MUTED: Final = "#5D6D7E"
RULE: Final = "#D5D8DC"
ACCENT: Final = "#1F3A93"
