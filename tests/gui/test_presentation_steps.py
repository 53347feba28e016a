"""Presentation for the room, on a 1920 × 1080 view: whole titles in large type, step by
step with the keys a presenter remote sends; overlays that never cover a card; and F5
then Esc putting back exactly the zoom, scroll position, selection and docks."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QDockWidget, QLabel

from alignment_workshop.gui.features.focus import FocusMode
from alignment_workshop.gui.features.presentation.mode import PresentationMode
from alignment_workshop.gui.features.presentation.stage import StageCard, qt_measure
from alignment_workshop.gui.features.why import EscapeChain, WhyHighlighter
from alignment_workshop.layout.steps import BOTTOM_BAND, PAD, TITLE_PX, TOP_BAND
from alignment_workshop.model import NodeKind
from tests.gui.test_why import Env, make_env, show_window
from tests.support.long_titles import long_title_workshop


@pytest.fixture
def env(qtbot) -> Env:
    env = make_env(qtbot)
    env.document.replace(long_title_workshop())
    dock = QDockWidget("Inspector", env.window)
    dock.setObjectName("inspector")
    dock.setWidget(QLabel("fields"))
    env.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    show_window(qtbot, env.window)
    env.document.refresh_analysis()
    return env


@pytest.fixture
def presentation(env: Env) -> PresentationMode:
    return PresentationMode(env.document, env.scene, env.view, env.window)


def present_at(qtbot, env: Env, presentation: PresentationMode, width: int, height: int) -> None:
    """Present on a view of `width` × `height` (the test screen is smaller than 1080p)."""
    presentation.enter()
    env.window.showNormal()
    env.window.resize(width, height)
    viewport = env.view.viewport()
    qtbot.waitUntil(lambda: (viewport.width(), viewport.height()) == (width, height))
    presentation.layout()


def cards(presentation: PresentationMode) -> list[StageCard]:
    return [i for i in presentation.stage.items() if isinstance(i, StageCard)]


def view_rect(env: Env, card: StageCard) -> QRect:
    return env.view.mapFromScene(card.mapRectToScene(card.rect())).boundingRect()


def squash(text: str) -> str:
    return "".join(text.split())


def test_every_title_is_whole_and_28px_tall_at_1080p(qtbot, env, presentation) -> None:
    present_at(qtbot, env, presentation, 1920, 1080)
    stage, workshop = presentation.stage, env.document.workshop
    scale = env.view.transform().m11()
    assert TITLE_PX * scale >= 28 and TITLE_PX * scale >= 0.026 * 1080
    assert stage.count() > 1, "60 long titles cannot fit one page at that size"
    measure, seen = qt_measure(), set()
    viewport = env.view.viewport().rect()
    for index in range(stage.count()):
        presentation.stage.show_step(index)
        assert presentation.overlays.counter.text().startswith(f"Step {index + 1} of ")
        for card in cards(presentation):
            node = workshop.node(card.node_id)
            assert squash("".join(card.box.lines)) == squash(node.title)
            bold = node.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
            width = card.box.width - 2 * PAD
            assert all(measure(line, TITLE_PX, bold) <= width + 0.5 for line in card.box.lines)
            assert viewport.contains(view_rect(env, card))
            seen.add(card.node_id)
    assert seen == {node.id for node in workshop.iter_nodes() if node.is_active}


def test_the_titles_scale_with_the_screen(qtbot, env, presentation) -> None:
    present_at(qtbot, env, presentation, 1280, 720)
    assert TITLE_PX * env.view.transform().m11() >= 0.026 * 720
    assert presentation.stage.plan.width == pytest.approx(1280 / (720 / 1080), abs=1)


def test_the_presenter_keys_move_through_the_steps(qtbot, env, presentation) -> None:
    present_at(qtbot, env, presentation, 1920, 1080)
    stage, view = presentation.stage, env.view
    assert stage.index == 0
    for key, expected in [
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Space, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_Left, 2),
        (Qt.Key.Key_PageUp, 1),
        (Qt.Key.Key_End, stage.count() - 1),
        (Qt.Key.Key_Right, stage.count() - 1),  # stays on the last step
        (Qt.Key.Key_Home, 0),
    ]:
        qtbot.keyClick(view, key)
        assert stage.index == expected, key
    assert presentation.overlays.counter.text() == f"Step 1 of {stage.count()} · " + (
        stage.step().title
    )
    presentation.leave()
    qtbot.keyClick(view, Qt.Key.Key_Right)  # not presenting: no step moves
    assert stage.index == 0


def test_votes_why_focus_and_the_timer_work_within_a_step(qtbot, env, presentation) -> None:
    why = WhyHighlighter(env.document, env.scene, env.view, env.window)
    focus = FocusMode(env.document, env.scene, env.view, env.window)
    present_at(qtbot, env, presentation, 1920, 1080)
    assert presentation.stage.show_card("goal-6")
    goal = next(card for card in cards(presentation) if card.node_id == "goal-6")
    qtbot.mouseClick(
        env.view.viewport(), Qt.MouseButton.LeftButton, pos=view_rect(env, goal).center()
    )
    assert env.scene.selected_node_ids() == ["goal-6"] and goal.isSelected()
    qtbot.keyClick(env.view, Qt.Key.Key_Plus)
    assert env.document.workshop.node("goal-6").votes == 1
    why.action.trigger()
    dimmed = [c for c in cards(presentation) if c.node_id not in why.highlighted_nodes]
    assert dimmed and all(card.dim < 1 for card in dimmed) and goal.dim == 1
    assert presentation.overlays.why.text() == why.sentence
    EscapeChain.of(env.window).escape()
    focus.focus("goal-6")
    assert all(
        card.isVisible() == (card.node_id in focus.visible_ids) for card in cards(presentation)
    )
    presentation.start_timer(120)
    assert presentation.overlays.timer_panel.isVisible()
    index = presentation.stage.index
    presentation.next_step()
    assert env.scene.selected_node_ids() == []  # a card the room no longer sees is not voted on
    assert presentation.stage.index == index + 1


def panels_in_use(presentation: PresentationMode) -> list[QLabel]:
    overlays = presentation.overlays
    shown = [
        overlays.score,
        overlays.counter,
        overlays.timer_panel,
        overlays.findings,
        overlays.why,
    ]
    assert all(panel.isVisible() for panel in shown)
    return shown


def test_overlays_never_cover_a_card(qtbot, env, presentation) -> None:
    present_at(qtbot, env, presentation, 1920, 1080)
    presentation.start_timer(300)
    presentation.findings_action.trigger()
    sentence = " → so that ".join(node.title for node in env.document.workshop.iter_nodes())
    presentation.overlays.set_sentence(sentence)  # far longer than any Why
    scale = env.view.transform().m11()
    why = presentation.overlays.why
    assert why.height() <= BOTTOM_BAND * scale
    assert why.geometry().top() >= 1080 - BOTTOM_BAND * scale - 1
    assert why.text().endswith("…") and len(why.text()) > 100
    for index in range(presentation.stage.count()):
        presentation.stage.show_step(index)
        for panel in panels_in_use(presentation):
            for card in cards(presentation):
                assert not panel.geometry().intersects(view_rect(env, card)), (
                    f"{panel.text()[:30]!r} covers {card.node_id} on step {index + 1}"
                )
    presentation.reserve_right(400)  # the room's panel
    for card in cards(presentation):
        assert view_rect(env, card).right() < 1920 - 400
    assert presentation.overlays.timer_panel.geometry().right() < 1920 - 400
    top = presentation.overlays.score.geometry()
    assert top.bottom() <= TOP_BAND * scale


def test_esc_takes_the_bands_away_and_restores_the_panels_sizes(qtbot, env, presentation) -> None:
    present_at(qtbot, env, presentation, 1920, 1080)
    presentation.overlays.set_sentence("A sentence " * 40)
    assert presentation.overlays.why.maximumHeight() < 1080
    EscapeChain.of(env.window).escape()
    assert not presentation.is_active()
    overlays = presentation.overlays
    assert not any(panel.isVisible() for panel in overlays.panels())
    assert overlays.why.maximumHeight() > 10_000 and overlays.why.minimumHeight() == 0


def test_f5_then_esc_restores_zoom_scroll_selection_and_docks(qtbot, env, presentation) -> None:
    window, view = env.window, env.view
    dock = window.findChild(QDockWidget, "inspector")
    window.resizeDocks([dock], [333], Qt.Orientation.Horizontal)
    qtbot.waitUntil(lambda: dock.width() == 333)
    view.setTransform(QTransform.fromScale(1.3, 1.3))  # close enough that the map scrolls
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() > 200)
    view.horizontalScrollBar().setValue(150)
    view.verticalScrollBar().setValue(min(90, view.verticalScrollBar().maximum()))
    link_id = env.document.workshop.links[0].id
    env.scene.select_ids(["goal-3", "obj-1"], [link_id])
    before = (
        view.transform(),
        view.horizontalScrollBar().value(),
        view.verticalScrollBar().value(),
        dock.width(),
        window.saveState(),
        window.geometry(),
    )
    for _ in range(2):  # the round trip twice: nothing drifts
        qtbot.keyClick(view, Qt.Key.Key_F5)
        assert presentation.is_active()
        qtbot.keyClick(view, Qt.Key.Key_Right)
        env.scene.select_ids([])
        qtbot.keyClick(view, Qt.Key.Key_Escape)
        assert not presentation.is_active()
        qtbot.wait(50)
        after = (
            view.transform(),
            view.horizontalScrollBar().value(),
            view.verticalScrollBar().value(),
            dock.width(),
            window.saveState(),
            window.geometry(),
        )
        assert after == before
        assert env.scene.selected_node_ids() == ["obj-1", "goal-3"] or set(
            env.scene.selected_node_ids()
        ) == {"goal-3", "obj-1"}
        assert env.scene.selected_link_ids() == [link_id]


def test_esc_restores_stacked_docks_when_the_window_manager_shrinks_the_window_late(
    qtbot, env, presentation, monkeypatch
) -> None:
    """Under a real window manager the window is still full screen when leave() returns and
    shrinks a moment later: the docks must come back at their old heights all the same."""
    window = env.window
    check = QDockWidget("Alignment check", window)
    check.setObjectName("check")
    check.setWidget(QLabel("score"))
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, check)
    inspector = window.findChild(QDockWidget, "inspector")
    window.resize(1000, 600)
    window.resizeDocks([inspector, check], [200, 350], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: inspector.height() < check.height())
    before = (inspector.height(), check.height())
    rect = window.geometry()
    presentation.enter()
    window.showNormal()
    window.resize(1400, 1000)  # "full screen"
    qtbot.waitUntil(lambda: window.height() == 1000)
    # leave() asks for the old geometry; the window manager applies it only later.
    monkeypatch.setattr(window, "setGeometry", lambda *_: None)
    monkeypatch.setattr(window, "restoreGeometry", lambda *_: True)
    presentation.leave()
    qtbot.wait(20)
    monkeypatch.undo()
    window.setGeometry(rect)  # the window manager, late
    qtbot.waitUntil(lambda: window.geometry() == rect)
    qtbot.wait(50)
    assert (inspector.height(), check.height()) == before


def test_a_votes_pill_and_the_marks_of_the_card_below_never_cover_each_other(
    qtbot, env, presentation
) -> None:
    """Seen in the walkthrough: a warning triangle on a goal covered the "★ 3" of the goal
    stacked above it. A pill and another card's marks (two of them, error and warning)
    keep clear of each other on every step, pens included."""
    present_at(qtbot, env, presentation, 1920, 1080)
    stage = presentation.stage
    for index in range(stage.count()):
        stage.show_step(index)
        for one, two in itertools.permutations(cards(presentation), 2):
            pill = one.mapRectToScene(one.votes_rect(99)).adjusted(-1, -1, 1, 1)
            marks = two.mapRectToScene(two.marks_rect(2)).adjusted(-1, -1, 1, 1)
            assert not pill.intersects(marks), (stage.step_text(), one.node_id, two.node_id)
    presentation.leave()


def test_a_view_too_narrow_for_the_panels_asks_qt_for_no_negative_size(
    qtbot, qtlog, env, presentation
) -> None:
    """With the room's panel kept at the right of a window not yet full screen, the bottom
    band and the findings column had no width left, and Qt warned of negative sizes."""
    present_at(qtbot, env, presentation, 640, 400)
    presentation.toggle_findings()
    presentation.overlays.set_sentence("Why does this goal matter? It serves the objective.")
    presentation.reserve_right(700)  # wider than the view
    presentation.layout()
    warnings = [r.message for r in qtlog.records if "Negative sizes" in r.message]
    assert warnings == []
    assert presentation.overlays.why.width() >= 1


def test_a_step_title_too_long_for_its_place_keeps_its_end(qtbot, env, presentation) -> None:
    """The "(1/2)" at the end tells the room more of this part follows: cut in the middle."""
    present_at(qtbot, env, presentation, 1920, 1080)
    presentation.reserve_right(500)  # the room's panel takes the right of the top band
    overlays = presentation.overlays
    overlays.set_step("Step 1 of 12 · Vision, objectives and values of the whole company (1/2)")
    text = overlays.counter.text()
    assert "…" in text and text.startswith("Step 1 of 12") and text.endswith("(1/2)")
