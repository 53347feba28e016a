"""The inspector's multi-select of a goal's contributing teams.

A shared goal has one lead team (the Team row) and any number of teams asked for help.
The list shows every team with its colour and a check box; the lead team is listed but
cannot be ticked, since it already leads. Each tick commits the whole new tuple of team
ids, in the workshop's team order, as one edit.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem, QWidget

from alignment_workshop.i18n import _
from alignment_workshop.model import Team

_TEAM_ROLE = Qt.ItemDataRole.UserRole
#: The list shows this many rows before it scrolls.
_VISIBLE_ROWS = 6


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class TeamChecklist(QListWidget):
    """Every team with a check box; the ticked ones are the goal's contributors."""

    #: The user ticked or unticked a team; the argument is the tuple of ticked team ids.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: tuple[str, ...] = ()
        self._listed: tuple[tuple[Team, ...], str | None] | None = None
        self._filling = False
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setUniformItemSizes(True)
        self.itemChanged.connect(self._item_changed)
        self.setToolTip(_("The teams this goal asks for help; its own team leads it"))

    def set_teams(self, teams: list[Team], lead: str | None) -> None:
        """List `teams` in order; `lead` (the goal's own team) is shown but not tickable."""
        if self._listed == (tuple(teams), lead):
            return  # rebuilt only when the teams or the lead change: keeps the scroll
        self._listed = (tuple(teams), lead)
        self._filling = True
        try:
            self.clear()
            for team in teams:
                leads = team.id == lead
                item = QListWidgetItem(_swatch(team.color), team.name, self)
                item.setData(_TEAM_ROLE, team.id)
                flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
                if leads:
                    item.setText(_("{name} (leads)").format(name=team.name))
                    flags = Qt.ItemFlag.NoItemFlags
                item.setFlags(flags)
                item.setCheckState(Qt.CheckState.Unchecked)
        finally:
            self._filling = False
        rows = max(1, min(self.count(), _VISIBLE_ROWS))
        row_height = self.sizeHintForRow(0) if self.count() else 20
        self.setFixedHeight(rows * row_height + 2 * self.frameWidth() + 4)

    def load(self, contributors: tuple[str, ...]) -> None:
        """Tick exactly the teams in `contributors`."""
        self._loaded = tuple(contributors)
        wanted = set(contributors)
        self._filling = True
        try:
            for item in self._items():
                ticked = item.data(_TEAM_ROLE) in wanted
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
        finally:
            self._filling = False

    def checked_ids(self) -> tuple[str, ...]:
        """The ticked team ids, in team order."""
        return tuple(
            item.data(_TEAM_ROLE)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        )

    def set_checked(self, team_id: str, checked: bool) -> None:
        """Tick or untick one team, as a click would (commits)."""
        for item in self._items():
            if item.data(_TEAM_ROLE) == team_id:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def flush(self) -> None:
        """Nothing is ever pending: each tick commits at once."""

    def _items(self) -> list[QListWidgetItem]:
        return [self.item(row) for row in range(self.count())]

    def _item_changed(self, _item: QListWidgetItem) -> None:
        if self._filling:
            return
        chosen = self.checked_ids()
        if chosen != self._loaded:
            self._loaded = chosen
            self.committed.emit(chosen)
