"""Capture in three actions: a linked team goal with its team, a team in one step, and a
5 Whys that carries the team and writes the why."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.features.capture import SUPPORTING_GOAL_KEY
from alignment_workshop.gui.features.five_whys.dialog import FiveWhysDialog
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import LinkKind, NodeKind, Workshop
from tests.gui.test_commands import small_workshop
from tests.gui.test_why import make_env
from tests.support.prompts import discarding_prompts, ignore_errors


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.document.replace(small_workshop())
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


class User:
    """Drives the window with the mouse and keyboard, counting each action taken."""

    def __init__(self, window: MainWindow, qtbot: QtBot) -> None:
        self.window, self.qtbot = window, qtbot
        self.actions = 0

    def click_card(self, node_id: str) -> None:
        view = self.window.view
        item = self.window.scene.item_for(node_id)
        assert item is not None
        view.centerOn(item)
        spot = view.mapFromScene(item.scenePos() + item.card_rect().center() / 2)
        self.qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=spot)
        self.actions += 1

    def press(self, keys: str) -> None:
        """Press one shortcut, e.g. "Ctrl+Shift+G", on the canvas."""
        sequence = QKeySequence(keys)[0]
        self.qtbot.keyClick(self.window.view, sequence.key(), sequence.keyboardModifiers())
        self.actions += 1

    def type_line(self, text: str) -> None:
        """Type `text` and press Enter: one action, as writing a title is."""
        self.qtbot.keyClicks(self.window.view, text)
        self.qtbot.keyClick(self.window.view, Qt.Key.Key_Return)
        self.actions += 1


def _goal_with_title(workshop: Workshop, title: str) -> str:
    return next(n.id for n in workshop.iter_nodes() if n.title == title)


def test_a_linked_team_goal_with_its_team_takes_three_actions(
    window: MainWindow, qtbot: QtBot
) -> None:
    document = window.document
    user = User(window, qtbot)
    user.click_card("g3")  # earlier work: the facilitator looked at a Marketing goal
    assert window.scene.selected_node_ids() == ["g3"]
    before = document.undo_stack.count()
    user.actions = 0
    user.click_card("o")
    user.press(SUPPORTING_GOAL_KEY)
    user.type_line("Launch a referral programme")
    assert user.actions <= 3
    goal_id = _goal_with_title(document.workshop, "Launch a referral programme")
    goal = document.workshop.node(goal_id)
    assert goal.kind is NodeKind.GOAL and goal.team == "t2"
    assert document.workshop.find_link(LinkKind.SUPPORTS, goal_id, "o") is not None
    assert document.undo_stack.count() == before + 2  # the linked goal, then its title
    document.undo_stack.undo()
    document.undo_stack.undo()
    assert not document.workshop.has_node(goal_id)


def test_the_supporting_goal_lands_below_its_parent_in_free_space(window: MainWindow) -> None:
    window.scene.select_ids(["o"])
    goal_id = window.capture.add_supporting_goal()
    assert goal_id is not None
    workshop = window.document.workshop
    parent_pos, goal_pos = workshop.node("o").pos, workshop.node(goal_id).pos
    assert parent_pos is not None and goal_pos is not None and goal_pos[1] > parent_pos[1]
    assert window.scene.interaction.title_editor is not None  # ready for typing
    window.scene.interaction.cancel()


def test_a_supporting_goal_of_a_goal_takes_that_goals_team(window: MainWindow) -> None:
    window.document.team_in_hand.remember("t2")
    goal_id = window.capture.add_supporting_goal("g1")
    assert goal_id is not None and window.document.workshop.node(goal_id).team == "t1"
    window.scene.interaction.cancel()


def test_supporting_goal_is_refused_for_the_vision_and_values(window: MainWindow) -> None:
    for node_id in ("v", "val"):
        window.scene.select_ids([node_id])
        assert not window.capture.supporting_goal_action.isEnabled()
        assert window.capture.add_supporting_goal() is None


def test_a_new_goal_takes_the_selected_cards_team_or_the_last_used(window: MainWindow) -> None:
    document, scene = window.document, window.scene
    scene.select_ids(["g3"])
    first = window.add_card(NodeKind.GOAL)
    assert first is not None and document.workshop.node(first).team == "t2"
    scene.interaction.cancel()
    scene.select_ids(["g1"])
    scene.select_ids([])  # a double-click on empty canvas clears the selection first
    second = scene.interaction.add_node_at(NodeKind.GOAL, (900.0, 900.0), rename=False)
    assert second is not None and document.workshop.node(second).team == "t1"
    objective = scene.interaction.add_node_at(NodeKind.OBJECTIVE, (1200.0, 0.0), rename=False)
    assert objective is not None and document.workshop.node(objective).team is None


def test_the_team_in_hand_is_forgotten_with_its_workshop(window: MainWindow) -> None:
    window.scene.select_ids(["g3"])
    assert window.document.team_in_hand.last == "t2"
    window.document.replace(small_workshop())
    assert window.document.team_in_hand.last is None
    goal = window.scene.interaction.add_node_at(NodeKind.GOAL, (900.0, 900.0), rename=False)
    workshop = window.document.workshop
    assert goal is not None and workshop.node(goal).team == workshop.teams[0].id != "t2"


def test_with_no_team_in_hand_a_new_goal_takes_the_first_team_or_none(
    window: MainWindow,
) -> None:
    window.document.replace(small_workshop())
    interaction, document = window.scene.interaction, window.document
    goal = interaction.add_node_at(NodeKind.GOAL, (900.0, 900.0), rename=False)
    assert goal is not None
    assert document.workshop.node(goal).team == document.workshop.teams[0].id
    document.replace(Workshop())  # no teams at all: no team to give
    goal = interaction.add_node_at(NodeKind.GOAL, (0.0, 0.0), rename=False)
    assert goal is not None and document.workshop.node(goal).team is None


def test_a_removed_team_is_never_offered(window: MainWindow) -> None:
    window.scene.select_ids(["g3"])
    window.scene.select_ids([])
    assert window.document.remove_team("t2")
    assert window.document.team_in_hand.last is None


def _menu_of(window: MainWindow, node_id: str) -> QMenu:
    menu = QMenu()
    item = window.scene.item_for(node_id)
    assert isinstance(item, NodeItem)
    window.scene.select_ids([node_id])
    window.scene.interaction._node_menu(menu, item)
    return menu


def _submenu(menu: QMenu, text: str) -> QMenu:
    for action in menu.actions():
        if action.menu() is not None and action.text().replace("&", "") == text:
            return action.menu()
    raise AssertionError(f"no {text} submenu in {[a.text() for a in menu.actions()]}")


def test_the_card_menu_sets_the_team_in_one_step(window: MainWindow) -> None:
    document = window.document
    menu = _menu_of(window, "g1")
    teams = _submenu(menu, "Team")
    entries = {a.text().replace("&", ""): a for a in teams.actions() if not a.isSeparator()}
    assert entries["Product"].isChecked() and not entries["Marketing"].isChecked()
    assert "No Team" in entries and "Edit Teams…" in entries
    before = document.undo_stack.count()
    entries["Marketing"].trigger()
    assert document.workshop.node("g1").team == "t2"
    assert document.undo_stack.count() == before + 1
    assert document.team_in_hand.last == "t2"
    document.undo_stack.undo()
    assert document.workshop.node("g1").team == "t1"
    entries["No Team"].trigger()
    assert document.workshop.node("g1").team is None


def test_the_team_menu_sets_every_selected_goal_at_once(window: MainWindow) -> None:
    document = window.document
    window.scene.select_ids(["g1", "g3", "o"])
    menu = QMenu()
    teams = window.capture.team_menu(menu, window.scene.selected_node_ids())
    assert teams is not None
    marketing = next(a for a in teams.actions() if a.text() == "Marketing")
    assert not marketing.isChecked()  # the goals' teams differ
    before = document.undo_stack.count()
    marketing.trigger()
    assert {document.workshop.node(i).team for i in ("g1", "g3")} == {"t2"}
    assert document.undo_stack.count() == before + 1


def test_an_objective_has_no_team_menu_but_offers_a_supporting_goal(window: MainWindow) -> None:
    menu = _menu_of(window, "o")
    texts = [a.text().replace("&", "") for a in menu.actions()]
    assert "Team" not in texts
    assert "Add Supporting Team Goal" in texts


def test_five_whys_gives_a_new_parent_goal_the_childs_team_and_writes_the_why(qtbot) -> None:
    env = make_env(qtbot)
    document = env.document
    dialog = FiveWhysDialog(document, "g4")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.why_box.isVisible() and dialog.why_box.isChecked()  # its why is empty
    before = document.undo_stack.count()
    new = dialog.create_parent("Big customers renew", NodeKind.GOAL)
    assert new is not None
    workshop = document.workshop
    assert workshop.node(new).team == "t2"  # the orphan goal's team
    assert workshop.node("g4").why == "Big customers renew"
    assert document.undo_stack.count() == before + 1
    document.undo_stack.undo()
    assert not document.workshop.has_node(new) and document.workshop.node("g4").why == ""
    document.undo_stack.redo()
    assert document.workshop.node("g4").why == "Big customers renew"


def test_five_whys_leaves_the_why_alone_when_untick_or_already_written(qtbot) -> None:
    env = make_env(qtbot)
    document = env.document
    document.update_node("g4", why="Because sales asked")
    dialog = FiveWhysDialog(document, "g4")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.why_box.isChecked()
    new = dialog.create_parent("Customers recommend us")
    assert new is not None
    assert document.workshop.node(new).kind is NodeKind.OBJECTIVE
    assert document.workshop.node(new).team is None  # an objective has no team
    assert document.workshop.node("g4").why == "Because sales asked"
    assert not dialog.why_box.isVisible()  # an objective has no why field


def test_five_whys_pick_writes_the_why_in_the_same_step(qtbot) -> None:
    env = make_env(qtbot)
    document = env.document
    dialog = FiveWhysDialog(document, "g4")
    qtbot.addWidget(dialog)
    dialog.show()
    before = document.undo_stack.count()
    assert dialog.pick("o1")
    assert document.workshop.node("g4").why == "Customers stay"
    assert document.undo_stack.count() == before + 1


def test_a_helping_team_made_lead_leaves_the_contributors(window: MainWindow) -> None:
    document = window.document
    document.add_team("Finance", "#228833")
    finance = next(t.id for t in document.workshop.teams if t.name == "Finance")
    assert document.update_node("g1", contributors=("t2", finance))
    assert window.capture.set_team(["g1"], "t2")
    node = document.workshop.node("g1")
    assert node.team == "t2" and node.contributors == (finance,)
    document.undo_stack.undo()
    assert document.workshop.node("g1").contributors == ("t2", finance)


def test_supporting_goal_do_undo_redo_follows_the_model_scene_and_clean_state(
    window: MainWindow,
) -> None:
    document, scene = window.document, window.scene
    before = document.workshop.copy()
    cards, links = len(scene.node_items()), len(scene.link_items())
    goal_id = window.capture.add_supporting_goal("o")
    scene.interaction.cancel()
    assert goal_id is not None and document.is_modified()
    after = document.workshop.copy()
    assert (len(scene.node_items()), len(scene.link_items())) == (cards + 1, links + 1)
    document.undo_stack.undo()
    assert document.workshop == before and not document.is_modified()
    assert (len(scene.node_items()), len(scene.link_items())) == (cards, links)
    document.undo_stack.redo()
    assert document.workshop == after and document.is_modified()
    assert scene.item_for(goal_id) is not None
