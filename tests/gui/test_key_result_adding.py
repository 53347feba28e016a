"""Adding a key result: from a card's context menu, the palette or a drop, one undo step
that adds the chip under its card and links it with `measures`."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtWidgets import QMenu

from alignment_workshop.analysis import analyze
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.layout import card_rect, chip_center
from alignment_workshop.model import LinkKind, NodeKind
from tests.support.okr import OBJ, okr_window


@pytest.fixture
def window(qtbot) -> MainWindow:
    return okr_window(qtbot)


def menu_of(window: MainWindow, node_id: str) -> QMenu:
    """The context menu the scene would pop up on `node_id`, built without showing it."""
    item = window.scene.item_for(node_id)
    assert isinstance(item, NodeItem)
    window.scene.select_ids([node_id])
    menu = QMenu()
    window.scene.interaction._node_menu(menu, item)
    return menu


def action_texts(menu: QMenu) -> list[str]:
    return [action.text() for action in menu.actions() if not action.isSeparator()]


def measured_by(window: MainWindow, node_id: str) -> list[str]:
    workshop = window.document.workshop
    return [
        link.source
        for link in workshop.links_of(node_id)
        if link.kind is LinkKind.MEASURES and link.target == node_id
    ]


def test_add_key_result_from_the_context_menu_is_one_step_that_links(window) -> None:
    doc, stack = window.document, window.document.undo_stack
    menu = menu_of(window, "o-grow")
    [add] = [a for a in menu.actions() if a.text() == "Add Key Result"]
    before = stack.count()
    add.trigger()
    assert stack.count() == before + 1
    assert stack.undoText() == "Add key result 'New key result' to 'Growth'"
    [new] = measured_by(window, "o-grow")
    node = doc.workshop.node(new)
    assert node.kind is NodeKind.KEY_RESULT and node.title == "New key result"
    assert node.pos == chip_center(OBJ, doc.workshop.node("o-grow").pos, 0)
    assert window.scene.selected_node_ids() == [new]
    editor = window.scene.interaction.title_editor
    assert editor is not None and editor.card.node_id == new  # straight into renaming
    editor.cancel()
    assert not any(f.rule == "orphan" and new in f.nodes for f in analyze(doc.workshop).findings)
    stack.undo()
    assert not doc.workshop.has_node(new) and measured_by(window, "o-grow") == []
    assert window.scene.item_for(new) is None and stack.isClean()
    stack.redo()
    assert measured_by(window, "o-grow") == [new] and window.scene.item_for(new) is not None


def test_a_second_key_result_goes_under_the_first(window) -> None:
    for _ in range(2):
        menu_of(window, "o-ret")
        window.scene.interaction.add_key_result("o-ret", rename=False)
    workshop = window.document.workshop
    chips = measured_by(window, "o-ret")
    assert len(chips) == 3
    rects = [card_rect(NodeKind.KEY_RESULT, workshop.node(k).pos) for k in chips]
    assert [r.left for r in rects] == [rects[0].left] * 3
    assert not any(a.intersects(b) for i, a in enumerate(rects) for b in rects[i + 1 :])


def test_a_goals_key_result_starts_with_the_goals_team(window) -> None:
    new = window.scene.interaction.add_key_result("g-onboard", rename=False)
    assert new is not None and window.document.workshop.node(new).team == "product"


def test_only_objectives_and_goals_offer_add_key_result(window) -> None:
    assert "Add Key Result" in action_texts(menu_of(window, "g-play"))
    for node_id in ("v", "k-churn"):
        assert "Add Key Result" not in action_texts(menu_of(window, node_id))


def test_the_palette_adds_under_the_selected_objective(window) -> None:
    window.scene.select_ids(["o-grow"])
    new = window.add_card(NodeKind.KEY_RESULT)
    assert new is not None and measured_by(window, "o-grow") == [new]
    window.scene.interaction.cancel()
    window.scene.select_ids([])
    loose = window.add_card(NodeKind.KEY_RESULT)  # nothing selected: a loose key result
    assert loose is not None
    assert not any(
        link.kind is LinkKind.MEASURES for link in window.document.workshop.links_of(loose)
    )


def test_dropping_a_key_result_on_a_goal_measures_that_goal(window) -> None:
    x, y = window.document.workshop.node("g-play").pos
    new = window.scene.interaction.add_node_at(NodeKind.KEY_RESULT, (x, y), rename=False)
    assert new is not None and measured_by(window, "g-play") == [new]
    assert window.document.undo_stack.count() == 1


def test_a_refused_key_result_pushes_nothing_and_says_why(window, qtbot) -> None:
    stack = window.document.undo_stack
    with qtbot.waitSignal(window.document.message) as said:
        assert window.document.add_key_result("o-grow", "   ") is None
    assert "Key result refused" in said.args[0]
    assert stack.count() == 0
    assert window.scene.node_at(QPointF(*window.document.workshop.node("o-grow").pos))
