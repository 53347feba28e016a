"""The facilitator's side of the room: open and close it, run rounds, moderate, ask why.

`RoomController` owns the room (`alignment_workshop.room.Room`) and its server while
the room is open, and its actions (View › Room). Phones change the room from the
server's thread; the room tells a relay, whose queued signal reaches the GUI thread,
where a short timer folds a burst of ballots into one `updated`. Whatever comes back to
the map goes through the document as one undoable step: an accepted proposal becomes a
card, and revealed totals become the cards' votes. The room closes, its server stops and
its tokens die on Close Room, when the workshop closes, when the window goes (even if it
is destroyed without a close event) and when the application quits.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from alignment_workshop.i18n import _, ngettext
from alignment_workshop.layout import free_spot
from alignment_workshop.model import NodeKind
from alignment_workshop.room.errors import RoomError
from alignment_workshop.room.from_map import (
    DEFAULT_KINDS,
    proposal_node,
    round_options,
    vote_changes,
)
from alignment_workshop.room.rounds import Option, Phase
from alignment_workshop.room.server import DEFAULT_PORT, RoomServer, RoomServerError
from alignment_workshop.room.state import Room, RoomStatus

from ...editing.commands import quoted
from ...editing.document import Document
from .network import EVERYWHERE, LOOPBACK, lan_addresses
from .open_dialog import OpenRoomDialog

if TYPE_CHECKING:
    from ...canvas.scene import MapScene
    from ..five_whys.dialog import FiveWhysLauncher

#: Milliseconds a burst of phone changes is folded into one `updated`.
UPDATE_DELAY_MS = 150


@dataclass
class RoundSetup:
    """How the next round is set up: which options (None: goals and conflicts), how many
    votes each phone has, and whether a phone may put several on one option."""

    chosen: set[str] | None = None
    votes: int = 3
    stack: bool = True


class _Relay(QObject):
    """Carries "the room changed" from the server's thread into the GUI thread."""

    #: The room changed; emitted from any thread, delivered queued.
    changed = Signal()


class RoomController(QObject):
    """View › Room: the room's lifetime, its rounds, its queue and its question."""

    #: The room opened; the argument is the address phones open.
    opened = Signal(str)
    #: The room closed: its server is gone.
    closed = Signal()
    #: Something in the room changed (phones joined or voted, a round moved on).
    updated = Signal()

    def __init__(
        self,
        document: Document,
        scene: MapScene,
        view: QGraphicsView,
        window: QMainWindow,
        five_whys: FiveWhysLauncher | None = None,
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view = document, scene, view
        self.window, self.five_whys = window, five_whys
        self.room: Room | None = None
        self.server: RoomServer | None = None
        self.url = ""
        #: Why the last Open Room failed, in one sentence.
        self.last_error = ""
        self.setup = RoundSetup()
        self._teams_told: list[tuple[str, str]] | None = None
        self._map_shown = True
        self._relay = _Relay(self)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(UPDATE_DELAY_MS)
        self._relay.changed.connect(self._debounce.start, Qt.ConnectionType.QueuedConnection)
        self._debounce.timeout.connect(self._on_changed)
        self._make_actions()
        document.changed.connect(self._push_teams)
        document.workshop_replaced.connect(self._push_teams)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.close_room)
        self._update_actions()

    # ------------------------------------------------------------------ actions

    def _action(self, text: str, slot: object, key: str = "", tip: str = "") -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.setStatusTip(tip)
        action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        self.window.addAction(action)  # its shortcut works in presentation mode too
        return action

    def _make_actions(self) -> None:
        act = self._action
        self.open_action = act(
            _("Open &Room…"), self.ask_open, "Ctrl+Shift+R",
            _("Let phones in the room join, vote and propose goals"),
        )  # fmt: skip
        self.close_action = act(
            _("&Close Room"),
            self.close_room,
            "",
            _("Stop the room's server; every phone's link dies"),
        )
        self.start_action = act(
            _("&Start Voting Round"), self.start_round, "F6",
            _("Open a dot-voting round on the chosen cards"),
        )  # fmt: skip
        self.close_round_action = act(
            _("Close Ro&und"), self.close_round, "F7", _("Stop taking votes; totals stay hidden")
        )
        self.reveal_action = act(
            _("Re&veal Votes"), self.reveal, "F8", _("Show the round's totals to the room")
        )
        self.write_action = act(
            _("&Write Totals into Votes"), self.write_votes, "",
            _("Make each card's votes its total (one undo step)"),
        )  # fmt: skip
        self.join_code_action = act(
            _("Show &Join Code"), lambda: None, "Ctrl+Shift+J",
            _("Show the QR code and address over the map"),
        )  # fmt: skip
        self.join_code_action.setCheckable(True)
        self.join_code_action.setChecked(True)

    def actions(self) -> list[QAction | None]:
        """The actions for View › Room, in order (Open Room… sits in View); None: a line."""
        return [self.close_action, None, self.start_action,
                self.close_round_action, self.reveal_action, self.write_action, None,
                self.join_code_action]  # fmt: skip

    def _update_actions(self) -> None:
        status = self.status()
        is_open = status is not None
        phase = status.phase if status else None
        self.open_action.setEnabled(self._map_shown and not is_open)
        self.close_action.setEnabled(is_open)
        self.start_action.setEnabled(is_open)
        self.close_round_action.setEnabled(phase is Phase.OPEN)
        self.reveal_action.setEnabled(phase in (Phase.OPEN, Phase.CLOSED))
        self.write_action.setEnabled(phase is Phase.REVEALED)
        self.join_code_action.setEnabled(is_open)

    def set_map_shown(self, on: bool) -> None:
        """A room is opened on a map: not from the welcome screen."""
        self._map_shown = on
        self._update_actions()

    # ------------------------------------------------------------------ opening and closing

    def is_open(self) -> bool:
        return self.room is not None

    def status(self) -> RoomStatus | None:
        return self.room.status() if self.room is not None else None

    def ask_open(self) -> str | None:
        """View › Open Room…: ask where to listen and whether names are asked, then open."""
        dialog = OpenRoomDialog(self.window)
        try:
            if not dialog.exec():
                return None
            return self.open_room(dialog.host(), dialog.port(), named=dialog.named())
        finally:
            dialog.deleteLater()

    def open_room(self, host: str, port: int = DEFAULT_PORT, *, named: bool = False) -> str | None:
        """Start the room on `host`; returns the address phones open, or None (with why)."""
        if self.room is not None:
            return self.url
        room = Room(named=named)
        server = RoomServer(room, host, port)
        try:
            server.start()
        except RoomServerError as error:
            self.last_error = str(error)
            self.document.message.emit(self.last_error)
            return None
        shown = host
        if host == EVERYWHERE:
            shown = next((a.ip for a in lan_addresses()), LOOPBACK)
        self.room, self.server, self.url = room, server, server.url(shown)
        self._teams_told = None
        room.subscribe(self._relay.changed.emit)
        self.window.destroyed.connect(server.stop)  # even without a close event
        self._push_teams()
        self._update_actions()
        self.opened.emit(self.url)
        self.document.message.emit(_("Room open: {url}").format(url=self.url))
        return self.url

    def close_room(self) -> None:
        """Stop the server; the address and every phone's cookie stop working."""
        server, room = self.server, self.room
        if server is None or room is None:
            return
        self.server = self.room = None
        self.url = ""
        room.unsubscribe(self._relay.changed.emit)
        server.stop()
        self._update_actions()
        self.closed.emit()
        self.document.message.emit(_("Room closed."))

    def _on_changed(self) -> None:
        self._update_actions()
        self.updated.emit()

    def _push_teams(self) -> None:
        """Tell the room the teams a proposal may name, when they changed."""
        teams = [(team.id, team.name) for team in self.document.workshop.teams]
        if self.room is not None and teams != self._teams_told:
            self.room.set_teams(teams)
            self._teams_told = teams

    # ------------------------------------------------------------------ rounds

    def available_options(self) -> list[Option]:
        """Everything on the map a round may vote on."""
        return round_options(self.document.workshop)

    def chosen_options(self) -> list[Option]:
        """What the next round votes on: the facilitator's choice, or goals and conflicts."""
        chosen = self.setup.chosen
        options = self.available_options()
        if chosen is None:
            return [option for option in options if option.kind in DEFAULT_KINDS]
        return [option for option in options if option.id in chosen]

    def start_round(self) -> int | None:
        """Open a new round on the chosen options; the previous round's ballots go."""
        room, options = self.room, self.chosen_options()
        if room is None:
            return None
        if not options:
            self.document.message.emit(
                _("Nothing to vote on: add team goals, or choose cards in the Room panel.")
            )
            return None
        setup = self.setup
        per_option = setup.votes if setup.stack else 1
        number = room.start_round(options[: room.limits.max_options], setup.votes, per_option)
        self._update_actions()
        self.document.message.emit(
            _("Round {number} open: {votes} votes a phone on {count} items.").format(
                number=number, votes=setup.votes, count=len(options)
            )
        )
        return number

    def close_round(self) -> None:
        """Stop taking ballots; the totals stay hidden until the reveal."""
        if self.room is not None:
            self.room.close_round()
            self._update_actions()

    def reveal(self) -> bool:
        """Close the round and show its totals to the room and on the projector."""
        if self.room is None:
            return False
        try:
            self.room.reveal()
        except RoomError:
            self.document.message.emit(_("Start a voting round first."))
            return False
        self._update_actions()
        return True

    def write_votes(self) -> bool:
        """Make each card's `votes` its revealed total, as one undoable step."""
        room = self.room
        results = room.results() if room is not None else None
        if room is None or results is None:
            self.document.message.emit(_("Reveal the votes first."))
            return False
        changes = vote_changes(self.document.workshop, results)
        if not changes:
            self.document.message.emit(_("None of the round's cards is still on the map."))
            return False
        number = room.status().round
        text = ngettext(
            "Write round {number} votes into {count} card",
            "Write round {number} votes into {count} cards",
            len(changes),
        ).format(number=number, count=len(changes))
        return self.document.update_nodes({i: {"votes": v} for i, v in changes.items()}, text)

    # ------------------------------------------------------------------ proposals

    def accept(self, proposal_id: str) -> str | None:
        """Put a waiting proposal on the map as a team goal (undoable); returns its id."""
        room = self.room
        proposal = room.proposal(proposal_id) if room is not None else None
        if room is None or proposal is None:
            return None
        workshop = self.document.workshop
        center = self.view.mapToScene(self.view.viewport().rect().center())
        spot = free_spot(workshop, NodeKind.GOAL, (center.x(), center.y()))
        node = proposal_node(workshop, proposal, spot)
        text = _("Accept proposal {title}").format(title=quoted(proposal.title))
        if not self.document.add_items([node], [], text, refusal=_("Proposal not added")):
            return None
        room.decide(proposal_id, accepted=True)
        return node.id

    def reject(self, proposal_id: str) -> None:
        if self.room is not None:
            self.room.decide(proposal_id, accepted=False)

    # ------------------------------------------------------------------ 5 whys

    def suggested_question(self) -> str:
        """The open 5 Whys dialog's question, else one about the selected card, else ""."""
        dialog = self.five_whys.dialog if self.five_whys is not None else None
        if dialog is not None and not dialog.session.finished:
            return dialog.session.question()
        workshop = self.document.workshop
        ids = [node_id for node_id in self.scene.selected_node_ids() if workshop.has_node(node_id)]
        return (
            _("Why does {title} matter?").format(title=quoted(workshop.node(ids[0]).title))
            if len(ids) == 1
            else ""
        )

    def ask(self, text: str) -> bool:
        """Put `text` to the phones as the current 5 Whys question."""
        if self.room is None:
            return False
        try:
            self.room.ask(text)
        except RoomError:
            self.document.message.emit(_("Type the question to ask the room first."))
            return False
        return True

    def stop_asking(self) -> None:
        if self.room is not None:
            self.room.stop_asking()

    def use_answer(self, text: str) -> bool:
        """Offer an answer as the new parent in the open 5 Whys dialog."""
        dialog = self.five_whys.dialog if self.five_whys is not None else None
        if dialog is None or dialog.session.finished:
            self.document.message.emit(_("Open Ask Why… on a card first, then use an answer."))
            return False
        dialog.title_edit.setText(text)
        dialog.raise_()
        dialog.activateWindow()
        return True
