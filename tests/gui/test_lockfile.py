"""The lock file: a live foreign holder is reported, stale and corrupt locks never block."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from alignment_workshop.gui.files.lockfile import (
    FileLock,
    describe,
    foreign_holder,
    lock_path_for,
    read_lock,
)
from alignment_workshop.gui.support.instance import Owner, current_owner, pid_alive, this_host


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not pid_alive(child.pid)
    return child.pid


def _write_lock(path: Path, host: str, pid: int, user: str = "bob") -> None:
    owner = {"host": host, "pid": pid, "user": user, "time": "2026-11-24T21:10:00+00:00"}
    lock_path_for(path).write_text(json.dumps(owner), encoding="utf-8")


def test_lock_sits_beside_the_file_and_is_released(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    lock = FileLock()
    assert lock.acquire(workshop)
    assert lock_path_for(workshop) == tmp_path / ".~plan.alignment.lock"
    owner = read_lock(workshop)
    assert owner is not None and owner.is_this_instance and owner.host == this_host()
    assert foreign_holder(workshop) is None  # our own lock is no conflict
    lock.release()
    assert not lock_path_for(workshop).exists()


def test_live_instance_on_this_host_is_reported(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    _write_lock(workshop, this_host(), os.getppid())
    holder = foreign_holder(workshop)
    assert holder is not None and holder.pid == os.getppid()
    text = describe(workshop, holder)
    assert this_host() in text and f"process {os.getppid()}" in text and "bob" in text


def test_other_host_counts_as_live(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    _write_lock(workshop, "meeting-room-pc", 4242)
    holder = foreign_holder(workshop)
    assert holder is not None and holder.host == "meeting-room-pc"
    assert "meeting-room-pc (process 4242)" in describe(workshop, holder)


def test_stale_lock_of_a_dead_process_does_not_block(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    _write_lock(workshop, this_host(), _dead_pid())
    assert foreign_holder(workshop) is None
    lock = FileLock()
    assert lock.acquire(workshop)
    owner = read_lock(workshop)
    assert owner is not None and owner.is_this_instance
    assert json.loads(lock_path_for(workshop).read_text()) == {
        "host": owner.host,
        "user": owner.user,
        "pid": owner.pid,
    }


def test_corrupt_lock_does_not_block(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    for junk in ("{not json", '{"host": 3}', "[]", '{"host": "h", "pid": true, "user": ""}'):
        lock_path_for(workshop).write_text(junk, encoding="utf-8")
        assert foreign_holder(workshop) is None


def test_release_leaves_a_lock_someone_else_took_over(tmp_path: Path) -> None:
    workshop = tmp_path / "plan.alignment"
    lock = FileLock()
    lock.acquire(workshop)
    _write_lock(workshop, "meeting-room-pc", 4242)
    lock.release()
    assert lock_path_for(workshop).exists()


def test_acquire_elsewhere_releases_the_previous_lock(tmp_path: Path) -> None:
    first, second = tmp_path / "a.alignment", tmp_path / "b.alignment"
    lock = FileLock()
    lock.acquire(first)
    lock.acquire(second)
    assert not lock_path_for(first).exists() and lock_path_for(second).exists()
    assert lock.path == second


def test_unwritable_folder_never_stops_work(tmp_path: Path) -> None:
    assert not FileLock().acquire(tmp_path / "missing-folder" / "plan.alignment")


def test_current_owner_round_trips() -> None:
    owner = current_owner()
    assert Owner.from_dict(owner.as_dict()) == owner
    assert owner.since()
