"""Exports that never lie or destroy (issue 9, item 5), for the PDF plan and the CLI.

Every export is made whole, checked, then replaces its target like a save: a full disk
keeps the previous file byte for byte, prints one line and exits 2; an export never
writes onto the workshop it reads, nor onto a FIFO or device.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from alignment_workshop import cli
from alignment_workshop.fileio import save
from alignment_workshop.model import Meta, Node, NodeKind, Workshop
from alignment_workshop.report import export_pdf
from tests.unit.test_cli import run


def _workshop(title: str = "Plan") -> Workshop:
    vision = Node(id="v", kind=NodeKind.VISION, title="Our vision", pos=(0.0, 0.0))
    return Workshop.from_records(Meta(title=title), [], [vision], [])


def _full_disk_after(monkeypatch: pytest.MonkeyPatch, written: int) -> None:
    """The disk fills up after `written` more bytes: a partial write, then ENOSPC."""
    real = os.write
    room = {"left": written}

    def write(fd: int, data: bytes | memoryview) -> int:
        if room["left"] <= 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        done = real(fd, bytes(data)[: room["left"]])
        room["left"] -= done
        return done

    monkeypatch.setattr(os, "write", write)


def _temps(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_pdf_export_that_fails_keeps_the_good_pdf(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    export_pdf(_workshop("First"), target)
    good = target.read_bytes()
    _full_disk_after(monkeypatch, 4_000)
    with pytest.raises(OSError, match="No space left on device"):
        export_pdf(_workshop("Second"), target)
    monkeypatch.undo()
    assert target.read_bytes() == good and _temps(tmp_path) == []


@pytest.mark.parametrize("suffix", [".pdf", ".svg", ".png"])
def test_the_command_line_says_so_in_one_line_and_exits_2(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    suffix: str,
) -> None:
    source = tmp_path / "plan.alignment"
    save(_workshop(), source)
    target = tmp_path / f"out{suffix}"
    target.write_bytes(b"the previous export, intact")
    _full_disk_after(monkeypatch, 2_000)
    assert cli.main(["export", str(source), "-o", str(target)]) == 2
    monkeypatch.undo()
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"error: {target}: cannot write the file (No space left on device)\n"
    assert target.read_bytes() == b"the previous export, intact" and _temps(tmp_path) == []


def test_nothing_is_written_when_the_disk_is_full_from_the_start(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "plan.alignment"
    save(_workshop(), source)
    _full_disk_after(monkeypatch, 0)
    assert cli.main(["export", str(source), "-o", str(tmp_path / "map.svg")]) == 2
    assert "No space left on device" in capsys.readouterr().err
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.alignment"]


@pytest.mark.parametrize("alias", ["same", "symlink", "hardlink"])
def test_an_export_never_writes_onto_its_own_input(tmp_path: Path, alias: str) -> None:
    workshop = tmp_path / "plan.pdf"  # a workshop someone named .pdf
    save(_workshop(), workshop)
    before = workshop.read_bytes()
    target = {"same": workshop, "symlink": tmp_path / "link.pdf", "hardlink": tmp_path / "hl.pdf"}
    if alias == "symlink":
        target[alias].symlink_to(workshop)
    elif alias == "hardlink":
        os.link(workshop, target[alias])
    result = run("export", workshop, "-o", target[alias])
    assert result.returncode == 2
    assert result.stderr == (
        f"error: {target[alias]}: is the workshop being exported; "
        "choose another name for the export\n"
    )
    assert workshop.read_bytes() == before


def test_check_export_target_refuses_the_source_and_special_files(tmp_path: Path) -> None:
    from alignment_workshop import export_file

    source = tmp_path / "plan.alignment"
    source.write_text("{}")
    with pytest.raises(export_file.OwnInputError):
        export_file.check_export_target(source, source)
    export_file.check_export_target(tmp_path / "new.pdf", source)  # fine: nothing there yet
    fifo = tmp_path / "out.pdf"
    os.mkfifo(fifo)
    with pytest.raises(OSError, match="is a named pipe"):
        export_file.check_export_target(fifo, source)
