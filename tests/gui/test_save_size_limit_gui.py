"""What the app saves, it opens, in the editor (issue 9, item 4).

A workshop whose file would pass the load limit is neither saved nor autosaved (either
would leave a file that never opens again), and the user is told in one sentence what to
do. A file written compactly by another tool, which this app could not save again, says
so as soon as it is opened.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from pytestqt.qtbot import QtBot

from alignment_workshop import fileio, paths
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.gui.files.file_actions import FileActions
from tests.support.prompts import discarding_prompts
from tests.unit.test_save_size_limit import _compact_but_too_large_when_saved, _goals, _workshop


def test_neither_save_nor_autosave_writes_what_could_not_reopen(
    qtbot: QtBot, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.alignment"
    fileio.save(_workshop(_goals(3)), plan)
    before = plan.read_bytes()
    errors: list[str] = []
    document = Document()
    autosave = AutosaveController(document)
    failures: list[str] = []
    autosave.failed.connect(failures.append)
    actions = FileActions(
        document, discarding_prompts(lambda _t, text: errors.append(text)), autosave=autosave
    )
    assert actions.open(plan)
    placed = [replace(n, pos=(float(i), 0.0)) for i, n in enumerate(_goals(2_200, "d" * 10_000))]
    huge = _workshop(placed)  # as if pasted in, card by card
    document.replace(huge, plan, modified=True, disk=document.disk)
    assert not autosave.write_now()
    assert failures and all(
        f.startswith("Autosave failed: the workshop would take 21.") for f in failures
    )
    assert list(paths.autosave_dir().glob("*.alignment")) == []
    assert not actions.save()
    [error] = errors
    assert "more than the 20 MiB a workshop file may hold" in error
    assert error.endswith("; your changes are still open.") and "Save As" not in error
    assert plan.read_bytes() == before and document.is_modified()


def test_opening_a_compact_file_too_large_to_save_says_so_at_once(tmp_path: Path) -> None:
    compact = tmp_path / "compact.alignment"
    compact.write_bytes(_compact_but_too_large_when_saved(3_000))
    errors: list[tuple[str, str]] = []
    prompts = discarding_prompts(lambda title, text: errors.append((title, text)))
    actions = FileActions(Document(), prompts)
    assert actions.open(compact)
    [(title, text)] = errors
    assert title == "Workshop too large to save"
    assert text.startswith("'compact.alignment' opened, but saved by this app it would take 2")
    assert text.endswith("shorten long texts or split the workshop before you save it.")
