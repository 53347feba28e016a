"""Locks in a shared folder that someone hostile can write to (issue 9, items 2, 3 and 11).

A planted symbolic link must never be written through, a planted FIFO must never block,
a lock is read only up to a few KiB, and the lock holds host, user and process only.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

from alignment_workshop import fileio
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.files.file_actions import FileActions
from alignment_workshop.gui.files.lockfile import (
    MAX_LOCK_BYTES,
    FileLock,
    OddLock,
    describe,
    foreign_holder,
    lock_path_for,
    read_lock,
)
from alignment_workshop.gui.support.instance import current_owner, this_host
from alignment_workshop.model import Workshop
from tests.support.prompts import discarding_prompts
from tests.support.special_files import make_fifo, make_socket, unblocked


def test_a_planted_symlink_is_never_written_through(tmp_path: Path) -> None:
    victim = tmp_path / "home" / ".bashrc"
    victim.parent.mkdir()
    victim.write_text("export PATH=$HOME/bin:$PATH\n")
    workshop = tmp_path / "shared" / "plan.alignment"
    workshop.parent.mkdir()
    lock_path_for(workshop).symlink_to(victim)
    holder = foreign_holder(workshop)
    assert holder == OddLock("a symbolic link")
    assert not FileLock().acquire(workshop)
    assert victim.read_text() == "export PATH=$HOME/bin:$PATH\n"
    assert lock_path_for(workshop).is_symlink()


def test_a_dangling_symlink_creates_nothing_where_it_points(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere" / "planted"
    target.parent.mkdir()
    workshop = tmp_path / "plan.alignment"
    lock_path_for(workshop).symlink_to(target)
    assert not FileLock().acquire(workshop)
    assert not target.exists()


def test_a_planted_fifo_never_blocks_and_counts_as_someone_elses(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    fifo = make_fifo(lock_path_for(workshop))
    started = time.monotonic()
    with unblocked(fifo):
        holder = foreign_holder(workshop)
        acquired = FileLock().acquire(workshop)
    assert time.monotonic() - started < 2
    assert holder == OddLock("a named pipe (FIFO)") and not acquired
    assert "named pipe (FIFO), not a regular file" in describe(workshop, holder)


def test_a_socket_or_folder_lock_counts_as_someone_elses(tmp_path: Path) -> None:
    first, second = tmp_path / "a.alignment", tmp_path / "b.alignment"
    make_socket(lock_path_for(first))
    lock_path_for(second).mkdir()
    assert foreign_holder(first) == OddLock("a socket")
    assert foreign_holder(second) == OddLock("a folder")


def test_opening_beside_a_planted_lock_warns_and_leaves_it(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious")
    workshop = tmp_path / "plan.alignment"
    fileio.save(Workshop(), workshop)
    lock_path_for(workshop).symlink_to(victim)
    warnings: list[str] = []
    prompts = discarding_prompts()
    prompts.confirm_locked = lambda text: warnings.append(text) or True
    document = Document()
    assert FileActions(document, prompts).open(workshop)
    [warning] = warnings
    assert "symbolic link, not a regular file" in warning and "left alone" in warning
    assert victim.read_text() == "precious" and lock_path_for(workshop).is_symlink()


def test_a_lock_is_read_only_up_to_a_few_kib(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    owner = {"host": "meeting-room-pc", "pid": 4242, "user": "bob"}
    text = json.dumps(owner)
    lock_path_for(workshop).write_text(text + " " * (MAX_LOCK_BYTES - len(text)))
    assert read_lock(workshop) is not None
    lock_path_for(workshop).write_text(text + " " * (MAX_LOCK_BYTES + 1 - len(text)))
    assert read_lock(workshop) is None and foreign_holder(workshop) is None


def test_the_lock_holds_host_user_and_process_only(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    assert FileLock().acquire(workshop)
    me = current_owner()
    data = json.loads(lock_path_for(workshop).read_text())
    assert data == {"host": this_host(), "user": me.user, "pid": me.pid}
    owner = read_lock(workshop)
    assert owner is not None and owner.since()  # the time comes from the file itself
