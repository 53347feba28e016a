"""Focus: only the chosen objective's chain to the vision and its supporters stay visible."""

from __future__ import annotations

import pytest

from alignment_workshop.gui.features.focus import FocusMode, focus_ids
from alignment_workshop.gui.features.why import EscapeChain, WhyHighlighter
from alignment_workshop.model import LinkKind, NodeKind
from tests.gui.test_why import Env, make_env


@pytest.fixture
def env(qtbot) -> Env:
    return make_env(qtbot)


@pytest.fixture
def focus(env: Env) -> FocusMode:
    return FocusMode(env.document, env.scene, env.view, env.window)


def visible(env: Env) -> set[str]:
    return {item.node_id for item in env.scene.node_items() if item.isVisible()}


def visible_links(env: Env) -> set[str]:
    return {item.link_id for item in env.scene.link_items() if item.isVisible()}


def test_focus_keeps_the_chain_up_and_every_supporter_down(env, focus) -> None:
    env.scene.select_ids(["o2"])
    focus.action.trigger()
    assert focus.is_active() and focus.action.isChecked()
    assert visible(env) == {"o2", "o1", "v", "g1", "g3"}
    assert visible_links(env) == {"l0", "l1", "l2", "l4", "l5"}


def test_focus_again_or_escape_shows_everything(env, focus) -> None:
    everything = visible(env)
    env.scene.select_ids(["o1"])
    focus.toggle()
    assert visible(env) == {"o1", "v", "o2", "g1", "g2", "g3"}
    focus.toggle()
    assert visible(env) == everything and not focus.action.isChecked()
    focus.focus("o2")
    assert EscapeChain.of(env.window).escape()
    assert visible(env) == everything and not focus.is_active()


def test_escape_clears_why_before_focus(env, focus) -> None:
    why = WhyHighlighter(env.document, env.scene, env.view, env.window)
    focus.focus("o2")
    why.show_why("g1")
    chain = EscapeChain.of(env.window)
    chain.escape()
    assert not why.is_active() and focus.is_active()
    chain.escape()
    assert not focus.is_active()
    assert not chain.escape()


def test_focus_refuses_the_vision_and_an_empty_selection(env, focus) -> None:
    messages: list[str] = []
    env.document.message.connect(messages.append)
    assert not focus.focus("v")
    assert not focus.focus()
    assert len(messages) == 2 and not focus.is_active() and not focus.action.isChecked()


def test_focus_follows_edits(env, focus) -> None:
    focus.focus("o2")
    env.document.add_link(LinkKind.SUPPORTS, "g4", "o2")
    env.document.refresh_analysis()
    assert "g4" in visible(env)
    env.document.delete(["o2"])
    env.document.refresh_analysis()
    assert not focus.is_active() and "g2" in visible(env)


def test_focus_ids_ignores_dropped_supporters(env) -> None:
    env.document.update_node("g1", status="dropped")
    assert focus_ids(env.document.workshop, "o2") == {"o2", "o1", "v", "g3"}


def test_a_card_added_while_focused_stays_visible_with_its_rename_open(qtbot, env, focus) -> None:
    focus.focus("o2")
    new = env.scene.interaction.add_node_at(NodeKind.GOAL, (900.0, 900.0))
    assert new is not None and new in visible(env)
    env.document.refresh_analysis()  # what the debounce timer does ~50 ms later
    assert new in visible(env) and focus.is_active()
    editor = env.scene.interaction.title_editor
    assert editor is not None and editor.card.node_id == new
    env.scene.interaction.finish_rename()
    env.document.add_node(NodeKind.OBJECTIVE, "Another new one")
    qtbot.waitUntil(lambda: len(visible(env)) == 7)  # after the debounced recompute too
    assert "g2" not in visible(env)  # the rest of the map stays hidden
    focus.clear()
    focus.focus("o2")  # a fresh Focus shows only the chain again
    assert new not in visible(env)
