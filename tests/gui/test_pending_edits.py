"""Unfinished edits (an in-place title, a half-typed Inspector field) reach the file.

Close, New and Open ask about them, and Save and Save As write them: nothing typed is
dropped because it had not left its editor yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment_workshop import fileio
from alignment_workshop.gui.editing.document import place_unplaced
from alignment_workshop.gui.files.prompts import FilePrompts, UnsavedChoice
from alignment_workshop.gui.window.main_window import MainWindow
from tests.support.generate import generate_workshop


class Asked:
    """Scripted prompts: Cancel at the unsaved question, save to `save_path`."""

    def __init__(self, save_path: Path | None = None) -> None:
        self.unsaved: list[str] = []
        self.save_path = save_path

    def prompts(self) -> FilePrompts:
        def ask(name: str) -> UnsavedChoice:
            self.unsaved.append(name)
            return UnsavedChoice.CANCEL

        return FilePrompts(
            ask_unsaved=ask,
            choose_open_path=lambda _start: None,
            choose_save_path=lambda _suggested: self.save_path,
            show_error=lambda _title, text: pytest.fail(text),
            confirm_locked=lambda _text: False,
        )


@pytest.fixture
def saved(tmp_path: Path) -> Path:
    workshop = generate_workshop(8, seed=3)
    place_unplaced(workshop)
    path = tmp_path / "pending.alignment"
    fileio.save(workshop, path)
    return path


def _window(qtbot, saved: Path, asked: Asked) -> tuple[MainWindow, str]:
    window = MainWindow(prompts=asked.prompts(), autosave=False)
    qtbot.addWidget(window)
    assert window.open_path(saved)
    node_id = next(window.document.workshop.iter_nodes()).id
    window.scene.select_ids([node_id], [])
    return window, node_id


def _type_in_inspector(window: MainWindow, text: str) -> None:
    window.inspector.node_page.fields["title"].setText(text)  # typed, no Enter, no focus-out


def test_close_asks_about_a_half_typed_inspector_field(qtbot, saved: Path) -> None:
    asked = Asked()
    window, node_id = _window(qtbot, saved, asked)
    _type_in_inspector(window, "Typed but not committed")
    assert not window.files.close()
    assert asked.unsaved == [saved.name]
    assert window.document.workshop.node(node_id).title == "Typed but not committed"


def test_new_asks_about_a_title_being_renamed_in_place(qtbot, saved: Path) -> None:
    asked = Asked()
    window, node_id = _window(qtbot, saved, asked)
    window.scene.interaction.start_rename(node_id)
    window.scene.interaction.title_editor.setPlainText("Renamed in place")
    assert not window.files.new()
    assert asked.unsaved == [saved.name]
    assert window.document.workshop.node(node_id).title == "Renamed in place"


def test_save_writes_the_typed_value(qtbot, saved: Path) -> None:
    window, node_id = _window(qtbot, saved, Asked())
    _type_in_inspector(window, "Saved from the field")
    assert window.files.save()
    assert fileio.load(saved).node(node_id).title == "Saved from the field"
    assert not window.document.is_modified()


def test_save_as_writes_the_typed_value(qtbot, saved: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.alignment"
    window, node_id = _window(qtbot, saved, Asked(save_path=other))
    window.scene.interaction.start_rename(node_id)
    window.scene.interaction.title_editor.setPlainText("Saved as, renamed in place")
    assert window.files.save_as()
    assert fileio.load(other).node(node_id).title == "Saved as, renamed in place"
