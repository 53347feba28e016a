"""The legend under each map drawing: card kinds, link styles, the error outline, teams."""

from __future__ import annotations

from reportlab.graphics.shapes import Group, String
from reportlab.lib import colors

from alignment_workshop.i18n import N_, _
from alignment_workshop.model import LinkKind, NodeKind

from . import palette
from .fonts import REGULAR
from .map_drawing import arrow_head, flat_zigzag
from .map_part import MapPart
from .scripts import placed, width
from .shapes import filled_rect, link_line
from .text import drawable

#: Height of the legend, in points: two rows of 7-point text.
LEGEND_HEIGHT = 30.0
_SIZE = 7.0
_ROW = 14.0
_LINK_NAMES = {
    LinkKind.SUPPORTS: N_("supports"),
    LinkKind.UPHOLDS: N_("upholds"),
    LinkKind.CONFLICTS: N_("conflicts"),
    LinkKind.DEPENDS: N_("depends on"),
    LinkKind.MEASURES: N_("measures"),
}


class _Row:
    """Places legend entries left to right, on the next row when one is full."""

    def __init__(self, group: Group, ys: tuple[float, ...], width: float) -> None:
        self.group, self.ys, self.x, self.width = group, list(ys), 0.0, width
        self.y = self.ys.pop(0)

    def room(self, text: str, mark: float) -> bool:
        return self.x + mark + 4 + width(text, REGULAR, _SIZE) <= self.width

    def newline(self) -> bool:
        """Move to the start of the next row, if there is one."""
        if not self.ys:
            return False
        self.y, self.x = self.ys.pop(0), 0.0
        return True

    def entry(self, text: str, mark: float) -> float:
        """Reserve `mark` points for a symbol, write `text` after it; returns the symbol x."""
        if self.x and not self.room(text, mark):
            self.newline()
        x = self.x
        for offset, face, piece in placed(text, REGULAR, _SIZE):
            self.group.add(
                String(x + mark + 3 + offset, self.y, piece, fontName=face, fontSize=_SIZE)
            )
        self.x += mark + 3 + width(text, REGULAR, _SIZE) + 12
        return x


def _swatch(
    row: _Row, text: str, fill: str, stroke: str, width: float = 0.7, dashed: bool = False
) -> None:
    """A small card-like square in `fill`, then `text`."""
    x = row.entry(text, 14)
    row.group.add(
        filled_rect(
            (x, row.y - 1.5, 14, 8),
            colors.HexColor(fill),
            colors.HexColor(stroke),
            width=width,
            dash=[2, 1] if dashed else (),
        )
    )


def _link_sample(row: _Row, text: str, style: palette.LinkStyle, color: str) -> None:
    """A short stroke in a link's style, arrow or zigzag included, then its name."""
    x = row.entry(text, 22)
    start, end = (x, row.y + 2.5), (x + 22, row.y + 2.5)
    stroke = colors.HexColor(color)
    points = flat_zigzag(start, end, 3.0, 1.5) if style.jagged else [*start, *end]
    row.group.add(link_line(points, stroke, style))
    if style.arrow:
        row.group.add(arrow_head(start, end, stroke, 4.0))


def legend(part: MapPart, width: float) -> Group:
    """The legend, `width` points wide and `LEGEND_HEIGHT` high, for the nodes of `part`."""
    group = Group()
    row = _Row(group, (_ROW + 3, 3), width)
    # Key results and their links are named only on pages that show some.
    measured = any(n.kind is NodeKind.KEY_RESULT for n in part.nodes)
    for kind in NodeKind:
        if kind is not NodeKind.KEY_RESULT or measured:
            style = palette.KIND_COLORS[kind]
            _swatch(row, kind.label, style.fill, style.border)
    _swatch(row, _("has an error"), "#FFFFFF", palette.ERROR_OUTLINE, 2)
    objective = palette.KIND_COLORS[NodeKind.OBJECTIVE]
    _swatch(row, "dropped", palette.faded(objective.fill), objective.border, dashed=True)
    for link_kind, name in _LINK_NAMES.items():
        if link_kind is not LinkKind.MEASURES or measured:
            link_style = palette.LINK_STYLES[link_kind]
            _link_sample(row, name, link_style, link_style.color)
    conflict = palette.LINK_STYLES[LinkKind.CONFLICTS]
    _link_sample(row, _("resolved conflict"), conflict, palette.RESOLVED_CONFLICT)
    if row.x and row.y == _ROW + 3:
        row.newline()
    _teams(row, part)
    return group


def _teams(row: _Row, part: MapPart) -> None:
    """A swatch per team with goals on this page; "+ n more" when they do not fit."""
    shown = dict.fromkeys(n.team for n in part.nodes if n.kind is NodeKind.GOAL and n.team)
    teams = [t for t in shown if t in part.team_names]
    if not teams:
        return
    row.entry(_("Teams (stripe on each goal):"), 0)
    for index, team in enumerate(teams):
        name = drawable(part.team_names[team])[:40]
        rest = len(teams) - index
        if not row.room(name + _("  + {rest} more").format(rest=rest), 14):
            row.entry(_("+ {rest} more").format(rest=rest), 0)
            return
        _swatch(row, name, part.team_colors.get(team, "#888888"), "#FFFFFF", 0)
