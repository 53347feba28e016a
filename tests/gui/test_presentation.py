"""Presentation mode: full screen without chrome, the steps, votes, timer, overlays, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QToolBar

from alignment_workshop.gui.features.focus import FocusMode
from alignment_workshop.gui.features.presentation.mode import TIMER_QUESTION_PX, PresentationMode
from alignment_workshop.gui.features.presentation.stage import StageCard
from alignment_workshop.gui.features.presentation.timer_dialog import LABEL, timer_dialog
from alignment_workshop.gui.features.why import EscapeChain, WhyHighlighter
from alignment_workshop.model import NodeKind
from tests.gui.test_why import Env, make_env, show_window


@pytest.fixture
def env(qtbot) -> Env:
    env = make_env(qtbot)
    dock = QDockWidget("Inspector", env.window)
    dock.setObjectName("inspector")
    dock.setWidget(QLabel("fields"))
    env.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    toolbar = env.window.addToolBar("Main")
    toolbar.setObjectName("main-toolbar")
    toolbar.addAction("Save")
    env.window.menuBar().addMenu("&File")
    env.window.statusBar().showMessage("ready")
    show_window(qtbot, env.window)
    env.document.refresh_analysis()
    return env


@pytest.fixture
def presentation(env: Env) -> PresentationMode:
    return PresentationMode(env.document, env.scene, env.view, env.window)


def cards(presentation: PresentationMode) -> dict[str, StageCard]:
    return {i.node_id: i for i in presentation.stage.items() if isinstance(i, StageCard)}


def shown_ids(presentation: PresentationMode) -> set[str]:
    """Every card on some step of the plan."""
    return {box.node_id for step in presentation.stage.plan.steps for box in step.boxes}


def chrome(env: Env) -> list:
    window = env.window
    return [
        *window.findChildren(QDockWidget),
        *window.findChildren(QToolBar),
        window.menuBar(),
        window.statusBar(),
    ]


def test_entering_hides_the_chrome_and_leaving_restores_it(qtbot, env, presentation) -> None:
    assert all(widget.isVisible() for widget in chrome(env))
    transform = env.view.transform()
    background = env.scene.backgroundBrush().color().name()
    qtbot.keyClick(env.view, Qt.Key.Key_F5)
    assert presentation.is_active() and presentation.action.isChecked()
    assert env.window.isFullScreen()
    assert not any(widget.isVisible() for widget in chrome(env))
    assert env.view.scene() is presentation.stage
    assert presentation.stage.backgroundBrush().color().name() == "#ffffff"
    active = {node.id for node in env.document.workshop.iter_nodes() if node.is_active}
    assert shown_ids(presentation) == active
    assert presentation.overlays.score.isVisible()
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert not presentation.is_active() and not env.window.isFullScreen()
    assert all(widget.isVisible() for widget in chrome(env))
    assert env.view.scene() is env.scene and not presentation.overlays.score.isVisible()
    assert env.scene.backgroundBrush().color().name() == background
    assert env.view.transform() == transform


def test_the_page_fills_the_views_height(env, presentation) -> None:
    presentation.enter()
    zoom = presentation.layout()
    height = env.view.viewport().height()
    assert zoom == pytest.approx(height / 1080)
    assert env.view.transform().m11() == pytest.approx(zoom)
    visible = env.view.mapToScene(env.view.viewport().rect()).boundingRect()
    assert visible.adjusted(-1, -1, 1, 1).contains(presentation.stage.itemsBoundingRect())


def test_plus_and_minus_change_the_votes_of_the_selected_card(qtbot, env, presentation) -> None:
    document = env.document
    qtbot.keyClick(env.view, Qt.Key.Key_Plus)  # not presenting: the key does nothing
    assert document.workshop.node("g1").votes == 0
    presentation.enter()
    env.scene.select_ids(["g1"])
    qtbot.keyClick(env.view, Qt.Key.Key_Plus)
    qtbot.keyClick(env.view, Qt.Key.Key_Plus)
    assert document.workshop.node("g1").votes == 2
    qtbot.keyClick(env.view, Qt.Key.Key_Minus)
    assert document.workshop.node("g1").votes == 1
    count = document.undo_stack.count()
    document.undo_stack.undo()
    assert document.workshop.node("g1").votes == 2
    document.undo_stack.redo()
    presentation.vote(-1)
    assert document.workshop.node("g1").votes == 0
    assert not presentation.vote(-1)  # never below zero, and no empty undo step
    assert document.undo_stack.count() == count + 1


def test_votes_need_an_objective_or_goal(env, presentation) -> None:
    messages: list[str] = []
    env.document.message.connect(messages.append)
    presentation.enter()
    env.scene.select_ids(["v"])
    assert not presentation.vote(+1) and "Select an objective" in messages[-1]


def test_the_timer_counts_down_for_the_room(qtbot, env, presentation, monkeypatch) -> None:
    presentation.enter()
    panel = presentation.overlays.timer_panel
    assert not panel.isVisible()
    presentation.start_timer(90)
    assert panel.isVisible() and "01:30" in panel.text()
    asked: list[int] = []

    def answer(parent: object, minutes: float, pixels: int) -> float:
        asked.append(pixels)
        return 2.0

    monkeypatch.setattr("alignment_workshop.gui.features.presentation.mode.ask_minutes", answer)
    qtbot.keyClick(env.view, Qt.Key.Key_T)
    assert asked == [round(TIMER_QUESTION_PX * presentation.zoom)]
    assert 118 <= presentation.overlays.timer.remaining() <= 120
    presentation.start_timer(1)
    with qtbot.waitSignal(presentation.overlays.timer.finished, timeout=3000):
        pass
    assert "Time's up" in panel.text()
    presentation.start_timer(0)
    assert not panel.isVisible()


def test_score_and_findings_float_over_the_map(env, presentation) -> None:
    presentation.enter()
    report = env.document.report
    assert f"{report.score:g} %" in presentation.overlays.score.text()
    assert not presentation.overlays.findings.isVisible()
    presentation.findings_action.trigger()
    assert presentation.overlays.findings.isVisible()
    assert "Orphan goal" in presentation.overlays.findings.text()
    assert presentation.findings_action.isChecked()


def test_why_and_focus_work_while_presenting_and_esc_peels_them_off(env, presentation) -> None:
    why = WhyHighlighter(env.document, env.scene, env.view, env.window)
    focus = FocusMode(env.document, env.scene, env.view, env.window)
    presentation.enter()
    focus.focus("o2")
    env.scene.select_ids(["g1"])
    why.action.trigger()
    assert presentation.overlays.why.isVisible()
    assert presentation.overlays.why.text() == why.sentence
    chain = EscapeChain.of(env.window)
    chain.escape()
    assert not why.is_active()
    assert presentation.overlays.why.text() == "Team goal: Redesign onboarding"  # the caption
    assert focus.is_active() and presentation.is_active()
    chain.escape()
    assert not focus.is_active() and presentation.is_active()
    chain.escape()
    assert not presentation.is_active()


def test_new_cards_join_the_steps_while_presenting(qtbot, env, presentation) -> None:
    presentation.enter()
    node_id = env.document.add_node(NodeKind.GOAL, "Added live", (0.0, 900.0))
    qtbot.waitUntil(lambda: node_id in shown_ids(presentation))
    env.document.undo_stack.undo()
    qtbot.waitUntil(lambda: node_id not in shown_ids(presentation))
    env.document.replace(env.document.workshop.copy())
    active = {node.id for node in env.document.workshop.iter_nodes() if node.is_active}
    qtbot.waitUntil(lambda: shown_ids(presentation) == active)


def test_the_selected_cards_whole_title_is_captioned(env, presentation) -> None:
    presentation.enter()
    env.scene.select_ids(["g1"])
    assert presentation.overlays.why.isVisible()
    assert presentation.overlays.why.text() == "Team goal: Redesign onboarding"
    env.scene.select_ids([])
    assert not presentation.overlays.why.isVisible()


def test_why_dims_and_focus_hides_the_cards_of_a_step(env, presentation) -> None:
    why = WhyHighlighter(env.document, env.scene, env.view, env.window)
    focus = FocusMode(env.document, env.scene, env.view, env.window)
    presentation.enter()
    assert presentation.stage.show_card("g1")
    why.show_why("g1")
    by_id = cards(presentation)
    dimmed = [card for node_id, card in by_id.items() if node_id not in why.highlighted_nodes]
    assert dimmed and all(card.tone("#000000").name() != "#000000" for card in dimmed)
    assert by_id["g1"].tone("#000000").name() == "#000000"
    why.clear()
    focus.focus("g1")
    hidden = {node_id for node_id, card in cards(presentation).items() if not card.isVisible()}
    assert hidden == {i for i in cards(presentation) if i not in focus.visible_ids}


def test_the_timer_question_is_set_for_the_room_and_its_title_is_whole(qtbot, env) -> None:
    """Seen in the walkthrough: T showed a 9-point dialog titled "Timer … kshop" in the
    middle of the projected screen."""
    dialog = timer_dialog(env.window, 5.0, 24)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.font().pixelSize() >= 24
    assert dialog.width() >= dialog.fontMetrics().horizontalAdvance(LABEL) * 1.4  # title room
    assert dialog.doubleValue() == 5.0


def test_the_bottom_band_shrinks_back_when_a_long_why_gives_way_to_a_caption(
    env, presentation
) -> None:
    """Seen in the walkthrough: after Esc cleared a two-line Why sentence, the one-line
    caption sat in a band still two lines tall."""
    presentation.enter()
    overlays = presentation.overlays
    env.scene.select_ids(["g1"])
    one_line = overlays.why.height()
    overlays.set_sentence(" → so that ".join(["Redesign onboarding for every new team"] * 6))
    assert overlays.why.height() > one_line
    overlays.set_sentence("")
    assert overlays.why.text() == "Team goal: Redesign onboarding"
    assert overlays.why.height() == one_line
