"""The one place where an export reaches the disk: `write_export(path, data)`.

Every export (the PDF plan, the map image, later the slides) first makes its whole file
in memory, then hands the bytes here. They go to a hidden temporary file beside the
target, which replaces the target only once it is complete: an export that fails or is
cancelled leaves the previous file byte for byte as it was.

Not yet durable: nothing is fsynced, so a power cut just after an export may lose it.
Hardening belongs here, and only here (`fileio/atomic.py` shows the steps).

Standard library only: the report (never Qt) and the editor both call it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from pathlib import Path


def temp_path(target: Path) -> Path:
    """A hidden, unused name beside `target` for the file being written."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.export.tmp")


def write_export(path: str | os.PathLike[str], data: bytes) -> None:
    """Make the file at `path` hold `data`, all at once; raises OSError on failure.

    A symbolic link is followed, so the file it points to is replaced, not the link. An
    existing file keeps its permissions; a new one gets the usual ones (0666 less the
    umask), as if it had been opened for writing.
    """
    target = Path(os.path.realpath(path))
    try:
        info: os.stat_result | None = os.stat(target)
    except FileNotFoundError:
        info = None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "Is a folder", str(target))
    temp = temp_path(target)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, 0o666)
    try:
        try:
            if info is not None and hasattr(os, "fchmod"):
                with contextlib.suppress(OSError):
                    os.fchmod(fd, stat.S_IMODE(info.st_mode))
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
