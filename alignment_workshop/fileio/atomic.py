"""The atomic save of a workshop file, keeping the previous version beside it as `.bak`.

The steps live in `alignment_workshop.safe_files.replace_file`, shared with exports,
autosaves and lock files; each leaves a whole file at the target path at every moment:

1. write the new bytes to a temporary file in the same folder, and fsync it;
2. if the target exists, hard-link it (or, where links are not possible, copy it) to a
   second temporary file, and `os.replace` that onto `<name>.bak`;
3. `os.replace` the new temporary file onto the target, and fsync the folder.

A crash at any point leaves the target holding either the old or the new bytes (and at
worst a stray hidden temporary file, removed by a later save once it is a day old). A
failure raises `WorkshopSaveError`, removes the temporary files, and leaves the target
as it was. A target that is not a regular file (a device, a FIFO) is never replaced.
"""

from __future__ import annotations

import os
from pathlib import Path

from alignment_workshop.i18n import _
from alignment_workshop.safe_files import backup_path, clean_stale_temps, replace_file

from .errors import WorkshopSaveError

__all__ = ["backup_path", "replace_file", "write_atomic"]


def _reason(error: OSError) -> str:
    text = error.strerror or str(error) or type(error).__name__
    return text[:1].lower() + text[1:]


def write_atomic(path: str | os.PathLike[str], data: bytes) -> os.stat_result:
    """Save `data` at `path` atomically, keeping the old file as `.bak`.

    Returns the status of the new file. Raises `WorkshopSaveError`, one line, and leaves
    the file on disk as it was. Our own temporary files that an earlier crash left beside
    it are removed once they are a day old.
    """
    try:
        target = Path(os.path.realpath(path))
    except (TypeError, ValueError) as error:
        raise WorkshopSaveError(
            "", _("cannot save to {path!r}: not a usable file path").format(path=path)
        ) from error
    try:
        written = replace_file(path, data)
    except OSError as error:
        raise WorkshopSaveError(
            "",
            _('could not save "{name}": {reason}; the file on disk is unchanged').format(
                name=target.name, reason=_reason(error)
            ),
        ) from error
    clean_stale_temps(target.parent, target.name)
    return written
