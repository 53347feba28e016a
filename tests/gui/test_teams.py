"""The Teams dialog: add, rename, recolour, and remove with the goals moved or left alone;
Edit › Teams… frees the dialog and its connections after each use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.docks.teams_dialog import (
    GoalsDestination,
    GoalsDestinationDialog,
    TeamsDialog,
)
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.paths import example_workshop


def _document() -> Document:
    teams = [Team("sales", "Sales", "#AA3300"), Team("ops", "Ops", "#0033AA")]
    nodes = [
        Node("g1", NodeKind.GOAL, "Close deals", team="sales"),
        Node("g2", NodeKind.GOAL, "Train reps", team="sales"),
        Node("g3", NodeKind.GOAL, "Keep uptime", team="ops"),
    ]
    document = Document()
    document.replace(Workshop.from_records(Meta(), teams, nodes, []))
    return document


def _dialog(qtbot: QtBot, document: Document, **kwargs: object) -> TeamsDialog:
    dialog = TeamsDialog(document, None, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _names(dialog: TeamsDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def test_add_rename_recolour_each_one_command(qtbot: QtBot) -> None:
    document = _document()
    dialog = _dialog(qtbot, document, choose_color=lambda _old: QColor("#123456"))
    stack = document.undo_stack
    team_id = dialog.add_team()
    assert team_id is not None and stack.count() == 1
    assert _names(dialog) == ["Sales", "Ops", "New team"]
    dialog.list.currentItem().setText("Platform")  # what finishing the in-place edit does
    assert document.workshop.team(team_id).name == "Platform" and stack.count() == 2
    dialog.recolour_current()
    assert document.workshop.team(team_id).color == "#123456" and stack.count() == 3
    stack.undo()
    stack.undo()
    assert _names(dialog) == ["Sales", "Ops", "New team"], "the list follows undo"


def test_blank_name_is_refused(qtbot: QtBot) -> None:
    document = _document()
    dialog = _dialog(qtbot, document)
    dialog.select_team("ops")
    dialog.list.currentItem().setText("   ")
    assert document.workshop.team("ops").name == "Ops"
    assert _names(dialog) == ["Sales", "Ops"] and document.undo_stack.count() == 0


def test_remove_moves_goals_to_another_team_in_one_command(qtbot: QtBot) -> None:
    document = _document()
    asked: list[tuple[str, list[str], int]] = []

    def ask(team: Team, others: list[Team], goals: int) -> GoalsDestination:
        asked.append((team.id, [t.id for t in others], goals))
        return GoalsDestination("ops")

    dialog = _dialog(qtbot, document, ask_destination=ask)
    dialog.select_team("sales")
    before = document.workshop.copy()
    assert dialog.remove_current()
    assert asked == [("sales", ["ops"], 2)]
    workshop = document.workshop
    assert not workshop.has_team("sales")
    assert [n.team for n in workshop.nodes] == ["ops", "ops", "ops"]
    assert document.undo_stack.count() == 1
    document.undo_stack.undo()
    assert document.workshop == before
    assert _names(dialog) == ["Sales", "Ops"]


def test_remove_leaves_goals_without_a_team(qtbot: QtBot) -> None:
    document = _document()
    dialog = _dialog(qtbot, document, ask_destination=lambda *_: GoalsDestination(None))
    dialog.select_team("sales")
    assert dialog.remove_current()
    assert [n.team for n in document.workshop.nodes] == [None, None, "ops"]
    assert document.undo_stack.count() == 1


def test_cancelled_removal_changes_nothing(qtbot: QtBot) -> None:
    document = _document()
    dialog = _dialog(qtbot, document, ask_destination=lambda *_: None)
    dialog.select_team("sales")
    assert not dialog.remove_current()
    assert document.workshop.has_team("sales") and document.undo_stack.count() == 0


def test_team_without_goals_is_removed_without_asking(qtbot: QtBot) -> None:
    document = _document()
    team_id = document.add_team("Empty", "#00AA00")

    def never(*_args: object) -> GoalsDestination:
        raise AssertionError("no question for a team without goals")

    dialog = _dialog(qtbot, document, ask_destination=never)
    dialog.select_team(team_id)
    assert dialog.remove_current() and not document.workshop.has_team(team_id)


@pytest.mark.parametrize("move", [True, False])
def test_destination_dialog_reports_the_choice(qtbot: QtBot, move: bool) -> None:
    team = Team("sales", "Sales")
    dialog = GoalsDestinationDialog(team, [Team("ops", "Ops"), Team("hr", "HR")], 2, None)
    qtbot.addWidget(dialog)
    dialog.team_box.setCurrentIndex(1)
    (dialog.move_radio if move else dialog.leave_radio).setChecked(True)
    assert dialog.destination() == GoalsDestination("hr" if move else None)
    assert dialog.team_box.isEnabled() == move


def _receivers(window: MainWindow) -> tuple[int, int]:
    document = window.document
    return document.receivers(SIGNAL("changed()")), document.receivers(
        SIGNAL("workshop_replaced()")
    )


def test_teams_dialogs_are_deleted_and_disconnected(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[TeamsDialog] = []

    def close_at_once(dialog: TeamsDialog) -> int:
        shown.append(dialog)
        dialog.reject()
        return 0

    monkeypatch.setattr(TeamsDialog, "exec", close_at_once)
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    assert window.open_path(example_workshop())
    before = _receivers(window)
    for _ in range(2):
        window.show_teams()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(shown) == 2
    assert window.findChildren(TeamsDialog) == []
    assert _receivers(window) == before
