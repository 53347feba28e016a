"""Autosave: written to the data folder while modified, removed on save, survives a crash,
and a failed one says so in the status bar."""

from __future__ import annotations

import errno
import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio, paths
from alignment_workshop.gui.editing.document import Document, place_unplaced
from alignment_workshop.gui.files import autosave as autosave_module
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.gui.files.autosave_files import leftover_autosaves
from alignment_workshop.gui.files.recovery import RecoveryDialog, recover_into
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Workshop
from tests.support.generate import generate_workshop
from tests.support.prompts import discarding_prompts, ignore_errors


def _placed(nodes: int, seed: int = 7) -> Workshop:
    """A generated workshop with every card placed, as the editor would save it."""
    workshop = generate_workshop(nodes, seed=seed)
    place_unplaced(workshop)
    return workshop


REPO = Path(__file__).resolve().parents[2]


def _saved_file(folder: Path, nodes: int = 30) -> Path:
    path = folder / "plan.alignment"
    fileio.save(_placed(nodes), path)
    return path


def _opened(path: Path) -> Document:
    document = Document()
    document.load(path)
    return document


def test_autosave_goes_to_the_data_folder_after_an_edit(tmp_path: Path, qtbot: QtBot) -> None:
    path = _saved_file(tmp_path)
    document = _opened(path)
    autosave = AutosaveController(document, idle_ms=30)
    document.update_node("obj-0", title="Edited")
    with qtbot.waitSignal(autosave.written, timeout=3000) as written:
        pass
    data = Path(written.args[0])
    assert data.parent == paths.autosave_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.alignment"]
    assert fileio.load(data) == document.workshop
    sidecar = json.loads(data.with_suffix(".json").read_text())
    assert sidecar["original"] == str(path)
    assert sidecar["saved_at"]


def test_nothing_is_written_while_unmodified(qtbot: QtBot) -> None:
    document = Document()
    autosave = AutosaveController(document, idle_ms=10)
    assert not autosave.write_now()
    qtbot.wait(60)
    assert list(paths.autosave_dir().iterdir()) == []


def test_save_and_undo_to_clean_remove_the_autosave(tmp_path: Path) -> None:
    path = _saved_file(tmp_path)
    document = _opened(path)
    autosave = AutosaveController(document)
    document.update_node("obj-0", title="Edited")
    assert autosave.write_now() and autosave.entry.data_path.exists()
    document.save()
    assert not autosave.entry.data_path.exists()
    assert not autosave.entry.sidecar_path.exists()

    document.update_node("obj-0", title="Edited again")
    assert autosave.write_now()
    document.undo_stack.undo()
    assert not document.is_modified()
    assert list(paths.autosave_dir().iterdir()) == []


def test_discard_removes_it(tmp_path: Path) -> None:
    document = _opened(_saved_file(tmp_path))
    autosave = AutosaveController(document)
    document.update_node("obj-0", title="Edited")
    autosave.write_now()
    autosave.discard()
    assert list(paths.autosave_dir().iterdir()) == []


def test_period_timer_writes_during_continuous_editing(tmp_path: Path, qtbot: QtBot) -> None:
    document = _opened(_saved_file(tmp_path))
    autosave = AutosaveController(document, idle_ms=10_000, period_ms=100)
    written: list[Path] = []
    autosave.written.connect(written.append)
    for i in range(6):  # edits keep coming, so the idle timer never fires
        document.update_node("obj-0", title=f"Edit {i}")
        qtbot.wait(40)
    assert written, "the periodic timer must autosave even while edits keep coming"


def test_failed_autosave_reports_one_sentence(tmp_path: Path, qtbot: QtBot) -> None:
    document = _opened(_saved_file(tmp_path))
    autosave = AutosaveController(document, folder=tmp_path / "no-such-folder")
    document.update_node("obj-0", title="Edited")
    with qtbot.waitSignal(autosave.failed) as failed:
        assert not autosave.write_now()
    assert failed.args[0].startswith("Autosave failed") and "\n" not in failed.args[0]
    assert document.is_modified()


_CRASHING_SESSION = textwrap.dedent(
    """
    import os, sys
    from pathlib import Path
    from PySide6.QtWidgets import QApplication
    from alignment_workshop.gui.files.autosave import AutosaveController
    from alignment_workshop.gui.editing.document import Document, place_unplaced

    app = QApplication([])
    document = Document()
    document.load(Path(sys.argv[1]))
    autosave = AutosaveController(document, idle_ms=20)
    autosave.written.connect(lambda _path: os._exit(3))  # crash: no clean close at all
    document.update_node("obj-0", title="Edited before the crash")
    document.update_meta(facilitator="Crash test")
    app.exec()
    """
)


def test_autosave_crash_then_recovery_restores_an_equal_model(tmp_path: Path, qtbot: QtBot) -> None:
    path = _saved_file(tmp_path)
    crashed = subprocess.run(
        [sys.executable, "-c", _CRASHING_SESSION, str(path)], check=False, cwd=REPO, timeout=60
    )
    assert crashed.returncode == 3
    expected = fileio.load(path)
    expected.update_node("obj-0", title="Edited before the crash")
    expected.update_meta(facilitator="Crash test")

    entries = leftover_autosaves()
    assert [e.original for e in entries] == [path]
    dialog = RecoveryDialog(entries)
    qtbot.addWidget(dialog)
    [(entry, workshop)] = dialog.chosen()
    assert "plan.alignment" in dialog.findChild(type(dialog._list)).item(0).text()

    document = Document()
    autosave = AutosaveController(document)
    recover_into(document, entry, workshop, autosave)
    assert document.workshop == expected
    assert document.is_modified()
    assert document.path == path
    assert fileio.load(path) != expected, "recovery must not touch the user's file"
    assert leftover_autosaves() == [], "the old autosave is gone once recovered"
    assert autosave.entry.data_path.exists(), "the recovered work is autosaved afresh"
    document.save()
    assert fileio.load(path) == expected


def test_idle_write_waits_for_the_last_edit(tmp_path: Path, qtbot: QtBot) -> None:
    """Each edit restarts the idle wait: no write comes sooner than `idle` after an edit.

    Edits come 150 ms apart against a 400 ms wait, so a timer that did not restart would
    write in the middle of them. Timing is checked against the clock, not assumed, so a
    slow machine that stretches the gaps cannot make the test fail or pass by accident.
    """
    idle_ms = 400
    document = _opened(_saved_file(tmp_path))
    autosave = AutosaveController(document, idle_ms=idle_ms, period_ms=60_000)
    writes: list[float] = []
    autosave.written.connect(lambda _path: writes.append(time.monotonic()))
    edits: list[float] = []
    for i in range(4):
        document.update_node("obj-0", title=f"Edit {i}")
        edits.append(time.monotonic())
        qtbot.wait(150)
    qtbot.waitUntil(lambda: bool(writes) and writes[-1] > edits[-1], timeout=5000)
    for written_at in writes:
        last_edit = max(t for t in edits if t < written_at)
        assert written_at - last_edit >= 0.9 * idle_ms / 1000, "written before the wait ran out"
    assert fileio.load(autosave.entry.data_path).node("obj-0").title == "Edit 3"


#: Closing the window at teardown discards instead of opening a modal question.
DISCARDING = discarding_prompts(ignore_errors, open_locked=False)


def test_a_failed_autosave_shows_one_sentence_in_the_status_bar(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(autosave_module, "write_autosave", full_disk)
    window = MainWindow(prompts=DISCARDING)
    qtbot.addWidget(window)
    window.files.new()
    window.document.update_meta(title="Edited, not saved")
    assert window.autosave is not None and not window.autosave.write_now()
    message = window.statusBar().currentMessage()
    assert message == "Autosave failed (No space left on device); save your work to keep it safe."
    assert message.count(". ") == 0 and message.endswith(".")
