"""The inspector's editor for the workshop's period: start, end and label, or none.

A tick gives the workshop a period (the current calendar year to start with); Clear takes
it away. The label is optional: left empty, the dates speak for themselves, and the
field's placeholder shows how ("H1 2027"). Moving the start past the end moves the end
with it, as a calendar does, so that the span is never shown inside out. Each change
commits the whole period at once, and the model decides whether it is valid.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from alignment_workshop.analysis.periods import period_text
from alignment_workshop.model import Period

from .date_edit import TypedDateEdit


def _date_edit(parent: QWidget) -> QDateEdit:
    return TypedDateEdit(parent)


def default_period(today: dt.date | None = None) -> Period:
    """The period a new tick starts with: this calendar year."""
    year = (today or dt.date.today()).year
    return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))


class PeriodEdit(QWidget):
    """The workshop's period: a tick to have one, two dates, a label and Clear."""

    #: The user set, changed or cleared the period; the argument is a `Period` or None.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: Period | None = None
        self.enabled_box = QCheckBox(self)
        self.enabled_box.setToolTip("Set the period the goals are for")
        self.start_edit = _date_edit(self)
        self.end_edit = _date_edit(self)
        self.label_edit = QLineEdit(self)
        self.label_edit.setToolTip("What the room calls the period; empty: the dates say it")
        self.clear_button = QToolButton(self)
        self.clear_button.setText("Clear")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        to = QLabel("to", self)
        to.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid.addWidget(self.enabled_box, 0, 0)
        grid.addWidget(self.start_edit, 0, 1)
        grid.addWidget(to, 1, 0)
        grid.addWidget(self.end_edit, 1, 1)
        last = QHBoxLayout()
        last.addWidget(self.label_edit, 1)
        last.addWidget(self.clear_button)
        grid.addLayout(last, 2, 1)
        grid.setColumnStretch(1, 1)
        self.enabled_box.clicked.connect(lambda *_args: self.flush())
        self.start_edit.dateChanged.connect(self._start_changed)
        self.end_edit.dateChanged.connect(lambda _date: self.flush())
        self.label_edit.editingFinished.connect(self.flush)
        self.clear_button.clicked.connect(self.clear)
        self.load(None)

    def value(self) -> Period | None:
        """The period shown, or None when there is none."""
        if not self.enabled_box.isChecked():
            return None
        start: dt.date = self.start_edit.date().toPython()  # type: ignore[assignment]
        end: dt.date = self.end_edit.date().toPython()  # type: ignore[assignment]
        return Period(start, end, self.label_edit.text())

    def load(self, value: Period | None) -> None:
        """Show `value` from the model."""
        typing = self.label_edit.hasFocus() and value == self._loaded
        self._loaded = value
        shown = value or default_period()
        self._set_dates(shown.start, shown.end)
        self.enabled_box.setChecked(value is not None)
        if not typing:
            self.label_edit.setText(value.label if value is not None else "")
        self._update_enabled(value)

    def set_value(self, value: Period | None) -> None:
        """Show `value` and commit it, as if the user had entered it."""
        self.enabled_box.setChecked(value is not None)
        if value is not None:
            self._set_dates(value.start, value.end)
            self.label_edit.setText(value.label)
        self.flush()

    def clear(self) -> None:
        """Remove the period."""
        self.set_value(None)

    def flush(self) -> None:
        """Commit the period if it differs from the model's."""
        value = self.value()
        self._update_enabled(value)
        if value != self._loaded:
            self._loaded = value
            self.committed.emit(value)

    def _set_dates(self, start: dt.date, end: dt.date) -> None:
        for editor, day in ((self.start_edit, start), (self.end_edit, end)):
            editor.blockSignals(True)
            try:
                editor.setDate(QDate(day.year, day.month, day.day))
            finally:
                editor.blockSignals(False)

    def _start_changed(self, _date: QDate) -> None:
        """Keep the span's length when the start passes the end, then commit."""
        old = self._loaded
        start: dt.date = self.start_edit.date().toPython()  # type: ignore[assignment]
        end: dt.date = self.end_edit.date().toPython()  # type: ignore[assignment]
        if start > end:
            length = (old.end - old.start) if old is not None else dt.timedelta(0)
            self._set_dates(start, start + length)
        self.flush()

    def _update_enabled(self, value: Period | None) -> None:
        for widget in (self.start_edit, self.end_edit, self.label_edit, self.clear_button):
            widget.setEnabled(value is not None)
        if value is not None:
            self.label_edit.setPlaceholderText(period_text(Period(value.start, value.end)))
        else:
            self.label_edit.setPlaceholderText("Label, e.g. H1 2027")
