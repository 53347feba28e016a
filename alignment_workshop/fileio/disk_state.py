"""What a workshop file on disk looked like when the editor last read or wrote it.

`DiskState` records the size, the modification time and a SHA-256 of the bytes. The
editor keeps the state of its file, and `compare` tells it later whether another program
(git, a sync client, a colleague) changed the file or took it away in the meantime, so
that a save never overwrites someone else's edit without asking.
"""

from __future__ import annotations

import contextlib
import enum
import hashlib
import os
from dataclasses import dataclass

from alignment_workshop.safe_files import open_regular

from .jsonparse import MAX_FILE_BYTES


class Change(enum.Enum):
    """How the file on disk compares with the state the editor remembers."""

    SAME = "same"
    CHANGED = "changed"
    GONE = "gone"


@dataclass(frozen=True, slots=True)
class DiskState:
    """A file's size in bytes, its modification time in ns and the SHA-256 of its bytes."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> DiskState:
        """The state of a file holding `data`, whose status is `info`."""
        return cls(len(data), info.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def as_dict(self) -> dict[str, object]:
        """JSON-ready fields (the autosave sidecar keeps the state of the user's file)."""
        return {"size": self.size, "mtime_ns": self.mtime_ns, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, data: object) -> DiskState | None:
        """The state recorded in `data`; None when it is missing or malformed."""
        if not isinstance(data, dict):
            return None
        size, mtime, digest = (data.get(k) for k in ("size", "mtime_ns", "sha256"))
        numbers = [v for v in (size, mtime) if isinstance(v, int) and not isinstance(v, bool)]
        if len(numbers) != 2 or not isinstance(digest, str) or len(digest) != 64:
            return None
        return cls(size, mtime, digest)  # type: ignore[arg-type]


def _digest(path: str | os.PathLike[str]) -> str:
    sha = hashlib.sha256()
    with open_regular(path) as file:
        while chunk := file.read(1 << 20):
            sha.update(chunk)
    return sha.hexdigest()


def state_of(path: str | os.PathLike[str]) -> DiskState | None:
    """The state of the file at `path` now; None if it cannot be read or is too large."""
    try:
        with open_regular(path) as file:
            info = os.fstat(file.fileno())
            if info.st_size > MAX_FILE_BYTES:
                return None
            return DiskState.of(file.read(MAX_FILE_BYTES + 1), info)
    except OSError:
        return None


def compare(
    path: str | os.PathLike[str], known: DiskState, *, thorough: bool = True
) -> tuple[Change, DiskState | None]:
    """How the file at `path` compares with `known`, and its state now (None if gone).

    The same size and modification time count as unchanged unless `thorough`;
    otherwise the bytes are hashed, so a file that was only touched, or rewritten with
    the same bytes, is not reported. A file that can no longer be read, or is no longer a
    regular file, counts as changed; its state then has an empty hash.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return Change.GONE, None
    except OSError:
        return Change.CHANGED, None
    if info.st_size == known.size and info.st_mtime_ns == known.mtime_ns and not thorough:
        return Change.SAME, known
    digest = ""
    if info.st_size <= MAX_FILE_BYTES:
        with contextlib.suppress(OSError):
            digest = _digest(path)
    now = DiskState(info.st_size, info.st_mtime_ns, digest)
    same = digest == known.sha256 and info.st_size == known.size
    return (Change.SAME if same else Change.CHANGED), now
