"""The main window's actions, menus, toolbar and status bar.

`build(window)` makes every action once, with the platform's standard shortcuts where
Qt has one (QKeySequence.StandardKey), files them under File, Edit, View, Arrange and
Help, and puts the common ones on the toolbar. Actions only call methods of the window,
the document, the scene, the view or the file actions.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar

from .about import app_icon, show_about
from .export_dialogs import export_plan_dialog, export_team_plan_dialog
from .export_jobs import export_map
from .help import show_user_guide

if TYPE_CHECKING:
    from .main_window import MainWindow

Key = QKeySequence.StandardKey

#: Actions that only make sense while a workshop is on screen.
MAP_ACTIONS = (
    "save", "save_as", "close", "export_map", "export_plan", "export_team_plan",
    "paste", "select_all", "find", "zoom_in", "zoom_out", "fit", "actual_size", "teams",
)  # fmt: skip


def _action(
    window: MainWindow,
    name: str,
    text: str,
    slot: Callable[[], object],
    shortcut: QKeySequence.StandardKey | str | None = None,
    tip: str = "",
) -> QAction:
    action = QAction(text, window)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(QKeySequence.keyBindings(shortcut))
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} — {tip}")
    action.triggered.connect(lambda _=False: slot())
    window.addAction(action)
    window.actions_by_name[name] = action
    return action


def build(window: MainWindow) -> None:
    """Make the window's actions, menus, toolbar and status bar."""
    _file_actions(window)
    _edit_actions(window)
    _view_actions(window)
    _help_actions(window)
    _menus(window)
    _toolbar(window)
    status = window.statusBar()
    status.addPermanentWidget(window.score_label)
    status.addPermanentWidget(window.zoom_label)


def _file_actions(w: MainWindow) -> None:
    files = w.files
    _action(w, "new", "&New Workshop", files.new, Key.New, "Start an empty workshop")
    _action(w, "open", "&Open…", files.open, Key.Open, "Open a workshop file")
    _action(w, "open_example", "Open &Example", files.open_example)
    _action(w, "save", "&Save", files.save, Key.Save, "Save the workshop")
    _action(w, "save_as", "Save &As…", files.save_as, Key.SaveAs)
    _action(w, "export_map", "&Export Map…", lambda: export_map_dialog(w), "Ctrl+E",
            "Save the whole map as a PNG or SVG image")  # fmt: skip
    _action(w, "export_plan", "Export Action &Plan…", lambda: export_plan_dialog(w),
            "Ctrl+Shift+E", "Write the PDF action plan participants take home")  # fmt: skip
    _action(w, "export_team_plan", "Export &Team Plan…", lambda: export_team_plan_dialog(w),
            None, "Write one team's PDF action plan")  # fmt: skip
    _action(w, "close", "&Close", files.close, Key.Close)
    _action(w, "quit", "&Quit", w.close, Key.Quit)


def _edit_actions(w: MainWindow) -> None:
    stack = w.document.undo_stack
    for name, action, key in (
        ("undo", stack.createUndoAction(w, "&Undo"), Key.Undo),
        ("redo", stack.createRedoAction(w, "&Redo"), Key.Redo),
    ):
        action.setShortcuts(QKeySequence.keyBindings(key))
        w.addAction(action)
        w.actions_by_name[name] = action
    clip = w.clipboard
    _action(w, "cut", "Cu&t", clip.cut, Key.Cut)
    _action(w, "copy", "&Copy", clip.copy, Key.Copy)
    _action(w, "paste", "&Paste", clip.paste, Key.Paste)
    _action(w, "duplicate", "D&uplicate", clip.duplicate, "Ctrl+D")
    _action(w, "delete", "&Delete", w.delete_selected, Key.Delete,
            "Delete the selection with its links")  # fmt: skip
    _action(w, "select_all", "Select &All", w.select_all, Key.SelectAll)
    _action(w, "rename", "&Rename", w.rename_selected, "F2", "Edit the selected card's title")
    _action(w, "find", "&Find…", w.find_bar.focus, Key.Find, "Jump to a card by its title")
    _action(w, "teams", "&Teams…", w.show_teams, "Ctrl+Shift+T", "Add, rename, recolour teams")


def _view_actions(w: MainWindow) -> None:
    view = w.view
    _action(w, "zoom_in", "Zoom &In", view.zoom_in, Key.ZoomIn)
    _action(w, "zoom_out", "Zoom &Out", view.zoom_out, Key.ZoomOut)
    _action(w, "fit", "&Fit to View", view.fit_all, "Ctrl+0", "Show the whole map")
    _action(w, "actual_size", "&Actual Size", view.reset_zoom, "Ctrl+1")


def _help_actions(w: MainWindow) -> None:
    _action(w, "guide", "&User Guide", lambda: show_user_guide(w), Key.HelpContents)
    _action(w, "about", "&About Alignment Workshop", lambda: show_about(w))


def _menus(w: MainWindow) -> None:
    bar = w.menuBar()
    w.file_menu = _file_menu(w, bar.addMenu("&File"))
    w.edit_menu = _edit_menu(w, bar.addMenu("&Edit"))
    w.view_menu = _view_menu(w, bar.addMenu("&View"))
    w.arrange_menu = bar.addMenu("&Arrange")
    for action in w.arrange.actions():
        w.arrange_menu.addAction(action)
    w.help_menu = bar.addMenu("&Help")
    for name in ("guide", "about"):
        w.help_menu.addAction(w.action(name))


def _file_menu(w: MainWindow, menu: QMenu) -> QMenu:
    for name in ("new", "open"):
        menu.addAction(w.action(name))
    recent = menu.addMenu("Open &Recent")
    recent.aboutToShow.connect(lambda: _fill_recent(w, recent))
    menu.addAction(w.action("open_example"))
    menu.addSeparator()
    for name in ("save", "save_as"):
        menu.addAction(w.action(name))
    menu.addSeparator()
    for name in ("export_plan", "export_team_plan", "export_map"):
        menu.addAction(w.action(name))
    menu.addSeparator()
    for name in ("close", "quit"):
        menu.addAction(w.action(name))
    return menu


def _edit_menu(w: MainWindow, menu: QMenu) -> QMenu:
    for group in (("undo", "redo"), ("cut", "copy", "paste", "duplicate", "delete"),
                  ("select_all", "rename", "find")):  # fmt: skip
        for name in group:
            menu.addAction(w.action(name))
        menu.addSeparator()
    menu.addAction(w.five_whys.action)
    menu.addAction(w.action("teams"))
    return menu


def _view_menu(w: MainWindow, menu: QMenu) -> QMenu:
    for name in ("zoom_in", "zoom_out", "fit", "actual_size"):
        menu.addAction(w.action(name))
    menu.addSeparator()
    menu.addAction(w.why.action)
    menu.addAction(w.focus.action)
    menu.addSeparator()
    for action in w.presentation.actions():
        menu.addAction(action)
    menu.addSeparator()
    for dock in (w.palette, w.inspector, w.check_dock):
        menu.addAction(dock.toggleViewAction())
    return menu


def _fill_recent(w: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = w.recent.paths()
    for path in paths:
        action = menu.addAction(f"{path.name}  —  {path.parent}")
        action.triggered.connect(lambda _=False, p=path: w.files.open(p))
    if not paths:
        menu.addAction("No recent workshops").setEnabled(False)


def _toolbar(w: MainWindow) -> None:
    bar = QToolBar("Main toolbar", w)
    bar.setObjectName("MainToolBar")
    bar.setMovable(False)
    for name in ("new", "open", "save"):
        bar.addAction(w.action(name))
    bar.addSeparator()
    bar.addAction(StackButtonAction(w, "Undo", redo=False))
    bar.addAction(StackButtonAction(w, "Redo", redo=True))
    bar.addAction(w.action("delete"))
    bar.addSeparator()
    for name in ("zoom_out", "fit", "zoom_in"):
        bar.addAction(w.action(name))
    bar.addSeparator()
    for action in (w.why.action, w.focus.action, w.presentation.action):
        bar.addAction(action)
    bar.addSeparator()
    bar.addWidget(w.find_bar)
    w.addToolBar(bar)
    w.toolbar = bar
    w.setWindowIcon(app_icon())


class StackButtonAction(QAction):
    """A toolbar Undo or Redo that keeps its short label; its tooltip names the step."""

    def __init__(self, w: MainWindow, text: str, *, redo: bool) -> None:
        super().__init__(text, w)
        stack = w.document.undo_stack
        self._text = text
        self.triggered.connect(stack.redo if redo else stack.undo)
        can, changed = (
            (stack.canRedo, stack.canRedoChanged) if redo else (stack.canUndo, stack.canUndoChanged)
        )
        self.setEnabled(can())
        changed.connect(self.setEnabled)
        (stack.redoTextChanged if redo else stack.undoTextChanged).connect(self.show_step)

    def show_step(self, step: str) -> None:
        self.setToolTip(f"{self._text} {step}" if step else self._text)


def export_map_dialog(window: MainWindow) -> Path | None:
    """Ask where, then write the whole map as PNG (2× scale) or SVG in the background.

    Returns the path being written, or None when the user cancelled the file dialog.
    """
    document = window.document
    suggested = document.path.with_suffix(".png") if document.path else Path.home() / "map.png"
    name, chosen = QFileDialog.getSaveFileName(
        window, "Export Map", str(suggested), "PNG image (*.png);;SVG drawing (*.svg)"
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
    export_map(window, document, path)
    return path
