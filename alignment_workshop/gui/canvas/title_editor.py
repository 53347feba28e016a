"""In-place editing of a card's title: a text field laid over the card.

Enter (or clicking elsewhere) commits the text once, Esc cancels; either way the editor
reports `finished` and the scene removes it. One commit is one undo command. The editor
claims Esc before any window shortcut (the Why/Focus/presentation Esc chain), so Esc
while renaming only cancels the rename.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor, QFocusEvent, QKeyEvent, QPainter, QPen, QTextCursor
from PySide6.QtWidgets import QGraphicsTextItem, QStyleOptionGraphicsItem, QWidget

from ..support.paint_guard import guarded
from . import style
from .items.node_item import NodeItem


class TitleEditor(QGraphicsTextItem):
    """A one-shot title editor for one card."""

    #: The user confirmed the text (not yet checked: the scene does that).
    committed = Signal(str)
    #: The editor is done (committed or cancelled) and can be removed.
    finished = Signal()

    def __init__(self, card: NodeItem) -> None:
        super().__init__(card.node.title)
        self.card = card
        self._done = False
        box = card.title_box().translated(card.pos())
        self.setFont(card.title_font())
        self.setDefaultTextColor(QColor("#111111"))
        self.setTextWidth(box.width() + 4)
        self.setPos(box.left() - 4, box.top())
        self.setZValue(20.0)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)

    def begin(self) -> None:
        """Take the keyboard focus with the whole title selected."""
        self.card.set_editing(True)
        self.finished.connect(lambda: self.card.set_editing(False))
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = self.textCursor()
        cursor.select(QTextCursor.SelectionType.Document)
        self.setTextCursor(cursor)

    def commit(self) -> None:
        if not self._done:
            self._done = True
            self.committed.emit(self.toPlainText())
            self.finished.emit()

    def cancel(self) -> None:
        if not self._done:
            self._done = True
            self.finished.emit()

    def sceneEvent(self, event: QEvent) -> bool:
        # Qt offers a key to shortcuts first; accepting the override keeps Esc here.
        if event.type() == QEvent.Type.ShortcutOverride and claims_escape(event):
            event.accept()
            return True
        return super().sceneEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.commit()
        elif event.key() == Qt.Key.Key_Escape:
            self.cancel()
        else:
            super().keyPressEvent(event)
        event.accept()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.commit()

    @guarded
    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        painter.setPen(QPen(QColor(style.SELECTION), 2.0))
        painter.setBrush(QColor("#FFFFFF"))
        painter.drawRoundedRect(self.boundingRect().adjusted(-3, -3, 3, 3), 4, 4)
        super().paint(painter, option, widget)  # type: ignore[arg-type]  # Qt takes no widget


def claims_escape(event: QEvent) -> bool:
    """Whether `event` is a plain Esc key event (the key a local action may claim)."""
    return (
        isinstance(event, QKeyEvent)
        and event.key() == Qt.Key.Key_Escape
        and event.modifiers() == Qt.KeyboardModifier.NoModifier
    )
