"""The timer's question, asked in front of the room: how many minutes?

In presentation mode the facilitator's dialog is on the projector too, so it is set in
type the room can read, wide enough that its title is not cut.
"""

from __future__ import annotations

from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialog, QDoubleSpinBox, QInputDialog, QWidget

TITLE = "Timer"
LABEL = "Minutes (0 stops the timer):"


def timer_dialog(parent: QWidget, minutes: float, pixels: int) -> QInputDialog:
    """A minutes field (0 to 180, in tenths) in `pixels`-tall type, set to `minutes`."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(TITLE)
    dialog.setLabelText(LABEL)
    dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
    dialog.setDoubleRange(0.0, 180.0)
    dialog.setDoubleDecimals(1)
    dialog.setDoubleValue(minutes)
    font = dialog.font()
    font.setPixelSize(max(pixels, font.pixelSize()))
    dialog.setFont(font)
    dialog.sizeHint()  # builds the dialog's layout, which sets its minimum size itself
    field = dialog.findChild(QDoubleSpinBox)
    if field is not None:  # so wide that the window's title is not cut either
        field.setMinimumWidth(QFontMetrics(font).horizontalAdvance(LABEL) * 3 // 2)
    return dialog


def ask_minutes(parent: QWidget, minutes: float, pixels: int) -> float | None:
    """Ask for the minutes of a timebox; None when the facilitator cancels."""
    dialog = timer_dialog(parent, minutes, pixels)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    value = dialog.doubleValue()
    dialog.deleteLater()
    return value if accepted else None
