"""Recovery after a double-click (issue 9, item 10).

After a crash, starting the app with the file as its argument (a double-click in the
file manager) must offer the autosave of that file, just as a start without arguments
does; so must File › Open and Open Recent. The question is a real message box, answered
here by clicking one of its buttons.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio
from alignment_workshop.gui import app as app_module
from alignment_workshop.gui.files.autosave_files import leftover_autosaves
from alignment_workshop.gui.files.prompts import UnsavedChoice
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Workshop
from tests.gui.test_recovery import _crashed_autosave

Asked = list[tuple[str, Qt.TextFormat]]


def _click(monkeypatch: pytest.MonkeyPatch, label: str) -> Asked:
    """Answer every message box by clicking the button called `label`; record its text."""
    asked: Asked = []

    def answer(box: QMessageBox) -> int:
        asked.append((box.text(), box.textFormat()))
        [button] = [b for b in box.buttons() if b.text().replace("&", "") == label]
        button.click()
        return box.result()

    monkeypatch.setattr(QMessageBox, "exec", answer)
    return asked


def _titled(title: str) -> Workshop:
    workshop = Workshop()
    workshop.update_meta(title=title)
    return workshop


@pytest.fixture
def crashed(tmp_path: Path) -> Path:
    """A saved plan, and the autosave of unsaved edits that a crashed session left."""
    plan = tmp_path / "plan.alignment"
    fileio.save(_titled("As saved"), plan)
    _crashed_autosave("crashed-1-a", _titled("Unsaved edits before the crash"), plan)
    return plan


def _start(qtbot: QtBot, how: Callable[[], MainWindow]) -> MainWindow:
    window = how()
    qtbot.addWidget(window)
    # Closing at the end of the test discards whatever was recovered, without a dialog.
    window.files.prompts.ask_unsaved = lambda _name: UnsavedChoice.DISCARD
    return window


def test_double_click_after_a_crash_offers_the_autosave(
    qtbot: QtBot, crashed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _click(monkeypatch, "Recover")
    window = _start(qtbot, lambda: app_module.start_window(crashed))
    [(text, text_format)] = asked
    assert "'plan.alignment'" in text and text_format is Qt.TextFormat.PlainText
    assert window.document.workshop.meta.title == "Unsaved edits before the crash"
    assert window.document.path == crashed and window.document.is_modified()
    assert fileio.load(crashed).meta.title == "As saved"
    window.files.save()
    assert fileio.load(crashed).meta.title == "Unsaved edits before the crash"
    assert leftover_autosaves() == []
    app_module._WINDOWS.remove(window)


def test_open_saved_file_keeps_the_autosave_for_later(
    qtbot: QtBot, crashed: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked = _click(monkeypatch, "Open Saved File")
    window = _start(qtbot, lambda: app_module.start_window(crashed))
    assert len(asked) == 1
    assert window.document.workshop.meta.title == "As saved"
    assert not window.document.is_modified()
    assert [e.original for e in leftover_autosaves()] == [crashed]
    app_module._WINDOWS.remove(window)


def test_cancel_opens_nothing(qtbot: QtBot, crashed: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _click(monkeypatch, "Cancel")
    window = _start(qtbot, MainWindow)
    assert not window.open_path(crashed)
    assert window.document.path is None and len(leftover_autosaves()) == 1


def test_file_open_offers_it_too_and_a_file_without_an_autosave_does_not_ask(
    qtbot: QtBot, crashed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    other = tmp_path / "other.alignment"
    fileio.save(_titled("Other"), other)
    asked = _click(monkeypatch, "Recover")
    window = _start(qtbot, MainWindow)
    assert window.open_path(other) and asked == []
    window.files.prompts.choose_open_path = lambda _start: crashed
    assert window.files.open()
    assert len(asked) == 1 and window.document.workshop.meta.title.startswith("Unsaved")


def test_a_link_to_the_file_finds_its_autosave(
    qtbot: QtBot, crashed: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    link = tmp_path / "shortcut.alignment"
    link.symlink_to(crashed)
    asked = _click(monkeypatch, "Recover")
    window = _start(qtbot, MainWindow)
    assert window.open_path(link)
    assert len(asked) == 1 and window.document.workshop.meta.title.startswith("Unsaved")
