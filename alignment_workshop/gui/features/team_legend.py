"""The team legend: which colour is which team, in a corner of the map.

A small panel at the bottom left of the map view lists every team that has goals on the
map, with its colour, and "No team" when a goal has none. It follows the model, lets the
mouse through to the map, grows for the room in presentation mode, and View › Team
Legend hides it (the choice is kept in the settings). Names are plain text.

While presenting, it lists only the teams of the goals on the step shown (`set_scope`),
and none on a step without goals. It never grows past `MAX_ROWS` rows (fewer while
presenting): with more teams
than fit, the last place says how many more there are (their names are on their cards).
A map of forty teams would otherwise cover a third of a projected screen and run off it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QColor, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QMainWindow, QWidget

from alignment_workshop.i18n import _, ngettext
from alignment_workshop.layout.steps import PAGE_HEIGHT
from alignment_workshop.model import Node, NodeKind, Workshop

from ..canvas import style
from ..editing.document import Document
from ..support.settings import open_settings

#: Gap between the legend and the edge of the view, in pixels.
MARGIN = 12
#: Text size of the legend on the canvas, and in presentation mode on a screen 1080
#: pixels high (it scales with the presented page, as the other panels do), in pixels.
SMALL_PX, LARGE_PX = 13, 26
#: Teams per row before the legend wraps, and rows at most (see the module docstring):
#: fewer for the room, where three rows of large type fill the band under the cards.
COLUMNS = 4
MAX_ROWS, MAX_LARGE_ROWS = 4, 3
_SETTING = "view/team_legend"
_STYLE = """
QFrame#TeamLegend {{ background: rgba(255, 255, 255, 235); border: 1px solid #9aa5b1;
  border-radius: 6px; }}
QLabel {{ color: #1f2933; background: transparent; font-size: {px}px; }}
"""


def legend_teams(workshop: Workshop, scope: Collection[str] | None = None) -> list[tuple[str, str]]:
    """(name, colour) for each team with a goal on the map (or among the nodes of `scope`),
    in team order, then "No team" when some goal has none."""
    nodes = workshop.iter_nodes() if scope is None else _nodes(workshop, scope)
    goals = [n for n in nodes if n.kind is NodeKind.GOAL]
    used = {goal.team for goal in goals}
    entries = [(" ".join(t.name.split()), t.color) for t in workshop.teams if t.id in used]
    if None in used:
        entries.append((_("No team"), style.NO_TEAM))
    return entries


def _nodes(workshop: Workshop, ids: Collection[str]) -> list[Node]:
    return [workshop.node(node_id) for node_id in ids if workshop.has_node(node_id)]


def shown_entries(
    entries: list[tuple[str, str]], rows: int = MAX_ROWS
) -> tuple[list[tuple[str, str]], int]:
    """The entries that fit in `rows` rows, and how many more there are (0 when all fit);
    when some are left out, the last place is kept for saying how many."""
    places = rows * COLUMNS
    if len(entries) <= places:
        return entries, 0
    return entries[: places - 1], len(entries) - (places - 1)


def _swatch(color: str, side: int) -> QPixmap:
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(0, 0, 0, 120))
    painter.setBrush(QColor(color))
    painter.drawRoundedRect(0, 0, side - 1, side - 1, 3, 3)
    painter.end()
    return pixmap


class TeamLegend(QFrame):
    """The team colours over the bottom left corner of the map view."""

    #: The screen pixels the legend keeps at the view's bottom edge (0 when hidden), for
    #: presentation mode to keep the map clear of it.
    space_changed = Signal(int)

    def __init__(self, view: QWidget, document: Document, window: QMainWindow) -> None:
        super().__init__(view)
        self.setObjectName("TeamLegend")
        self.view, self.document = view, document
        self.large = False
        #: Places the legend while presenting (set by the window); None: as in the editor.
        self.presenting_place: Callable[[], None] | None = None
        self.space = 0
        self.entries: list[tuple[str, str]] = []
        self.pixels = SMALL_PX  # the text size the labels were made for
        self.scope: Collection[str] | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(10, 6, 10, 6)
        self.grid.setHorizontalSpacing(8)
        self.grid.setVerticalSpacing(4)
        self.action = QAction(_("Team &Legend"), window)
        self.action.setCheckable(True)
        self.action.setChecked(bool(open_settings().value(_SETTING, True, type=bool)))
        self.action.setStatusTip(_("Show which colour is which team in a corner of the map"))
        self.action.toggled.connect(self._toggled)
        window.addAction(self.action)
        document.changed.connect(self.refresh)
        document.workshop_replaced.connect(self.refresh)
        view.installEventFilter(self)
        # The view's own Resize comes before it sizes its viewport: place() measures the
        # viewport, so it listens to the viewport's Resize too, which comes after.
        self.viewport: QWidget = getattr(view, "viewport", lambda: view)()
        self.viewport.installEventFilter(self)
        self.refresh()

    def set_large(self, large: bool, scope: Collection[str] | None = None) -> None:
        """Grow the legend for the room (presentation mode) or shrink it back, listing
        the teams of `scope` (see `set_scope`): one redraw for both."""
        self.large = large
        self.scope = None if scope is None else frozenset(scope)
        self.entries = []  # redraw at the new size
        self.refresh()

    def set_scope(self, node_ids: Collection[str] | None) -> None:
        """List only the teams of the goals among `node_ids` (a presentation step's cards),
        or of every goal on the map (None)."""
        self.scope = None if node_ids is None else frozenset(node_ids)
        self.refresh()

    def refresh(self) -> None:
        """Show the teams as the model has them now; hidden when there is nothing to show."""
        entries = legend_teams(self.document.workshop, self.scope)
        if entries != self.entries:
            self.entries = entries
            self._fill()
        self.setVisible(bool(entries) and self.action.isChecked())
        if not self.isHidden():
            self.raise_()
            self.place()
        else:
            self._keep(0)

    def _fill(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        pixels = self.pixels = self._text_pixels()
        self.setStyleSheet(_STYLE.format(px=pixels))
        shown, more = shown_entries(self.entries, MAX_LARGE_ROWS if self.large else MAX_ROWS)
        for index, (name, color) in enumerate(shown):
            row, column = divmod(index, COLUMNS)
            swatch = QLabel(self)
            swatch.setPixmap(_swatch(color, pixels))
            self._add(QLabel(name, self), row, 2 * column + 1)
            self._add(swatch, row, 2 * column)
        if more:
            text = ngettext("+ {count} more team", "+ {count} more teams", more)
            row, column = divmod(len(shown), COLUMNS)
            self._add(QLabel(text.format(count=more), self), row, 2 * column + 1)

    def _add(self, label: QLabel, row: int, column: int) -> None:
        label.setTextFormat(Qt.TextFormat.PlainText)
        if column % 2 and column < 2 * COLUMNS - 1:  # a name with a colour after it: room
            label.setContentsMargins(0, 0, self.pixels // 2, 0)
        self.grid.addWidget(label, row, column)
        label.show()  # now, not when the layout gets round to it: place() measures it

    def names(self) -> list[str]:
        """The names of the teams listed, in order (for tests and the accessibility tree),
        those left out for want of room included."""
        return [name for name, _color in self.entries]

    def _text_pixels(self) -> int:
        if not self.large:
            return SMALL_PX
        return max(SMALL_PX, round(LARGE_PX * self.viewport.height() / PAGE_HEIGHT))

    def place(self) -> None:
        """Bottom left of the view, above its horizontal scroll bar; while presenting,
        wherever `presenting_place` puts it (the left end of the bottom band)."""
        if self.large and self._text_pixels() != self.pixels:
            self._fill()  # the presented page was scaled: so is the legend
        if self.large and self.presenting_place is not None:
            self.presenting_place()
            return
        self.adjustSize()
        bottom = self.viewport.geometry().bottom()
        self.move(MARGIN, max(MARGIN, bottom - self.height() - MARGIN))
        self._keep(self.height() + 2 * MARGIN)

    def _keep(self, pixels: int) -> None:
        if pixels != self.space:
            self.space = pixels
            self.space_changed.emit(pixels)

    def _toggled(self, on: bool) -> None:
        settings = open_settings()
        settings.setValue(_SETTING, on)
        settings.sync()
        self.refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        shown = event.type() in (QEvent.Type.Resize, QEvent.Type.Show)
        if watched in (self.view, self.viewport) and shown and not self.isHidden():
            self.place()
        return False
