"""Saving: atomic replacement, the .bak copy, clear failures, and survival of SIGKILL.

Tests run as root, for whom a read-only folder is no obstacle, so failures are made by
patching the system calls the save goes through (open, write, fsync, link, replace).
"""

from __future__ import annotations

import contextlib
import errno
import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_workshop.fileio import (
    WorkshopFileError,
    WorkshopSaveError,
    backup_path,
    dumps,
    load,
    save,
)
from alignment_workshop.model import Meta, Node, NodeKind, Workshop
from tests.conftest import examples

ROOT = Path(__file__).parents[2]


def crash_workshop(letter: str, nodes: int = 1_000) -> Workshop:
    """A workshop of over 5 MB once saved, whose every text is made of `letter`."""
    workshop = Workshop(Meta(title=f"Content {letter}"))
    for i in range(nodes):
        text = f"{letter}{i} " + letter * 5_200
        workshop.add_node(Node(f"n{i}", NodeKind.VALUE, f"{letter} {i}", description=text))
    return workshop


def small(title: str) -> Workshop:
    workshop = Workshop(Meta(title=title))
    workshop.add_node(Node("v", NodeKind.VISION, title))
    return workshop


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_first_save_writes_the_file_and_no_backup(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    save(small("one"), path)
    assert load(path) == small("one")
    assert not backup_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.alignment"]


def test_saving_again_keeps_the_previous_file_as_bak(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    save(small("one"), path)
    save(small("two"), path)
    assert backup_path(path) == tmp_path / "plan.alignment.bak"
    assert load(path) == small("two")
    assert load(tmp_path / "plan.alignment.bak") == small("one")
    save(small("three"), path)
    assert load(tmp_path / "plan.alignment.bak") == small("two")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.alignment", "plan.alignment.bak"]


def test_bak_is_a_copy_where_hard_links_are_impossible(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.alignment"
    save(small("one"), path)

    def no_links(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(os, "link", no_links)
    save(small("two"), path)
    assert load(path) == small("two")
    assert load(backup_path(path)) == small("one")
    assert leftovers(tmp_path) == []


def test_saving_through_a_symlink_updates_the_real_file(tmp_path: Path) -> None:
    real = tmp_path / "real.alignment"
    save(small("one"), real)
    link = tmp_path / "link.alignment"
    link.symlink_to(real)
    save(small("two"), link)
    assert link.is_symlink()
    assert load(real) == small("two")
    assert load(tmp_path / "real.alignment.bak") == small("one")


def test_permissions_of_the_old_file_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    save(small("one"), path)
    path.chmod(0o640)
    save(small("two"), path)
    assert path.stat().st_mode & 0o777 == 0o640


def _fail_on(monkeypatch: pytest.MonkeyPatch, name: str, code: int, *, when: int = 1) -> None:
    """Make the `when`-th call of os.`name` fail with `code`."""
    real = getattr(os, name)
    calls = {"n": 0}

    def failing(*args: object, **kwargs: object) -> object:
        calls["n"] += 1
        if calls["n"] == when:
            raise OSError(code, os.strerror(code))
        return real(*args, **kwargs)

    monkeypatch.setattr(os, name, failing)


@pytest.mark.parametrize(
    ("call", "code", "when", "words"),
    [
        ("open", errno.EACCES, 1, "permission denied"),  # read-only folder
        ("write", errno.ENOSPC, 1, "no space left on device"),  # full disk
        ("fsync", errno.EIO, 1, "input/output error"),
        ("replace", errno.EACCES, 1, "permission denied"),  # the .bak step
        ("replace", errno.EROFS, 2, "read-only file system"),  # the final step
    ],
)
def test_a_failed_save_leaves_the_old_file_untouched(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call: str, code: int, when: int, words: str
) -> None:
    path = tmp_path / "plan.alignment"
    save(small("old"), path)
    save(small("older"), path)
    before, bak_before = path.read_bytes(), backup_path(path).read_bytes()
    _fail_on(monkeypatch, call, code, when=when)
    with pytest.raises(WorkshopSaveError) as caught:
        save(small("new"), path)
    message = str(caught.value)
    assert isinstance(caught.value, WorkshopFileError)
    assert message == (f'could not save "plan.alignment": {words}; the file on disk is unchanged')
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert load(backup_path(path)) in (load(path), small("old"))
    assert backup_path(path).read_bytes() in (bak_before, before)
    assert leftovers(tmp_path) == []


def test_a_partial_write_on_a_full_disk_is_cleaned_up(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "plan.alignment"
    save(small("old"), path)
    before = path.read_bytes()
    real_write = os.write
    calls = {"n": 0}

    def half_then_full(fd: int, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] > 1:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, bytes(data)[: len(data) // 2])

    monkeypatch.setattr(os, "write", half_then_full)
    with pytest.raises(WorkshopSaveError, match="no space left on device"):
        save(crash_workshop("n", nodes=5), path)
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert leftovers(tmp_path) == []


def test_saving_into_a_missing_folder_or_onto_a_folder_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(WorkshopSaveError, match="no such file or directory"):
        save(small("x"), tmp_path / "missing" / "plan.alignment")
    (tmp_path / "dir.alignment").mkdir()
    with pytest.raises(WorkshopSaveError, match="folder"):
        save(small("x"), tmp_path / "dir.alignment")
    assert (tmp_path / "dir.alignment").is_dir()
    assert leftovers(tmp_path) == []


def test_a_save_error_message_is_one_short_line(tmp_path: Path) -> None:
    name = "x\n" * 200 + ".alignment"
    with pytest.raises(WorkshopSaveError) as caught:
        save(small("x"), tmp_path / "missing" / name)
    assert "\n" not in str(caught.value) and len(str(caught.value)) <= 300


_CRASH_LOOP = """
import sys
from alignment_workshop.fileio import save
from tests.unit.test_fileio_save import crash_workshop
path = sys.argv[1]
pair = (crash_workshop("a"), crash_workshop("b"))
print("ready", flush=True)
i = 0
while True:
    save(pair[i % 2], path)
    i += 1
"""


def test_sigkill_during_saves_always_leaves_a_whole_file(tmp_path: Path) -> None:
    old, new = dumps(crash_workshop("a")), dumps(crash_workshop("b"))
    assert len(old) >= 5_000_000 and len(new) >= 5_000_000
    path = tmp_path / "plan.alignment"
    save(crash_workshop("a"), path)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rng = random.Random(20261124)
    seen = set()
    runs = examples(ci=30, dev=8)
    for _ in range(runs):
        process = subprocess.Popen(
            [sys.executable, "-c", _CRASH_LOOP, str(path)],
            cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True,
        )  # fmt: skip
        assert process.stdout is not None
        assert process.stdout.readline().strip() == "ready"
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=rng.uniform(0.0, 0.4))
        process.send_signal(signal.SIGKILL)
        process.wait()
        process.stdout.close()
        assert process.returncode == -signal.SIGKILL
        data = path.read_bytes()
        assert data in (old, new)
        assert load(path).meta.title in ("Content a", "Content b")
        if backup_path(path).exists():
            assert backup_path(path).read_bytes() in (old, new)
        seen.add(data)
    if runs >= 20:
        assert seen == {old, new}
    save(crash_workshop("c", nodes=3), path)  # stray temp files never get in the way
    assert load(path) == crash_workshop("c", nodes=3)
    assert all(name.startswith(".plan.alignment.") for name in leftovers(tmp_path))
