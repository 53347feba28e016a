"""Arrange: auto-layout is one undoable command; Tidy places only the unplaced nodes."""

from __future__ import annotations

import pytest

from alignment_workshop.gui.features.arrange import ArrangeActions
from alignment_workshop.layout import auto_layout, card_rect
from alignment_workshop.model import NodeKind
from tests.gui.test_why import Env, make_env


@pytest.fixture
def env(qtbot) -> Env:
    return make_env(qtbot)


@pytest.fixture
def arrange(env: Env) -> ArrangeActions:
    return ArrangeActions(env.document, env.scene, env.view, env.window)


def positions(env: Env) -> dict:
    return {node.id: node.pos for node in env.document.workshop.iter_nodes()}


def test_auto_layout_replaces_everything_as_one_undo_step(env, arrange) -> None:
    document = env.document
    for index, node_id in enumerate(positions(env)):
        document.move_nodes({node_id: (index * 7.0, -index * 3.0)})
    scattered = positions(env)
    count = document.undo_stack.count()
    arrange.auto_layout_action.trigger()
    assert document.undo_stack.count() == count + 1
    assert document.undo_stack.undoText() == "Auto-layout"
    assert positions(env) == auto_layout(document.workshop)
    for node_id, pos in positions(env).items():
        item = env.scene.item_for(node_id)
        assert (item.pos().x(), item.pos().y()) == pos
    document.undo_stack.undo()
    assert positions(env) == scattered
    document.undo_stack.redo()
    assert positions(env) == auto_layout(document.workshop)


def test_tidy_places_only_the_new_nodes_in_open_space(env, arrange) -> None:
    document = env.document
    before = positions(env)
    first = document.add_node(NodeKind.GOAL, "New goal")
    second = document.add_node(NodeKind.OBJECTIVE, "New objective")
    count = document.undo_stack.count()
    arrange.tidy_action.trigger()
    assert document.undo_stack.count() == count + 1
    assert document.undo_stack.undoText() == "Tidy 2 new nodes"
    after = positions(env)
    assert {k: after[k] for k in before} == before
    assert after[first] is not None and after[second] is not None
    rects = [card_rect(document.workshop.node(i).kind, p) for i, p in after.items()]
    for i, rect in enumerate(rects):
        assert not any(rect.intersects(other) for other in rects[i + 1 :])
    document.undo_stack.undo()
    assert positions(env)[first] is None


def test_tidy_with_nothing_new_says_so(env, arrange) -> None:
    messages: list[str] = []
    env.document.message.connect(messages.append)
    count = env.document.undo_stack.count()
    assert not arrange.tidy_new_nodes()
    assert env.document.undo_stack.count() == count and "already has a place" in messages[-1]
