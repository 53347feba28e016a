"""FIFOs, sockets and devices (issue 9, items 3 and 14): refused at once, never replaced.

Loading anything that is not a regular file ends in one line without blocking; saving,
upgrading and exporting refuse a target that exists and is not a regular file, and
leave it as it was. A symbolic link to a regular file is still followed. An input that
cannot even be looked at (a folder without search permission) is one clear line too.
"""

from __future__ import annotations

import errno
import os
import stat
import time
from pathlib import Path

import pytest

from alignment_workshop import cli, safe_files
from alignment_workshop.fileio import WorkshopFileError, WorkshopSaveError, load, save
from alignment_workshop.model import Workshop
from alignment_workshop.paths import example_workshop
from tests.support.special_files import make_fifo, make_socket, unblocked
from tests.unit.test_cli import run


def test_loading_a_fifo_is_refused_at_once(tmp_path: Path) -> None:
    fifo = make_fifo(tmp_path / "plan.alignment")
    started = time.monotonic()
    with unblocked(fifo), pytest.raises(WorkshopFileError) as caught:
        load(fifo)
    assert time.monotonic() - started < 2
    assert str(caught.value) == "this is a named pipe (FIFO), not a workshop file"


def test_loading_a_socket_or_a_device_is_refused(tmp_path: Path) -> None:
    with pytest.raises(WorkshopFileError, match="this is a socket, not a workshop file"):
        load(make_socket(tmp_path / "plan.alignment"))
    with pytest.raises(WorkshopFileError, match="this is a device, not a workshop file"):
        load(os.devnull)


def test_a_symlink_to_a_regular_file_is_still_followed(tmp_path: Path) -> None:
    real = tmp_path / "real.alignment"
    save(Workshop(), real)
    link = tmp_path / "link.alignment"
    link.symlink_to(real)
    assert load(link) == Workshop()


def test_open_regular_never_opens_a_device(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[object] = []
    monkeypatch.setattr(os, "open", lambda *args, **_: opened.append(args) or -1)
    with pytest.raises(safe_files.NotRegularFileError, match="is a device, not a regular"):
        safe_files.open_regular(os.devnull)
    assert opened == []


def test_saving_onto_a_fifo_or_socket_is_refused_and_leaves_it(tmp_path: Path) -> None:
    for target in (make_fifo(tmp_path / "f.alignment"), make_socket(tmp_path / "s.alignment")):
        with pytest.raises(WorkshopSaveError, match="not a regular file; the file on disk"):
            save(Workshop(), target)
        mode = os.lstat(target).st_mode
        assert stat.S_ISFIFO(mode) or stat.S_ISSOCK(mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.alignment", "s.alignment"]


def _pretend_device(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make `path`, a harmless file, look like a character device to os.stat.

    A real device must never be a test's target: run against code without the fix, as
    root, a save would replace it (this is how `upgrade X -o /dev/null` broke /dev/null).
    """
    real_stat = os.stat

    def fake(target: object, *args: object, **kwargs: object) -> os.stat_result:
        info = real_stat(target, *args, **kwargs)  # type: ignore[arg-type]
        if os.path.realpath(str(target)) != str(path):
            return info
        fields = list(info)
        fields[0] = stat.S_IFCHR | 0o666
        return os.stat_result(fields)

    monkeypatch.setattr(os, "stat", fake)


def test_saving_onto_a_device_or_a_link_to_one_never_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    device = tmp_path / "device"
    device.write_bytes(b"not ours to replace")
    link = tmp_path / "null.alignment"
    link.symlink_to(device)
    _pretend_device(monkeypatch, device)
    for target in (device, link):
        with pytest.raises(WorkshopSaveError, match="is a device, not a regular file"):
            save(Workshop(), target)
    monkeypatch.undo()
    assert device.read_bytes() == b"not ours to replace"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["device", "null.alignment"]


@pytest.mark.parametrize("command", ["check", "upgrade", "export"])
def test_commands_refuse_a_fifo_input_in_one_line(tmp_path: Path, command: str) -> None:
    fifo = make_fifo(tmp_path / "plan.alignment")
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "export" else []
    with unblocked(fifo, after=15):
        result = run(command, fifo, *extra)
    assert result.returncode == 2
    assert result.stderr == f"error: {fifo}: is a named pipe (FIFO), not a workshop file\n"


@pytest.mark.parametrize(("suffix", "extra"), [(".alignment", []), (".svg", [])])
def test_upgrade_and_export_refuse_a_fifo_target(tmp_path: Path, suffix: str, extra: list) -> None:
    fifo = make_fifo(tmp_path / f"out{suffix}")
    command = "upgrade" if suffix == ".alignment" else "export"
    with unblocked(fifo, after=15):
        result = run(command, example_workshop(), "-o", fifo, *extra)
    assert result.returncode == 2, result.stderr
    assert "named pipe (FIFO), not a regular file" in result.stderr
    assert result.stderr.count("\n") == 1 and stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_an_input_in_an_unsearchable_folder_is_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "locked" / "plan.alignment"
    real_stat = os.stat

    def denied(target: object, *args: object, **kwargs: object) -> os.stat_result:
        if str(target) == str(path):
            raise PermissionError(errno.EACCES, "Permission denied", str(target))
        return real_stat(target, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", denied)
    assert cli.main(["check", str(path)]) == 2
    err = capsys.readouterr().err
    assert err == f"error: {path}: cannot be read (permission denied)\n"
