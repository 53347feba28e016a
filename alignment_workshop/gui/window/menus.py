"""The main window's actions, menus and toolbar.

`build(window, parts)` makes every action once, with the platform's standard shortcuts
where Qt has one (QKeySequence.StandardKey), files them under File, Edit, View, Arrange
and Help, puts the common ones on the toolbar, and returns the actions by short name.
`window` is the QMainWindow they are added to; `parts` (the same window, seen through
the `WindowParts` protocol) names what the actions call: the document, the scene, the
view, the file actions, the features and the docks.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QToolBar, QWidget

from ..canvas.scene import MapScene
from ..canvas.view import MapView
from ..docks.check_dock import CheckDock
from ..docks.inspector.dock import InspectorDock
from ..docks.palette import PaletteDock
from ..editing.document import Document
from ..features.arrange import ArrangeActions
from ..features.capture import CaptureActions
from ..features.clipboard import ClipboardActions
from ..features.find import FindBar
from ..features.five_whys.dialog import FiveWhysLauncher
from ..features.focus import FocusMode
from ..features.presentation.mode import PresentationMode
from ..features.room.controller import RoomController
from ..features.room.panel import RoomDock
from ..features.team_legend import TeamLegend
from ..features.why import WhyHighlighter
from ..files.file_actions import FileActions
from ..files.recent_files import RecentFiles
from ..support.plain_text import tooltip
from ..support.settings import larger_text, save_larger_text
from .about import app_icon, show_about
from .export_dialogs import (
    export_plan_dialog,
    export_slides_dialog,
    export_team_plan_dialog,
    refused_target,
)
from .export_jobs import export_map
from .help import show_user_guide
from .import_dialogs import export_spreadsheet_dialog, import_dialog

Key = QKeySequence.StandardKey
#: View › Larger Text: Ctrl+Alt+= (Ctrl++ and Ctrl+= zoom, and + and = vote up).
LARGER_TEXT_KEY = "Ctrl+Alt+="

#: Actions that only make sense while a workshop is on screen.
MAP_ACTIONS = (
    "save", "save_as", "close", "export_map", "export_plan", "export_team_plan", "export_slides",
    "import_into", "export_spreadsheet",
    "paste", "select_all", "find", "zoom_in", "zoom_out", "fit", "actual_size", "teams",
)  # fmt: skip


class WindowParts(Protocol):
    """What the actions and menus call: the window's document, canvas, features and docks."""

    document: Document
    scene: MapScene
    view: MapView
    files: FileActions
    recent: RecentFiles
    clipboard: ClipboardActions
    find_bar: FindBar
    arrange: ArrangeActions
    capture: CaptureActions
    why: WhyHighlighter
    focus: FocusMode
    five_whys: FiveWhysLauncher
    presentation: PresentationMode
    room: RoomController
    room_dock: RoomDock
    palette_dock: PaletteDock
    team_legend: TeamLegend
    inspector: InspectorDock
    check_dock: CheckDock

    def show_teams(self) -> None: ...


class _Actions:
    """The window's actions by short name, as `build` makes them."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.by_name: dict[str, QAction] = {}

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def add(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self.window)
        if isinstance(shortcut, QKeySequence.StandardKey):
            action.setShortcuts(QKeySequence.keyBindings(shortcut))
        elif shortcut:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(f"{text.replace('&', '').rstrip('…')} — {tip}")
        action.triggered.connect(lambda _=False: slot())
        return self.adopt(name, action)

    def adopt(self, name: str, action: QAction) -> QAction:
        """File an action made elsewhere (undo, redo) under `name`."""
        self.window.addAction(action)
        self.by_name[name] = action
        return action


def build(window: QMainWindow, parts: WindowParts) -> dict[str, QAction]:
    """Make the window's actions, menus and toolbar; returns the actions by short name."""
    actions = _Actions(window)
    _file_actions(actions, parts)
    _edit_actions(actions, parts)
    _view_actions(actions, parts)
    _help_actions(actions)
    _menus(actions, parts)
    _toolbar(actions, parts)
    return actions.by_name


def _file_actions(a: _Actions, p: WindowParts) -> None:
    files, window, document = p.files, a.window, p.document
    a.add("new", "&New Workshop", files.new, Key.New, "Start an empty workshop")
    a.add("open", "&Open…", files.open, Key.Open, "Open a workshop file")
    a.add("open_example", "Open &Example", files.open_example)
    a.add("save", "&Save", files.save, Key.Save, "Save the workshop")
    a.add("save_as", "Save &As…", files.save_as, Key.SaveAs)
    a.add("export_map", "&Export Map…", lambda: export_map_dialog(window, document), "Ctrl+E",
          "Save the whole map as a PNG or SVG image")  # fmt: skip
    a.add("export_plan", "Export Action &Plan…", lambda: export_plan_dialog(window, document),
          "Ctrl+Shift+E", "Write the PDF action plan participants take home")  # fmt: skip
    a.add("export_team_plan", "Export &Team Plan…",
          lambda: export_team_plan_dialog(window, document),
          None, "Write one team's PDF action plan")  # fmt: skip
    a.add("export_slides", "Export S&lides…", lambda: export_slides_dialog(window, document),
          None, "Write the presentation's steps as 16:9 PDF slides")  # fmt: skip
    a.add("import", "&Import…", lambda: import_dialog(window, document, files, into=False),
          "Ctrl+Shift+I", "Make a workshop from a spreadsheet or a Markdown outline")  # fmt: skip
    a.add("import_into", "Import into This &Workshop…",
          lambda: import_dialog(window, document, files, into=True), None,
          "Update cards by id and add new ones from a spreadsheet or outline")  # fmt: skip
    a.add("export_spreadsheet", "Export &Spreadsheet…",
          lambda: export_spreadsheet_dialog(window, document), None,
          "Write the workshop as an XLSX workbook or a one-table CSV file")  # fmt: skip
    a.add("close", "&Close", files.close, Key.Close)
    a.add("quit", "&Quit", window.close, Key.Quit)


def _edit_actions(a: _Actions, p: WindowParts) -> None:
    stack = p.document.undo_stack
    for name, action, key in (
        ("undo", stack.createUndoAction(a.window, "&Undo"), Key.Undo),
        ("redo", stack.createRedoAction(a.window, "&Redo"), Key.Redo),
    ):
        action.setShortcuts(QKeySequence.keyBindings(key))
        a.adopt(name, action)
    clip = p.clipboard
    a.add("cut", "Cu&t", clip.cut, Key.Cut)
    a.add("copy", "&Copy", clip.copy, Key.Copy)
    a.add("paste", "&Paste", clip.paste, Key.Paste)
    a.add("duplicate", "D&uplicate", clip.duplicate, "Ctrl+D")
    a.add("delete", "&Delete", p.scene.interaction.delete_selection, Key.Delete,
          "Delete the selection with its links")  # fmt: skip
    a.add("select_all", "Select &All", p.scene.select_all, Key.SelectAll)
    a.add("rename", "&Rename", p.view.rename_selected, "F2", "Edit the selected card's title")
    a.add("find", "&Find…", p.find_bar.focus, Key.Find, "Jump to a card by its title")
    a.add("teams", "&Teams…", p.show_teams, "Ctrl+Shift+T", "Add, rename, recolour teams")


def _view_actions(a: _Actions, p: WindowParts) -> None:
    view = p.view
    a.add("zoom_in", "Zoom &In", view.zoom_in, Key.ZoomIn)
    a.add("zoom_out", "Zoom &Out", view.zoom_out, Key.ZoomOut)
    a.add("fit", "&Fit to View", view.fit_all, "Ctrl+0",
          "Show the whole map, as far as titles stay readable")  # fmt: skip
    a.add("actual_size", "&Actual Size", view.reset_zoom, "Ctrl+1")
    larger = a.add("larger_text", "&Larger Text", lambda: None, LARGER_TEXT_KEY,
                   "Write card titles larger, for a projector")  # fmt: skip
    larger.setCheckable(True)
    larger.setChecked(larger_text())
    view.set_larger_text(larger.isChecked())
    larger.toggled.connect(view.set_larger_text)
    larger.toggled.connect(save_larger_text)


def _help_actions(a: _Actions) -> None:
    window = a.window
    a.add("guide", "&User Guide", lambda: show_user_guide(window), Key.HelpContents)
    a.add("about", "&About Alignment Workshop", lambda: show_about(window))


def _menus(a: _Actions, p: WindowParts) -> None:
    bar = a.window.menuBar()
    _file_menu(a, p, bar.addMenu("&File"))
    _edit_menu(a, p, bar.addMenu("&Edit"))
    _view_menu(a, p, bar.addMenu("&View"))
    arrange = bar.addMenu("&Arrange")
    for action in p.arrange.actions():
        arrange.addAction(action)
    help_menu = bar.addMenu("&Help")
    for name in ("guide", "about"):
        help_menu.addAction(a[name])


def _file_menu(a: _Actions, p: WindowParts, menu: QMenu) -> None:
    for name in ("new", "open"):
        menu.addAction(a[name])
    recent = menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(p, recent))
    menu.addAction(a["open_example"])
    menu.addSeparator()
    for name in ("save", "save_as"):
        menu.addAction(a[name])
    menu.addSeparator()
    for name in ("import", "import_into"):
        menu.addAction(a[name])
    menu.addSeparator()
    for name in (
        "export_plan", "export_team_plan", "export_slides", "export_map", "export_spreadsheet"
    ):  # fmt: skip
        menu.addAction(a[name])
    menu.addSeparator()
    for name in ("close", "quit"):
        menu.addAction(a[name])


def _edit_menu(a: _Actions, p: WindowParts, menu: QMenu) -> None:
    for group in (("undo", "redo"), ("cut", "copy", "paste", "duplicate", "delete"),
                  ("select_all", "rename", "find")):  # fmt: skip
        for name in group:
            menu.addAction(a[name])
        menu.addSeparator()
    menu.addAction(p.capture.supporting_goal_action)
    menu.addAction(p.five_whys.action)
    menu.addAction(a["teams"])


def _view_menu(a: _Actions, p: WindowParts, menu: QMenu) -> None:
    for name in ("zoom_in", "zoom_out", "fit", "actual_size", "larger_text"):
        menu.addAction(a[name])
    menu.addSeparator()
    menu.addAction(p.why.action)
    menu.addAction(p.focus.action)
    menu.addAction(p.team_legend.action)
    menu.addSeparator()
    for action in p.presentation.actions():
        menu.addAction(action)
    menu.addSeparator()
    menu.addAction(p.room.open_action)
    room = menu.addMenu("Roo&m")
    for item in p.room.actions():
        if item is None:
            room.addSeparator()
        else:
            room.addAction(item)
    room.addAction(p.room_dock.toggleViewAction())
    menu.addSeparator()
    for dock in (p.palette_dock, p.inspector, p.check_dock):
        menu.addAction(dock.toggleViewAction())


def _fill_recent(p: WindowParts, menu: QMenu) -> None:
    menu.clear()
    paths = p.recent.paths()
    for path in paths:
        action = menu.addAction(f"{path.name}  —  {path.parent}")
        action.triggered.connect(lambda _=False, path=path: p.files.open(path))
    if not paths:
        menu.addAction("No recent workshops").setEnabled(False)


def _toolbar(a: _Actions, p: WindowParts) -> None:
    window = a.window
    bar = QToolBar("Main toolbar", window)
    bar.setObjectName("MainToolBar")
    bar.setMovable(False)
    for name in ("new", "open", "save"):
        bar.addAction(a[name])
    bar.addSeparator()
    stack = p.document.undo_stack
    bar.addAction(StackButtonAction(stack, "Undo", redo=False, parent=window))
    bar.addAction(StackButtonAction(stack, "Redo", redo=True, parent=window))
    bar.addAction(a["delete"])
    bar.addSeparator()
    for name in ("zoom_out", "fit", "zoom_in"):
        bar.addAction(a[name])
    bar.addSeparator()
    for action in (p.why.action, p.focus.action, p.presentation.action):
        bar.addAction(action)
    bar.addSeparator()
    bar.addWidget(p.find_bar)
    window.addToolBar(bar)
    window.setWindowIcon(app_icon())


class StackButtonAction(QAction):
    """A toolbar Undo or Redo that keeps its short label; its tooltip names the step."""

    def __init__(self, stack: QUndoStack, text: str, *, redo: bool, parent: QWidget) -> None:
        super().__init__(text, parent)
        self._text = text
        self.triggered.connect(stack.redo if redo else stack.undo)
        can, changed = (
            (stack.canRedo, stack.canRedoChanged) if redo else (stack.canUndo, stack.canUndoChanged)
        )
        self.setEnabled(can())
        changed.connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self.show_step)

    def show_step(self, step: str) -> None:
        self.setToolTip(tooltip(f"{self._text} {step}" if step else self._text))


def export_map_dialog(parent: QWidget, document: Document) -> Path | None:
    """Ask where, then write the whole map as PNG (2× scale) or SVG in the background.

    Returns the path being written, or None when the user cancelled or the target was
    refused.
    """
    suggested = document.path.with_suffix(".png") if document.path else Path.home() / "map.png"
    name, chosen = QFileDialog.getSaveFileName(
        parent, "Export Map", str(suggested), "PNG image (*.png);;SVG drawing (*.svg)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
    if refused_target(parent, document, path, "Map not exported"):
        return None
    export_map(parent, document, path)
    return path
