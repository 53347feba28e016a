"""The main window: actions, menus, toolbar, status bar and docks, and nothing else.

Editing logic lives in the document, mouse handling in the scene and the view, file
handling in `FileActions`, and each dock in its own module. The window builds them,
wires their signals to actions, and shows the welcome state when no workshop is open.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent
from PySide6.QtWidgets import QFrame, QLabel, QMainWindow, QMenu, QStackedWidget, QWidget

from alignment_workshop import formats
from alignment_workshop.analysis.findings import Report
from alignment_workshop.analysis.periods import period_text
from alignment_workshop.i18n import _
from alignment_workshop.model import NodeKind

from ..canvas.scene import MapScene
from ..canvas.view import MapView
from ..docks.check_dock import CheckDock
from ..docks.inspector.dock import InspectorDock
from ..docks.palette import PaletteDock
from ..docks.teams_dialog import TeamsDialog
from ..editing.document import Document
from ..features.arrange import ArrangeActions
from ..features.capture import CaptureActions
from ..features.clipboard import ClipboardActions
from ..features.find import FindBar
from ..features.five_whys.dialog import FiveWhysLauncher
from ..features.focus import FocusMode
from ..features.presentation.mode import PresentationMode
from ..features.room.controller import RoomController
from ..features.room.overlay import RoomOverlay
from ..features.room.panel import RoomDock
from ..features.team_legend import TeamLegend
from ..features.why import WhyHighlighter
from ..files.autosave import AutosaveController
from ..files.file_actions import FileActions
from ..files.prompts import FilePrompts
from ..files.recent_files import RecentFiles
from ..support.settings import restore_window_layout, save_window_layout
from . import menus
from .welcome import WelcomeWidget

APP_TITLE = "Alignment Workshop"
_MESSAGE_MS = 8000


def score_text(report: Report | None) -> str:
    """The status bar's score: a percentage, or "—" when there is nothing to score."""
    if report is None or report.score is None:
        return _("Alignment: —")
    return _("Alignment: {score}").format(score=formats.score(report.score))


def zoom_text(zoom: float) -> str:
    """The status bar's zoom, named so that it never reads as part of the score."""
    return _("Zoom {percent}").format(percent=formats.percent(zoom))


class MainWindow(QMainWindow):
    """One editor window on one document."""

    def __init__(
        self,
        document: Document | None = None,
        *,
        prompts: FilePrompts | None = None,
        recent: RecentFiles | None = None,
        autosave: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.document = document or Document(self)
        self.scene = MapScene(self.document)
        self.view = MapView(self.scene, self)
        self.clipboard = ClipboardActions(self.document, self.scene)
        self.recent = recent or RecentFiles(parent=self)
        self.autosave = AutosaveController(self.document) if autosave else None
        self.files = FileActions(
            self.document,
            prompts or FilePrompts.dialogs(self),
            recent=self.recent,
            autosave=self.autosave,
            commit_pending=self.commit_pending,
        )
        self.find_bar = FindBar(self.document, self.scene, self.view, self)
        self.score_label = QLabel(score_text(None), self)
        self.zoom_label = QLabel(zoom_text(1.0), self)
        self._install_widgets()
        self._install_features()
        self.actions_by_name = menus.build(self, parts=self)
        self._install_status_bar()
        self._connect()
        self.resize(1400, 900)
        restore_window_layout(self)
        self._update_title()
        self._update_selection_actions()

    # ------------------------------------------------------------------ wiring

    def _install_widgets(self) -> None:
        """The welcome page and the map in the centre, the palette on the left."""
        self.welcome = WelcomeWidget(self.recent, self)
        self.stack = QStackedWidget(self)
        for page in (self.welcome, self.view):
            self.stack.addWidget(page)
        self.setCentralWidget(self.stack)
        self.palette_dock = PaletteDock(self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.palette_dock)

    def _install_features(self) -> None:
        """The docks and the map features, each in its own module."""
        doc, scene, view = self.document, self.scene, self.view
        self.inspector = InspectorDock(doc, scene, self)
        self.check_dock = CheckDock(doc, scene, view, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.inspector)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.check_dock)
        self.arrange = ArrangeActions(doc, scene, view, self)
        self.why = WhyHighlighter(doc, scene, view, self)
        self.focus = FocusMode(doc, scene, view, self)
        self.five_whys = FiveWhysLauncher(doc, scene, view, self)
        self.capture = CaptureActions(doc, scene, view, self, edit_teams=self.show_teams)
        self.presentation = PresentationMode(doc, scene, view, self)
        self.room = RoomController(doc, scene, view, self, five_whys=self.five_whys)
        self.room_dock = RoomDock(self.room, self)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.room_dock)
        self.tabifyDockWidget(self.check_dock, self.room_dock)
        self.check_dock.raise_()
        self.room_dock.hide()
        self.room_overlay = RoomOverlay(view, self.room)
        self.room_overlay.space_changed.connect(self.presentation.reserve_right)
        self.team_legend = TeamLegend(view, doc, self)
        self.presentation.overlays.bottom_left = self.team_legend
        self.team_legend.presenting_place = self.presentation.overlays.place
        self.presentation.active_changed.connect(self._size_legend)
        self.presentation.stage.step_changed.connect(self._scope_legend)
        scene.interaction.add_context_provider(self._node_context)

    def _legend_scope(self) -> Collection[str] | None:
        """While presenting, the team legend lists the teams of the step shown."""
        return self.presentation.stage.cards if self.presentation.is_active() else None

    def _size_legend(self, presenting: bool) -> None:
        self.team_legend.set_large(presenting, self._legend_scope())

    def _scope_legend(self) -> None:
        self.team_legend.set_scope(self._legend_scope())

    def _install_status_bar(self) -> None:
        """The score and the zoom, at the right of the status bar, with a line between."""
        status = self.statusBar()
        self.zoom_label.setToolTip(_("Zoom (Ctrl+wheel, Ctrl++ and Ctrl+-)"))
        for label in (self.score_label, self.zoom_label):
            label.setContentsMargins(8, 0, 8, 0)
        self.status_separator = QFrame(self)
        self.status_separator.setFrameShape(QFrame.Shape.VLine)
        self.status_separator.setFrameShadow(QFrame.Shadow.Sunken)
        for widget in (self.score_label, self.status_separator, self.zoom_label):
            status.addPermanentWidget(widget)

    def _node_context(self, menu: QMenu, selected: list[str]) -> None:
        """Why, Focus and Ask why… in a card's context menu."""
        if len(selected) == 1:
            for action in (self.why.action, self.focus.action, self.five_whys.action):
                if action.isEnabled():
                    menu.addAction(action)

    def commit_pending(self) -> None:
        """Put unfinished edits into the model: an in-place title, a half-typed field."""
        self.scene.interaction.finish_rename()
        self.inspector.flush()

    def show_teams(self) -> None:
        """Edit › Teams…: add, rename, recolour and remove teams."""
        dialog = TeamsDialog(self.document, self)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()  # one per use: do not keep every dialog alive

    def _connect(self) -> None:
        doc = self.document
        doc.path_changed.connect(self._update_title)
        doc.workshop_replaced.connect(self._on_replaced)
        doc.changed.connect(self._update_title)
        doc.modified_changed.connect(self.setWindowModified)
        doc.analysis_updated.connect(lambda report: self.score_label.setText(score_text(report)))
        doc.message.connect(lambda text: self.statusBar().showMessage(text, _MESSAGE_MS))
        if self.autosave is not None:  # stays until the next message: work is at risk
            self.autosave.failed.connect(lambda text: self.statusBar().showMessage(text))
        self.scene.selection_ids_changed.connect(self._update_selection_actions)
        self.palette_dock.add_requested.connect(self.add_card)
        self.files.closed.connect(self.show_welcome)
        self.files.closed.connect(self.room.close_room)
        self.welcome.new_requested.connect(self.files.new)
        self.welcome.open_requested.connect(self.files.open)
        self.welcome.open_example_requested.connect(self.files.open_example)
        self.welcome.open_path_requested.connect(self.files.open)
        self.view.zoom_changed.connect(lambda z: self.zoom_label.setText(zoom_text(z)))

    def action(self, name: str) -> QAction:
        """One of the window's actions by its short name ("undo", "fit", "delete"…)."""
        return self.actions_by_name[name]

    # ------------------------------------------------------------------ state

    def is_showing_map(self) -> bool:
        return self.stack.currentWidget() is self.view

    def show_map(self) -> None:
        self.stack.setCurrentWidget(self.view)
        self._enable_map_controls(True)
        self._update_selection_actions()

    def show_welcome(self) -> None:
        """The start screen: new, open, example and recent files."""
        self.stack.setCurrentWidget(self.welcome)
        self._enable_map_controls(False)
        self._update_title()

    def _enable_map_controls(self, on: bool) -> None:
        """Everything that works on an open map; the welcome screen has no map to edit."""
        for widget in (self.palette_dock, self.inspector.widget(), self.check_dock.widget()):
            widget.setEnabled(on)
        actions = [self.action(name) for name in menus.MAP_ACTIONS]
        actions += [self.why.action, self.focus.action, self.presentation.action]
        actions += [self.arrange.auto_layout_action, self.arrange.tidy_action]
        for action in actions:
            action.setEnabled(on)
        self.room.set_map_shown(on)

    def _on_replaced(self) -> None:
        self.show_map()
        self._update_title()
        self.view.fit_all()

    def _update_title(self) -> None:
        if self.is_showing_map():
            period = self.document.workshop.meta.period
            when = f" · {period_text(period)}" if period is not None else ""
            self.setWindowTitle(f"{self.document.display_name()}{when}[*] — {APP_TITLE}")
        else:
            self.setWindowTitle(APP_TITLE)
        self.setWindowModified(self.document.is_modified())

    def _update_selection_actions(self) -> None:
        has_nodes = bool(self.scene.selected_node_ids())
        has_any = has_nodes or bool(self.scene.selected_link_ids())
        on_map = self.is_showing_map()
        for name in ("cut", "copy", "duplicate", "rename"):
            self.action(name).setEnabled(on_map and has_nodes)
        self.action("delete").setEnabled(on_map and has_any)

    # ------------------------------------------------------------------ commands

    def open_path(self, path: Path) -> bool:
        """Open a file given on the command line (or dropped on the app)."""
        return self.files.open(Path(path))

    def add_card(self, kind: NodeKind) -> str | None:
        """Add a card of `kind` in free space mid-view (on a new map, from the welcome screen)."""
        if not self.is_showing_map():
            self.files.new()
        return self.view.add_card(kind)

    def changeEvent(self, event: QEvent) -> None:
        """On regaining focus, look for changes another program made to the open file."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            # After the activation is done, so a question appears over the active window.
            QTimer.singleShot(0, self.files, self.files.check_outside_changes)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.may_close():
            event.ignore()
            return
        if self.presentation.is_active():
            self.presentation.leave()  # keep the docks and window size, not the full screen
        self.room.close_room()
        save_window_layout(self)
        if self.autosave is not None:
            self.autosave.stop()
        event.accept()
