"""The palette dock on the left: one button per kind of card to add to the map.

A click asks the window to add a card of that kind where the user is looking; the
new card opens straight into title editing. The buttons wear the cards' colours.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QDockWidget, QToolButton, QVBoxLayout, QWidget

from alignment_workshop.model import NodeKind

from . import style

#: The order and labels of the palette's buttons.
ENTRIES = (
    (NodeKind.VISION, "Vision", "The one future the whole company works towards"),
    (NodeKind.VALUE, "Value", "A principle the work must live up to"),
    (NodeKind.OBJECTIVE, "Objective", "A company objective that serves the vision"),
    (NodeKind.GOAL, "Team goal", "A team's goal; double-click empty canvas adds one too"),
)


def kind_icon(kind: NodeKind, size: int = 28) -> QIcon:
    """A small card in the colours of `kind`."""
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    card = style.CARDS[kind]
    painter.setPen(QColor(card.border))
    painter.setBrush(QColor(card.fill))
    painter.drawRoundedRect(2, 5, size - 4, size - 10, 4, 4)
    if kind is NodeKind.GOAL:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#3F7FBF"))
        painter.drawRect(3, 6, 4, size - 12)
    painter.end()
    return QIcon(pixmap)


class PaletteDock(QDockWidget):
    """The "Add" dock: Vision, Value, Objective, Team goal."""

    #: The user asked for a new card of this kind.
    add_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add", parent)
        self.setObjectName("PaletteDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.buttons: dict[NodeKind, QToolButton] = {}
        for kind, label, tip in ENTRIES:
            button = QToolButton(body)
            button.setText(label)
            button.setToolTip(tip)
            button.setIcon(kind_icon(kind))
            button.setIconSize(QSize(28, 28))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setMinimumWidth(130)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _=False, k=kind: self.add_requested.emit(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(1)
        self.setWidget(body)
