"""The welcome state: its buttons and recent files ask the window for the right thing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.files.recent_files import RecentFiles
from alignment_workshop.gui.window.welcome import WelcomeWidget


def test_buttons_emit_their_requests(qtbot: QtBot) -> None:
    welcome = WelcomeWidget(RecentFiles())
    qtbot.addWidget(welcome)
    for button, signal in (
        (welcome.new_button, welcome.new_requested),
        (welcome.open_button, welcome.open_requested),
        (welcome.example_button, welcome.open_example_requested),
    ):
        with qtbot.waitSignal(signal, timeout=1000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_recent_files_are_listed_and_open(tmp_path: Path, qtbot: QtBot) -> None:
    recent = RecentFiles()
    welcome = WelcomeWidget(recent)
    qtbot.addWidget(welcome)
    welcome.show()
    assert welcome.recent_list.count() == 0 and welcome.empty_label.isVisible()
    plan = tmp_path / "plan.alignment"
    plan.write_text("{}")
    recent.add(plan)  # the list follows the recent files without being told
    assert welcome.recent_list.count() == 1 and not welcome.empty_label.isVisible()
    item = welcome.recent_list.item(0)
    assert item.text().startswith("plan.alignment")
    with qtbot.waitSignal(welcome.open_path_requested) as blocker:
        welcome.recent_list.itemActivated.emit(item)
    assert blocker.args == [plan]
