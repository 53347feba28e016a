"""User and file text shown as text, never as markup, in dialogs, labels and tooltips.

Qt guesses: a QLabel, a QMessageBox or a tooltip whose text looks like HTML is drawn as
HTML. A workshop title, a team name, a file name or the user name in someone's lock file
may be `<font color=red size=7>IT DEPARTMENT: safe to click Open anyway</font>`, so every
widget that shows such text uses these helpers, which say "plain text" explicitly.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget

Button = QMessageBox.StandardButton
Icon = QMessageBox.Icon


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that shows `text` (and whatever is set later) literally."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def tooltip(text: str) -> str:
    """A tooltip that shows `text` literally, line breaks included."""
    return GuiQt.convertFromPlainText(text, Qt.WhiteSpaceMode.WhiteSpacePre) if text else ""


def message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    *,
    informative: str = "",
    buttons: Button = Button.Ok,
    default: Button | None = None,
) -> QMessageBox:
    """A message box (not yet shown) whose text and informative text are plain text."""
    box = QMessageBox(icon, title, "", buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if default is not None:
        box.setDefaultButton(default)
    return box


def show_message(
    parent: QWidget | None,
    title: str,
    text: str,
    icon: QMessageBox.Icon = QMessageBox.Icon.Warning,
) -> None:
    """Show one sentence in a modal box with an OK button, as plain text."""
    message_box(parent, icon, title, text).exec()
