"""The label of a shared goal: its lead team's name, small chips for the teams it asks for
help, then its status ("PRODUCT + ■ ■ · AGREED").

Each chip is a small square in a contributing team's colour, so the room sees at a glance
which teams a goal pulls in; the card's tooltip names them. When the chips do not all fit,
the last place says how many more there are ("+3").
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from alignment_workshop.i18n import _
from alignment_workshop.model import Team

#: The side of a chip and the space after it.
CHIP = 10.0
GAP = 3.0
#: The lead team's name takes at most this share of the label row.
LEAD_SHARE = 0.55
_OUTLINE = QColor(0, 0, 0, 90)


def helpers_text(teams: Sequence[Team]) -> str:
    """ "With Sales and Customer Success": the contributing teams, for a tooltip."""
    names = [" ".join(team.name.split()) for team in teams]
    if not names:
        return ""
    if len(names) == 1:
        return _("With {team}").format(team=names[0])
    return _("With {teams} and {last}").format(teams=", ".join(names[:-1]), last=names[-1])


def chips_that_fit(count: int, room: float) -> tuple[int, int]:
    """(chips drawn, teams left over) when `count` chips share `room` with a "+N" mark."""
    fits = int((room + GAP) // (CHIP + GAP))
    if count <= fits:
        return count, 0
    shown = max(0, fits - 2)  # the "+N" mark takes about two chips' room
    return shown, count - shown


def paint_label(
    painter: QPainter,
    font: QFont,
    row: QRectF,
    lead: str,
    status: str,
    teams: Sequence[Team],
    color: QColor,
) -> None:
    """Write `lead`, then a chip per team of `teams`, then `status`, along `row`."""
    metrics = QFontMetricsF(font)
    painter.setFont(font)
    painter.setPen(color)
    left_middle = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    lead = metrics.elidedText(lead, Qt.TextElideMode.ElideRight, row.width() * LEAD_SHARE)
    painter.drawText(row, left_middle, lead)
    x = row.left() + metrics.horizontalAdvance(lead) + 2 * GAP
    if teams:
        painter.drawText(QRectF(x, row.top(), CHIP, row.height()), left_middle, "+")
        x += metrics.horizontalAdvance("+") + GAP
    status_width = metrics.horizontalAdvance(status) if status else 0.0
    shown, more = chips_that_fit(len(teams), row.right() - x - status_width - GAP)
    top = row.center().y() - CHIP / 2
    for team in teams[:shown]:
        painter.setPen(QPen(_OUTLINE, 1.0))
        painter.setBrush(QColor(team.color))
        painter.drawRoundedRect(QRectF(x, top, CHIP, CHIP), 2.5, 2.5)
        x += CHIP + GAP
    painter.setPen(color)
    if more:
        mark = f"+{more}"
        painter.drawText(QRectF(x, row.top(), row.right() - x, row.height()), left_middle, mark)
        x += metrics.horizontalAdvance(mark) + GAP
    if status:
        rest = QRectF(x, row.top(), max(0.0, row.right() - x), row.height())
        text = metrics.elidedText(status, Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, left_middle, text)
