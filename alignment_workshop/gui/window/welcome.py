"""The welcome state shown when no workshop is open: start, open, the example, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import _

from ..files.recent_files import RecentFiles
from ..support.plain_text import tooltip

_PATH_ROLE = Qt.ItemDataRole.UserRole


class WelcomeWidget(QWidget):
    """Big, plain choices for a facilitator starting up; the window decides what they do."""

    #: Start an empty workshop.
    new_requested = Signal()
    #: Ask which file to open.
    open_requested = Signal()
    #: Open the bundled example workshop.
    open_example_requested = Signal()
    #: Open this recent file.
    open_path_requested = Signal(Path)

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcome")
        self._recent = recent
        title = QLabel(_("Alignment Workshop"), self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            _(
                "Build the map of vision, values, objectives and team goals, check it, and "
                "present it to the room."
            ),
            self,
        )
        subtitle.setWordWrap(True)
        self.new_button = self._button(_("New workshop"), self.new_requested)
        self.open_button = self._button(_("Open…"), self.open_requested)
        self.example_button = self._button(_("Open example"), self.open_example_requested)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.example_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.recent_list = QListWidget(self)
        self.recent_list.setObjectName("recent-files")
        self.recent_list.itemActivated.connect(self._open_item)
        self.empty_label = QLabel(_("No recent workshops yet."), self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 40, 48, 40)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(16)
        layout.addWidget(QLabel(_("<b>Recent workshops</b>"), self))
        layout.addWidget(self.recent_list, 4)
        layout.addWidget(self.empty_label)
        layout.addStretch(1)
        recent.changed.connect(self.refresh)
        self.refresh()

    def _button(self, text: str, signal: SignalInstance) -> QPushButton:
        button = QPushButton(text, self)
        button.setMinimumHeight(40)
        button.setMinimumWidth(150)
        button.clicked.connect(signal.emit)
        return button

    def refresh(self) -> None:
        """Show the recent files as they are now."""
        self.recent_list.clear()
        for path in self._recent.paths():
            item = QListWidgetItem(f"{path.name}    —    {path.parent}", self.recent_list)
            item.setData(_PATH_ROLE, str(path))
            item.setToolTip(tooltip(str(path)))
        has_any = self.recent_list.count() > 0
        self.recent_list.setVisible(has_any)
        self.empty_label.setVisible(not has_any)

    def _open_item(self, item: QListWidgetItem) -> None:
        self.open_path_requested.emit(Path(item.data(_PATH_ROLE)))
