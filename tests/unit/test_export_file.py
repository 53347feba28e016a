"""`write_export`: the one place exports reach the disk, whole or not at all."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from alignment_workshop import export_file
from alignment_workshop.export_file import write_export


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    write_export(target, b"new")
    assert target.read_bytes() == b"new"
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_an_existing_file_is_replaced_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_export(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_link_is_followed_not_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.pdf"
    real.write_bytes(b"old")
    link = tmp_path / "link.pdf"
    link.symlink_to(real)
    write_export(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_a_folder_is_refused_untouched(tmp_path: Path) -> None:
    folder = tmp_path / "plan.pdf"
    folder.mkdir()
    with pytest.raises(IsADirectoryError):
        write_export(folder, b"new")
    assert folder.is_dir() and list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_a_missing_folder_is_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_export(tmp_path / "missing" / "plan.pdf", b"new")


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    written: list[int] = []

    def disk_full(fd: int, data: memoryview) -> int:
        if written:
            raise OSError(errno.ENOSPC, "No space left on device")
        written.append(fd)
        return os.write(fd, data[:2])  # a partial write first, then the disk fills up

    monkeypatch.setattr(export_file.os, "write", disk_full)
    with pytest.raises(OSError, match="No space"):
        write_export(target, b"new bytes")
    monkeypatch.undo()
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.pdf"]


def test_the_temporary_file_is_hidden_beside_the_target(tmp_path: Path) -> None:
    temp = export_file.temp_path(tmp_path / "plan.pdf")
    assert temp.parent == tmp_path and temp.name.startswith(".plan.pdf.")
    assert temp != export_file.temp_path(tmp_path / "plan.pdf")
