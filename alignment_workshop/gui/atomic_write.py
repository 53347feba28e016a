"""Write a small file so that a reader sees the old bytes or the new ones, never half."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path


def write_atomic(target: Path, data: bytes, *, durable: bool = True) -> None:
    """Write `data` to a temporary file beside `target`, then replace `target` with it.

    With `durable`, the bytes are flushed to disk (fsync) before the rename, so a crash
    leaves either the previous file or the complete new one. Raises OSError on failure
    and leaves `target` untouched.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
