"""A lock file beside an open workshop, so a second instance can warn before editing it.

Opening `plan.alignment` writes `.~plan.alignment.lock` beside it: JSON naming the host,
process, user and time. Another instance that opens the same file reads the lock and, if
its owner may still be running, warns with those details. The lock is advisory: a stale
lock (its process is gone from this host, or the file cannot be read) never blocks opening,
and a folder where no lock can be written never stops anyone working.
"""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

from alignment_workshop.fileio import replace_file

from ..support.instance import Owner, current_owner

#: How many `FileLock`s of this process hold each file (two windows may show one file).
_HELD: dict[Path, int] = {}


def _key(path: Path) -> Path:
    return Path(path).absolute()


def held_here(path: Path) -> bool:
    """Whether a window of this very instance already has `path` open."""
    return _HELD.get(_key(path), 0) > 0


def lock_path_for(path: Path) -> Path:
    """Where the lock of the workshop at `path` lives."""
    return path.with_name(f".~{path.name}.lock")


def read_lock(path: Path) -> Owner | None:
    """The owner recorded in the lock of `path`; None if absent, unreadable or corrupt."""
    try:
        data = json.loads(lock_path_for(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return Owner.from_dict(data)


def foreign_holder(path: Path) -> Owner | None:
    """Another live instance holding `path`, or None when opening it is free of conflict.

    Stale and corrupt locks, and this instance's own lock, count as free.
    """
    owner = read_lock(path)
    if owner is None or owner.is_this_instance or not owner.is_alive:
        return None
    return owner


def describe(path: Path, owner: Owner) -> str:
    """One sentence for the warning: who holds `path`, and where."""
    who = f" by {owner.user}" if owner.user else ""
    since = f" since {owner.since()}" if owner.since() else ""
    return (
        f"'{path.name}' is already open{who} on {owner.host} (process {owner.pid}){since}. "
        "Opening it here too may overwrite their changes."
    )


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


def _write_lock(path: Path) -> bool:
    data = json.dumps(current_owner().as_dict(), indent=2).encode()
    try:
        replace_file(lock_path_for(path), data, keep_backup=False, durable=False)
    except OSError:
        return False
    return True
