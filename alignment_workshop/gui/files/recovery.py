"""Recovery after a crash: offer back the autosaves that a dead instance left behind.

`RecoveryDialog` lists each leftover autosave with its file name and the time it was
written. Recoverable ones are ticked; one that cannot be read says why in one line and
can only be discarded. A recovered workshop opens modified and tied to the user's
original file, so the next Save writes where the user expects.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop import fileio
from alignment_workshop.i18n import _
from alignment_workshop.model import Workshop

from ..editing.document import Document
from ..support.plain_text import tooltip
from .autosave import AutosaveController
from .autosave_files import AutosaveEntry, leftover_autosaves, remove_autosave

Recovered = tuple[AutosaveEntry, Workshop]


def load_autosave(entry: AutosaveEntry) -> Workshop:
    """The autosaved workshop; raises `fileio.WorkshopFileError` when it cannot be read."""
    if entry.problem is not None:
        raise fileio.WorkshopFileError("", entry.problem)
    return fileio.load(entry.data_path)


def recover_into(
    document: Document,
    entry: AutosaveEntry,
    workshop: Workshop,
    autosave: AutosaveController | None = None,
    *,
    disk: fileio.DiskState | None = None,
) -> None:
    """Make `workshop` the document's, modified and tied to its original path.

    The document's `autosave` controller writes it afresh at once and removes the old
    autosave only once that write succeeded; if the write fails, or there is no
    controller, the old autosave stays, as it may be the only copy on disk. `disk` is
    what the original file held when the crashed session last read or wrote it (by
    default as the autosave recorded it), so that a file changed since is not
    overwritten without asking.
    """
    if autosave is not None:
        autosave.supersede(entry)
    disk = disk or entry.original_state
    document.replace(workshop, entry.original, modified=True, disk=disk)


def discard(entry: AutosaveEntry) -> None:
    """Delete an autosave for good."""
    remove_autosave(entry.folder, entry.key)


def _describe(entry: AutosaveEntry) -> str:
    if entry.problem is not None:
        name = entry.display_name if entry.original is not None else _("An autosaved workshop")
        return _("{name}, autosaved {when}: cannot be read ({problem})").format(
            name=name, when=entry.when, problem=entry.problem
        )
    return _("{display_name}, autosaved {when}").format(
        display_name=entry.display_name, when=entry.when
    )


class RecoveryDialog(QDialog):
    """Offers each leftover autosave: recover the ticked ones, discard them, or decide later."""

    def __init__(self, entries: list[AutosaveEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Recover unsaved work"))
        self._loaded: dict[str, Workshop] = {}
        self._entries: dict[str, AutosaveEntry] = {}
        self._list = QListWidget(self)
        self._list.setWordWrap(True)
        self._list.setResizeMode(QListWidget.ResizeMode.Adjust)
        for entry in entries:
            self._add_row(entry)
        intro = QLabel(
            _(
                "Alignment Workshop closed without saving these workshops. Tick the ones to "
                "recover; anything you do not recover or discard is kept for next time."
            ),
            self,
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(self)
        self.recover_button = buttons.addButton(
            _("Recover"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button = QPushButton(_("Discard ticked"), self)
        buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        later = buttons.addButton(_("Decide later"), QDialogButtonBox.ButtonRole.RejectRole)
        self.recover_button.clicked.connect(self.accept)
        self.discard_button.clicked.connect(self.discard_ticked)
        later.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (intro, self._list, buttons):
            layout.addWidget(widget)
        self.resize(560, 300)

    def _add_row(self, entry: AutosaveEntry) -> None:
        try:
            self._loaded[entry.key] = load_autosave(entry)
        except fileio.WorkshopFileError as error:
            entry = _with_problem(entry, str(error))
        self._entries[entry.key] = entry
        item = QListWidgetItem(_describe(entry), self._list)
        if entry.original is not None:
            item.setToolTip(tooltip(str(entry.original)))
        item.setData(Qt.ItemDataRole.UserRole, entry.key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        ok = entry.problem is None
        item.setCheckState(Qt.CheckState.Checked if ok else Qt.CheckState.Unchecked)

    def entries(self) -> list[AutosaveEntry]:
        """Every autosave still listed, with its problem if it cannot be read."""
        return [self._entries[self._key(row)] for row in range(self._list.count())]

    def set_ticked(self, key: str, ticked: bool) -> None:
        """Tick or untick the row of the autosave `key`."""
        for row in range(self._list.count()):
            if self._key(row) == key:
                state = Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked
                self._list.item(row).setCheckState(state)

    def chosen(self) -> list[Recovered]:
        """The ticked autosaves that can be recovered, with their workshops."""
        return [(self._entries[k], self._loaded[k]) for k in self._ticked() if k in self._loaded]

    def discard_ticked(self) -> None:
        """Delete the ticked autosaves; close when none is left."""
        for key in self._ticked():
            discard(self._entries.pop(key))
            self._loaded.pop(key, None)
        for row in reversed(range(self._list.count())):
            if self._key(row) not in self._entries:
                self._list.takeItem(row)
        if self._list.count() == 0:
            self.reject()

    def _key(self, row: int) -> str:
        return str(self._list.item(row).data(Qt.ItemDataRole.UserRole))

    def _ticked(self) -> list[str]:
        return [
            self._key(row)
            for row in range(self._list.count())
            if self._list.item(row).checkState() == Qt.CheckState.Checked
        ]


def _with_problem(entry: AutosaveEntry, problem: str) -> AutosaveEntry:
    return dataclasses.replace(entry, owner=None, problem=problem)


def offer_recovery(
    parent: QWidget | None,
    open_recovered: Callable[[AutosaveEntry, Workshop], None],
    *,
    folder: Path | None = None,
    run: Callable[[RecoveryDialog], int] = RecoveryDialog.exec,
) -> int:
    """On start: if crashed sessions left autosaves, ask, and open each one chosen.

    `open_recovered(entry, workshop)` puts a workshop in front of the user, typically
    via `recover_into`. Returns how many were recovered. `run` shows the dialog; tests
    replace it to answer without a modal loop.
    """
    entries = leftover_autosaves(folder)
    if not entries:
        return 0
    dialog = RecoveryDialog(entries, parent)
    if run(dialog) != QDialog.DialogCode.Accepted.value:
        return 0
    chosen = dialog.chosen()
    for entry, workshop in chosen:
        open_recovered(entry, workshop)
    return len(chosen)
