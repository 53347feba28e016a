"""The high-contrast look of presentation mode: colours for cards, marks and overlays.

Every piece of text in presentation mode is drawn in one of the (text, background) pairs
that `PresentationTheme.text_pairs` lists, and each pair has a WCAG contrast of at least
7:1 (tested). The map's background is white so that the links, drawn dark by the
canvas, stay sharp on a projector; cards get a heavy black border.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from alignment_workshop.model import NodeKind


@dataclass(frozen=True, slots=True)
class CardColors:
    """The fill, text and border colour of one kind of card."""

    fill: str
    text: str
    border: str = "#000000"


def _cards() -> dict[NodeKind, CardColors]:
    return {
        NodeKind.VISION: CardColors("#0D1B2A", "#FFFFFF"),
        NodeKind.OBJECTIVE: CardColors("#FFE082", "#000000"),
        NodeKind.GOAL: CardColors("#FFFFFF", "#000000"),
        NodeKind.VALUE: CardColors("#BDE8DE", "#000000"),
        NodeKind.KEY_RESULT: CardColors("#E1D5F5", "#000000"),
    }


@dataclass(frozen=True, slots=True)
class PresentationTheme:
    """Colours of presentation mode, as "#RRGGBB"."""

    background: str = "#FFFFFF"
    cards: dict[NodeKind, CardColors] = field(default_factory=_cards)
    #: The part of a key result's face its progress covers, under its title.
    progress_fill: str = "#C5B3EC"
    #: The strip along a key result's bottom edge: the way covered, and a target reached.
    progress_strip: str = "#311B92"
    progress_done: str = "#1B5E20"
    #: The outline of a selected card (what + and - vote on).
    selection: str = "#0047AB"
    #: The votes pill on a card.
    votes_fill: str = "#000000"
    votes_text: str = "#FFFFFF"
    #: Finding badges on cards.
    error_fill: str = "#8E0000"
    error_text: str = "#FFFFFF"
    warning_fill: str = "#FFD54F"
    warning_text: str = "#000000"
    #: The floating panels: score, findings, timer and the Why sentence.
    panel_fill: str = "#000000"
    panel_text: str = "#FFFFFF"
    #: Highlighted panel text: the timer's last minute, error counts.
    panel_accent: str = "#FFD54F"
    #: Text on the page itself: section headings and warnings, and errors on the
    #: findings step.
    page_text: str = "#000000"
    page_error: str = "#8E0000"

    def text_pairs(self) -> list[tuple[str, str, str]]:
        """Every (what, text colour, background colour) pair presentation mode draws."""
        pairs = [
            (f"{kind.value} card title", colors.text, colors.fill)
            for kind, colors in self.cards.items()
        ]
        pairs += [
            ("key result progress", self.cards[NodeKind.KEY_RESULT].text, self.progress_fill),
            ("votes pill", self.votes_text, self.votes_fill),
            ("error badge", self.error_text, self.error_fill),
            ("warning badge", self.warning_text, self.warning_fill),
            ("panel text", self.panel_text, self.panel_fill),
            ("panel accent", self.panel_accent, self.panel_fill),
            ("headings and findings", self.page_text, self.background),
            ("error findings", self.page_error, self.background),
        ]
        return pairs


#: The theme presentation mode uses.
THEME = PresentationTheme()
