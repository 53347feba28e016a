"""Recovery: dead instances' autosaves are offered, live ones ignored, corrupt ones discardable."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QListWidget
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio, paths
from alignment_workshop.gui.editing.document import Document, place_unplaced
from alignment_workshop.gui.files import autosave as autosave_module
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.gui.files.autosave_files import (
    AutosaveEntry,
    leftover_autosaves,
    write_autosave,
)
from alignment_workshop.gui.files.file_actions import FileActions
from alignment_workshop.gui.files.recovery import RecoveryDialog, offer_recovery, recover_into
from alignment_workshop.gui.support.instance import this_host
from alignment_workshop.model import Workshop
from tests.support.generate import generate_workshop
from tests.support.prompts import discarding_prompts


def _placed(nodes: int, seed: int = 7) -> Workshop:
    """A generated workshop with every card placed, as the editor would save it."""
    workshop = generate_workshop(nodes, seed=seed)
    place_unplaced(workshop)
    return workshop


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def _crashed_autosave(
    key: str, workshop: Workshop, original: Path | None, *, pid: int | None = None
) -> AutosaveEntry:
    """An autosave as a crashed instance leaves it: its sidecar names a dead process."""
    folder = paths.autosave_dir()
    entry = write_autosave(folder, key, fileio.dumps(workshop), original, workshop.meta.title)
    sidecar = json.loads(entry.sidecar_path.read_text())
    sidecar["owner"]["pid"] = pid or _dead_pid()
    entry.sidecar_path.write_text(json.dumps(sidecar))
    return entry


def _rows(dialog: RecoveryDialog) -> list[str]:
    widget = dialog.findChild(QListWidget)
    return [widget.item(i).text() for i in range(widget.count())]


def test_live_instance_autosaves_are_left_alone(tmp_path: Path) -> None:
    _crashed_autosave("live", _placed(10), tmp_path / "a.alignment", pid=os.getppid())
    _crashed_autosave("dead", _placed(10), tmp_path / "b.alignment")
    assert [e.key for e in leftover_autosaves()] == ["dead"]


def test_corrupt_autosave_is_reported_in_one_line_and_can_be_discarded(
    tmp_path: Path, qtbot: QtBot
) -> None:
    good = _crashed_autosave("good", _placed(10), tmp_path / "good.alignment")
    bad = _crashed_autosave("bad", _placed(10), tmp_path / "bad.alignment")
    bad.data_path.write_bytes(b'{"format": "alignment-workshop", "version": 1, "nodes": [')
    orphan = paths.autosave_dir() / f"{this_host()}-{_dead_pid()}-abc.alignment"
    orphan.write_bytes(b"junk")

    dialog = RecoveryDialog(leftover_autosaves())
    qtbot.addWidget(dialog)
    rows = _rows(dialog)
    assert len(rows) == 3 and all("\n" not in row for row in rows)
    assert any(r.startswith("bad.alignment") and "cannot be read" in r for r in rows)
    assert sum("cannot be read" in r for r in rows) == 2
    assert [e.key for e, _ in dialog.chosen()] == ["good"]  # broken ones are not ticked

    for entry in dialog.entries():
        dialog.set_ticked(entry.key, entry.problem is not None)
    dialog.discard_ticked()
    assert [e.key for e in dialog.entries()] == ["good"]
    assert not bad.data_path.exists() and not orphan.exists()
    assert good.data_path.exists()


def test_never_saved_workshop_recovers_without_a_path(qtbot: QtBot) -> None:
    workshop = _placed(12)
    workshop.update_meta(title="Board offsite")
    _crashed_autosave("fresh", workshop, None)
    dialog = RecoveryDialog(leftover_autosaves())
    qtbot.addWidget(dialog)
    assert _rows(dialog)[0].startswith("Board offsite (never saved), autosaved ")
    [(entry, recovered)] = dialog.chosen()
    document = Document()
    recover_into(document, entry, recovered)
    assert document.path is None and document.is_modified()
    assert document.workshop == workshop


def test_offer_recovery_opens_each_chosen_and_later_keeps_them(
    tmp_path: Path, qtbot: QtBot
) -> None:
    for name in ("one", "two"):
        _crashed_autosave(name, _placed(8), tmp_path / f"{name}.alignment")
    opened: list[str] = []

    def later(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        return QDialog.DialogCode.Rejected.value

    assert offer_recovery(None, lambda e, w: opened.append(e.key), run=later) == 0
    assert len(leftover_autosaves()) == 2 and opened == []

    def recover_one(dialog: RecoveryDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.set_ticked("one", False)
        return QDialog.DialogCode.Accepted.value

    assert offer_recovery(None, lambda e, w: opened.append(e.key), run=recover_one) == 1
    assert opened == ["two"]


def test_nothing_to_recover_shows_no_dialog() -> None:
    def never(_dialog: QDialog) -> int:
        raise AssertionError("no dialog without leftovers")

    assert offer_recovery(None, lambda e, w: None, run=never) == 0


def test_recovery_keeps_the_old_autosave_until_a_fresh_one_is_written(
    tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = _placed(8)
    workshop.update_meta(title="Only copy")
    entry = _crashed_autosave("only", workshop, tmp_path / "only.alignment")
    real_write = autosave_module.write_autosave

    def full_disk(*_args: object, **_kwargs: object) -> AutosaveEntry:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(autosave_module, "write_autosave", full_disk)
    document = Document()
    autosave = AutosaveController(document)
    failures: list[str] = []
    autosave.failed.connect(failures.append)
    prompts = discarding_prompts(lambda _title, text: failures.append(text))
    assert FileActions(document, prompts, autosave=autosave).recover(entry, workshop)
    assert len(failures) == 1, "the fresh autosave could not be written"
    assert entry.data_path.exists() and entry.sidecar_path.exists(), "the only copy survives"

    monkeypatch.setattr(autosave_module, "write_autosave", real_write)
    assert autosave.write_now()
    assert not entry.data_path.exists() and not entry.sidecar_path.exists()
    assert fileio.load(autosave.entry.data_path) == workshop
