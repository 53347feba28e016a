"""The autosave folder on disk: one workshop file and one JSON sidecar per autosave.

An autosave of a running document is `<key>.alignment` (an ordinary workshop file) plus
`<key>.json`, the sidecar, which records the user's own file (or None for a workshop never
saved) and what that file held when it was last read or written (its `DiskState`), the
workshop's title, when it was written, and which instance wrote it. The sidecar is
written second, so a sidecar always names complete data. Both are private to the user
(mode 0600), whatever the permissions of the workshop itself. Standard library only:
the Qt controller (autosave.py) and the recovery dialog (recovery.py) share this.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import uuid
from dataclasses import dataclass
from pathlib import Path

from alignment_workshop import paths
from alignment_workshop.fileio import DiskState, replace_file
from alignment_workshop.i18n import _
from alignment_workshop.safe_files import clean_stale_temps

from ..support.instance import Owner, current_owner, format_time, pid_alive, this_host

SIDECAR_FORMAT = "alignment-workshop-autosave"
SIDECAR_VERSION = 1
DATA_SUFFIX = ".alignment"
SIDECAR_SUFFIX = ".json"
#: Autosaves hold the user's work: only the user may read them.
PRIVATE_MODE = 0o600


@dataclass(frozen=True, slots=True)
class AutosaveEntry:
    """One autosave found on disk; `problem` says why it cannot be recovered, if so."""

    key: str
    folder: Path
    original: Path | None
    title: str
    saved_at: str
    owner: Owner | None
    problem: str | None = None
    original_state: DiskState | None = None

    @property
    def data_path(self) -> Path:
        """The autosaved workshop file."""
        return self.folder / f"{self.key}{DATA_SUFFIX}"

    @property
    def sidecar_path(self) -> Path:
        """The JSON that describes it."""
        return self.folder / f"{self.key}{SIDECAR_SUFFIX}"

    @property
    def display_name(self) -> str:
        """The user's file name, or the title of a workshop that was never saved."""
        if self.original is not None:
            return self.original.name
        return _("{title} (never saved)").format(title=self.title or _("Untitled workshop"))

    @property
    def when(self) -> str:
        """When it was autosaved, as a person reads it."""
        return format_time(self.saved_at) or _("unknown time")


def _host_tag(host: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in host)[:40]


def new_key() -> str:
    """A file name stem unique to one document of one instance: host-pid-random."""
    owner = current_owner()
    return f"{_host_tag(owner.host)}-{owner.pid}-{uuid.uuid4().hex[:8]}"


def _written_by_live_instance(entry: AutosaveEntry) -> bool:
    if entry.owner is not None:
        return entry.owner.is_alive
    # No readable sidecar (perhaps not written yet): the key still names host and pid.
    host, _sep, rest = entry.key.partition("-")
    pid, _sep, _start = rest.partition("-")
    return host == _host_tag(this_host()) and pid.isdigit() and pid_alive(int(pid))


def write_autosave(
    folder: Path,
    key: str,
    data: bytes,
    original: Path | None,
    title: str,
    original_state: DiskState | None = None,
) -> AutosaveEntry:
    """Write the workshop bytes, then the sidecar; raises OSError if the disk refuses."""
    owner = current_owner()
    entry = AutosaveEntry(key, folder, original, title, owner.time, owner, None, original_state)
    replace_file(entry.data_path, data, keep_backup=False, mode=PRIVATE_MODE)
    sidecar = {
        "format": SIDECAR_FORMAT,
        "version": SIDECAR_VERSION,
        "original": str(original) if original is not None else None,
        "original_state": original_state.as_dict() if original_state is not None else None,
        "title": title,
        "saved_at": owner.time,
        "owner": owner.as_dict(),
    }
    sidecar_bytes = json.dumps(sidecar, indent=2).encode()
    replace_file(entry.sidecar_path, sidecar_bytes, keep_backup=False, mode=PRIVATE_MODE)
    return entry


def remove_autosave(folder: Path, key: str) -> None:
    """Delete both files of an autosave; missing files are fine."""
    for suffix in (SIDECAR_SUFFIX, DATA_SUFFIX):
        with contextlib.suppress(OSError):
            (folder / f"{key}{suffix}").unlink()


def leftover_autosaves(folder: Path | None = None) -> list[AutosaveEntry]:
    """Autosaves left by instances that are no longer running, newest first.

    Autosaves of live instances (this one included) are left alone. An unreadable sidecar,
    or workshop data without a sidecar, is listed with a `problem` so it can be discarded.
    Temporary files that an interrupted autosave left are removed once a day old.
    """
    folder = folder or paths.autosave_dir()
    clean_stale_temps(folder)
    keys = {p.stem for p in folder.glob(f"*{SIDECAR_SUFFIX}")}
    keys |= {p.stem for p in folder.glob(f"*{DATA_SUFFIX}")}
    entries = [_read_entry(folder, key) for key in sorted(keys)]
    leftovers = [e for e in entries if not _written_by_live_instance(e)]
    return sorted(leftovers, key=lambda e: e.saved_at, reverse=True)


def _read_entry(folder: Path, key: str) -> AutosaveEntry:
    sidecar = folder / f"{key}{SIDECAR_SUFFIX}"
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return _broken(folder, key, _("its description is missing"))
    except (OSError, ValueError):
        return _broken(folder, key, _("its description cannot be read"))
    if not isinstance(data, dict) or data.get("format") != SIDECAR_FORMAT:
        return _broken(folder, key, _("its description is not an autosave record"))
    original = data.get("original")
    title, saved_at = data.get("title"), data.get("saved_at")
    entry = AutosaveEntry(
        key,
        folder,
        Path(original) if isinstance(original, str) and original else None,
        title if isinstance(title, str) else "",
        saved_at if isinstance(saved_at, str) else "",
        Owner.from_dict(data.get("owner")),
        None,
        DiskState.from_dict(data.get("original_state")),
    )
    if not entry.data_path.is_file():
        return _broken(folder, key, _("the autosaved workshop is missing"), entry)
    return entry


def _broken(
    folder: Path, key: str, problem: str, entry: AutosaveEntry | None = None
) -> AutosaveEntry:
    if entry is not None:
        return dataclasses.replace(entry, owner=None, problem=problem)
    saved_at = ""
    data_path = folder / f"{key}{DATA_SUFFIX}"
    with contextlib.suppress(OSError):
        stamp = data_path.stat().st_mtime
        saved_at = dt.datetime.fromtimestamp(stamp).astimezone().isoformat(timespec="seconds")
    return AutosaveEntry(key, folder, None, "", saved_at, None, problem)
