"""A key result on the canvas: a compact chip under the card it measures.

The chip shows the key result's title; a bar of how far it has come from its baseline
towards its target, with the percentage and the owner beside it; and the numbers with
their unit ("9 % → 7.5 % → 5 %").
The words and the fraction come from `analysis.progress`, the same the Inspector and the
PDF show. A chip is a `NodeItem` in every other way: it moves, links, renames, carries
badges and a connection handle like any card, so the scene and the interaction treat it
as one; only its size (`layout.geometry`) and its face differ.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

from alignment_workshop import formats
from alignment_workshop.analysis.progress import Progress, measure_text, percent_text, progress
from alignment_workshop.i18n import _
from alignment_workshop.model import Node, Status, Team

from ...support.paint_guard import guarded
from .. import style
from .node_item import NodeItem, line_alignment

#: Inner padding of a chip, and the width of its team stripe.
PADDING = 8.0
STRIPE = 5.0
#: The chip's three rows: the title; the bar, its percentage and the owner; the numbers.
TITLE_ROW = 16.0
MIDDLE_ROW = 14.0
NUMBERS_ROW = 14.0
BAR_HEIGHT = 6.0
#: The bar takes this share of the middle row, and its percentage the room after it.
BAR_SHARE = 0.34
PERCENT_WIDTH = 38.0
#: Below this scale the chip is drawn plain, as the cards are (their text would be
#: under 8 px on screen).
_TEXT_DETAIL = 0.4

#: The bar's colours: the track, the way covered, and a target reached or passed.
TRACK = "#D7CCEE"
FILL = "#6A4FB0"
DONE = "#2E7D32"
BEHIND = "#C62828"


class KeyResultItem(NodeItem):
    """One key result: title and owner, a progress bar, and its numbers."""

    def set_node(self, node: Node, team: Team | None, contributors: tuple[Team, ...] = ()) -> None:
        """Show `node` (a fresh record from the model) and its `team`."""
        self._progress: Progress | None = None
        super().set_node(node, team, contributors)

    # ------------------------------------------------------------------ what it says

    @property
    def progress(self) -> Progress:
        """How far the key result has come (computed once per record)."""
        if self._progress is None:
            self._progress = progress(self.node)
        return self._progress

    def owner_text(self) -> str:
        return " ".join(self.node.owner.split())

    def measure_text(self) -> str:
        """ "9 % → 7.5 % → 5 %", or what of it there is."""
        return measure_text(self.node)

    def percent_text(self) -> str:
        """The bar's label: "38 %", "120 %", or "—" when there is no fraction."""
        fraction = self.progress.fraction
        return "—" if fraction is None else percent_text(fraction)

    def _tooltip(self) -> str:
        node = self.node
        parts = [
            _("Key result: {title}").format(title=node.title),
            f"{self.measure_text()} ({self.progress.note})",
        ]
        who = [w for w in (self.owner_text(), self.team.name if self.team else "") if w]
        if who:
            parts.append(_("Owner: {names}").format(names=", ".join(who)))
        if node.due is not None:
            parts.append(_("Due {date}").format(date=formats.date(node.due)))
        if node.description:
            parts.append(node.description[:300])
        parts.extend(f"{f.severity.label}: {f.message}" for f in self.findings)
        return "\n".join(parts)

    # ------------------------------------------------------------------ geometry

    def _content_left(self) -> float:
        return self._rect.left() + (STRIPE if self.team else 0.0) + PADDING

    def _text_width(self) -> float:
        return self._rect.right() - PADDING - self._content_left()

    def _max_lines(self) -> int:
        return 1

    def title_box(self) -> QRectF:
        """Where the title is written, in item coordinates (the rename editor goes there)."""
        top = self._rect.top() + PADDING - 3
        return QRectF(self._content_left(), top, self._text_width(), TITLE_ROW)

    def middle_row(self) -> QRectF:
        """The row of the bar, its percentage and the owner."""
        return QRectF(
            self._content_left(), self.title_box().bottom() + 1, self._text_width(), MIDDLE_ROW
        )

    def bar_rect(self) -> QRectF:
        """The progress bar's track, in item coordinates."""
        row = self.middle_row()
        top = row.center().y() - BAR_HEIGHT / 2
        return QRectF(row.left(), top, row.width() * BAR_SHARE, BAR_HEIGHT)

    # ------------------------------------------------------------------ painting

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        colors = style.CARDS[self.node.kind]
        detail = option.levelOfDetailFromTransform(painter.worldTransform())
        if detail < _TEXT_DETAIL:
            self._paint_far(painter, colors)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._paint_chip(painter, colors)
        if detail < self.compact_below():  # the title alone, large enough to read
            self.paint_compact_title(painter, colors)
            self._paint_badges(painter)
            return
        self._paint_title(painter, colors)
        self._paint_bar(painter, colors)
        self._paint_owner(painter, colors)
        self._paint_numbers(painter, colors)
        self._paint_badges(painter)
        if self._hover or self.isSelected():
            self._paint_handle(painter)

    def _paint_chip(self, painter: QPainter, colors: style.CardStyle) -> None:
        dropped = self.node.status is Status.DROPPED
        border = QPen(QColor(colors.border), 1.5)
        if dropped:
            border.setStyle(Qt.PenStyle.DashLine)
        if self.isSelected():
            border = QPen(QColor(style.SELECTION), 3.5)
        fill = QColor(colors.fill)
        painter.setPen(border)
        painter.setBrush(fill.lighter(108) if dropped else fill)
        radius = style.RADIUS - 2
        painter.drawRoundedRect(self._rect, radius, radius)
        if self.team is not None:
            card = QPainterPath()
            card.addRoundedRect(self._rect.adjusted(1, 1, -1, -1), radius - 1, radius - 1)
            band = QPainterPath()
            band.addRect(QRectF(self._rect.left(), self._rect.top(), STRIPE, self._rect.height()))
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(self.team.color))
            painter.drawPath(card.intersected(band))

    def title_font(self) -> QFont:
        """A chip's one-line title is a pixel smaller than a card's."""
        return style.font(self._scaled(style.TITLE_PIXELS[self.node.kind] - 1), bold=True)

    def _paint_title(self, painter: QPainter, colors: style.CardStyle) -> None:
        if self._editing:
            return
        box = self.title_box()
        title = self.title_font()
        title.setStrikeOut(self.node.status is Status.DROPPED)
        painter.setFont(title)
        painter.setPen(QColor(colors.text))
        text = QFontMetricsF(title).elidedText(
            " ".join(self.node.title.split()), Qt.TextElideMode.ElideRight, box.width()
        )
        align = line_alignment(text, centred=False) | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(box, align, text)

    def _paint_owner(self, painter: QPainter, colors: style.CardStyle) -> None:
        owner = self.owner_text()
        if not owner:
            return
        row = self.middle_row()
        percent = QFontMetricsF(style.font(style.SMALL_PIXELS, bold=True))
        after = self.bar_rect().right() + 6 + percent.horizontalAdvance(self.percent_text()) + 8
        room = QRectF(after, row.top(), max(0.0, row.right() - after), row.height())
        small = style.font(style.SMALL_PIXELS)
        painter.setFont(small)
        painter.setPen(QColor(colors.muted))
        text = QFontMetricsF(small).elidedText(owner, Qt.TextElideMode.ElideRight, room.width())
        painter.drawText(room, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)

    def _paint_bar(self, painter: QPainter, colors: style.CardStyle) -> None:
        track = self.bar_rect()
        shown = self.progress
        radius = BAR_HEIGHT / 2
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(TRACK))
        painter.drawRoundedRect(track, radius, radius)
        if shown.fraction is not None and shown.bar > 0:
            done = shown.fraction >= 1.0
            covered = QRectF(track.left(), track.top(), track.width() * shown.bar, track.height())
            painter.setBrush(QColor(DONE if done else FILL))
            painter.drawRoundedRect(covered, radius, radius)
        elif shown.fraction is not None and shown.fraction < 0:
            painter.setBrush(QColor(BEHIND))
            painter.drawRoundedRect(QRectF(track.left(), track.top(), 6, BAR_HEIGHT), 2, 2)
        row = self.middle_row()
        label = QRectF(track.right() + 6, row.top(), PERCENT_WIDTH, row.height())
        painter.setFont(style.font(style.SMALL_PIXELS, bold=True))
        painter.setPen(QColor(colors.text))
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(label, left, self.percent_text())

    def _paint_numbers(self, painter: QPainter, colors: style.CardStyle) -> None:
        top = self.middle_row().bottom() + 1
        row = QRectF(self._content_left(), top, self._text_width(), NUMBERS_ROW)
        small = style.font(style.SMALL_PIXELS)
        painter.setFont(small)
        painter.setPen(QColor(colors.muted))
        text = QFontMetricsF(small).elidedText(
            self.measure_text(), Qt.TextElideMode.ElideRight, row.width()
        )
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
