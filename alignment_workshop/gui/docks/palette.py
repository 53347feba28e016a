"""The palette dock on the left: one button per kind of card to add to the map.

A click asks the window to add a card of that kind where the user is looking; dragging
a button onto the canvas adds the card where it is dropped. Either way the new card
opens straight into title editing. The buttons wear the cards' colours.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QIcon, QMouseEvent, QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QDockWidget, QToolButton, QVBoxLayout, QWidget

from alignment_workshop.i18n import N_, _
from alignment_workshop.model import NodeKind

from ..canvas import style
from ..canvas.kind_drag import kind_mime

#: The order and labels of the palette's buttons.
ENTRIES = (
    (NodeKind.VISION, N_("Vision"), N_("The one future the whole company works towards")),
    (NodeKind.VALUE, N_("Value"), N_("A principle the work must live up to")),
    (NodeKind.OBJECTIVE, N_("Objective"), N_("A company objective that serves the vision")),
    (NodeKind.GOAL, N_("Team goal"), N_("A team's goal; double-click empty canvas adds one too")),
    (
        NodeKind.KEY_RESULT,
        N_("Key result"),
        N_("A measurable result: select its objective or goal first, or drop it onto one"),
    ),
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


class KindButton(QToolButton):
    """A palette button: click to add a card, or drag it onto the canvas."""

    def __init__(self, kind: NodeKind, parent: QWidget) -> None:
        super().__init__(parent)
        self.kind = kind
        self._press: QPoint | None = None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        start = self._press
        if start is not None and (
            (event.position().toPoint() - start).manhattanLength()
            >= QApplication.startDragDistance()
        ):
            self._press = None
            self.setDown(False)
            data = kind_mime(self.kind)
            drag = QDrag(self)
            drag.setMimeData(data)
            drag.setPixmap(self.icon().pixmap(QSize(28, 28)))
            drag.exec(Qt.DropAction.CopyAction)
            return
        super().mouseMoveEvent(event)


class PaletteDock(QDockWidget):
    """The "Add" dock: Vision, Value, Objective, Team goal, Key result."""

    #: The user asked for a new card of this kind.
    add_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Add"), parent)
        self.setObjectName("PaletteDock")
        self.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetMovable
            | QDockWidget.DockWidgetFeature.DockWidgetClosable
        )
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        self.buttons: dict[NodeKind, KindButton] = {}
        for kind, label, tip in ENTRIES:
            button = KindButton(kind, body)
            button.setText(_(label))
            button.setToolTip(_(tip))
            button.setIcon(kind_icon(kind))
            button.setIconSize(QSize(28, 28))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            # never narrower than its label: a dock width saved in a shorter language
            # would otherwise cut "Schlüsselergebnis" to "Schlüs…gebnis"
            button.setMinimumWidth(max(130, button.sizeHint().width()))
            button.setAutoRaise(False)
            button.clicked.connect(lambda _=False, k=kind: self.add_requested.emit(k))
            layout.addWidget(button)
            self.buttons[kind] = button
        layout.addStretch(1)
        self.setWidget(body)
