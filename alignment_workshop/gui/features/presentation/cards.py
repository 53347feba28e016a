"""Presentation cards: a high-contrast face laid over every card while presenting.

Each face is a child item of the canvas's card, so it moves, hides (Focus) and dims
(Why) with it, and it takes no mouse buttons, so clicks and drags still reach the card.
A face shows only what the room needs: the title, large, plus the team stripe, the votes
and a mark for errors and warnings. A key result's face is its own progress bar: the
share of the way covered is filled in a darker tone under the title, with a dark strip
along its bottom edge. Its title size is chosen for the zoom the map is shown at: at least
`MIN_SCREEN_TITLE_PX` pixels on screen (a chip's one line as large as the chip allows).
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, QTextBoundaryFinder
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import Shiboken

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.analysis.progress import progress
from alignment_workshop.layout import CARD_HEIGHT
from alignment_workshop.model import NodeKind, Status

from ...canvas import style
from ...canvas.items.node_item import NodeItem
from .theme import THEME, PresentationTheme

if TYPE_CHECKING:
    from ...canvas.scene import MapScene

#: Titles are at least this tall on screen at the zoom the map is shown at.
MIN_SCREEN_TITLE_PX = 28
#: Padding inside a face and the width of a goal's team stripe, in scene units.
PADDING = 5.0
STRIPE = 14.0
#: Line spacing of a title, as a multiple of its pixel size.
LINE_FACTOR = 1.1
#: The largest title that still fits two lines in an ordinary card.
MAX_TITLE_PX = int((CARD_HEIGHT - 2 * PADDING) / (2 * LINE_FACTOR))
MIN_TITLE_PX = 16
#: A key result's face is a chip: its title gets nearly all of it, and its progress
#: strip runs along its bottom edge.
CHIP_PADDING = 3.0
STRIP = 4.0


def title_font(kind: NodeKind, pixels: int) -> QFont:
    """The title font of a face: regular weight packs more words per line; the vision is bold."""
    return style.font(pixels, bold=kind is NodeKind.VISION)


def break_units(text: str) -> list[str]:
    """`text` cut where a line may break (Unicode line breaking): after each space-separated
    word, and between CJK characters, which have no spaces. An emoji stays whole."""
    text = " ".join(text.split())
    units = text.encode("utf-16-le", "surrogatepass")  # Qt counts UTF-16 units
    finder = QTextBoundaryFinder(QTextBoundaryFinder.BoundaryType.Line, text)
    pieces, start = [], 0
    while (end := finder.toNextBoundary()) != -1:
        if end > start:
            pieces.append(units[2 * start : 2 * end].decode("utf-16-le", "surrogatepass"))
        start = end
    return pieces


def fit_lines(text: str, font: QFont, width: float, max_lines: int) -> list[str]:
    """`text` wrapped where lines may break into at most `max_lines` lines of `width`.

    A word too long for a line, and the last line when text is left over, end in "…".
    """
    metrics = QFontMetricsF(font)

    def elide(line: str) -> str:
        return metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)

    lines: list[str] = []
    pieces = break_units(text)
    while pieces and len(lines) < max_lines:
        line = pieces.pop(0)
        while pieces and metrics.horizontalAdvance((line + pieces[0]).rstrip()) <= width:
            line += pieces.pop(0)
        lines.append(elide(line.rstrip()))
    if pieces and lines:
        lines[-1] = elide(f"{lines[-1]} {''.join(pieces)}")
        if not lines[-1].endswith("…"):
            lines[-1] = elide(lines[-1] + " …")
    return lines


def title_pixels(view_scale: float) -> int:
    """The title size, in scene pixels, that shows at least 28 px tall at `view_scale`."""
    if view_scale <= 0:
        return MAX_TITLE_PX
    wanted = math.ceil(MIN_SCREEN_TITLE_PX / view_scale - 1e-9)
    return max(MIN_TITLE_PX, min(MAX_TITLE_PX, wanted))


class PresentationFace(QGraphicsItem):
    """The high-contrast face of one card."""

    def __init__(self, card: NodeItem, theme: PresentationTheme, pixels: int) -> None:
        super().__init__(card)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        # Dimming (Why) is painted as faded colours on an opaque face, so the canvas
        # card underneath never shows through.
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresParentOpacity)
        self.theme = theme
        self.pixels = pixels
        self._wrapped: tuple[tuple[str, int], list[str]] | None = None

    @property
    def card(self) -> NodeItem:
        return self.parentItem()  # type: ignore[return-value]

    def set_pixels(self, pixels: int) -> None:
        if pixels != self.pixels and Shiboken.isValid(self):
            self.pixels = pixels
            self.update()

    def title_font_pixels(self) -> int:
        """The title size of this face, in scene pixels (a chip's one line fits its face)."""
        if self.card.node.kind is NodeKind.KEY_RESULT:
            return max(1, min(self.pixels, int(self._text_rect().height() / LINE_FACTOR)))
        return self.pixels

    def _tone(self, color: str) -> QColor:
        """`color` faded towards the background as much as the card is dimmed."""
        amount = self.card.opacity()
        if amount >= 1.0:
            return QColor(color)
        top, back = QColor(color), QColor(self.theme.background)
        mix = [
            round(a * amount + b * (1 - amount)) for a, b in zip(_rgb(top), _rgb(back), strict=True)
        ]
        return QColor(*mix)

    def boundingRect(self) -> QRectF:
        return self.card.card_rect().adjusted(-32, -32, 32, 32)

    def title_lines(self) -> list[str]:
        """The title wrapped to the face, as many lines as fit (the last one elided)."""
        node, pixels = self.card.node, self.title_font_pixels()
        key = (node.title, pixels)
        if self._wrapped is None or self._wrapped[0] != key:
            font = title_font(node.kind, pixels)
            text = self._text_rect()
            lines = max(1, int(text.height() // (pixels * LINE_FACTOR)))
            self._wrapped = (key, fit_lines(node.title, font, text.width(), lines))
        return self._wrapped[1]

    def _text_rect(self) -> QRectF:
        rect = self.card.card_rect().adjusted(PADDING, PADDING, -PADDING, -PADDING)
        if self.card.node.kind is NodeKind.GOAL:
            rect.setLeft(rect.left() + STRIPE)
        if self.card.node.kind is NodeKind.KEY_RESULT:
            pad = CHIP_PADDING
            rect = self.card.card_rect().adjusted(pad + 2, pad, -pad - 2, -pad)
        return rect

    def progress_rect(self, share: float = 1.0) -> QRectF:
        """The part `share` of a key result's face, from its left edge, inside its border."""
        rect = self.card.card_rect().adjusted(1.5, 1.5, -1.5, -1.5)
        rect.setWidth(rect.width() * share)
        return rect

    def strip_rect(self, share: float = 1.0) -> QRectF:
        """The part `share` of the progress strip along a key result's bottom edge."""
        rect = self.progress_rect(share)
        return QRectF(rect.left(), rect.bottom() - STRIP, rect.width(), STRIP)

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        card = self.card
        colors = self.theme.cards[card.node.kind]
        rect = card.card_rect()
        selected = card.isSelected()
        border = QPen(self._tone(self.theme.selection if selected else colors.border))
        border.setWidthF(8.0 if selected else 3.0)
        if card.node.status is Status.DROPPED:
            border.setStyle(Qt.PenStyle.DashLine)
        painter.setPen(border)
        painter.setBrush(self._tone(colors.fill))
        painter.drawRoundedRect(rect, style.RADIUS, style.RADIUS)
        if card.node.kind is NodeKind.KEY_RESULT:
            self._paint_progress(painter)
        if card.node.kind is NodeKind.GOAL:
            stripe = QRectF(rect.left() + 2, rect.top() + 2, STRIPE, rect.height() - 4)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(self._tone(card.team.color if card.team else style.NO_TEAM))
            painter.drawRect(stripe)
        self._paint_title(painter, colors.text)
        self._paint_votes(painter, rect)
        self._paint_badges(painter, rect)

    def _paint_title(self, painter: QPainter, color: str) -> None:
        font = title_font(self.card.node.kind, self.title_font_pixels())
        font.setStrikeOut(self.card.node.status is Status.DROPPED)
        painter.setFont(font)
        painter.setPen(self._tone(color))
        lines = self.title_lines()
        spacing = self.title_font_pixels() * LINE_FACTOR
        text = self._text_rect()
        top = text.center().y() - spacing * len(lines) / 2
        for index, line in enumerate(lines):
            row = QRectF(text.left(), top + index * spacing, text.width(), spacing)
            painter.drawText(row, Qt.AlignmentFlag.AlignCenter, line)

    def _paint_progress(self, painter: QPainter) -> None:
        """The way a key result has covered: a darker fill under its title, and a strip."""
        shown = progress(self.card.node)
        if shown.fraction is None or shown.bar <= 0:
            return
        inside = QPainterPath()
        inside.addRoundedRect(self.progress_rect(), style.RADIUS - 1.5, style.RADIUS - 1.5)
        painter.save()
        painter.setClipPath(inside)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self._tone(self.theme.progress_fill))
        painter.drawRect(self.progress_rect(shown.bar))
        done = shown.fraction >= 1.0
        painter.setBrush(
            self._tone(self.theme.progress_done if done else self.theme.progress_strip)
        )
        painter.drawRect(self.strip_rect(shown.bar))
        painter.restore()

    def _paint_votes(self, painter: QPainter, rect: QRectF) -> None:
        votes = self.card.node.votes
        if not votes or self.card.node.kind not in (NodeKind.OBJECTIVE, NodeKind.GOAL):
            return
        font = style.font(max(14, round(self.pixels * 0.75)), bold=True)
        label = f"★ {votes}"
        width = QFontMetricsF(font).horizontalAdvance(label) + 16
        height = font.pixelSize() * 1.3
        pill = QRectF(rect.right() - width + 12, rect.bottom() - height / 2, width, height)
        painter.setPen(QPen(self._tone(self.theme.votes_text), 2.0))
        painter.setBrush(self._tone(self.theme.votes_fill))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_badges(self, painter: QPainter, rect: QRectF) -> None:
        """Error and warning marks where the canvas card has its badges (covering them)."""
        counts = self.card.badge_counts()
        marks = [
            (self.theme.error_fill, self.theme.error_text, counts.get(Severity.ERROR, 0)),
            (self.theme.warning_fill, self.theme.warning_text, counts.get(Severity.WARNING, 0)),
        ]
        x = rect.right() - 2
        radius = 15.0
        for fill, text, count in marks:
            if not count:
                continue
            center = QPointF(x, rect.top() + 2)
            painter.setPen(QPen(self._tone("#000000"), 2.0))
            painter.setBrush(self._tone(fill))
            painter.drawEllipse(center, radius, radius)
            painter.setFont(style.font(18, bold=True))
            painter.setPen(self._tone(text))
            box = QRectF(center.x() - radius, center.y() - radius, 2 * radius, 2 * radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!" if count == 1 else str(count))
            x -= 28.0  # the canvas card's badge spacing


class PresentationFaces:
    """Keeps one face on every card of a scene while presentation mode is on."""

    def __init__(self, scene: MapScene, theme: PresentationTheme = THEME) -> None:
        self.scene = scene
        self.theme = theme
        self.pixels = MAX_TITLE_PX
        self.faces: dict[str, PresentationFace] = {}
        self.active = False

    def show(self) -> None:
        self.active = True
        self.sync()

    def hide(self) -> None:
        self.active = False
        for face in self.faces.values():
            if Shiboken.isValid(face) and face.scene() is not None:
                face.scene().removeItem(face)
        self.faces.clear()

    def set_pixels(self, pixels: int) -> None:
        self.pixels = pixels
        for face in self._live():
            face.set_pixels(pixels)

    def refresh(self) -> None:
        """Repaint every face (after a highlight or selection change)."""
        for face in self._live():
            face.update()

    def _live(self) -> list[PresentationFace]:
        """The faces whose cards still exist (a deleted card takes its face with it)."""
        self.faces = {i: f for i, f in self.faces.items() if Shiboken.isValid(f)}
        return list(self.faces.values())

    def sync(self) -> None:
        """Give new cards a face, forget the faces of removed cards, repaint the rest."""
        if not self.active:
            return
        cards = {item.node_id: item for item in self.scene.node_items()}
        for node_id in list(self.faces):
            face = self.faces[node_id]
            if not Shiboken.isValid(face) or cards.get(node_id) is not face.card:
                del self.faces[node_id]
        for node_id, card in cards.items():
            shown = self.faces.get(node_id)
            if shown is None:
                self.faces[node_id] = PresentationFace(card, self.theme, self.pixels)
            else:
                shown.update()


def _rgb(color: QColor) -> tuple[int, int, int]:
    return (color.red(), color.green(), color.blue())
