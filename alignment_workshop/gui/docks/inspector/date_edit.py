"""A date editor that takes a date typed on the keyboard as well as picked from a calendar.

Qt's QDateEdit edits one section at a time and jumps to the next once a section is full,
so "2027-03-15" typed whole lost its dashes' meaning: the dash after "2027" jumped a
second time, past the month, and the date became 2027-01-03. `TypedDateEdit` swallows a
separator typed just after such a jump, and starts typing at the year when the field
gets the focus, so "20270315" and "2027-03-15" both give 15 March 2027.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget

#: Characters that end a section of a typed date.
SEPARATORS = frozenset("-/.")


class TypedDateEdit(QDateEdit):
    """An ISO date ("yyyy-MM-dd") with a calendar pop-up that also takes typed dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat("yyyy-MM-dd")
        self.setKeyboardTracking(False)
        self._jumped = False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if text and text in SEPARATORS and self._jumped:
            self._jumped = False  # the section was already left when it filled up
            event.accept()
            return
        before = self.currentSection()
        super().keyPressEvent(event)
        self._jumped = text.isdigit() and self.currentSection() != before

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() not in (Qt.FocusReason.MouseFocusReason, Qt.FocusReason.PopupFocusReason):
            self.setSelectedSection(QDateEdit.Section.YearSection)  # type over the year first
        self._jumped = False
