"""The recent-files list: at most ten workshops, newest first, without duplicates.

Stored in the settings file as JSON (one string value, so an INI file keeps lists of one
path intact). Files that no longer exist are pruned each time the list is read.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from ..support.settings import open_settings

MAX_RECENT = 10
_KEY = "recent/files"


def _normal(path: Path | str) -> Path:
    return Path(os.path.abspath(Path(path).expanduser()))


class RecentFiles(QObject):
    """The recent workshops, shared by the File menu and the welcome screen."""

    #: The list changed (a file added, removed, pruned or the list cleared).
    changed = Signal()

    def __init__(self, settings: QSettings | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings or open_settings()

    def paths(self) -> list[Path]:
        """The recent files that still exist, newest first."""
        stored = self._read()
        existing = [path for path in stored if path.is_file()]
        if existing != stored:
            self._write(existing)
        return existing

    def add(self, path: Path | str) -> None:
        """Put `path` first, dropping an older entry for it and anything past ten."""
        path = _normal(path)
        files = [path] + [p for p in self._read() if p != path]
        self._write(files[:MAX_RECENT])

    def remove(self, path: Path | str) -> None:
        """Forget `path` (e.g. it could not be opened)."""
        path = _normal(path)
        files = self._read()
        if path in files:
            self._write([p for p in files if p != path])

    def clear(self) -> None:
        """Forget every recent file."""
        self._write([])

    def _read(self) -> list[Path]:
        raw = self._settings.value(_KEY, "[]")
        try:
            items = json.loads(raw) if isinstance(raw, str) else []
        except ValueError:
            items = []
        if not isinstance(items, list):
            return []
        seen: list[Path] = []
        for item in items:
            if isinstance(item, str) and item and _normal(item) not in seen:
                seen.append(_normal(item))
        return seen[:MAX_RECENT]

    def _write(self, files: list[Path]) -> None:
        self._settings.setValue(_KEY, json.dumps([str(p) for p in files]))
        self._settings.sync()
        self.changed.emit()
