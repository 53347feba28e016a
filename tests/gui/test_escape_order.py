"""Esc belongs to the most local thing first: a rename or a link drag, then the Esc chain.

With Why (or Focus, or presentation) on, the window's shared Esc shortcut is enabled;
it must not steal Esc from an in-place rename or a link drag in progress.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGraphicsLineItem

from alignment_workshop.gui.features.focus import FocusMode
from alignment_workshop.gui.features.why import EscapeChain, WhyHighlighter
from tests.gui.test_why import Env, make_env, show_window


@pytest.fixture
def env(qtbot) -> Env:
    env = make_env(qtbot)
    show_window(qtbot, env.window)
    env.view.setFocus()
    return env


@pytest.fixture
def why(env: Env) -> WhyHighlighter:
    return WhyHighlighter(env.document, env.scene, env.view, env.window)


def test_esc_cancels_a_rename_and_keeps_the_highlight(qtbot, env, why) -> None:
    why.show_why("g1")
    assert EscapeChain.of(env.window).shortcut.isEnabled()
    env.scene.interaction.start_rename("g1")
    qtbot.keyClicks(env.view, "Renamed by mistake")
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert env.scene.interaction.title_editor is None  # the rename is cancelled …
    assert env.document.workshop.node("g1").title == "Redesign onboarding"
    assert env.document.undo_stack.count() == 0
    assert why.is_active()  # … and the highlight stays
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert not why.is_active()  # the second Esc reaches the chain


def test_esc_cancels_a_rename_while_focused(qtbot, env) -> None:
    focus = FocusMode(env.document, env.scene, env.view, env.window)
    focus.focus("o2")
    env.scene.interaction.start_rename("o2")
    qtbot.keyClicks(env.view, "Oops")
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert env.scene.interaction.title_editor is None and focus.is_active()
    assert env.document.workshop.node("o2").title == "Onboarding is easy"


def test_esc_cancels_a_link_drag_before_the_highlight(qtbot, env, why) -> None:
    why.show_why("g4")
    viewport = env.view.viewport()
    source = env.view.mapFromScene(env.scene.item_for("g4").pos())
    target = env.view.mapFromScene(env.scene.item_for("o3").pos())
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, source)
    assert env.scene.interaction.is_linking()  # a link drag is under way
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert not env.scene.interaction.is_linking()
    assert not [i for i in env.scene.items() if isinstance(i, QGraphicsLineItem)]  # no dashes
    assert why.is_active()
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert env.document.undo_stack.count() == 0  # the cancelled drag links nothing
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert not why.is_active()
