"""Autosave: keep a copy of an unsaved workshop in the app's data folder, never beside it.

While the document has unsaved changes, `AutosaveController` writes it 5 s after the last
edit and at least every 60 s while edits keep coming, to `paths.autosave_dir()`, with a
sidecar naming the user's file and the time (see autosave_files.py). Saving, or undoing
back to the saved state, removes the autosave; so does a clean close that discards.
After a crash the files stay, and the next start offers them back (recovery.py). A
recovered autosave is `supersede`d: it is removed only once this controller's fresh copy
is on disk (or the user saves or discards the work), never before.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from alignment_workshop import fileio, paths
from alignment_workshop.i18n import _

from ..editing.document import Document
from .autosave_files import AutosaveEntry, new_key, remove_autosave, write_autosave

IDLE_MS = 5_000
PERIOD_MS = 60_000


class AutosaveController(QObject):
    """Writes the document's autosave on a timer while it has unsaved changes."""

    #: An autosave was written; the argument is the autosaved workshop file.
    written = Signal(Path)
    #: Writing the autosave failed; the argument is one sentence for the status bar.
    failed = Signal(str)

    def __init__(
        self,
        document: Document,
        *,
        idle_ms: int = IDLE_MS,
        period_ms: int = PERIOD_MS,
        folder: Path | None = None,
    ) -> None:
        super().__init__(document)
        self._document = document
        self._folder = folder
        self._key = new_key()
        self._pending = False
        self._stopped = False
        self._superseded: list[AutosaveEntry] = []
        self._idle = self._timer(idle_ms, single=True)
        self._period = self._timer(period_ms, single=False)
        document.changed.connect(self._on_edit)
        document.modified_changed.connect(self._on_modified_changed)
        document.workshop_replaced.connect(self._on_replaced)

    def _timer(self, interval: int, *, single: bool) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(single)
        timer.setInterval(interval)
        timer.timeout.connect(self._on_timeout)
        return timer

    @property
    def folder(self) -> Path:
        """Where autosaves are written."""
        return self._folder or paths.autosave_dir()

    @property
    def entry(self) -> AutosaveEntry:
        """This document's autosave (its files exist only once written)."""
        return AutosaveEntry(self._key, self.folder, self._document.path, "", "", None)

    def supersede(self, entry: AutosaveEntry) -> None:
        """Remove `entry`, an older autosave of this work, once it is safe elsewhere."""
        self._superseded.append(entry)

    def _drop_superseded(self) -> None:
        for entry in self._superseded:
            remove_autosave(entry.folder, entry.key)
        self._superseded = []

    def write_now(self) -> bool:
        """Write the autosave at once if there are unsaved changes; False if none or failed."""
        document = self._document
        if not document.is_modified():
            return False
        try:
            data = fileio.saveable_bytes(document.workshop)  # never one that cannot reopen
            entry = write_autosave(
                self.folder,
                self._key,
                data,
                document.path,
                document.workshop.meta.title,
                document.disk,
            )
        except fileio.WorkshopSaveError as error:
            self.failed.emit(_("Autosave failed: {reason}.").format(reason=error.reason))
            return False
        except OSError as error:
            reason = error.strerror or str(error)
            self.failed.emit(
                _("Autosave failed ({reason}); save your work to keep it safe.").format(
                    reason=reason
                )
            )
            return False
        self._pending = False
        self._drop_superseded()  # the fresh copy is on disk: the old one may go
        self.written.emit(entry.data_path)
        return True

    def discard(self) -> None:
        """Stop the timers and remove the autosave (after a save, or a close that discards)."""
        self._idle.stop()
        self._period.stop()
        self._pending = False
        remove_autosave(self.folder, self._key)
        self._drop_superseded()  # saved or deliberately dropped

    def stop(self) -> None:
        """Stop following the document, keeping any autosave on disk; idempotent."""
        self._idle.stop()
        self._period.stop()
        if self._stopped:
            return
        self._stopped = True
        for signal, slot in (
            (self._document.changed, self._on_edit),
            (self._document.modified_changed, self._on_modified_changed),
            (self._document.workshop_replaced, self._on_replaced),
        ):
            signal.disconnect(slot)

    def _on_edit(self) -> None:
        self._pending = True
        self._idle.start()  # restarts: 5 s after the *last* edit
        if not self._period.isActive():
            self._period.start()

    def _on_timeout(self) -> None:
        if self._pending:
            self.write_now()

    def _on_modified_changed(self, modified: bool) -> None:
        if not modified:
            self.discard()

    def _on_replaced(self) -> None:
        if self._document.is_modified():  # a recovered workshop: keep it safe at once
            self._pending = True
            self.write_now()
            self._period.start()
        else:
            self.discard()
