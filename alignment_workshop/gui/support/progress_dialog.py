"""The box a background operation shows while it works: what, how far, and Cancel.

`ProgressDialog` is window-modal, so the window behind it keeps painting but takes no
input. Unlike `QProgressDialog`, it never runs a nested event loop from `setValue` and
never closes itself: Cancel, Escape and the title bar's close button only ask the work
to stop (`cancel_requested`), and the box says "Cancelling…" until the operation that
owns it calls `finish()`. The label is plain text, as it may quote a team's name.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import _


class ProgressDialog(QDialog):
    """A label, a bar and a Cancel button for one piece of background work."""

    #: The user asked to stop the work (once).
    cancel_requested = Signal()

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.label = QLabel(label)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setMinimumWidth(360)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the work says how far it is
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addWidget(self.buttons)
        self.cancelling = False
        self._finished = False

    def show_progress(self, done: int, total: int, label: str) -> None:
        """Show `done` of `total` and what is being done (unless cancelling)."""
        if self.cancelling:
            return
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(max(0, min(done, total)))
        if label:
            self.label.setText(label)

    def reject(self) -> None:
        """Cancel, Escape: ask the work to stop; the box stays until it has."""
        if self.cancelling or self._finished:
            return
        self.cancelling = True
        self.label.setText(_("Cancelling…"))
        self.buttons.setEnabled(False)
        self.cancel_requested.emit()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._finished:
            event.accept()
            return
        event.ignore()
        self.reject()

    def finish(self) -> None:
        """The work is over: close the box for good."""
        self._finished = True
        self.close()
