"""File actions: the unsaved prompt with each answer, save errors, loader errors, lock warning."""

from __future__ import annotations

import errno
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from alignment_workshop import fileio, paths, safe_files
from alignment_workshop.gui.editing.document import Document, place_unplaced
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.gui.files.file_actions import FileActions
from alignment_workshop.gui.files.lockfile import lock_path_for, read_lock
from alignment_workshop.gui.files.prompts import FilePrompts, UnsavedChoice
from alignment_workshop.gui.files.recent_files import RecentFiles
from alignment_workshop.gui.support.instance import this_host
from alignment_workshop.model import Workshop
from tests.support.generate import generate_workshop


def _placed(nodes: int, seed: int = 7) -> Workshop:
    """A generated workshop with every card placed, as the editor would save it."""
    workshop = generate_workshop(nodes, seed=seed)
    place_unplaced(workshop)
    return workshop


class Answers:
    """Scripted answers for every prompt, and a record of what was asked."""

    def __init__(self, unsaved: UnsavedChoice = UnsavedChoice.CANCEL) -> None:
        self.unsaved = unsaved
        self.open_path: Path | None = None
        self.save_path: Path | None = None
        self.open_anyway = False
        self.asked: list[str] = []
        self.errors: list[str] = []
        self.lock_warnings: list[str] = []

    def prompts(self) -> FilePrompts:
        def ask(name: str) -> UnsavedChoice:
            self.asked.append(name)
            return self.unsaved

        def locked(text: str) -> bool:
            self.lock_warnings.append(text)
            return self.open_anyway

        return FilePrompts(
            ask_unsaved=ask,
            choose_open_path=lambda _start: self.open_path,
            choose_save_path=lambda _suggested: self.save_path,
            show_error=lambda _title, text: self.errors.append(text),
            confirm_locked=locked,
        )


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.alignment", tmp_path / "second.alignment"
    fileio.save(_placed(20, seed=1), first)
    fileio.save(_placed(25, seed=2), second)
    return first, second


def _setup(first: Path, answers: Answers) -> tuple[Document, FileActions, AutosaveController]:
    document = Document()
    autosave = AutosaveController(document)
    actions = FileActions(document, answers.prompts(), recent=RecentFiles(), autosave=autosave)
    assert actions.open(first)
    document.update_node("obj-0", title="Unsaved edit")
    assert autosave.write_now()
    return document, actions, autosave


def _close(actions: FileActions, _answers: Answers, _other: Path) -> bool:
    return actions.close()


def _new(actions: FileActions, _answers: Answers, _other: Path) -> bool:
    return actions.new()


def _open(actions: FileActions, answers: Answers, other: Path) -> bool:
    answers.open_path = other
    return actions.open()


ACTIONS: dict[str, Callable[[FileActions, Answers, Path], bool]] = {
    "close": _close,
    "new": _new,
    "open": _open,
}


@pytest.mark.parametrize("action", ACTIONS)
def test_cancel_loses_nothing(action: str, files: tuple[Path, Path]) -> None:
    first, second = files
    answers = Answers(UnsavedChoice.CANCEL)
    document, actions, autosave = _setup(first, answers)
    before = document.workshop.copy()
    assert not ACTIONS[action](actions, answers, second)
    assert answers.asked == ["first.alignment"]
    assert document.is_modified() and document.path == first
    assert document.workshop == before
    assert autosave.entry.data_path.exists()
    assert fileio.load(first) != before  # nothing written either


@pytest.mark.parametrize("action", ACTIONS)
def test_discard_drops_the_changes_and_the_autosave(action: str, files: tuple[Path, Path]) -> None:
    first, second = files
    answers = Answers(UnsavedChoice.DISCARD)
    document, actions, _autosave = _setup(first, answers)
    assert ACTIONS[action](actions, answers, second)
    assert not document.is_modified()
    assert fileio.load(first).node("obj-0").title != "Unsaved edit"
    assert list(paths.autosave_dir().iterdir()) == []
    expected_path = second if action == "open" else None
    assert document.path == expected_path
    assert not lock_path_for(first).exists()


@pytest.mark.parametrize("action", ACTIONS)
def test_save_writes_then_continues(action: str, files: tuple[Path, Path]) -> None:
    first, second = files
    answers = Answers(UnsavedChoice.SAVE)
    document, actions, _autosave = _setup(first, answers)
    assert ACTIONS[action](actions, answers, second)
    assert fileio.load(first).node("obj-0").title == "Unsaved edit"
    assert not document.is_modified()
    assert list(paths.autosave_dir().iterdir()) == []
    if action == "open":
        assert document.workshop == fileio.load(second)


def test_save_of_a_new_workshop_asks_where_and_cancel_keeps_it(tmp_path: Path) -> None:
    answers = Answers(UnsavedChoice.SAVE)
    document = Document()
    actions = FileActions(document, answers.prompts())
    document.add_node("vision", "Our vision")
    answers.save_path = None  # the user cancels the Save As dialog
    assert not actions.close()
    assert document.is_modified()
    answers.save_path = tmp_path / "fresh.alignment"
    assert actions.close()
    assert [n.title for n in fileio.load(tmp_path / "fresh.alignment").nodes] == ["Our vision"]


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.EACCES, "permission denied"), (errno.ENOSPC, "no space left on device")],
)
def test_save_error_keeps_the_document_modified(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    first, _ = files
    answers = Answers()
    document, actions, autosave = _setup(first, answers)
    on_disk = first.read_bytes()

    def refuse(*_args: object) -> None:
        raise OSError(code, words.capitalize())

    monkeypatch.setattr(safe_files, "_write_new", refuse)  # a read-only folder, a full disk
    assert not actions.save()
    [sentence] = answers.errors
    assert words in sentence and "first.alignment" in sentence and "Save As" in sentence
    assert "\n" not in sentence
    assert document.is_modified() and document.workshop.node("obj-0").title == "Unsaved edit"
    assert first.read_bytes() == on_disk
    assert autosave.entry.data_path.exists()


def test_save_as_into_a_missing_folder_fails_cleanly(files: tuple[Path, Path]) -> None:
    first, _ = files
    answers = Answers()
    document, actions, _ = _setup(first, answers)
    answers.save_path = first.parent / "gone" / "copy.alignment"
    assert not actions.save_as()
    assert len(answers.errors) == 1 and document.is_modified() and document.path == first


def test_loader_error_is_shown_and_the_app_carries_on(tmp_path: Path) -> None:
    broken = tmp_path / "broken.alignment"
    broken.write_text('{"format": "alignment-workshop", "version": 1, "nodes": [{"id": 3}]}')
    answers = Answers()
    document = Document()
    document.add_node("vision", "Kept")
    actions = FileActions(document, answers.prompts())
    assert not actions.open(broken)
    [message] = answers.errors
    assert message.startswith("'broken.alignment': nodes[0]") and "\n" not in message
    assert answers.asked == []  # the unsaved prompt never came up for a file that cannot open
    assert [n.title for n in document.workshop.nodes] == ["Kept"]


def _foreign_lock(path: Path, host: str, pid: int) -> None:
    lock = {"host": host, "pid": pid, "user": "sam", "time": "2026-11-24T21:00:00+00:00"}
    lock_path_for(path).write_text(json.dumps(lock))


def test_lock_warning_names_host_and_process(files: tuple[Path, Path]) -> None:
    first, _ = files
    _foreign_lock(first, "facilitator-laptop", 4711)
    answers = Answers()
    document = Document()
    actions = FileActions(document, answers.prompts())
    assert not actions.open(first)
    [warning] = answers.lock_warnings
    assert "facilitator-laptop" in warning and "process 4711" in warning
    assert document.path is None
    answers.open_anyway = True
    assert actions.open(first)
    assert document.path == first
    owner = read_lock(first)
    assert owner is not None and owner.is_this_instance
    actions.close()
    assert not lock_path_for(first).exists()


def test_stale_lock_opens_without_a_warning(files: tuple[Path, Path]) -> None:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    first, _ = files
    _foreign_lock(first, this_host(), child.pid)
    answers = Answers()
    document = Document()
    assert FileActions(document, answers.prompts()).open(first)
    assert answers.lock_warnings == [] and document.path == first


def test_open_adds_to_recent_files(files: tuple[Path, Path]) -> None:
    first, second = files
    recent = RecentFiles()
    actions = FileActions(Document(), Answers().prompts(), recent=recent)
    actions.open(first)
    actions.open(second)
    assert recent.paths() == [second, first]


@pytest.mark.parametrize("how", ["button", "path"])
def test_the_bundled_example_opens_as_an_untitled_copy(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, how: str
) -> None:
    first, _ = files
    shipped = first.read_bytes()
    monkeypatch.setattr(paths, "example_workshop", lambda: first)
    document, answers = Document(), Answers()
    actions = FileActions(document, answers.prompts())
    assert actions.open_example() if how == "button" else actions.open(first)
    assert document.path is None and not document.is_modified()
    assert document.workshop == fileio.load(first)
    assert not lock_path_for(first).exists()
    answers.save_path = tmp_path / "ours.alignment"
    assert actions.save()  # asks where, because the copy has no file of its own
    assert document.path == answers.save_path and first.read_bytes() == shipped


def test_second_window_on_the_same_file_is_warned_and_keeps_the_lock(
    files: tuple[Path, Path],
) -> None:
    first, second = files
    one, two = Answers(), Answers()
    window_one = FileActions(Document(), one.prompts())
    window_two = FileActions(Document(), two.prompts())
    assert window_one.open(first)
    assert not window_two.open(first)
    assert "another window" in two.lock_warnings[0]
    two.open_anyway = True
    assert window_two.open(first)
    window_two.close()
    assert lock_path_for(first).exists(), "the first window still has the file open"
    window_one.open(second)
    assert not lock_path_for(first).exists()


def test_recover_into_a_window_takes_the_lock_and_opens_modified(
    files: tuple[Path, Path],
) -> None:
    from alignment_workshop.gui.files.autosave_files import leftover_autosaves, write_autosave

    first, _ = files
    workshop = fileio.load(first)
    workshop.update_meta(title="Recovered plan")
    folder = paths.autosave_dir()
    entry = write_autosave(folder, "old-1-x", fileio.dumps(workshop), first, "Recovered plan")
    document = Document()
    actions = FileActions(document, Answers().prompts())
    assert actions.recover(entry, workshop)
    assert document.is_modified() and document.path == first
    assert document.workshop.meta.title == "Recovered plan"
    owner = read_lock(first)
    assert owner is not None and owner.is_this_instance
    assert leftover_autosaves() == []


def test_save_as_respects_another_instances_lock_and_moves_our_own(
    files: tuple[Path, Path],
) -> None:
    first, second = files
    _foreign_lock(second, "facilitator-laptop", 4711)
    before = second.read_bytes()
    answers = Answers()
    document = Document()
    actions = FileActions(document, answers.prompts())
    assert actions.open(first)
    document.update_meta(title="Saved elsewhere")
    answers.save_path = second
    assert not actions.save_as(), "another instance has it open: do not write over it"
    [warning] = answers.lock_warnings
    assert "facilitator-laptop" in warning
    assert second.read_bytes() == before and document.path == first
    assert read_lock(second) is not None and not read_lock(second).is_this_instance
    answers.open_anyway = True
    assert actions.save_as()
    assert document.path == second
    assert fileio.load(second).meta.title == "Saved elsewhere"
    assert read_lock(second).is_this_instance
    assert not lock_path_for(first).exists(), "the old file's lock is released"


def test_save_as_to_our_own_file_does_not_warn(files: tuple[Path, Path]) -> None:
    first, _ = files
    answers = Answers()
    document = Document()
    actions = FileActions(document, answers.prompts())
    assert actions.open(first)
    document.update_meta(title="Same place")
    answers.save_path = first
    assert actions.save_as()
    assert answers.lock_warnings == [] and read_lock(first).is_this_instance
