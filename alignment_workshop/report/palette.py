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


#: Card colours by node kind. A goal card is light; its team colour is a stripe on its left.
KIND_COLORS: Final[dict[NodeKind, CardColors]] = {
    NodeKind.VISION: CardColors(fill="#1F3A93", border="#142766", text="#FFFFFF"),
    NodeKind.VALUE: CardColors(fill="#16A085", border="#0E6655", text="#FFFFFF"),
    NodeKind.OBJECTIVE: CardColors(fill="#F39C12", border="#B9770E", text="#2B1B00"),
    NodeKind.GOAL: CardColors(fill="#F7F9FC", border="#9AA5B1", text="#1B2631"),
}

#: Fill of a dropped objective or goal, drawn faded whatever its kind.
DROPPED_FILL: Final = "#E5E7E9"
DROPPED_TEXT: Final = "#7B7D7D"


@dataclass(frozen=True, slots=True)
class LinkStyle:
    """How a link of one kind is stroked: colour, width, dash pattern, arrow head."""

    color: str
    width: float
    dash: tuple[float, ...]
    arrow: bool


#: Link styles by kind: supports solid with an arrow, upholds dashed, conflicts red,
#: depends dotted with an arrow.
LINK_STYLES: Final[dict[LinkKind, LinkStyle]] = {
    LinkKind.SUPPORTS: LinkStyle(color="#4D5656", width=1.2, dash=(), arrow=True),
    LinkKind.UPHOLDS: LinkStyle(color="#16A085", width=1.0, dash=(5, 3), arrow=False),
    LinkKind.CONFLICTS: LinkStyle(color="#C0392B", width=1.6, dash=(2, 2), arrow=False),
    LinkKind.DEPENDS: LinkStyle(color="#7D3C98", width=1.0, dash=(1, 2), arrow=True),
}

#: A resolved conflict is drawn in grey: it no longer pulls the map apart.
RESOLVED_CONFLICT: Final = "#A6ACAF"

#: The outline of a node with an error finding.
ERROR_OUTLINE: Final = "#D62828"

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
