"""Litter and protection (issue 9, item 12).

Saves killed half-way leave hidden `.<name>.<hex>.new.tmp` files; ours are removed once a
day old, beside a workshop when it is opened or saved, and in the autosave folder. Only
our own names are touched, never a symbolic link. A write-protected file is not saved
over without asking (the editor) or at all (the command line, which cannot ask).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio, paths
from alignment_workshop.gui.files.autosave_files import leftover_autosaves
from alignment_workshop.gui.files.prompts import FilePrompts
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Workshop
from tests.support.prompts import discarding_prompts
from tests.support.windows import activate
from tests.unit.test_cli import run

DAY = 24 * 60 * 60


def _aged(path: Path, seconds: float, data: bytes = b"half a save") -> Path:
    path.write_bytes(data)
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def _litter(folder: Path, name: str) -> dict[str, Path]:
    """Our stale and fresh temporary files, and look-alikes that are not ours to delete."""
    victim = folder / "victim.txt"
    victim.write_text("precious")
    link = folder / f".{name}.0badc0de.new.tmp"
    link.symlink_to(victim)
    return {
        "stale new": _aged(folder / f".{name}.1a2b3c4d.new.tmp", 2 * DAY, b"x" * 1_000_000),
        "stale bak": _aged(folder / f".{name}.5e6f7a8b.bak.tmp", 3 * DAY),
        "fresh": _aged(folder / f".{name}.9c0d1e2f.new.tmp", DAY / 2),
        "other file's": _aged(folder / ".other.alignment.12345678.new.tmp", 2 * DAY),
        "not ours": _aged(folder / f".{name}.notes.tmp", 2 * DAY),
        "user's": _aged(folder / f"{name}.1a2b3c4d.new.tmp", 2 * DAY),
        "link": link,
        "victim": victim,
    }


def _left(litter: dict[str, Path]) -> set[str]:
    return {what for what, path in litter.items() if os.path.lexists(path)}


KEPT = {"fresh", "other file's", "not ours", "user's", "link", "victim"}


def test_opening_a_workshop_cleans_its_stale_temporary_files(qtbot: QtBot, tmp_path: Path) -> None:
    plan = tmp_path / "plan.alignment"
    fileio.save(Workshop(), plan)
    litter = _litter(tmp_path, plan.name)
    window = MainWindow(prompts=discarding_prompts())
    qtbot.addWidget(window)
    assert window.open_path(plan)
    assert _left(litter) == KEPT
    assert litter["victim"].read_text() == "precious"


def test_saving_cleans_them_too(tmp_path: Path) -> None:
    plan = tmp_path / "plan.alignment"
    litter = _litter(tmp_path, plan.name)
    fileio.save(Workshop(), plan)
    assert _left(litter) == KEPT


def test_the_autosave_folder_is_cleaned_at_start(tmp_path: Path) -> None:
    folder = paths.autosave_dir()
    stale = _aged(folder / ".host-1-abcdef12.alignment.0a1b2c3d.new.tmp", 2 * DAY)
    fresh = _aged(folder / ".host-1-abcdef12.json.4e5f6a7b.new.tmp", 60)
    assert leftover_autosaves() == []
    assert not stale.exists() and fresh.exists()


def _protected(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.alignment"
    fileio.save(Workshop(), plan)
    plan.chmod(0o444)
    return plan


@pytest.mark.parametrize("answer", [False, True])
def test_saving_over_a_write_protected_file_asks_first(
    qtbot: QtBot, tmp_path: Path, answer: bool
) -> None:
    plan = _protected(tmp_path)
    before = plan.read_bytes()
    asked: list[str] = []
    prompts: FilePrompts = discarding_prompts()
    prompts.confirm_write_protected = lambda name: asked.append(name) or answer
    window = MainWindow(prompts=prompts)
    qtbot.addWidget(window)
    activate(qtbot, window)
    assert window.open_path(plan)
    window.document.update_meta(title="Changed")
    qtbot.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["plan.alignment"]
    if answer:
        assert fileio.load(plan).meta.title == "Changed" and not window.document.is_modified()
        assert plan.stat().st_mode & 0o777 == 0o444, "it stays write-protected"
    else:
        assert plan.read_bytes() == before and window.document.is_modified()


@pytest.mark.parametrize("command", ["upgrade", "export"])
def test_the_command_line_refuses_a_write_protected_target(tmp_path: Path, command: str) -> None:
    plan = _protected(tmp_path)
    if command == "upgrade":
        target, args = plan, ["upgrade", plan]
    else:
        target = _aged(tmp_path / "plan.pdf", 0, b"%PDF-1.4 the old plan")
        target.chmod(0o444)
        args = ["export", plan, "-o", target]
    before = target.read_bytes()
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {target}: is write-protected; make it writable first, or write elsewhere\n"
    )
    assert target.read_bytes() == before
