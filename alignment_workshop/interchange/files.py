"""Reading a source's bytes within the size limit, and writing an export atomically.

`write_output` hands a spreadsheet to `export_file.write_export`, the one path by which
every export reaches the disk (atomic, fsynced, never onto a FIFO or device, no `.bak`).
"""

from __future__ import annotations

import os
from pathlib import Path

from alignment_workshop import formats
from alignment_workshop.export_file import write_export
from alignment_workshop.i18n import _

from .errors import InterchangeError
from .limits import MAX_FILE_BYTES


def read_source(path: str | os.PathLike[str]) -> bytes:
    """The bytes of the file at `path`; refuses a missing, unreadable or oversized file."""
    try:
        with open(path, "rb") as file:
            size = os.fstat(file.fileno()).st_size
            if size > MAX_FILE_BYTES:
                raise InterchangeError(
                    _("the file is {size} MB; at most {limit} MB can be imported").format(
                        size=formats.decimal(size / 1024 / 1024, 1),
                        limit=MAX_FILE_BYTES // 1024 // 1024,
                    )
                )
            data = file.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise InterchangeError(_("there is no such file")) from None
    except IsADirectoryError:
        raise InterchangeError(_("this is a folder, not a file")) from None
    except PermissionError:
        raise InterchangeError(_("permission denied: the file cannot be read")) from None
    except OSError as error:
        raise InterchangeError(
            _("the file cannot be read ({reason})").format(reason=error.strerror or error)
        ) from None
    if len(data) > MAX_FILE_BYTES:
        raise InterchangeError(
            _("the file is larger than {limit} MB").format(limit=MAX_FILE_BYTES // 1024 // 1024)
        )
    return data


def write_output(path: str | os.PathLike[str], data: bytes) -> None:
    """Write an export atomically: the file at `path` is the old one or the whole new one."""
    try:
        write_export(path, data)
    except OSError as error:
        reason = (error.strerror or str(error) or type(error).__name__).lower()
        raise InterchangeError(
            _('could not write "{name}": {reason}; nothing was written').format(
                name=Path(path).name, reason=reason
            )
        ) from None
