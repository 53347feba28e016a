"""Files on disk, handled safely by every layer: regular files only, atomic replacement.

Standard library only, and importing nothing of the app, so that the file format
(`fileio`), the PDF plan (`report`), the editor's images, autosaves and lock files
(`gui`) and the command line share one implementation of each promise:

- `open_regular(path)` opens for reading only a regular file (a symbolic link to one is
  followed unless told otherwise). A FIFO, socket or device is refused before it is
  opened, and the open itself never blocks, so nothing the app reads can hang it.
- `replace_file(path, data)` writes the bytes to a new temporary file beside the target,
  checks every write, fsyncs it, then `os.replace`s it onto the target, keeping the
  previous file as `<name>.bak` if asked. The target holds the whole old file or the whole
  new one at every moment; a target that exists and is not a regular file (`/dev/null`,
  a FIFO) is refused and left alone.
- `clean_stale_temps(folder)` removes the temporary files of ours that a crash left
  behind, once they are a day old.
- `same_file` and `is_write_protected` answer what a caller asks before writing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import secrets
import shutil
import stat
import time
from pathlib import Path
from typing import BinaryIO

from .i18n import _

#: Temporary files of ours older than this (in seconds) are litter a crash left behind.
STALE_AFTER = 24 * 60 * 60

_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_BINARY = getattr(os, "O_BINARY", 0)
_CLOEXEC = getattr(os, "O_CLOEXEC", 0)
#: `.<name>.<8 hex digits>.<purpose>.tmp`, the only names `replace_file` ever creates.
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[0-9a-f]{8}\.(?:new|bak)\.tmp")


class NotRegularFileError(OSError):
    """The path names a FIFO, socket, device or symbolic link where a file was expected."""

    def __init__(self, path: str | os.PathLike[str], what: str) -> None:
        reason = _("is {what}, not a regular file").format(what=what)
        super().__init__(errno.EINVAL, reason, os.fspath(path))
        self.what = what


def describe_mode(mode: int) -> str:
    """What a file of `mode` is, as a person reads it: "a named pipe (FIFO)", in the
    language in effect (it completes "… is {what}, not a workshop file")."""
    for test, what in (
        (stat.S_ISDIR, _("a folder")),
        (stat.S_ISLNK, _("a symbolic link")),
        (stat.S_ISFIFO, _("a named pipe (FIFO)")),
        (stat.S_ISSOCK, _("a socket")),
        (stat.S_ISCHR, _("a device")),
        (stat.S_ISBLK, _("a device")),
    ):
        if test(mode):
            return what
    return _("a special file")


def _require_regular(info: os.stat_result, path: str | os.PathLike[str]) -> None:
    if stat.S_ISREG(info.st_mode):
        return
    if stat.S_ISDIR(info.st_mode):
        reason = _("is a folder, not a regular file")
        raise IsADirectoryError(errno.EISDIR, reason, os.fspath(path))
    raise NotRegularFileError(path, describe_mode(info.st_mode))


def open_regular(path: str | os.PathLike[str], *, follow_symlinks: bool = True) -> BinaryIO:
    """`path` open for reading in binary; raises OSError, `NotRegularFileError` if not a file.

    The type is checked before opening (a device is never opened) and again on the open
    file, which is opened non-blocking, so a file swapped in between cannot hang the read.
    With `follow_symlinks=False` a symbolic link is refused as well.
    """
    _require_regular(os.stat(path, follow_symlinks=follow_symlinks), path)
    flags = os.O_RDONLY | _NONBLOCK | _BINARY | _CLOEXEC
    fd = os.open(path, flags if follow_symlinks else flags | _NOFOLLOW)
    try:
        _require_regular(os.fstat(fd), path)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of `path` is kept: `plan.alignment` → `plan.alignment.bak`."""
    target = Path(path)
    return target.with_name(target.name + ".bak")


def temp_path(target: Path, purpose: str = "new") -> Path:
    """A hidden, unused name beside `target` for a file being written (`purpose`: new, bak)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{purpose}.tmp")


def _write_new(path: Path, data: bytes, mode: int | None, durable: bool) -> os.stat_result:
    """Create `path` holding `data` (synced if `durable`); returns the new file's status."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | _BINARY | _CLOEXEC
    fd = os.open(path, flags, 0o666 if mode is None else mode)
    try:
        if mode is not None and hasattr(os, "fchmod"):  # not on Windows before 3.13
            with contextlib.suppress(OSError):
                os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
        return os.fstat(fd)
    finally:
        os.close(fd)


def _snapshot(target: Path, copy: Path) -> None:
    """Make `copy` hold the current bytes of `target`, without touching `target`."""
    try:
        os.link(target, copy)
    except OSError:
        shutil.copyfile(target, copy)
        fd = os.open(copy, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _sync_folder(folder: Path) -> None:
    """Make the renames durable; best effort, as some systems cannot sync a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def existing_target(path: str | os.PathLike[str]) -> tuple[Path, os.stat_result | None]:
    """The real path a write to `path` replaces, and its status (None when absent).

    Raises `NotRegularFileError` or IsADirectoryError when something that is not a
    regular file is there: writing must never replace a device, FIFO or folder.
    """
    target = Path(os.path.realpath(path))
    try:
        info = os.stat(target)
    except FileNotFoundError:
        return target, None
    _require_regular(info, path)
    return target, info


def replace_file(
    path: str | os.PathLike[str],
    data: bytes,
    *,
    keep_backup: bool = True,
    durable: bool = True,
    mode: int | None = None,
) -> os.stat_result:
    """Replace the file at `path` with `data` atomically; returns the new file's status.

    With `keep_backup` the old file is kept as `.bak`; with `durable` the bytes and the
    renames are synced to disk. `mode` sets the permissions; by default an existing file
    keeps its own. Raises OSError on failure, leaving the target as it was and removing
    the temporary files.
    """
    target, info = existing_target(path)
    new = temp_path(target, "new")
    old = temp_path(target, "bak")
    if mode is None and info is not None:
        mode = stat.S_IMODE(info.st_mode)
    try:
        written = _write_new(new, data, mode, durable)
        if info is not None and keep_backup:
            _snapshot(target, old)
            os.replace(old, backup_path(target))
        os.replace(new, target)
    finally:
        for leftover in (new, old):
            with contextlib.suppress(OSError):
                os.unlink(leftover)
    if durable:
        _sync_folder(target.parent)
    return written


def clean_stale_temps(
    folder: str | os.PathLike[str], name: str | None = None, *, max_age: float = STALE_AFTER
) -> int:
    """Remove temporary files of ours in `folder` older than `max_age` seconds.

    With `name`, only those left by writes to the file called `name`. Only regular files
    named as `replace_file` names them are touched; returns how many were removed.
    """
    removed = 0
    cutoff = time.time() - max_age
    with contextlib.suppress(OSError), os.scandir(folder) as entries:
        for entry in entries:
            match = _TEMP_NAME.fullmatch(entry.name)
            if match is None or (name is not None and match["name"] != name):
                continue
            with contextlib.suppress(OSError):
                info = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(info.st_mode) and info.st_mtime < cutoff:
                    os.unlink(entry.path)
                    removed += 1
    return removed


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether the two paths name the same file (through links, or the same real path)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        real = (os.path.normcase(os.path.realpath(p)) for p in (first, second))
        return next(real) == next(real)


def is_write_protected(path: str | os.PathLike[str]) -> bool:
    """Whether the file at `path` exists and its permissions say it must not be written.

    No write permission bit at all counts, even for a user (such as root) whom the
    system would let write anyway: the owner protected the file on purpose.
    """
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_IMODE(info.st_mode) & 0o222 == 0 or not os.access(path, os.W_OK)
