"""Atomic replacement of a file, keeping the previous version beside it as `.bak`.

The steps, each of which leaves a whole file at the target path at every moment:

1. write the new bytes to a temporary file in the same folder, and fsync it;
2. if the target exists, hard-link it (or, where links are not possible, copy it) to a
   second temporary file, and `os.replace` that onto `<name>.bak`;
3. `os.replace` the new temporary file onto the target, and fsync the folder.

A crash at any point leaves the target holding either the old or the new bytes (and at
worst a stray hidden temporary file). A failure raises `WorkshopSaveError`, removes the
temporary files, and leaves the target as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import stat
from pathlib import Path

from .errors import WorkshopSaveError


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where the previous version of `path` is kept: `plan.alignment` → `plan.alignment.bak`."""
    target = Path(path)
    return target.with_name(target.name + ".bak")


def _temp_path(target: Path, purpose: str) -> Path:
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.{purpose}.tmp")


def _write_new(path: Path, data: bytes, mode: int | None, durable: bool = True) -> None:
    """Create `path` with `data`, synced to disk if `durable`; `mode` keeps old permissions."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        if mode is not None and hasattr(os, "fchmod"):  # not on Windows before 3.13
            with contextlib.suppress(OSError):
                os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        if durable:
            os.fsync(fd)
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


def _reason(error: OSError) -> str:
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def replace_file(
    path: str | os.PathLike[str], data: bytes, *, keep_backup: bool = True, durable: bool = True
) -> None:
    """Replace the file at `path` with `data` atomically; raises OSError on failure.

    With `keep_backup` the old file is kept as `.bak`; with `durable` the bytes and the
    renames are synced to disk. The GUI's autosaves and lock files use it too.
    """
    target = Path(os.path.realpath(path))
    new = _temp_path(target, "new")
    old = _temp_path(target, "bak")
    try:
        try:
            info = os.stat(target)
        except FileNotFoundError:
            info = None
        if info is not None and stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "Is a folder")
        _write_new(new, data, None if info is None else stat.S_IMODE(info.st_mode), durable)
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


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Save `data` at `path` atomically, keeping the old file as `.bak`.

    Raises `WorkshopSaveError`, one line, and leaves the file on disk as it was.
    """
    try:
        name = Path(os.path.realpath(path)).name
    except (TypeError, ValueError) as error:
        raise WorkshopSaveError("", f"cannot save to {path!r}: not a usable file path") from error
    try:
        replace_file(path, data)
    except OSError as error:
        raise WorkshopSaveError(
            "", f'could not save "{name}": {_reason(error)}; the file on disk is unchanged'
        ) from error
