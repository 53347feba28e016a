"""Someone else changed the file (issue 9, item 1): never overwritten without a word.

The window remembers what its file held when it was read or last saved. When the window
regains focus, and always before Save, it compares the file on disk with that; if another
program changed or removed it, the user chooses: reload theirs, save mine as…, or
overwrite. These tests play the person: they edit, let "git" rewrite the file, bring the
window back to the front and press Ctrl+S.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio, paths
from alignment_workshop.gui.files.autosave_files import leftover_autosaves, write_autosave
from alignment_workshop.gui.files.prompts import FilePrompts, OutsideChoice, UnsavedChoice
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Node, NodeKind, Workshop
from tests.gui.test_recovery import _dead_pid
from tests.support.windows import activate


class Person:
    """Scripted answers, and a record of every outside-change question asked."""

    def __init__(self) -> None:
        self.outside = OutsideChoice.CANCEL
        self.save_path: Path | None = None
        self.asked: list[tuple[str, bool, bool]] = []

    def prompts(self) -> FilePrompts:
        def ask(name: str, gone: bool, modified: bool) -> OutsideChoice:
            self.asked.append((name, gone, modified))
            return self.outside

        return FilePrompts(
            ask_unsaved=lambda _name: UnsavedChoice.DISCARD,
            choose_open_path=lambda _start: None,
            choose_save_path=lambda _suggested: self.save_path,
            show_error=lambda _title, text: pytest.fail(text),
            confirm_locked=lambda _text: True,
            ask_outside_change=ask,
        )


def _workshop(title: str) -> Workshop:
    workshop = Workshop()
    workshop.update_meta(title=title)
    workshop.add_node(Node(id="v", kind=NodeKind.VISION, title=f"{title} vision", pos=(0.0, 0.0)))
    return workshop


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.alignment"
    fileio.save(_workshop("Ours"), path)
    return path


def _open(qtbot: QtBot, plan: Path, person: Person) -> MainWindow:
    window = MainWindow(prompts=person.prompts())
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert window.open_path(plan)
    window.document.update_meta(title="My unsaved edit")
    return window


def _someone_else_saves(plan: Path, title: str = "Theirs") -> bytes:
    """Another program rewrites the file in place (a sync client, git checkout)."""
    data = fileio.dumps(_workshop(title))
    plan.write_bytes(data)
    return data


def _press_save(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def _focus(qtbot: QtBot, window: MainWindow) -> None:
    """The person works in another program for a while, then comes back to the window."""
    elsewhere = QWidget()
    qtbot.addWidget(elsewhere)
    activate(qtbot, elsewhere)
    activate(qtbot, window)


def test_ctrl_s_asks_and_cancel_keeps_their_file(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    theirs = _someone_else_saves(plan)
    _press_save(qtbot, window)
    assert person.asked == [("plan.alignment", False, True)]
    assert plan.read_bytes() == theirs
    assert window.document.is_modified()
    _press_save(qtbot, window)  # asked again: a save is never silent while it differs
    assert len(person.asked) == 2 and plan.read_bytes() == theirs


def test_overwrite_writes_mine_and_keeps_theirs_as_bak(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    theirs = _someone_else_saves(plan)
    person.outside = OutsideChoice.OVERWRITE
    _press_save(qtbot, window)
    assert fileio.load(plan).meta.title == "My unsaved edit"
    assert fileio.backup_path(plan).read_bytes() == theirs
    assert not window.document.is_modified()
    window.document.update_meta(title="Next edit")
    _press_save(qtbot, window)  # our own save is the new reference: no question
    assert len(person.asked) == 1 and fileio.load(plan).meta.title == "Next edit"


def test_reload_takes_their_version(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    _someone_else_saves(plan)
    person.outside = OutsideChoice.RELOAD
    _press_save(qtbot, window)
    assert window.document.workshop.meta.title == "Theirs"
    assert not window.document.is_modified() and fileio.load(plan).meta.title == "Theirs"
    assert list(paths.autosave_dir().iterdir()) == []


def test_save_mine_as_leaves_theirs_alone(qtbot: QtBot, plan: Path, tmp_path: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    theirs = _someone_else_saves(plan)
    person.outside = OutsideChoice.SAVE_AS
    person.save_path = tmp_path / "mine.alignment"
    _press_save(qtbot, window)
    assert plan.read_bytes() == theirs
    assert fileio.load(person.save_path).meta.title == "My unsaved edit"
    assert window.document.path == person.save_path and not window.document.is_modified()


def test_a_removed_file_is_asked_about_and_can_be_saved_again(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    plan.unlink()
    _press_save(qtbot, window)
    assert person.asked == [("plan.alignment", True, True)] and not plan.exists()
    person.outside = OutsideChoice.OVERWRITE
    _press_save(qtbot, window)
    assert fileio.load(plan).meta.title == "My unsaved edit"


def test_regaining_focus_asks_once_per_outside_change(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    _focus(qtbot, window)
    qtbot.wait(50)
    assert person.asked == []  # nothing changed outside: no question
    _someone_else_saves(plan)
    _focus(qtbot, window)
    qtbot.waitUntil(lambda: person.asked == [("plan.alignment", False, True)])
    _focus(qtbot, window)
    qtbot.wait(50)
    assert len(person.asked) == 1, "the same outside change is asked about only once"
    _someone_else_saves(plan, "Theirs again")
    _focus(qtbot, window)
    qtbot.waitUntil(lambda: len(person.asked) == 2)


def test_focus_on_an_unmodified_window_can_reload(qtbot: QtBot, plan: Path) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    window.document.undo_stack.undo()
    assert not window.document.is_modified()
    _someone_else_saves(plan)
    person.outside = OutsideChoice.RELOAD
    _focus(qtbot, window)
    qtbot.waitUntil(lambda: window.document.workshop.meta.title == "Theirs")
    assert person.asked == [("plan.alignment", False, False)]


def test_a_file_only_touched_or_rewritten_identically_is_no_change(
    qtbot: QtBot, plan: Path
) -> None:
    person = Person()
    window = _open(qtbot, plan, person)
    data = plan.read_bytes()
    plan.write_bytes(data)
    os.utime(plan, (1_000_000_000, 1_000_000_000))
    _focus(qtbot, window)
    qtbot.wait(50)
    _press_save(qtbot, window)
    assert person.asked == [] and fileio.load(plan).meta.title == "My unsaved edit"


def test_a_recovered_autosave_still_notices_a_change_made_after_the_crash(
    qtbot: QtBot, plan: Path
) -> None:
    state = fileio.state_of(plan)
    assert state is not None
    recovered = _workshop("Ours")
    recovered.update_meta(title="Recovered edit")
    entry = write_autosave(
        paths.autosave_dir(), "crashed-1-a", fileio.dumps(recovered), plan, "x", state
    )
    sidecar = json.loads(entry.sidecar_path.read_text())
    sidecar["owner"]["pid"] = _dead_pid()
    entry.sidecar_path.write_text(json.dumps(sidecar))
    [found] = leftover_autosaves()
    assert found.original_state == state
    theirs = _someone_else_saves(plan)  # a colleague saved after our crash
    person = Person()
    window = MainWindow(prompts=person.prompts())
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert window.files.recover(found, recovered)
    _press_save(qtbot, window)
    assert person.asked == [("plan.alignment", False, True)] and plan.read_bytes() == theirs
