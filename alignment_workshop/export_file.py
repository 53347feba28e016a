"""The one place where an export reaches the disk: `write_export(path, data)`.

Every export (the PDF plan, the map image, later slides and spreadsheets) first makes
its whole file in memory, checking each writer's result there, then hands the bytes
here. They are written like a save (`safe_files.replace_file`): to a hidden temporary
file beside the target, every write checked, fsynced, then renamed over the target.
A failure (a full disk, a read-only folder) raises OSError and leaves the previous file
byte for byte as it was, with no temporary file left behind. A target that exists and
is not a regular file (`/dev/null`, a FIFO) is refused untouched.

`check_export_target` says, before any work, whether writing there must fail: the
target is the workshop being exported (`export plan.pdf -o plan.pdf` would overwrite
the workshop with its own plan), or is not a regular file.

Standard library only: the report (never Qt), the editor and the command line call it.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from .i18n import _
from .safe_files import existing_target, replace_file, same_file, temp_path

__all__ = ["check_export_target", "temp_path", "write_export"]


class OwnInputError(OSError):
    """The export would overwrite the workshop it is made from."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        super().__init__(
            errno.EEXIST,
            _("is the workshop being exported; choose another name for the export"),
            os.fspath(path),
        )


def check_export_target(
    path: str | os.PathLike[str], source: str | os.PathLike[str] | None = None
) -> None:
    """Raise OSError at once if an export to `path` must fail; nothing is written.

    `source` is the workshop file the export is made from: an export never writes onto
    its own input.
    """
    if source is not None and same_file(source, path):
        raise OwnInputError(path)
    existing_target(path)


def write_export(path: str | os.PathLike[str], data: bytes) -> None:
    """Make the file at `path` hold `data`, all at once and durably; raises OSError.

    A symbolic link is followed, so the file it points to is replaced, not the link. An
    existing file keeps its permissions; a new one gets the usual ones (0666 less the
    umask), as if it had been opened for writing. No `.bak` is kept.
    """
    replace_file(Path(path), data, keep_backup=False)
