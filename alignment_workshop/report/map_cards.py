"""The cards of a map page: cards in their kind and team colours, key-result chips, stubs.

A card shows its kind (a goal: its team) and its title. A key result is a chip: its
title, its numbers (baseline → current → target) and a progress bar. A stub stands for a
card on another page: dotted, pale, naming that card and its page. On the overview, an
objective names the page of the goals that serve it. Nodes with an error finding are
outlined in red. Card text is `CARD_FONT` scene units high, never under `MIN_TEXT` points.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import Group, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from alignment_workshop.analysis.progress import progress
from alignment_workshop.i18n import _
from alignment_workshop.model import Node, NodeKind

from . import palette
from .fonts import BOLD, REGULAR
from .key_results import BAR, TRACK, compact_measure, measure_text
from .map_part import CARD_FONT, Box, MapPart, Point
from .map_text import wrap_lines
from .scripts import placed, starts_rtl
from .scripts import width as line_width
from .shapes import filled_rect

_PAD = 8.0
_CHIP_PAD = 5.0
_BAR = 5.0


@dataclass(frozen=True, slots=True)
class PageRef:
    """A page number to draw at (x, y) in drawing points, and the area that links to it."""

    key: str
    x: float
    y: float
    size: float
    font: str
    color: str
    area: tuple[float, float, float, float]


class Mapper:
    """Scene coordinates to drawing coordinates (y flipped)."""

    def __init__(self, box: Box, scale: float, origin: Point) -> None:
        self.left, self.top = box[0], box[1]
        self.scale = scale
        self.x0, self.y0 = origin

    def point(self, x: float, y: float) -> Point:
        return (self.x0 + (x - self.left) * self.scale, self.y0 - (y - self.top) * self.scale)


@dataclass(slots=True)
class _Card:
    """A card's box in drawing points, and the size of its text."""

    x: float
    y: float
    w: float
    h: float
    size: float

    @property
    def leading(self) -> float:
        return self.size * 1.22


def draw_card(group: Group, part: MapPart, node: Node, mapper: Mapper) -> list[PageRef]:
    """Draw `node`'s card, chip or stub; returns the page numbers it needs filled in."""
    rect = part.rect(node)
    x, y = mapper.point(rect.left, rect.bottom)
    big = node.kind is NodeKind.VISION and node.id not in part.stubs
    size = CARD_FONT * mapper.scale * (1.3 if big else 1.0)
    card = _Card(x, y, rect.width * mapper.scale, rect.height * mapper.scale, size)
    if node.id in part.stubs:
        return _stub(group, part, node, card, mapper.scale)
    _frame(group, part, node, card, mapper.scale)
    if node.kind is NodeKind.KEY_RESULT:
        _chip_text(group, node, card, mapper.scale)
        return []
    stripe = _stripe(group, part, node, card, mapper.scale)
    inner = _Card(card.x + stripe, card.y, card.w - stripe, card.h, card.size)
    detail = part.details.get(node.id)
    lines = [(BOLD, line) for line in _label_lines(part, node, inner, mapper.scale)]
    room = _room(inner, mapper.scale, _PAD) - len(lines) - (1 if detail else 0)
    width = inner.w - 2 * _PAD * mapper.scale
    lines += [(REGULAR, t) for t in wrap_lines(node.title, REGULAR, card.size, width, room)]
    ink = palette.KIND_COLORS[node.kind].text
    _write(group, lines, inner, mapper.scale, ink)
    if detail is None:
        return []
    return [_detail_line(group, inner, detail, mapper.scale, ink)]


def _frame(group: Group, part: MapPart, node: Node, card: _Card, scale: float) -> None:
    style = palette.KIND_COLORS[node.kind]
    fill = style.fill if node.is_active else palette.faded(style.fill)
    error = node.id in part.errors
    group.add(
        filled_rect(
            (card.x, card.y, card.w, card.h),
            colors.HexColor(fill),
            colors.HexColor(palette.ERROR_OUTLINE if error else style.border),
            width=2.4 if error else 0.7,
            dash=() if node.is_active else (3, 2),
            radius=4 * scale,
        )
    )


def _stripe(group: Group, part: MapPart, node: Node, card: _Card, scale: float) -> float:
    """A goal's team stripe on its left; returns its width (0 for other kinds)."""
    if node.kind is not NodeKind.GOAL:
        return 0.0
    width = 9 * scale
    color = part.team_colors.get(node.team or "", palette.NO_TEAM)
    if node.id in part.stubs:
        color = palette.faded(color, 0.5)
    group.add(filled_rect((card.x, card.y, width, card.h), colors.HexColor(color), None))
    return width


def _kind(part: MapPart, node: Node) -> str:
    if node.kind is NodeKind.GOAL:
        return part.team_names.get(node.team or "", _("No team"))
    return node.kind.label.upper()


def _label_lines(part: MapPart, node: Node, card: _Card, scale: float) -> list[str]:
    kind = _kind(part, node)
    if not node.is_active:
        kind = _("DROPPED · {kind}").format(kind=kind)
    width = card.w - 2 * _PAD * scale
    return wrap_lines(kind, BOLD, card.size, width, 1 if node.is_active else 2)


def _room(card: _Card, scale: float, pad: float) -> int:
    """How many lines of text the card holds."""
    return max(1, int((card.h - 2 * pad * scale) / card.leading))


def _write(
    group: Group,
    lines: list[tuple[str, str]],
    card: _Card,
    scale: float,
    ink: str,
    pad: float = _PAD,
) -> None:
    baseline = card.y + card.h - pad * scale - card.size
    for font, line in lines:
        # Each run in the face that draws it; a right-to-left line from the right edge.
        left = card.x + pad * scale
        if starts_rtl(line):
            left = card.x + card.w - pad * scale - line_width(line, font, card.size)
        for offset, face, piece in placed(line, font, card.size):
            group.add(
                String(
                    left + offset,
                    baseline,
                    piece,
                    fontName=face,
                    fontSize=card.size,
                    fillColor=colors.HexColor(ink),
                )
            )
        baseline -= card.leading


def _detail_line(
    group: Group, card: _Card, detail: tuple[str, str], scale: float, ink: str
) -> PageRef:
    """ "Goals on page 9" at the foot of a card: where more of the map about it is."""
    text, key = detail
    x = card.x + _PAD * scale
    y = card.y + _PAD * scale
    group.add(String(x, y, text, fontName=BOLD, fontSize=card.size, fillColor=colors.HexColor(ink)))
    number_x = x + stringWidth(text, BOLD, card.size)
    return PageRef(
        key, number_x, y, card.size, BOLD, ink, (card.x, card.y, card.x + card.w, card.y + card.h)
    )


def _chip_text(group: Group, node: Node, chip: _Card, scale: float) -> None:
    """A key result's title, its numbers and a bar from baseline to target."""
    pad = _CHIP_PAD * scale
    width = chip.w - 2 * pad
    room = max(2, int((chip.h - 2 * pad - (_BAR + 2) * scale) / chip.leading))
    text = measure_text(node)
    if line_width(text, REGULAR, chip.size) > width:
        text = compact_measure(node)
    numbers = wrap_lines(text, REGULAR, chip.size, width, 1)
    title = wrap_lines(node.title, BOLD, chip.size, width, room - len(numbers))
    ink = palette.KIND_COLORS[NodeKind.KEY_RESULT].text
    lines = [(BOLD, t) for t in title] + [(REGULAR, t) for t in numbers]
    _write(group, lines, chip, scale, ink, _CHIP_PAD)
    share = progress(node).fraction
    bar = (chip.x + pad, chip.y + pad, width, _BAR * scale)
    group.add(filled_rect(bar, colors.HexColor(TRACK), None, radius=_BAR * scale / 2))
    if share is not None and share > 0:
        done = (bar[0], bar[1], width * min(share, 1.0), bar[3])
        group.add(filled_rect(done, colors.HexColor(BAR), None, radius=_BAR * scale / 2))


def _stub(group: Group, part: MapPart, node: Node, card: _Card, scale: float) -> list[PageRef]:
    """A dotted, pale stand-in for a card on another page, naming it and its page."""
    style = palette.KIND_COLORS[node.kind]
    group.add(
        filled_rect(
            (card.x, card.y, card.w, card.h),
            colors.HexColor(palette.faded(style.fill, 0.82)),
            colors.HexColor(style.border),
            width=0.8,
            dash=(1, 2),
            radius=4 * scale,
        )
    )
    stripe = _stripe(group, part, node, card, scale)
    inner = _Card(card.x + stripe, card.y, card.w - stripe, card.h, card.size)
    pad = _CHIP_PAD
    width = inner.w - 2 * pad * scale
    tail = _(" · page ")
    room_for_kind = width - stringWidth(tail + "000", BOLD, card.size)
    kind = wrap_lines(_kind(part, node), BOLD, card.size, room_for_kind, 1)
    lead = (kind[0] if kind else "") + tail
    title = wrap_lines(node.title, REGULAR, card.size, width, _room(inner, scale, pad) - 1)
    _write(group, [(BOLD, lead)] + [(REGULAR, t) for t in title], inner, scale, palette.INK, pad)
    x = inner.x + pad * scale + line_width(lead, BOLD, card.size)
    y = inner.y + inner.h - pad * scale - card.size
    area = (card.x, card.y, card.x + card.w, card.y + card.h)
    return [PageRef(part.stubs[node.id], x, y, card.size, BOLD, palette.INK, area)]
