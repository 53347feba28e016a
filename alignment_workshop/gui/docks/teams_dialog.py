"""The Teams dialog: add, rename, recolour and remove the workshop's teams.

Each change is one command through the document. Removing a team that still has goals
asks first whether to move the goals to another team or leave them without one; the
removal and the goals' new team are then one undoable command (`document.remove_team`).
The colour chooser and the question are callables, so tests answer them directly.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.model import Team
from alignment_workshop.report import team_colors

from ..editing.document import Document
from ..support.plain_text import plain_label

_ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class GoalsDestination:
    """Where the goals of a removed team go: another team's id, or None for no team."""

    team_id: str | None


#: (team being removed, the other teams, its goal count) -> destination, or None to cancel.
AskDestination = Callable[[Team, list[Team], int], GoalsDestination | None]
#: (current colour) -> the chosen colour, or None if cancelled.
ChooseColor = Callable[[QColor], QColor | None]


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TeamsDialog(QDialog):
    """Lists the teams with their colours and goal counts; edits them through the document."""

    def __init__(
        self,
        document: Document,
        parent: QWidget | None = None,
        *,
        ask_destination: AskDestination | None = None,
        choose_color: ChooseColor | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Teams")
        self.document = document
        self._ask_destination = ask_destination or self._ask_with_dialog
        self._choose_color = choose_color or self._choose_with_dialog
        self.list = QListWidget(self)
        self.list.itemChanged.connect(self._renamed)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(self._buttons())
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(close)
        self.resize(440, 320)
        self._following = True
        document.changed.connect(self.refresh)
        document.workshop_replaced.connect(self.refresh)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.refresh()

    def done(self, result: int) -> None:
        """Close, and stop following the document: a closed dialog refreshes nothing."""
        if self._following:
            self._following = False
            self.document.changed.disconnect(self.refresh)
            self.document.workshop_replaced.disconnect(self.refresh)
        super().done(result)

    def _buttons(self) -> QVBoxLayout:
        self.add_button = QPushButton("Add team", self)
        self.rename_button = QPushButton("Rename", self)
        self.color_button = QPushButton("Colour…", self)
        self.remove_button = QPushButton("Remove…", self)
        self.add_button.clicked.connect(self.add_team)
        self.rename_button.clicked.connect(self._start_rename)
        self.color_button.clicked.connect(self.recolour_current)
        self.remove_button.clicked.connect(self.remove_current)
        column = QVBoxLayout()
        for button in (self.add_button, self.rename_button, self.color_button, self.remove_button):
            column.addWidget(button)
        column.addStretch(1)
        return column

    # ------------------------------------------------------------------ showing

    def refresh(self) -> None:
        """Show the teams as the model has them, keeping the current one selected."""
        current = self.current_team_id()
        workshop = self.document.workshop
        self.list.blockSignals(True)
        try:
            self.list.clear()
            for team in workshop.teams:
                goals = len(workshop.goals_of_team(team.id))
                item = QListWidgetItem(_swatch(team.color), team.name, self.list)
                item.setData(_ID_ROLE, team.id)
                item.setToolTip(f"{goals} goal(s)")
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
                if team.id == current:
                    self.list.setCurrentItem(item)
        finally:
            self.list.blockSignals(False)
        self._update_buttons()

    def current_team_id(self) -> str | None:
        """The id of the highlighted team, if any."""
        item = self.list.currentItem()
        return None if item is None else str(item.data(_ID_ROLE))

    def select_team(self, team_id: str) -> None:
        """Highlight the team `team_id`."""
        for row in range(self.list.count()):
            if self.list.item(row).data(_ID_ROLE) == team_id:
                self.list.setCurrentRow(row)

    def _update_buttons(self) -> None:
        has = self.current_team_id() is not None
        for button in (self.rename_button, self.color_button, self.remove_button):
            button.setEnabled(has)

    # ------------------------------------------------------------------ editing

    def add_team(self) -> str | None:
        """Add a team with a fresh colour and start editing its name."""
        color = team_colors.next_color(t.color for t in self.document.workshop.teams)
        team_id = self.document.add_team("New team", color)
        if team_id is not None:
            self.select_team(team_id)
            self._start_rename()
        return team_id

    def rename(self, team_id: str, name: str) -> bool:
        """Rename a team (one command); a blank or too long name is refused."""
        ok = self.document.update_team(team_id, name=name.strip())
        if not ok:
            self.refresh()
        return ok

    def recolour_current(self) -> None:
        """Ask for a colour for the highlighted team and apply it."""
        team_id = self.current_team_id()
        if team_id is None:
            return
        chosen = self._choose_color(QColor(self.document.workshop.team(team_id).color))
        if chosen is not None and chosen.isValid():
            self.document.update_team(team_id, color=chosen.name().upper())

    def remove_current(self) -> bool:
        """Remove the highlighted team; asks where its goals go if it has any."""
        team_id = self.current_team_id()
        if team_id is None:
            return False
        workshop = self.document.workshop
        team = workshop.team(team_id)
        goals = len(workshop.goals_of_team(team_id))
        destination = GoalsDestination(None)
        if goals:
            others = [t for t in workshop.teams if t.id != team_id]
            answer = self._ask_destination(team, others, goals)
            if answer is None:
                return False
            destination = answer
        return self.document.remove_team(team_id, destination.team_id)

    def _start_rename(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    def _renamed(self, item: QListWidgetItem) -> None:
        team_id = str(item.data(_ID_ROLE))
        workshop = self.document.workshop
        if workshop.has_team(team_id) and item.text() != workshop.team(team_id).name:
            self.rename(team_id, item.text())

    # ------------------------------------------------------------------ default prompts

    def _choose_with_dialog(self, current: QColor) -> QColor | None:
        color = QColorDialog.getColor(current, self, "Team colour")
        return color if color.isValid() else None

    def _ask_with_dialog(
        self, team: Team, others: list[Team], goals: int
    ) -> GoalsDestination | None:
        dialog = GoalsDestinationDialog(team, others, goals, self)
        if dialog.exec() != QDialog.DialogCode.Accepted.value:
            return None
        return dialog.destination()


class GoalsDestinationDialog(QDialog):
    """Asks where the goals of a team being removed should go."""

    def __init__(self, team: Team, others: list[Team], goals: int, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle("Remove team")
        label = plain_label(
            f"'{team.name}' still has {goals} goal(s). What should happen to them?", self
        )
        label.setWordWrap(True)
        self.move_radio = QRadioButton("Move them to", self)
        self.leave_radio = QRadioButton("Leave them without a team", self)
        self.team_box = QComboBox(self)
        for other in others:
            self.team_box.addItem(_swatch(other.color), other.name, other.id)
        group = QButtonGroup(self)
        group.addButton(self.move_radio)
        group.addButton(self.leave_radio)
        self.move_radio.setEnabled(bool(others))
        (self.move_radio if others else self.leave_radio).setChecked(True)
        self.move_radio.toggled.connect(self.team_box.setEnabled)
        self.team_box.setEnabled(self.move_radio.isChecked())
        move_row = QHBoxLayout()
        move_row.addWidget(self.move_radio)
        move_row.addWidget(self.team_box, 1)
        buttons = QDialogButtonBox(self)
        buttons.addButton("Remove team", QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addLayout(move_row)
        layout.addWidget(self.leave_radio)
        layout.addWidget(buttons)

    def destination(self) -> GoalsDestination:
        """What the user chose."""
        if self.move_radio.isChecked() and self.team_box.currentIndex() >= 0:
            return GoalsDestination(str(self.team_box.currentData()))
        return GoalsDestination(None)
