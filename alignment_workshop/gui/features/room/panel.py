"""The Room dock: the facilitator's controls, on the laptop screen rather than the projector.

With no room open it offers Open Room…. With one open it shows the address, the number
of phones and ballots, and three tabs: the voting round (what it is on, how many votes,
start, close, reveal, write the totals into the cards), the proposals waiting for
moderation, and the 5 Whys question with its answers. Every text phones sent is shown
as plain text.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import N_, _
from alignment_workshop.room.from_map import DEFAULT_KINDS

from ...support.plain_text import plain_label, tooltip
from .controller import RoomController
from .moderation import ProposalsTab, WhysTab
from .overlay import counts_text, phase_text

_KIND_WORDS = {"goal": N_("Team goal"), "objective": N_("Objective"), "conflict": N_("Conflict")}


def _button(action_text: str, slot: object) -> QPushButton:
    button = QPushButton(action_text)
    button.clicked.connect(lambda _=False: slot())  # type: ignore[operator]
    return button


class VoteTab(QWidget):
    """What the next round is on, how many votes each phone has, and the round's buttons."""

    def __init__(self, controller: RoomController) -> None:
        super().__init__()
        self.controller = controller
        self.votes_spin = QSpinBox()
        self.votes_spin.setRange(1, 20)
        self.votes_spin.setValue(controller.setup.votes)
        self.votes_spin.setSuffix(_(" votes a phone"))
        self.votes_spin.valueChanged.connect(self._set_votes)
        self.stack_check = QCheckBox(_("Several votes on one card"))
        self.stack_check.setChecked(controller.setup.stack)
        self.stack_check.toggled.connect(self._set_stack)
        self.options_list = QListWidget()
        self.options_list.itemChanged.connect(self._choice_changed)
        self.results_label = plain_label()
        self.results_label.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.votes_spin)
        row.addWidget(self.stack_check)
        buttons = QHBoxLayout()
        for action in (controller.start_action, controller.close_round_action,
                       controller.reveal_action, controller.write_action):  # fmt: skip
            button = _button(action.text().replace("&", ""), action.trigger)
            button.setEnabled(action.isEnabled())
            action.enabledChanged.connect(button.setEnabled)
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(plain_label(_("Vote on:")))
        layout.addWidget(self.options_list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.results_label)

    def _set_votes(self, value: int) -> None:
        self.controller.setup.votes = value

    def _set_stack(self, on: bool) -> None:
        self.controller.setup.stack = on

    def fill(self) -> None:
        """List what a round may vote on, ticked as the facilitator chose (or by default)."""
        chosen = self.controller.setup.chosen
        self.options_list.blockSignals(True)
        self.options_list.clear()
        for option in self.controller.available_options():
            item = QListWidgetItem(f"{_(_KIND_WORDS[option.kind])}: {option.label}")
            item.setData(Qt.ItemDataRole.UserRole, option.id)
            item.setToolTip(tooltip(option.label))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = option.kind in DEFAULT_KINDS if chosen is None else option.id in chosen
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.options_list.addItem(item)
        self.options_list.blockSignals(False)

    def _choice_changed(self, _item: QListWidgetItem) -> None:
        chosen = set()
        for row in range(self.options_list.count()):
            item = self.options_list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(item.data(Qt.ItemDataRole.UserRole))
        self.controller.setup.chosen = chosen

    def show_results(self) -> None:
        room = self.controller.room
        results = room.results() if room is not None else None
        if results is None:
            self.results_label.setText("")
            return
        lines = [f"{t.votes:>3}  {t.option.label}" for t in results]
        self.results_label.setText("\n".join([_("Totals:"), *lines]))


class RoomDock(QDockWidget):
    """View › Room › Room Panel: the facilitator's controls for the room."""

    def __init__(self, controller: RoomController, parent: QWidget | None = None) -> None:
        super().__init__(_("Room"), parent)
        self.setObjectName("RoomDock")
        self.controller = controller
        self.pages = QStackedWidget()
        self.pages.addWidget(self._closed_page())
        self.pages.addWidget(self._open_page())
        self.setWidget(self.pages)
        controller.opened.connect(self._on_opened)
        controller.closed.connect(self._on_closed)
        controller.updated.connect(self.refresh)
        controller.document.analysis_updated.connect(self._map_changed)
        self._on_closed()

    def _closed_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        note = plain_label(
            _(
                "No room is open. Open one to let phones join by QR code, vote in secret, "
                "propose goals and answer the 5 Whys."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(_button(_("Open Room…"), self.controller.open_action.trigger))
        layout.addStretch(1)
        return page

    def _open_page(self) -> QWidget:
        page = QWidget()
        self.address_label = plain_label()
        self.address_label.setWordWrap(True)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.counts_label = plain_label()
        self.phase_label = plain_label()
        self.vote_tab = VoteTab(self.controller)
        self.proposals_tab = ProposalsTab(self.controller)
        self.whys_tab = WhysTab(self.controller)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.vote_tab, _("Vote"))
        self.tabs.addTab(self.proposals_tab, _("Proposals"))
        self.tabs.addTab(self.whys_tab, _("5 Whys"))
        row = QHBoxLayout()
        row.addWidget(_button(_("Copy Address"), self._copy_address))
        row.addWidget(_button(_("Close Room"), self.controller.close_room))
        layout = QVBoxLayout(page)
        for widget in (self.address_label, self.counts_label, self.phase_label):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.tabs, 1)
        return page

    def _copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.controller.url)

    def _on_opened(self, url: str) -> None:
        self.address_label.setText(url)
        self.pages.setCurrentIndex(1)
        self.vote_tab.fill()
        self.show()
        self.raise_()
        self.refresh()

    def _on_closed(self) -> None:
        self.pages.setCurrentIndex(0)

    def _map_changed(self, _report: object = None) -> None:
        if self.controller.is_open():
            self.vote_tab.fill()

    def refresh(self) -> None:
        """Show the room's counts, the round's state, the queue and the answers."""
        status = self.controller.status()
        if status is None:
            return
        self.counts_label.setText(counts_text(status))
        self.phase_label.setText(phase_text(status).rstrip(":"))
        self.vote_tab.show_results()
        waiting = self.proposals_tab.fill()
        self.tabs.setTabText(
            1, _("Proposals ({waiting})").format(waiting=waiting) if waiting else _("Proposals")
        )
        answers = self.whys_tab.fill()
        self.tabs.setTabText(
            2, _("5 Whys ({answers})").format(answers=answers) if answers else _("5 Whys")
        )
