"""The stage: what the room sees while presenting, one step of the plan at a time.

The stage is a scene of its own that the map view shows in place of the map while
presentation mode is on. It draws one step of `layout.steps.step_plan` (the plan the
slides draw too): each card at its planned place and size with its whole title in
`TITLE_PX` type, a goal's team named on a band along its top, and headings and findings
as plain text. Units are pixels of a page 1080 high; the view scales the page to the
screen's height, so titles stay 2.8 % of it.

Cards here hold no state: they draw the model's node and mirror the map. Selecting a
card selects it on the map (so votes, Why and the caption follow), and a card is dimmed
or hidden exactly when the map's card is (Why and Focus).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene, QStyleOptionGraphicsItem, QWidget
from shiboken6 import Shiboken

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.analysis.progress import progress
from alignment_workshop.i18n import _
from alignment_workshop.layout.steps import (
    LINE,
    PAD,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TEAM_STRIP,
    TITLE_PX,
    Box,
    Label,
    Measure,
    Step,
    StepPlan,
    step_plan,
)
from alignment_workshop.model import Node, NodeKind, Workshop

from ...canvas import style
from ...editing.document import Document
from ...support.paint_guard import guarded
from .theme import THEME, PresentationTheme

if TYPE_CHECKING:
    from ...canvas.scene import MapScene

RADIUS = 10.0
#: The progress strip along a key result's bottom edge.
STRIP = 8.0
#: The rule under a goal's team name.
RULE = "#37474F"


def title_font(pixels: float, bold: bool) -> QFont:
    return style.font(round(pixels), bold=bold)


def qt_measure() -> Measure:
    """The plan's `measure`, by Qt's metrics of the font the stage draws with."""
    metrics: dict[tuple[float, bool], QFontMetricsF] = {}

    def measure(text: str, pixels: float, bold: bool) -> float:
        key = (pixels, bold)
        if key not in metrics:
            metrics[key] = QFontMetricsF(title_font(pixels, bold))
        return metrics[key].horizontalAdvance(text)

    return measure


def is_bold(kind: NodeKind) -> bool:
    """The vision and objectives are set bold, on screen as on the slides."""
    return kind in (NodeKind.VISION, NodeKind.OBJECTIVE)


def faded(color: str, background: str, amount: float) -> QColor:
    """`color` faded towards `background`: 1.0 is `color`, 0.0 the background."""
    top, back = QColor(color), QColor(background)
    if amount >= 1.0:
        return top
    pairs = ((top.red(), back.red()), (top.green(), back.green()), (top.blue(), back.blue()))
    red, green, blue = (round(a * amount + b * (1 - amount)) for a, b in pairs)
    return QColor(red, green, blue)


#: The radius of an error or warning mark on a card (see `StageCard.marks_rect`).
_MARK_RADIUS = 17.0


class StageCard(QGraphicsItem):
    """One card of a step: the plan's box, drawn with the node as the model has it now."""

    def __init__(self, box: Box, stage: PresentationStage) -> None:
        super().__init__()
        self.box, self.stage = box, stage
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setPos(box.x, box.y)
        self.dim = 1.0

    @property
    def node_id(self) -> str:
        return self.box.node_id

    def rect(self) -> QRectF:
        return QRectF(0, 0, self.box.width, self.box.height)

    def boundingRect(self) -> QRectF:
        return self.rect().adjusted(-24, -24, 24, 24)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRoundedRect(self.rect(), RADIUS, RADIUS)
        return path

    def tone(self, color: str) -> QColor:
        return faded(color, self.stage.theme.background, self.dim)

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        node = self.stage.node(self.node_id)
        if node is None:
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        theme, rect = self.stage.theme, self.rect()
        colors = theme.cards[node.kind]
        border = QPen(self.tone(theme.selection if self.isSelected() else colors.border))
        border.setWidthF(8.0 if self.isSelected() else 3.0)
        painter.setPen(border)
        painter.setBrush(self.tone(colors.fill))
        painter.drawRoundedRect(rect, RADIUS, RADIUS)
        if node.kind is NodeKind.KEY_RESULT:
            self._paint_progress(painter, node)
        if node.kind is NodeKind.GOAL:
            self._paint_team(painter)
        top = self.box.band + PAD
        self._paint_lines(painter, self.box.lines, top, is_bold(node.kind), colors.text)
        self._paint_votes(painter, node)
        self._paint_badges(painter)

    def _paint_lines(
        self, painter: QPainter, lines: tuple[str, ...], top: float, bold: bool, color: str
    ) -> None:
        painter.setFont(title_font(TITLE_PX, bold))
        painter.setPen(self.tone(color))
        height = TITLE_PX * LINE
        for index, line in enumerate(lines):
            row = QRectF(PAD, top + index * height, self.box.width - PAD, height)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)

    def _paint_team(self, painter: QPainter) -> None:
        """The team's colour strip, its name, and a rule under them."""
        color = self.box.team_color or style.NO_TEAM
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.tone(color))
        painter.drawRect(QRectF(1.5, 1.5, self.box.width - 3, TEAM_STRIP))
        text = self.stage.theme.cards[NodeKind.GOAL].text
        self._paint_lines(painter, self.box.team_lines, TEAM_STRIP + 4, True, text)
        painter.setPen(QPen(self.tone(RULE), 1.5))
        painter.drawLine(QPointF(PAD, self.box.band), QPointF(self.box.width - PAD, self.box.band))

    def _paint_progress(self, painter: QPainter, node: Node) -> None:
        shown = progress(node)
        if shown.fraction is None or shown.bar <= 0:
            return
        theme = self.stage.theme
        inner = self.rect().adjusted(1.5, 1.5, -1.5, -1.5)
        strip = QRectF(inner.left(), inner.bottom() - STRIP, inner.width() * shown.bar, STRIP)
        done = shown.fraction >= 1.0
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.tone(theme.progress_done if done else theme.progress_strip))
        painter.drawRect(strip)

    def votes_rect(self, votes: int) -> QRectF:
        """The votes pill, in the card's coordinates: astride its bottom edge at the right."""
        font = title_font(TITLE_PX, True)
        width = QFontMetricsF(font).horizontalAdvance(f"★ {votes}") + 20
        height = font.pixelSize() * 1.35
        rect = self.rect()
        return QRectF(rect.right() - width + 12, rect.bottom() - height / 2, width, height)

    def marks_rect(self, marks: int) -> QRectF:
        """Where `marks` error and warning marks go, in the card's coordinates: astride the
        top right corner, right to left."""
        right, step = self.box.width - 4 + _MARK_RADIUS, 2 * _MARK_RADIUS + 4
        width = marks * step - 4
        return QRectF(right - width, 4 - _MARK_RADIUS, width, 2 * _MARK_RADIUS)

    def _paint_votes(self, painter: QPainter, node: Node) -> None:
        if not node.votes or node.kind not in (NodeKind.OBJECTIVE, NodeKind.GOAL):
            return
        theme = self.stage.theme
        pill = self.votes_rect(node.votes)
        painter.setPen(QPen(self.tone(theme.votes_text), 2.0))
        painter.setBrush(self.tone(theme.votes_fill))
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setFont(title_font(TITLE_PX, True))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, f"★ {node.votes}")

    def _paint_badges(self, painter: QPainter) -> None:
        """Error and warning marks at the top right corner, as on the canvas."""
        theme = self.stage.theme
        counts = self.stage.badge_counts(self.node_id)
        marks = [
            (Severity.ERROR, theme.error_fill, theme.error_text),
            (Severity.WARNING, theme.warning_fill, theme.warning_text),
        ]
        x, radius = self.box.width - 4, _MARK_RADIUS
        for severity, fill, text in marks:
            count = counts.get(severity, 0)
            if not count:
                continue
            center = QPointF(x, 4)  # an octagon for errors, a triangle for warnings
            painter.setPen(QPen(self.tone("#000000"), 2.0))
            painter.setBrush(self.tone(fill))
            painter.drawPath(style.badge_path(severity, center, radius))
            painter.setFont(style.font(20, bold=True))
            painter.setPen(self.tone(text))
            box = style.badge_text_rect(severity, center, radius)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, "!" if count == 1 else str(count))
            x -= 2 * radius + 4


class StageLabel(QGraphicsItem):
    """A heading or a finding: lines of text, no card."""

    def __init__(self, label: Label, theme: PresentationTheme) -> None:
        super().__init__()
        self.label, self.theme = label, theme
        self.setPos(label.x, label.y)

    def boundingRect(self) -> QRectF:
        return QRectF(0, 0, self.label.width, self.label.height)

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setFont(title_font(TITLE_PX, self.label.bold))
        error = self.label.severity is Severity.ERROR
        painter.setPen(QColor(self.theme.page_error if error else self.theme.page_text))
        height = TITLE_PX * LINE
        for index, line in enumerate(self.label.lines):
            row = QRectF(0, index * height, self.label.width, height)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, line)


class PresentationStage(QGraphicsScene):
    """The steps of the presentation of one document, one shown at a time."""

    #: The step shown changed (also when the plan was made again).
    step_changed = Signal()

    def __init__(
        self, document: Document, map_scene: MapScene, theme: PresentationTheme = THEME
    ) -> None:
        super().__init__()
        self.document, self.map_scene, self.theme = document, map_scene, theme
        self.setBackgroundBrush(QColor(theme.background))
        self.measure = qt_measure()
        self.plan = StepPlan(())
        self.index = 0
        self.cards: dict[str, StageCard] = {}
        self._signature: object = None
        self._mirroring = False
        self.selectionChanged.connect(self._select_on_map)

    # ------------------------------------------------------------------ the plan

    def replan(self, width: float = PAGE_WIDTH) -> bool:
        """Make the plan again if the map, its findings or the page width changed; the
        same step (by its key) stays shown. True when the plan changed."""
        workshop, report = self.document.workshop, self.document.report
        findings = report.findings if report is not None else ()
        signature = (width, _signature(workshop), findings)
        if signature == self._signature:
            return False
        self._signature = signature
        key = self.step().key if self.plan.steps else None
        self.plan = step_plan(workshop, findings, self.measure, width, PAGE_HEIGHT)
        found = self.plan.index_of(key) if key is not None else None
        self.show_step(found if found is not None else min(self.index, self.count() - 1))
        return True

    def count(self) -> int:
        return len(self.plan.steps)

    def step(self) -> Step:
        return self.plan.steps[self.index] if self.plan.steps else Step("empty", "")

    def step_text(self) -> str:
        """What the room reads at the top: "Step 3 of 9 · Objective 2 of 6"."""
        if self.count() <= 1:
            return self.step().title
        return _("Step {number} of {count} · {title}").format(
            number=self.index + 1, count=self.count(), title=self.step().title
        )

    def page_rect(self) -> QRectF:
        return QRectF(0, 0, self.plan.width, self.plan.height)

    # ------------------------------------------------------------------ moving

    def show_step(self, index: int) -> None:
        """Draw step `index` (kept within the plan)."""
        self.index = max(0, min(index, self.count() - 1))
        self._mirroring = True
        try:
            self.clear()
            self.cards = {}
            for box in self.step().boxes:
                card = StageCard(box, self)
                self.cards[box.node_id] = card
                self.addItem(card)
            for label in self.step().labels:
                self.addItem(StageLabel(label, self.theme))
        finally:
            self._mirroring = False
        self.setSceneRect(self.page_rect())
        self.mirror()
        self.step_changed.emit()

    def go(self, delta: int) -> bool:
        """Move `delta` steps; False at either end."""
        target = max(0, min(self.index + delta, self.count() - 1))
        if target == self.index:
            return False
        self.show_step(target)
        return True

    def show_card(self, node_id: str) -> bool:
        """Show the first step that has `node_id`'s card (if the shown one has not)."""
        if node_id in self.cards:
            return True
        found = self.plan.step_showing(node_id)
        if found is not None:
            self.show_step(found)
        return found is not None

    # ------------------------------------------------------------------ mirroring the map

    def node(self, node_id: str) -> Node | None:
        workshop = self.document.workshop
        return workshop.node(node_id) if workshop.has_node(node_id) else None

    def badge_counts(self, node_id: str) -> dict[Severity, int]:
        item = self.map_scene.item_for(node_id)
        return item.badge_counts() if item is not None else {}

    def mirror(self) -> None:
        """Dim, hide and select cards as the map's are; repaint them (their nodes may
        have changed)."""
        chosen = set(self.map_scene.selected_node_ids())
        self._mirroring = True
        try:
            for node_id, card in self.cards.items():
                item = self.map_scene.item_for(node_id)
                card.setVisible(item is None or item.isVisible())
                dim = 1.0 if item is None or item.opacity() >= 1.0 else style.DIMMED_OPACITY
                card.dim = dim
                card.setSelected(node_id in chosen)
                card.update()
        finally:
            self._mirroring = False

    def _select_on_map(self) -> None:
        if self._mirroring or not Shiboken.isValid(self):
            return
        chosen = [i.node_id for i in self.selectedItems() if isinstance(i, StageCard)]
        self.map_scene.select_ids(chosen)


def _signature(workshop: Workshop) -> tuple[object, ...]:
    """What the plan depends on: each card's kind, title, team, status and place, the
    links, the teams' names and colours."""
    cards = tuple((n.id, n.kind, n.title, n.team, n.status, n.pos) for n in workshop.iter_nodes())
    links = tuple((link.kind, link.source, link.target) for link in workshop.iter_links())
    teams = tuple((team.id, team.name, team.color) for team in workshop.teams)
    return (cards, links, teams)
