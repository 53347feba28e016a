"""Editors for the inspector that commit a value once, when the user is done with it.

Each editor shows a value loaded from the model (`load`) and emits `committed` with the
new value when the user finishes: Enter or focus-out for text, a choice for combos and
check boxes, Enter, focus-out or an arrow click for numbers and dates. Loading never emits,
and loading the value already shown keeps what the user is typing. `flush()` commits a
pending edit at once (used before the selection changes).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPalette, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QWidget,
)

from .date_edit import TypedDateEdit


class CommitLineEdit(QLineEdit):
    """One line of text, committed on Enter or focus-out."""

    #: The user finished editing; the argument is the new text.
    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.editingFinished.connect(self.flush)

    def load(self, value: str) -> None:
        """Show `value` from the model."""
        if value != self._loaded or not self.hasFocus():
            self._loaded = value
            self.setText(value)

    def flush(self) -> None:
        """Commit the text if it differs from the model's."""
        if self.text() != self._loaded:
            self._loaded = self.text()
            self.committed.emit(self.text())


class CommitTextEdit(QPlainTextEdit):
    """Several lines of text, committed on focus-out or Ctrl+Enter."""

    #: The user finished editing; the argument is the new text.
    committed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded = ""
        self.setTabChangesFocus(True)
        self.setMaximumHeight(110)

    def load(self, value: str) -> None:
        """Show `value` from the model."""
        if value != self._loaded or not self.hasFocus():
            self._loaded = value
            if self.toPlainText() != value:
                self.setPlainText(value)

    def flush(self) -> None:
        """Commit the text if it differs from the model's."""
        text = self.toPlainText()
        if text != self._loaded:
            self._loaded = text
            self.committed.emit(text)

    def focusOutEvent(self, event: Any) -> None:
        self.flush()
        super().focusOutEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        if enter and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.flush()
            return
        super().keyPressEvent(event)


class CommitSpinBox(QSpinBox):
    """A whole number, committed on Enter, focus-out or an arrow step."""

    #: The user chose a new number.
    committed = Signal(int)

    def __init__(self, low: int, high: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(low, high)
        self.setKeyboardTracking(False)  # no commit per keystroke while typing "12"
        self._loading = False
        self.valueChanged.connect(self._changed)

    def load(self, value: int) -> None:
        """Show `value` from the model."""
        self._loading = True
        try:
            self.setValue(value)
        finally:
            self._loading = False

    def flush(self) -> None:
        """Commit typed digits (interpretText applies them and emits a change)."""
        self.interpretText()

    def _changed(self, value: int) -> None:
        if not self._loading:
            self.committed.emit(value)


class CommitComboBox(QComboBox):
    """A choice among fixed values (priority, status, team), committed when chosen."""

    #: The user chose an entry; the argument is its value.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.activated.connect(lambda index: self.committed.emit(self.itemData(index)))

    def set_choices(self, choices: list[tuple[str, object, str | None]]) -> None:
        """Replace the entries with (label, value, colour or None) triples."""
        current = self.currentData()
        self.blockSignals(True)
        try:
            self.clear()
            for label, value, color in choices:
                self.addItem(_swatch(color) if color else QIcon(), label, value)
            self._select(current)
        finally:
            self.blockSignals(False)

    def load(self, value: object) -> None:
        """Show the entry whose value is `value`."""
        self.blockSignals(True)
        try:
            self._select(value)
        finally:
            self.blockSignals(False)

    def flush(self) -> None:
        """Nothing is ever pending: a choice commits at once."""

    def _select(self, value: object) -> None:
        for index in range(self.count()):
            if self.itemData(index) == value:
                self.setCurrentIndex(index)
                return


class CommitCheckBox(QCheckBox):
    """A yes/no field, committed when toggled by the user."""

    #: The user ticked or unticked the box.
    committed = Signal(bool)

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self.clicked.connect(lambda *_args: self.committed.emit(self.isChecked()))

    def load(self, value: bool) -> None:
        """Show `value` from the model."""
        self.setChecked(value)

    def flush(self) -> None:
        """Nothing is ever pending."""


class OptionalDateEdit(QWidget):
    """A date that may be empty: a check box to have one, a date editor, and Clear.

    The editor takes typed dates even while there is no date: the one typed becomes it.
    """

    #: The user set or cleared the date; the argument is a `datetime.date` or None.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: dt.date | None = None
        self.enabled_box = QCheckBox(self)
        self.enabled_box.setToolTip("Set a date")
        self.editor = TypedDateEdit(self)
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.enabled_box)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.clear_button)
        self.enabled_box.clicked.connect(lambda *_args: self.flush())
        self.editor.dateChanged.connect(self._typed)
        self.clear_button.clicked.connect(self.clear)
        self.load(None)

    def value(self) -> dt.date | None:
        """The date shown, or None when there is none."""
        if not self.enabled_box.isChecked():
            return None
        date = self.editor.date()
        return dt.date(date.year(), date.month(), date.day())

    def load(self, value: dt.date | None) -> None:
        """Show `value` from the model."""
        self._loaded = value
        for widget in (self.enabled_box, self.editor):
            widget.blockSignals(True)
        try:
            self.enabled_box.setChecked(value is not None)
            self.editor.setDate(_qdate(value) if value is not None else QDate.currentDate())
        finally:
            for widget in (self.enabled_box, self.editor):
                widget.blockSignals(False)
        self._show_empty(value is None)

    def _show_empty(self, empty: bool) -> None:
        """With no date, the editor's date (today) is greyed: a suggestion, not a value."""
        self.clear_button.setEnabled(not empty)
        role = QPalette.ColorRole
        palette = QPalette(self.editor.palette())
        shown = QApplication.palette(self.editor).color(
            role.PlaceholderText if empty else role.Text
        )
        palette.setColor(role.Text, shown)
        self.editor.setPalette(palette)
        self.editor.setToolTip("No date yet: type or pick one" if empty else "")

    def _typed(self, _date: QDate) -> None:
        """A date typed or picked in the editor is the date, even where there was none."""
        self.enabled_box.setChecked(True)
        self.flush()

    def set_value(self, value: dt.date | None) -> None:
        """Show `value` and commit it, as if the user had entered it."""
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self.editor.blockSignals(True)
            self.editor.setDate(_qdate(value))
            self.editor.blockSignals(False)
        self.flush()

    def clear(self) -> None:
        """Remove the date."""
        self.set_value(None)

    def flush(self) -> None:
        """Commit the date if it differs from the model's."""
        value = self.value()
        self._show_empty(value is None)
        if value != self._loaded:
            self._loaded = value
            self.committed.emit(value)


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)
