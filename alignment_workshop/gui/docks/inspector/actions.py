"""The inspector's editor for a team goal's actions: add, edit, tick and remove.

The table shows the model's actions; every finished change (a ticked box, an edited cell,
Add, Remove) emits the whole new tuple once, and the inspector turns it into one command.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Action

DONE, TEXT, OWNER = range(3)
NEW_ACTION_TEXT = N_("New action")


class ActionsEditor(QWidget):
    """A small table of actions with Add and Remove buttons."""

    #: The user changed the actions; the argument is the new tuple of `Action`.
    committed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loaded: tuple[Action, ...] = ()
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([_("Done"), _("Action"), _("Owner")])
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(DONE, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(OWNER, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMinimumHeight(90)
        self.table.itemChanged.connect(self._item_changed)
        self.add_button = QPushButton(_("Add action"), self)
        self.remove_button = QPushButton(_("Remove"), self)
        self.add_button.clicked.connect(self.add_action)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def load(self, actions: tuple[Action, ...]) -> None:
        """Show the model's actions (rebuilt only when they differ from what is shown)."""
        if actions == self._loaded and self.table.rowCount() == len(actions):
            return
        self._loaded = tuple(actions)
        self.table.blockSignals(True)
        try:
            self.table.setRowCount(len(actions))
            for row, action in enumerate(actions):
                done = QTableWidgetItem()
                done.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
                done.setCheckState(
                    Qt.CheckState.Checked if action.done else Qt.CheckState.Unchecked
                )
                self.table.setItem(row, DONE, done)
                self.table.setItem(row, TEXT, QTableWidgetItem(action.text))
                self.table.setItem(row, OWNER, QTableWidgetItem(action.owner))
        finally:
            self.table.blockSignals(False)

    def shown_actions(self) -> tuple[Action, ...]:
        """The actions as the table shows them."""
        return tuple(
            Action(
                text=self._text(row, TEXT),
                owner=self._text(row, OWNER),
                done=self._done(row) == Qt.CheckState.Checked,
            )
            for row in range(self.table.rowCount())
        )

    def flush(self) -> None:
        """Commit a cell being edited."""
        self.table.setCurrentItem(None)  # type: ignore[call-overload]  # stubs refuse None

    def add_action(self) -> None:
        """Append a new action and start editing its text."""
        self._commit((*self._loaded, Action(_(NEW_ACTION_TEXT))))
        row = self.table.rowCount() - 1
        if row >= 0 and self._loaded and self._loaded[-1].text == _(NEW_ACTION_TEXT):
            self.table.setCurrentCell(row, TEXT)
            item = self.table.item(row, TEXT)
            if item is not None:
                self.table.editItem(item)

    def remove_selected(self) -> None:
        """Remove the selected action(s)."""
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        if not rows and self.table.currentRow() >= 0:
            rows = {self.table.currentRow()}
        if rows:
            self._commit(tuple(a for i, a in enumerate(self._loaded) if i not in rows))

    def set_done(self, row: int, done: bool) -> None:
        """Tick or untick an action, as a click would."""
        state = Qt.CheckState.Checked if done else Qt.CheckState.Unchecked
        item = self.table.item(row, DONE)
        if item is not None:
            item.setCheckState(state)

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    def _done(self, row: int) -> Qt.CheckState:
        item = self.table.item(row, DONE)
        return item.checkState() if item is not None else Qt.CheckState.Unchecked

    def _item_changed(self, _item: QTableWidgetItem) -> None:
        self._commit(self.shown_actions())

    def _commit(self, actions: tuple[Action, ...]) -> None:
        if actions != self._loaded:
            self._loaded = actions
            self.committed.emit(actions)
