"""Teams are visible: team names on cards (in presentation too), a legend of team colours,
and findings and status told apart by shape and glyph, not colour alone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QLabel, QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from alignment_workshop.analysis.findings import Finding, Severity
from alignment_workshop.gui.canvas import style
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.features.presentation.stage import StageCard
from alignment_workshop.gui.features.team_legend import (
    LARGE_PX,
    MAX_LARGE_ROWS,
    MAX_ROWS,
    SMALL_PX,
    legend_teams,
)
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Status, Team, Workshop
from tests.gui.test_commands import small_workshop
from tests.support.prompts import discarding_prompts, ignore_errors


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.document.replace(small_workshop())
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_the_legend_lists_the_teams_with_goals_and_follows_the_model(window: MainWindow) -> None:
    legend = window.team_legend
    assert legend.isVisible() and legend.names() == ["Product", "Marketing"]
    window.document.update_team("t2", name="Growth")
    assert legend.names() == ["Product", "Growth"]
    window.document.update_node("g3", team=None)
    assert legend.names() == ["Product", "No team"]
    window.document.undo_stack.undo()
    assert legend.names() == ["Product", "Growth"]


def test_the_legend_sits_in_the_bottom_left_corner_of_the_map(window: MainWindow, qtbot) -> None:
    legend, viewport = window.team_legend, window.view.viewport()
    assert legend.parent() is window.view
    assert legend.geometry().left() <= 20
    qtbot.waitUntil(lambda: legend.geometry().bottom() >= viewport.geometry().bottom() - 30)
    assert legend.geometry().bottom() <= viewport.geometry().bottom()


def test_the_legend_grows_for_the_room_and_can_be_hidden(window: MainWindow, qtbot) -> None:
    legend = window.team_legend
    assert f"{SMALL_PX}px" in legend.styleSheet()
    size = legend.size()
    window.presentation.enter()
    show_goal_step(window)
    qtbot.waitUntil(lambda: legend.pixels > SMALL_PX)
    # as large as the room's other panels: 26 px on a 1080-pixel screen, scaled with it
    height = window.view.viewport().height()
    assert legend.pixels == round(LARGE_PX * height / 1080)
    assert f"{legend.pixels}px" in legend.styleSheet()
    assert legend.isVisible()
    assert legend.height() > size.height()
    window.presentation.leave()
    assert f"{SMALL_PX}px" in legend.styleSheet()
    assert legend.size() == size  # measured with its new labels, not before they showed
    legend.action.setChecked(False)
    assert not legend.isVisible()
    other = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(other)
    assert not other.team_legend.action.isChecked()  # the choice is kept


def show_goal_step(window: MainWindow) -> list[str]:
    """Show the first presentation step with team goals on it; their ids."""
    stage, workshop = window.presentation.stage, window.document.workshop
    for index in range(stage.count()):
        stage.show_step(index)
        goals = [i for i in stage.cards if workshop.node(i).kind is NodeKind.GOAL]
        if goals:
            return goals
    raise AssertionError("no step shows a team goal")


def two_objectives(goals: int) -> Workshop:
    """Two objectives with `goals` goals each: Product's under the first, Marketing's
    (and one of no team) under the second; too many cards for one presented page."""
    nodes = [Node("v", NodeKind.VISION, "Vision", pos=(0.0, 0.0))]
    links = []
    teams = [Team("t1", "Product", "#3366CC"), Team("t2", "Marketing", "#CC3366")]
    for objective, team in (("o1", "t1"), ("o2", "t2")):
        nodes.append(Node(objective, NodeKind.OBJECTIVE, objective, pos=(0.0, 200.0)))
        links.append(Link(f"l{objective}", LinkKind.SUPPORTS, objective, "v"))
        for i in range(goals):
            goal = f"{objective}g{i}"
            owner = None if (objective, i) == ("o2", 0) else team
            nodes.append(Node(goal, NodeKind.GOAL, goal, pos=(250.0 * i, 400.0), team=owner))
            links.append(Link(f"s{goal}", LinkKind.SUPPORTS, goal, objective))
    return Workshop.from_records(Meta(title="Two objectives"), teams, nodes, links)


def test_while_presenting_the_legend_lists_the_teams_of_the_step(window: MainWindow) -> None:
    """The room reads the colours of the cards in front of it, not of the whole map."""
    window.document.replace(two_objectives(10))
    legend, stage = window.team_legend, window.presentation.stage
    window.presentation.enter()
    seen = []
    for index in range(stage.count()):
        stage.show_step(index)
        goals = [window.document.workshop.node(i) for i in stage.cards]
        goals = [g for g in goals if g.kind is NodeKind.GOAL]
        if not goals:
            assert legend.isHidden(), stage.step().title  # nothing to tell apart
            continue
        assert legend.isVisible()
        names = {"t1": "Product", "t2": "Marketing", None: "No team"}
        assert set(legend.names()) == {names[g.team] for g in goals}, stage.step().title
        seen.append(legend.names())
    assert seen == [["Product"], ["Marketing", "No team"]]
    window.presentation.leave()
    assert legend.names() == ["Product", "Marketing", "No team"]  # the whole map again


def many_teams(count: int) -> Workshop:
    """One objective and one goal for each of `count` teams."""
    nodes = [
        Node("v", NodeKind.VISION, "Vision", pos=(0.0, 0.0)),
        Node("o", NodeKind.OBJECTIVE, "Objective", pos=(0.0, 200.0)),
    ]
    links = [Link("l", LinkKind.SUPPORTS, "o", "v")]
    teams = []
    for i in range(count):
        teams.append(Team(f"t{i}", f"Team {i}", f"#{(i * 0x050A0F) % 0xFFFFFF:06x}"))
        nodes.append(
            Node(f"g{i}", NodeKind.GOAL, f"Goal {i}", pos=(250.0 * i, 400.0), team=f"t{i}")
        )
        links.append(Link(f"s{i}", LinkKind.SUPPORTS, f"g{i}", "o"))
    return Workshop.from_records(Meta(title="Forty teams"), teams, nodes, links)


def test_forty_teams_keep_the_legend_to_a_few_rows(window: MainWindow, qtbot) -> None:
    """Forty teams made a legend eleven rows high that ran off a projected screen."""
    window.document.replace(many_teams(40))
    legend = window.team_legend
    assert len(legend.names()) == 40
    texts = [label.text() for label in legend.findChildren(QLabel) if label.text()]
    assert texts[-1] == "+ 25 more teams" and "Team 14" in texts and "Team 15" not in texts
    rows = {legend.grid.getItemPosition(i)[0] for i in range(legend.grid.count())}
    assert len(rows) == MAX_ROWS
    viewport = window.view.viewport().geometry()
    qtbot.waitUntil(lambda: legend.geometry().bottom() <= viewport.bottom())
    assert legend.height() < viewport.height() / 3
    legend.set_large(True)  # as for the room: fewer rows of larger type
    texts = [label.text() for label in legend.findChildren(QLabel) if label.text()]
    assert texts[-1] == "+ 29 more teams"
    rows = {legend.grid.getItemPosition(i)[0] for i in range(legend.grid.count())}
    assert len(rows) == MAX_LARGE_ROWS
    legend.set_large(False)
    window.presentation.enter()
    _top, bottom, _column = window.presentation.overlays.bands()
    stage = window.presentation.stage
    for index in range(stage.count()):  # every step: the legend stays in the band
        stage.show_step(index)
        assert legend.isHidden() or bottom.contains(legend.geometry()), index
    window.presentation.leave()


def test_legend_teams_skips_teams_without_goals() -> None:
    workshop = small_workshop()
    workshop.add_team(Team("t3", "Finance", "#228833"))
    assert [name for name, _ in legend_teams(workshop)] == ["Product", "Marketing"]


def _stage_card(window: MainWindow, node_id: str) -> StageCard | None:
    """The card of `node_id` on the first step that shows it (that step stays shown)."""
    stage = window.presentation.stage
    for index in range(stage.count()):
        stage.show_step(index)
        for item in stage.items():
            if isinstance(item, StageCard) and item.node_id == node_id:
                return item
    return None


def test_presentation_cards_carry_the_team_name(window: MainWindow, qtbot) -> None:
    window.presentation.enter()
    teams = {}
    for node_id in ("g1", "g3", "v"):
        card = _stage_card(window, node_id)
        assert card is not None, node_id
        teams[node_id] = " ".join(card.box.team_lines)
    assert teams == {"g1": "Product", "g3": "Marketing", "v": ""}
    window.presentation.leave()


def _render(item: QGraphicsItem, rect: QRectF, scale: float = 1.0) -> QImage:
    image = QImage(
        int(rect.width() * scale), int(rect.height() * scale), QImage.Format.Format_ARGB32
    )
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(scale, scale)
    painter.translate(-rect.left(), -rect.top())
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def test_a_presentation_card_draws_its_team_colour_and_name(window: MainWindow, qtbot) -> None:
    window.presentation.enter()
    card = _stage_card(window, "g1")
    assert card is not None
    image = _render(card, card.boundingRect())
    colours = {
        QColor(image.pixel(x, y)).name().upper()
        for x in range(0, image.width(), 2)
        for y in range(0, min(image.height(), 60), 2)
    }
    assert "#3366CC" in colours  # Product's colour, in the strip by its name
    window.presentation.leave()


def _fields(node: Node) -> dict[str, object]:
    return {name: getattr(node, name) for name in node.__slots__}


def _badge_mask(severity: Severity) -> set[tuple[int, int]]:
    node = Node("g", NodeKind.GOAL, "A goal")
    item = NodeItem(node)
    item.set_findings([Finding("rule", severity, "message", ("g",))])
    rect = item.card_rect()
    corner = QRectF(rect.right() - 20, rect.top() - 20, 40, 40)
    image = _render(item, corner, scale=4.0)
    color = QColor(style.BADGES[severity])
    return {
        (x, y)
        for x in range(image.width())
        for y in range(image.height())
        if _close(QColor(image.pixel(x, y)), color)
    }


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 40


def test_errors_and_warnings_differ_in_shape_not_only_colour() -> None:
    error, warning = _badge_mask(Severity.ERROR), _badge_mask(Severity.WARNING)
    assert error and warning
    differ = len(error ^ warning) / len(error | warning)
    assert differ > 0.3, differ


def test_badge_shapes_are_an_octagon_and_a_triangle() -> None:
    center = QPointF(0, 0)
    octagon = style.badge_path(Severity.ERROR, center, 10)
    triangle = style.badge_path(Severity.WARNING, center, 10)
    assert octagon.elementCount() == 9 and triangle.elementCount() == 4  # closed outlines
    assert triangle.contains(QPointF(0, -5)) and not triangle.contains(QPointF(-8, -8))


def test_a_canvas_card_names_its_team_and_marks_its_status(qtbot) -> None:
    team = Team("t", "Customer Success", "#4477AA")
    node = Node("g", NodeKind.GOAL, "Call every customer", team="t", status=Status.AGREED)
    item = NodeItem(node, team)
    texts: list[str] = []

    class Recorder(QPainter):
        def drawText(self, *args: object) -> None:  # type: ignore[override]
            texts.append(str(args[-1]))
            super().drawText(*args)  # type: ignore[arg-type]

    image = QImage(400, 200, QImage.Format.Format_ARGB32)
    painter = Recorder(image)
    painter.translate(200, 100)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    assert "CUSTOMER SUCCESS" in texts and "✓" in texts, texts
    item.set_node(node.__class__(**{**_fields(node), "team": None}), None)
    texts.clear()
    painter = Recorder(image)
    painter.translate(200, 100)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    assert "NO TEAM" in texts and "✓ AGREED" in texts, texts


def test_while_presenting_the_legend_sits_in_the_bottom_band_beside_the_why(
    window: MainWindow, qtbot
) -> None:
    window.presentation.enter()
    show_goal_step(window)
    legend, overlays = window.team_legend, window.presentation.overlays
    qtbot.waitUntil(lambda: legend.isVisible() and legend.large)
    overlays.set_sentence("Why does this goal matter? Because it serves the objective.")
    window.presentation.layout()
    _top, bottom, _column = overlays.bands()
    box = legend.geometry()
    assert bottom.contains(box), (bottom, box)
    assert not box.intersects(overlays.why.geometry())
    view = window.presentation.view
    stage = window.presentation.stage
    for index in range(stage.count()):
        stage.show_step(index)
        for item in stage.items():
            if isinstance(item, StageCard):
                card = view.mapFromScene(item.sceneBoundingRect()).boundingRect()
                assert not card.intersects(box), (index, item.node_id)
    window.presentation.leave()


def _legend_at_the_bottom(window: MainWindow) -> bool:
    legend, viewport = window.team_legend, window.view.viewport()
    return abs(viewport.geometry().bottom() - legend.geometry().bottom() - 12) <= 2


def test_the_legend_follows_the_view_when_it_shrinks_or_grows(
    window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.waitUntil(lambda: _legend_at_the_bottom(window))
    for height in (700, 1000, 800):
        window.resize(1400, height)
        qtbot.waitUntil(lambda: window.view.viewport().height() > 0)
        qtbot.wait(50)
        assert _legend_at_the_bottom(window), height  # not where the old size put it


def test_after_presenting_the_legend_is_back_in_its_corner(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.presentation.enter()
    qtbot.waitUntil(lambda: window.team_legend.large)
    qtbot.wait(50)
    window.presentation.leave()
    qtbot.wait(50)
    assert _legend_at_the_bottom(window)
