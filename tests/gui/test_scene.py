"""The scene follows the model: one item per node and link, through edits, undo and redo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.gui.canvas.items.link_item import LinkItem, border_point
from alignment_workshop.gui.canvas.items.node_item import NodeItem, wrap_text
from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.canvas.style import font
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.model import LinkKind, NodeKind
from tests.gui.test_commands import small_workshop


@pytest.fixture
def doc(qtbot) -> Document:
    document = Document()
    document.replace(small_workshop())
    return document


@pytest.fixture
def scene(doc) -> MapScene:
    return MapScene(doc)


def counts(scene: MapScene) -> tuple[int, int]:
    nodes = sum(isinstance(i, NodeItem) for i in scene.items())
    links = sum(isinstance(i, LinkItem) for i in scene.items())
    return nodes, links


def assert_in_sync(scene: MapScene, doc: Document) -> None:
    assert counts(scene) == (len(doc.workshop.nodes), len(doc.workshop.links))
    for node in doc.workshop.iter_nodes():
        item = scene.item_for(node.id)
        assert item is not None and item.node == node
        if node.pos is not None:
            assert (item.x(), item.y()) == node.pos
    for link in doc.workshop.iter_links():
        item = scene.link_item_for(link.id)
        assert item is not None and item.link == link
        assert (item.source.node_id, item.target.node_id) == (link.source, link.target)


def test_scene_builds_one_item_per_record(scene, doc):
    assert counts(scene) == (6, 5)
    assert_in_sync(scene, doc)


def test_scene_follows_add_delete_undo_redo(scene, doc):
    node_id = doc.add_node(NodeKind.GOAL, "Cut churn", (50.0, 600.0))
    doc.add_link(LinkKind.SUPPORTS, node_id, "o")
    assert_in_sync(scene, doc)
    doc.delete(["o"])
    assert counts(scene) == (6, 3)
    assert_in_sync(scene, doc)
    for _ in range(3):
        doc.undo_stack.undo()
        assert_in_sync(scene, doc)
    assert counts(scene) == (6, 5)
    assert doc.workshop == small_workshop()
    for _ in range(3):
        doc.undo_stack.redo()
        assert_in_sync(scene, doc)


def test_links_stay_attached_when_cards_move(scene, doc):
    link = scene.link_item_for("l2")
    before = link.boundingRect()
    doc.move_nodes({"g1": (-600.0, 900.0)})
    assert link.boundingRect() != before
    card = scene.item_for("g1").scene_card_rect()
    start = link.shape().boundingRect()
    assert start.intersects(card.adjusted(-8, -8, 8, 8))
    scene.item_for("o").setPos(500.0, 500.0)  # a drag in progress moves the line too
    assert link.shape().boundingRect().intersects(scene.item_for("o").scene_card_rect())


def test_drag_is_pushed_as_one_move_on_release(scene, doc):
    item = scene.item_for("g2")
    scene.select_ids(["g2", "g3"])
    scene.interaction.begin_move()  # what a press on the selection does
    item.setPos(item.pos() + QPointF(30, 40))
    scene.item_for("g3").setPos(scene.item_for("g3").pos() + QPointF(30, 40))
    assert doc.workshop.node("g2").pos == (0.0, 400.0)
    scene.interaction.end_move()  # what the release does
    assert doc.undo_stack.count() == 1
    assert doc.workshop.node("g2").pos == (30.0, 440.0)
    doc.undo_stack.undo()
    assert (item.x(), item.y()) == (0.0, 400.0)


def test_selection_ids(scene):
    scene.select_ids(["g1", "v"], ["l4"])
    assert scene.selected_node_ids() == ["v", "g1"]
    assert scene.selected_link_ids() == ["l4"]


def test_badges_agree_with_the_report(scene, doc):
    report = doc.refresh_analysis()
    assert report is not None
    for node in doc.workshop.iter_nodes():
        expected = {s: 0 for s in (Severity.ERROR, Severity.WARNING)}
        for finding in report.findings_for(node.id):
            if finding.severity in expected:
                expected[finding.severity] += 1
        assert scene.item_for(node.id).badge_counts() == expected
    assert scene.item_for("g2").badge_counts()[Severity.ERROR] >= 1  # unresolved conflict


def test_highlight_and_focus(scene):
    scene.set_highlight({"g1", "o"}, {"l2"})
    assert scene.item_for("g1").opacity() == 1.0
    assert scene.item_for("g3").opacity() < 0.5
    assert scene.link_item_for("l4").opacity() < 0.5
    scene.set_highlight(None)
    assert scene.item_for("g3").opacity() == 1.0
    scene.set_visible_ids({"g1", "o", "v"})
    assert not scene.item_for("g2").isVisible()
    assert scene.link_item_for("l2").isVisible()
    assert not scene.link_item_for("l4").isVisible()
    scene.set_visible_ids(None)
    assert scene.item_for("g2").isVisible()


def test_replace_rebuilds_and_unsubscribes(scene, doc):
    old = doc.workshop
    doc.new()
    assert counts(scene) == (0, 0)
    old.update_node("g1", title="Changed behind the scene's back")
    assert counts(scene) == (0, 0)
    channels = [getattr(old.events, name) for name in vars(old.events) if name != "changed"]
    assert not any(len(channel) for channel in channels)  # nobody follows the old workshop


def test_team_changes_reach_goal_cards(scene, doc):
    doc.update_team("t1", name="Product & Design", color="#112233")
    item = scene.item_for("g1")
    assert item.team is not None and item.team.name == "Product & Design"
    doc.remove_team("t1")
    assert item.team is None


def test_long_titles_wrap_and_elide():
    text = "Improve the onboarding journey for every new customer across web and mobile " * 3
    lines = wrap_text(text, font(15, bold=True), 180.0, 3)
    assert len(lines) == 3
    assert lines[-1].endswith("…")
    assert wrap_text("Short", font(15), 180.0, 3) == ["Short"]


def test_border_point_lies_on_the_card_edge():
    from PySide6.QtCore import QRectF

    rect = QRectF(-100, -50, 200, 100)
    point = border_point(rect, QPointF(0, 500))
    assert abs(point.x()) < 1e-9 and 50 < point.y() < 60


def test_links_between_the_same_cards_sit_side_by_side(scene, doc):
    conflict = scene.link_item_for("l4")
    alone = QPointF(conflict.line().p1())
    depends = doc.add_link(LinkKind.DEPENDS, "g3", "g2")
    twin = scene.link_item_for(depends)
    assert conflict.line().p1() != alone
    gap = conflict.line().p1() - twin.line().p2()
    assert 10 < (gap.x() ** 2 + gap.y() ** 2) ** 0.5 < 20
    doc.undo_stack.undo()
    assert conflict.line().p1() == alone


def test_space_drag_pans_without_moving_cards(qtbot, doc):
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from alignment_workshop.gui.canvas.view import MapView

    view = MapView(MapScene(doc))
    qtbot.addWidget(view)
    view.resize(500, 400)
    view.show()
    view.reset_zoom()
    view.centerOn(0, 200)
    before = view.mapToScene(view.viewport().rect().center())
    QTest.keyPress(view, Qt.Key.Key_Space)
    center = view.viewport().rect().center()
    QTest.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=center)
    QTest.mouseMove(view.viewport(), center + QPoint(-120, -80))
    QTest.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=center + QPoint(-120, -80))
    QTest.keyRelease(view, Qt.Key.Key_Space)
    after = view.mapToScene(view.viewport().rect().center())
    assert after.x() - before.x() == pytest.approx(120, abs=2)
    assert after.y() - before.y() == pytest.approx(80, abs=2)
    assert doc.undo_stack.count() == 0
