"""The room in the editor: open, rounds, the projector's overlay, moderation, undo, close.

Phones are simulated through the room's thread-safe API from other threads (the server's
own tests cover HTTP), so these tests see the GUI thread hear of them as it would.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt

from alignment_workshop import paths
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.room.rounds import Phase
from alignment_workshop.room.state import Room
from tests.support.phones import refuses_connections
from tests.support.prompts import discarding_prompts


@pytest.fixture
def window(qtbot) -> Iterator[MainWindow]:
    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    assert window.open_path(paths.example_workshop())
    yield window
    window.room.close_room()
    window.files.may_close()


def open_room(window: MainWindow, **kwargs: object) -> Room:
    assert window.room.open_room("127.0.0.1", 0, **kwargs)  # type: ignore[arg-type]
    assert window.room.room is not None
    return window.room.room


def from_phones(*calls) -> None:
    """Run each call on its own thread, as the server's thread would, and wait for them."""
    threads = [threading.Thread(target=call) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def overlay_text(window: MainWindow) -> str:
    overlay = window.room_overlay
    labels = (overlay.heading, overlay.address, overlay.counts, overlay.phase, overlay.results)
    return "\n".join(label.text() for label in labels if label.isVisibleTo(overlay))


def test_open_room_shows_the_join_code_and_the_panel(window: MainWindow, qtbot) -> None:
    assert window.action("fit") and window.room.open_action.isEnabled()
    url = window.room.open_room("127.0.0.1", 0)
    assert url and url.startswith("http://127.0.0.1:") and window.room.room.token in url
    overlay = window.room_overlay
    qtbot.waitUntil(overlay.isVisible)
    pixmap = overlay.qr.pixmap()
    assert not pixmap.isNull() and 200 <= pixmap.width() <= 320
    assert overlay.address.text().replace("\n", "") == url
    assert overlay.counts.text() == "0 phones joined"
    assert overlay.geometry().right() <= window.view.width()
    assert window.room_dock.isVisible() and window.room_dock.address_label.text() == url
    assert not window.room.open_action.isEnabled() and window.room.close_action.isEnabled()
    for label in (overlay.heading, overlay.address, overlay.counts, overlay.results):
        assert label.textFormat() == Qt.TextFormat.PlainText
    window.room.join_code_action.trigger()
    assert not overlay.qr.isVisible() and overlay.counts.isVisible()


def test_the_projector_counts_ballots_and_shows_no_vote_before_the_reveal(
    window: MainWindow, qtbot
) -> None:
    room = open_room(window)
    controller = window.room
    assert controller.start_round() == 1
    options = room.round_options()
    assert [o.kind for o in options].count("conflict") == 1
    assert {o.kind for o in options} == {"goal", "conflict"}  # objectives wait to be chosen
    phones = [room.join() for _ in range(3)]
    from_phones(*(lambda p=p: room.cast(p, 1, {"g-onboard": 2, "g-sso": 1}) for p in phones))
    qtbot.waitUntil(lambda: "3 ballots" in window.room_overlay.counts.text())
    text = overlay_text(window)
    assert "3 phones joined · 3 ballots" in text and "vote now" in text
    assert "Redesign onboarding" not in text and "6" not in text.split("ballots")[1]
    controller.close_round_action.trigger()
    qtbot.waitUntil(lambda: "closed" in window.room_overlay.phase.text())
    assert not window.room_overlay.results.isVisible()
    assert window.room_dock.vote_tab.results_label.text() == ""
    controller.reveal_action.trigger()
    qtbot.waitUntil(window.room_overlay.results.isVisible)
    lines = window.room_overlay.results.text().splitlines()
    assert lines[0].split()[0] == "6" and "Redesign onboarding" in lines[0]
    assert lines[1].split()[0] == "3" and "SAML" in lines[1]
    assert "Totals:" in window.room_dock.vote_tab.results_label.text()


def test_revealed_totals_go_into_the_votes_as_one_undo_step(window: MainWindow, qtbot) -> None:
    room = open_room(window)
    controller, workshop = window.room, window.document.workshop
    controller.setup.chosen = {"g-onboard", "g-sso", "obj-trust", "l-conflict-launch"}
    controller.setup.votes = 5
    controller.start_round()
    window.document.update_node("g-sso", votes=7)
    before = {node.id: node.votes for node in workshop.iter_nodes()}
    steps = window.document.undo_stack.count()
    assert not controller.write_action.isEnabled() and not controller.write_votes()
    for phone in (room.join(), room.join()):
        room.cast(phone, 1, {"g-onboard": 3, "obj-trust": 1, "l-conflict-launch": 1})
    assert controller.reveal()
    qtbot.waitUntil(controller.write_action.isEnabled)
    assert controller.write_votes()
    assert window.document.undo_stack.count() == steps + 1
    assert window.document.undo_stack.undoText() == "Write round 1 votes into 3 cards"
    votes = {node.id: node.votes for node in workshop.iter_nodes()}
    assert (votes["g-onboard"], votes["obj-trust"], votes["g-sso"]) == (6, 2, 0)
    assert {k: v for k, v in votes.items() if k not in ("g-onboard", "obj-trust", "g-sso")} == {
        k: v for k, v in before.items() if k not in ("g-onboard", "obj-trust", "g-sso")
    }
    window.document.undo_stack.undo()
    assert {node.id: node.votes for node in workshop.iter_nodes()} == before
    window.document.undo_stack.redo()
    assert workshop.node("g-onboard").votes == 6


def test_update_nodes_is_all_or_nothing(window: MainWindow) -> None:
    document = window.document
    steps = document.undo_stack.count()
    votes = document.workshop.node("g-onboard").votes
    messages: list[str] = []
    document.message.connect(messages.append)
    assert not document.update_nodes({"g-onboard": {"votes": 40}, "g-sso": {"votes": -1}}, "x")
    assert document.undo_stack.count() == steps
    assert document.workshop.node("g-onboard").votes == votes
    assert messages and "votes" in messages[-1]
    assert document.update_nodes({"g-onboard": {"votes": votes}}, "nothing changes")
    assert document.undo_stack.count() == steps


def test_accepting_a_proposal_makes_an_undoable_card(window: MainWindow, qtbot) -> None:
    room = open_room(window)
    phone = room.join()
    from_phones(lambda: room.propose(phone, "Halve onboarding time", "Customers stay", "sales"))
    from_phones(lambda: room.propose(phone, "<b>Spam</b>", "", None))
    tab = window.room_dock.proposals_tab
    qtbot.waitUntil(lambda: tab.list.count() == 2)
    assert window.room_dock.tabs.tabText(1) == "Proposals (2)"
    assert tab.list.item(0).text() == "Halve onboarding time\nWhy: Customers stay\nSales"
    nodes = len(window.document.workshop.nodes)
    tab.list.setCurrentRow(0)
    node_id = tab.accept_current()
    assert node_id is not None
    node = window.document.workshop.node(node_id)
    assert (node.title, node.why, node.team) == ("Halve onboarding time", "Customers stay", "sales")
    assert window.scene.item_for(node_id) is not None
    assert window.document.undo_stack.undoText() == "Accept proposal 'Halve onboarding time'"
    qtbot.waitUntil(lambda: tab.list.count() == 1)
    tab.list.setCurrentRow(0)
    tab.reject_current()
    qtbot.waitUntil(lambda: tab.list.count() == 0)
    statuses = [p["status"] for p in room.phone_view(phone)["proposals"]]  # type: ignore[union-attr]
    assert statuses == ["accepted", "rejected"]
    window.document.undo_stack.undo()
    assert len(window.document.workshop.nodes) == nodes


def test_answers_to_the_5_whys_feed_the_open_dialog(window: MainWindow, qtbot) -> None:
    room = open_room(window)
    window.scene.select_ids(["g-custom-export"])
    dialog = window.five_whys.start("g-custom-export")
    assert dialog is not None
    tab = window.room_dock.whys_tab
    tab.suggest()
    assert tab.question_edit.text() == dialog.session.question()
    assert tab.ask()
    question = room.status().question
    assert question is not None and "Custom export" in question
    phone = room.join()
    qid = room.phone_view(phone)["question"]["id"]  # type: ignore[index]
    from_phones(lambda: room.answer(phone, qid, "Win 20 enterprise accounts"))
    qtbot.waitUntil(lambda: tab.answers.count() == 1)
    tab.answers.setCurrentRow(0)
    assert tab.use_current()
    assert dialog.title_edit.text() == "Win 20 enterprise accounts"
    dialog.close()


def test_close_room_stops_the_server_and_the_overlay(window: MainWindow, qtbot) -> None:
    room = open_room(window)
    port = window.room.server.port  # type: ignore[union-attr]
    window.room.start_round()
    window.room.close_action.trigger()
    assert refuses_connections(port) and room.closed
    assert not window.room_overlay.isVisible() and window.room_dock.pages.currentIndex() == 0
    assert window.room.open_action.isEnabled() and not window.room.start_action.isEnabled()
    assert window.room.status() is None


def test_closing_the_workshop_or_the_window_closes_the_room(window: MainWindow, qtbot) -> None:
    open_room(window)
    port = window.room.server.port  # type: ignore[union-attr]
    window.files.close()
    assert refuses_connections(port) and not window.room.open_action.isEnabled()
    assert window.open_path(paths.example_workshop())
    open_room(window)
    port = window.room.server.port  # type: ignore[union-attr]
    window.close()
    assert refuses_connections(port)


def test_a_window_destroyed_without_closing_takes_its_room_down(qtbot) -> None:
    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    assert window.open_path(paths.example_workshop())
    room = open_room(window)
    server = window.room.server
    assert server is not None
    window.deleteLater()
    qtbot.waitUntil(lambda: not server.running)
    assert refuses_connections(server.port) and room.closed


def test_the_view_menu_offers_the_room(window: MainWindow) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    texts = [a.text() for a in view_menu.actions()]
    assert "Open &Room…" in texts
    room_menu = next(a.menu() for a in view_menu.actions() if a.text() == "Roo&m")
    names = [a.text() for a in room_menu.actions() if not a.isSeparator()]
    assert names[:5] == ["&Close Room", "&Start Voting Round", "Close Ro&und", "Re&veal Votes",
                         "&Write Totals into Votes"]  # fmt: skip
    assert window.room.start_action.shortcut().toString() == "F6"
    assert window.room.reveal_action.shortcut().toString() == "F8"


def test_the_phase_moves_with_the_shortcuts_in_presentation_mode(window: MainWindow, qtbot) -> None:
    room = open_room(window)
    window.presentation.enter()
    try:
        assert window.room_overlay.isVisible() and not window.room_dock.isVisible()
        window.room.start_action.trigger()
        assert room.status().phase is Phase.OPEN
        window.room.reveal_action.trigger()
        assert room.status().phase is Phase.REVEALED
    finally:
        window.presentation.leave()
    assert window.room_dock.isVisible()


def test_presentation_fits_the_map_beside_the_room_panel(window: MainWindow, qtbot) -> None:
    open_room(window)
    presentation, overlay, view = window.presentation, window.room_overlay, window.view
    presentation.enter()
    try:
        qtbot.waitUntil(lambda: presentation.reserved_right == overlay.width() + 48)
        zoom = presentation.layout()
        shown = view.mapFromScene(presentation.stage.itemsBoundingRect()).boundingRect()
        assert shown.right() <= overlay.x() and shown.left() >= 0
        free = view.viewport().width() - presentation.reserved_right
        assert abs(presentation.stage.plan.width * zoom - free) <= 2  # the steps fill the rest
        window.room.close_room()
        assert presentation.reserved_right == 0
    finally:
        presentation.leave()
    assert view.sceneRect() == window.scene.sceneRect()  # the view follows the scene again


def test_a_room_that_cannot_open_says_why(window: MainWindow) -> None:
    messages: list[str] = []
    window.document.message.connect(messages.append)
    assert window.room.open_room("192.0.2.254", 0) is None
    assert "not an address of this computer" in messages[-1]
    assert not window.room.is_open() and window.room.open_action.isEnabled()


def test_wifi_comes_first_and_virtual_interfaces_last() -> None:
    from alignment_workshop.gui.features.room.network import choices, interface_rank

    assert interface_rank("wlp2s0", wireless=False) == 0
    assert interface_rank("en0", wireless=True) == 0
    assert interface_rank("enp3s0", wireless=False) == 1
    for name in ("docker0", "br-4f2a", "virbr0", "tailscale0", "wg0", "vboxnet0"):
        assert interface_rank(name, wireless=False) == 2, name
    offered = [address.ip for address in choices()]
    assert offered[-2:] == ["127.0.0.1", "0.0.0.0"] and "127.0.0.1" not in offered[:-2]


def test_open_room_asks_where_and_how(window: MainWindow, monkeypatch) -> None:
    from alignment_workshop.gui.features.room.network import Address
    from alignment_workshop.gui.features.room.open_dialog import OpenRoomDialog

    offered = [Address("127.0.0.1", "this computer"), Address("0.0.0.0", "everywhere")]
    dialog = OpenRoomDialog(window, offered)
    assert [dialog.address_combo.itemData(i) for i in range(2)] == ["127.0.0.1", "0.0.0.0"]
    assert (dialog.host(), dialog.port(), dialog.named()) == ("127.0.0.1", 8765, False)
    dialog.deleteLater()

    def answer(self: OpenRoomDialog) -> int:
        self.address_combo.setCurrentIndex(self.address_combo.findData("127.0.0.1"))
        self.port_spin.setValue(47123)  # if taken, the room takes any free port
        self.named_check.setChecked(True)
        return 1

    monkeypatch.setattr(OpenRoomDialog, "exec", answer)
    url = window.room.ask_open()
    assert url and url.startswith("http://127.0.0.1:") and window.room.room.named
