"""The Room dock's two inboxes: proposed team goals to accept or reject, and 5 Whys answers.

A proposal accepted becomes a team goal card near the middle of the view, through one
undoable command; the phone that sent it sees "on the map". An answer can be offered
to the open 5 Whys dialog as the card one level up. All of it is plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import _

from ...support.plain_text import plain_label, tooltip
from .controller import RoomController


def _proposal_text(title: str, why: str, team: str, name: str) -> str:
    lines = [title]
    if why:
        lines.append(_("Why: {why}").format(why=why))
    extra = " · ".join(part for part in (team, f"from {name}" if name else "") if part)
    if extra:
        lines.append(extra)
    return "\n".join(lines)


def _keep_current(widget: QListWidget, chosen: str | None) -> None:
    for row in range(widget.count()):
        if widget.item(row).data(Qt.ItemDataRole.UserRole) == chosen:
            widget.setCurrentRow(row)
            return


class ProposalsTab(QWidget):
    """The moderation queue: every waiting proposal, with Accept and Reject."""

    def __init__(self, controller: RoomController) -> None:
        super().__init__()
        self.controller = controller
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept_current())
        self.accept_button = QPushButton(_("&Accept as Team Goal"))
        self.accept_button.clicked.connect(self.accept_current)
        self.reject_button = QPushButton(_("Re&ject"))
        self.reject_button.clicked.connect(self.reject_current)
        row = QHBoxLayout()
        row.addWidget(self.accept_button)
        row.addWidget(self.reject_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(self._update_buttons)
        self._update_buttons()

    def fill(self) -> int:
        """List the waiting proposals, keeping the current one; returns how many wait."""
        room = self.controller.room
        waiting = room.waiting_proposals() if room is not None else []
        current = self.list.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        teams = {team.id: team.name for team in self.controller.document.workshop.teams}
        self.list.clear()
        for proposal in waiting:
            team = teams.get(proposal.team or "", "")
            text = _proposal_text(proposal.title, proposal.why, team, proposal.name)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, proposal.id)
            item.setToolTip(tooltip(text))
            self.list.addItem(item)
        _keep_current(self.list, chosen)
        self._update_buttons()
        return len(waiting)

    def _current_id(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None else str(item.data(Qt.ItemDataRole.UserRole))

    def accept_current(self) -> str | None:
        proposal_id = self._current_id()
        return None if proposal_id is None else self.controller.accept(proposal_id)

    def reject_current(self) -> None:
        proposal_id = self._current_id()
        if proposal_id is not None:
            self.controller.reject(proposal_id)

    def _update_buttons(self, _row: int = -1) -> None:
        chosen = self.list.currentItem() is not None
        self.accept_button.setEnabled(chosen)
        self.reject_button.setEnabled(chosen)


class WhysTab(QWidget):
    """The question put to the phones, and their answers."""

    def __init__(self, controller: RoomController) -> None:
        super().__init__()
        self.controller = controller
        self.question_edit = QLineEdit()
        self.question_edit.setPlaceholderText(_("Why does … matter?"))
        self.question_edit.returnPressed.connect(self.ask)
        suggest = QPushButton(_("From &Map"))
        suggest.setToolTip(tooltip(_("The open 5 Whys question, or one about the selected card")))
        suggest.clicked.connect(self.suggest)
        ask = QPushButton(_("As&k the Room"))
        ask.clicked.connect(self.ask)
        stop = QPushButton(_("&Stop Asking"))
        stop.clicked.connect(controller.stop_asking)
        self.current_label = plain_label()
        self.current_label.setWordWrap(True)
        self.answers = QListWidget()
        self.answers.setWordWrap(True)
        self.answers.itemDoubleClicked.connect(lambda _item: self.use_current())
        use = QPushButton(_("&Use in 5 Whys"))
        use.clicked.connect(self.use_current)
        row = QHBoxLayout()
        for button in (suggest, ask, stop):
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.question_edit)
        layout.addLayout(row)
        layout.addWidget(self.current_label)
        layout.addWidget(self.answers, 1)
        layout.addWidget(use)

    def suggest(self) -> None:
        question = self.controller.suggested_question()
        if question:
            self.question_edit.setText(question)

    def ask(self) -> bool:
        if not self.question_edit.text().strip():
            self.suggest()
        return self.controller.ask(self.question_edit.text())

    def fill(self) -> int:
        """Show the current question and its answers; returns how many answers there are."""
        room = self.controller.room
        status = room.status() if room is not None else None
        question = status.question if status is not None else None
        self.current_label.setText(
            _("Asking: {question}").format(question=question)
            if question
            else _("No question asked.")
        )
        answers = room.answers() if room is not None else []
        current = self.answers.currentItem()
        chosen = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.answers.clear()
        for answer in answers:
            text = f"{answer.text}  ({answer.name})" if answer.name else answer.text
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, answer.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, answer.text)
            self.answers.addItem(item)
        _keep_current(self.answers, chosen)
        return len(answers)

    def use_current(self) -> bool:
        item = self.answers.currentItem()
        if item is None:
            return False
        return self.controller.use_answer(str(item.data(Qt.ItemDataRole.UserRole + 1)))
