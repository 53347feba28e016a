"""A lock file beside an open workshop, so a second instance can warn before editing it.

Opening `plan.alignment` creates `.~plan.alignment.lock` beside it: JSON naming the host,
the user and the process, and nothing else (the file's own modification time says
since when). Another instance that opens the same file reads the lock and, if its owner
may still be running, warns with those details. The lock is advisory: a stale lock (its
process is gone from this host, or the file cannot be read) never blocks opening, and a
folder where no lock can be written never stops anyone working.

A shared folder is open to anyone who can write to it, so the lock is handled with care.
It is created with `O_CREAT | O_EXCL | O_NOFOLLOW`, so it is never written through a
symbolic link or onto a FIFO or device someone planted there; reading it never blocks and
reads at most `MAX_LOCK_BYTES`. A lock path that is not a regular file is nobody's lock we
can trust: it counts as held by someone else, is never touched, and the warning says so.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from alignment_workshop.i18n import _
from alignment_workshop.safe_files import NotRegularFileError, open_regular

from ..support.instance import Owner, current_owner

#: A lock file is a few dozen bytes; anything longer than this is not one of ours.
MAX_LOCK_BYTES = 4096
_CREATE = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)

#: How many `FileLock`s of this process hold each file (two windows may show one file).
_HELD: dict[Path, int] = {}


@dataclass(frozen=True, slots=True)
class OddLock:
    """A lock path that holds something other than a regular file (`what` it is)."""

    what: str


def _key(path: Path) -> Path:
    return Path(path).absolute()


def held_here(path: Path) -> bool:
    """Whether a window of this very instance already has `path` open."""
    return _HELD.get(_key(path), 0) > 0


def lock_path_for(path: Path) -> Path:
    """Where the lock of the workshop at `path` lives."""
    return path.with_name(f".~{path.name}.lock")


def _modified(info: os.stat_result) -> str:
    when = dt.datetime.fromtimestamp(info.st_mtime).astimezone()
    return when.isoformat(timespec="seconds")


def lock_state(path: Path) -> Owner | OddLock | None:
    """What the lock of `path` says: its owner, an `OddLock`, or None (absent or unreadable)."""
    try:
        with open_regular(lock_path_for(path), follow_symlinks=False) as file:
            info = os.fstat(file.fileno())
            raw = file.read(MAX_LOCK_BYTES + 1)
    except (NotRegularFileError, IsADirectoryError) as error:
        return OddLock(getattr(error, "what", "a folder"))
    except OSError:
        return None
    if len(raw) > MAX_LOCK_BYTES:
        return None
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:
        return None
    if isinstance(data, dict):
        data = {**data, "time": _modified(info)}
    return Owner.from_dict(data)


def read_lock(path: Path) -> Owner | None:
    """The owner recorded in the lock of `path`; None if absent, unreadable or corrupt."""
    state = lock_state(path)
    return state if isinstance(state, Owner) else None


def foreign_holder(path: Path) -> Owner | OddLock | None:
    """Who else holds `path`, or None when opening it is free of conflict.

    Stale and corrupt locks, and this instance's own lock, count as free. A lock path
    that is not a regular file counts as someone else's.
    """
    state = lock_state(path)
    if isinstance(state, OddLock):
        return state
    if state is None or state.is_this_instance or not state.is_alive:
        return None
    return state


def describe(path: Path, holder: Owner | OddLock) -> str:
    """One sentence for the warning: who holds `path`, and where."""
    if isinstance(holder, OddLock):
        return _(
            "The lock file beside '{name}' ({name2}) is {what}, not a regular file, so someone "
            "may have put it there on purpose. It will be left alone; another person may have the"
            " workshop open."
        ).format(name=path.name, name2=lock_path_for(path).name, what=holder.what)
    who = f" by {holder.user}" if holder.user else ""
    since = f" since {holder.since()}" if holder.since() else ""
    return _(
        "'{name}' is already open{who} on {host} (process {pid}){since}. Opening it here too may "
        "overwrite their changes."
    ).format(name=path.name, who=who, host=holder.host, pid=holder.pid, since=since)


class FileLock:
    """This instance's lock on one workshop file; acquire on open, release on close."""

    def __init__(self) -> None:
        self._path: Path | None = None

    @property
    def path(self) -> Path | None:
        """The workshop currently locked, if any."""
        return self._path

    def acquire(self, path: Path) -> bool:
        """Lock `path` for this instance, releasing any previous lock; False if unwritable."""
        path = _key(path)
        if self._path == path:
            return _write_lock(path)  # e.g. after a save: take it back if it was overwritten
        self.release()
        if not _write_lock(path):
            return False
        self._path = path
        _HELD[path] = _HELD.get(path, 0) + 1
        return True

    def release(self) -> None:
        """Remove the lock, but only if it is still this instance's own."""
        path, self._path = self._path, None
        if path is None:
            return
        _HELD[path] = _HELD.get(path, 1) - 1
        if _HELD[path] > 0:
            return  # another window of this instance still has it open
        del _HELD[path]
        holder = read_lock(path)
        if holder is not None and holder.is_this_instance:
            with contextlib.suppress(OSError):
                lock_path_for(path).unlink()


def _lock_bytes() -> bytes:
    owner = current_owner()
    return json.dumps({"host": owner.host, "user": owner.user, "pid": owner.pid}).encode()


def _write_lock(path: Path) -> bool:
    """Make the lock of `path` ours; never through a link, never onto a special file."""
    state = lock_state(path)
    if isinstance(state, OddLock):
        return False
    if state is not None and state.is_this_instance:
        return True
    lock = lock_path_for(path)
    with contextlib.suppress(OSError):
        if stat.S_ISREG(os.lstat(lock).st_mode):
            os.unlink(lock)  # stale, corrupt, or taken over by the user's choice
    try:
        fd = os.open(lock, _CREATE, 0o644)
    except OSError:
        return False  # a folder we cannot write to, or someone planted something there
    try:
        data = memoryview(_lock_bytes())
        while data:
            data = data[os.write(fd, data) :]
    except OSError:
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(lock)  # half a lock is no lock
        return False
    os.close(fd)
    return True
