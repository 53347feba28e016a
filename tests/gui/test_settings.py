"""Settings live under the config folder; window layout and recent files persist."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from alignment_workshop import paths
from alignment_workshop.gui.files.recent_files import MAX_RECENT, RecentFiles
from alignment_workshop.gui.support.settings import (
    open_settings,
    restore_window_layout,
    save_window_layout,
    settings_path,
)


def _window(qtbot: QtBot) -> tuple[QMainWindow, QDockWidget]:
    window = QMainWindow()
    window.setCentralWidget(QLabel("canvas"))
    dock = QDockWidget("Inspector", window)
    dock.setObjectName("inspector-dock")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    qtbot.addWidget(window)
    return window, dock


def test_settings_file_is_in_the_config_folder(private_home: Path) -> None:
    settings = open_settings()
    settings.setValue("probe", "1")
    settings.sync()
    assert settings_path().parent == paths.config_dir()
    assert settings_path().is_relative_to(private_home)
    assert "probe=1" in settings_path().read_text()


def test_window_layout_round_trips(qtbot: QtBot) -> None:
    window, dock = _window(qtbot)
    window.resize(700, 480)
    window.show()
    window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
    save_window_layout(window)

    again, dock_again = _window(qtbot)
    assert again.dockWidgetArea(dock_again) == Qt.DockWidgetArea.RightDockWidgetArea
    assert restore_window_layout(again)
    assert again.dockWidgetArea(dock_again) == Qt.DockWidgetArea.LeftDockWidgetArea
    assert (again.width(), again.height()) == (700, 480)


def test_nothing_saved_restores_nothing(qtbot: QtBot) -> None:
    window, _ = _window(qtbot)
    assert not restore_window_layout(window)


def _touch(folder: Path, name: str) -> Path:
    path = folder / name
    path.write_text("{}")
    return path


def test_recent_files_newest_first_deduped_and_capped(tmp_path: Path, qtbot: QtBot) -> None:
    recent = RecentFiles()
    files = [_touch(tmp_path, f"w{i}.alignment") for i in range(MAX_RECENT + 3)]
    with qtbot.waitSignal(recent.changed):
        recent.add(files[0])
    for path in files[1:]:
        recent.add(path)
    recent.add(files[5])
    listed = RecentFiles().paths()  # a fresh reader sees what was stored
    assert len(listed) == MAX_RECENT
    assert listed[0] == files[5]
    assert listed.count(files[5]) == 1
    assert files[0] not in listed


def test_recent_files_prune_missing(tmp_path: Path) -> None:
    recent = RecentFiles()
    keep, gone = _touch(tmp_path, "keep.alignment"), _touch(tmp_path, "gone.alignment")
    recent.add(keep)
    recent.add(gone)
    gone.unlink()
    assert recent.paths() == [keep]
    recent.remove(keep)
    assert recent.paths() == []


def test_single_recent_file_survives_ini_round_trip(tmp_path: Path) -> None:
    only = _touch(tmp_path, "only one, with comma.alignment")
    RecentFiles().add(only)
    assert RecentFiles().paths() == [only]
