"""The inspector's editors for a key result's measure: numbers that may be empty, and progress.

A key result's baseline, target and current value are any number or nothing, from 0.0035
to a revenue in the billions, so they are typed, not spun: `OptionalNumberEdit` takes
what people type ("7.5", "7,5", "1,200,000", "-3", "1e6"), commits an empty field as "no
number", and puts the model's value back when the text is not a number. Whether a number
is allowed (finite, not too large) is the model's call, as for every other field.
`ProgressView` shows how far the key result has come, as the chips on the map do.
"""

from __future__ import annotations

import math
import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QValidator
from PySide6.QtWidgets import QLabel, QLineEdit, QProgressBar, QVBoxLayout, QWidget

from alignment_workshop import formats
from alignment_workshop.analysis.progress import measure_text, progress
from alignment_workshop.i18n import _
from alignment_workshop.model import Node

#: Characters that may appear while a number is being typed.
_NUMBER_CHARS = frozenset("0123456789+-.,eE _\u00a0\u202f")
_THOUSANDS = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d*)?")
_STEPS = 1000


def parse_number(text: str) -> float | None:
    """The number typed in `text`, or None for an empty field; raises ValueError otherwise.

    Spaces and underscores group digits; a comma is a decimal point unless it groups
    thousands ("1,200,000") or a point is there too ("1,200.5").
    """
    cleaned = "".join(ch for ch in text if ch not in " _\u00a0\u202f")
    if not cleaned:
        return None
    if "," in cleaned:
        grouped = "." in cleaned or _THOUSANDS.fullmatch(cleaned)
        cleaned = cleaned.replace(",", "") if grouped else cleaned.replace(",", ".")
    if not set(cleaned) <= _NUMBER_CHARS:
        raise ValueError(_("not a number: {text!r}").format(text=text))
    value = float(cleaned)  # raises ValueError for "1.2.3", "-", "e"
    if not math.isfinite(value):
        raise ValueError(_("not a finite number: {text!r}").format(text=text))
    return value


def number_edit_text(value: float | None) -> str:
    """How a number shows in its field: "20", "7.5" ("7,5" in German), "0.0035", "" for
    none; never grouped, so that `parse_number` reads it back as it was."""
    if value is None:
        return ""
    if value.is_integer() and abs(value) <= 1e15:
        return str(int(value))
    return repr(value).replace(".", formats.decimal_sign())


class NumberValidator(QValidator):
    """Lets through what is, or is on its way to being, a number."""

    def validate(self, text: str, pos: int) -> Any:
        try:
            parse_number(text)
        except ValueError:
            if set(text) <= _NUMBER_CHARS:
                return QValidator.State.Intermediate
            return QValidator.State.Invalid
        return QValidator.State.Acceptable


class OptionalNumberEdit(QLineEdit):
    """A number or nothing, committed on Enter or focus-out."""

    #: The user finished editing; the argument is a float, or None for an empty field.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: float | None = None
        self.setValidator(NumberValidator(self))
        self.setPlaceholderText("none")
        self.setClearButtonEnabled(True)
        self.editingFinished.connect(self.flush)

    def load(self, value: float | None) -> None:
        """Show `value` from the model."""
        if value != self._loaded or not self.hasFocus():
            self._loaded = value
            self.setText(number_edit_text(value))

    def flush(self) -> None:
        """Commit the number if it differs from the model's; put back text that is none."""
        try:
            value = parse_number(self.text())
        except ValueError:
            self.setText(number_edit_text(self._loaded))
            return
        if value != self._loaded:
            self._loaded = value
            self.committed.emit(value)

    def focusOutEvent(self, event: Any) -> None:
        # Qt sends editingFinished only for acceptable text: "-" or "1e" must not linger.
        self.flush()
        super().focusOutEvent(event)


class ProgressView(QWidget):
    """A key result's numbers in words and its progress as a bar, read-only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.measure_label = QLabel(self)
        self.measure_label.setWordWrap(True)
        self.measure_label.setTextFormat(Qt.TextFormat.PlainText)  # the unit is typed text
        self.bar = QProgressBar(self)
        self.bar.setRange(0, _STEPS)
        self.bar.setTextVisible(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.measure_label)
        layout.addWidget(self.bar)

    def load(self, node: Node) -> None:
        """Show the progress of the key result `node`."""
        shown = progress(node)
        self.measure_label.setText(measure_text(node))
        self.bar.setValue(round(shown.bar * _STEPS))
        self.bar.setFormat(shown.note)
        self.bar.setEnabled(shown.fraction is not None)
        self.bar.setToolTip(
            _("How far the current value has come from the baseline towards the target")
        )
