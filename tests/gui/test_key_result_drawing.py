"""How key results and shared goals look: the chip's words and bar, the contributors'
chips on a goal card, and the chip's face in presentation mode."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem

from alignment_workshop.gui.canvas.items import key_result_item
from alignment_workshop.gui.canvas.items.key_result_item import KeyResultItem
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.features.presentation.stage import STRIP
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.layout import card_size
from alignment_workshop.model import NodeKind
from tests.support.okr import okr_window

SCALE = 2.0


@pytest.fixture
def window(qtbot) -> MainWindow:
    return okr_window(qtbot)


def render(item: QGraphicsItem, rect: QRectF) -> QImage:
    """`item` painted alone at SCALE, the part `rect` (item coordinates) of it."""
    image = QImage(
        int(rect.width() * SCALE), int(rect.height() * SCALE), QImage.Format.Format_RGB32
    )
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(SCALE, SCALE)
    painter.translate(-rect.topLeft())
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return image


def share_of(image: QImage, row: int, color: str, tolerance: int = 40) -> float:
    """The share of pixels along image row `row` that are close to `color`."""
    want = QColor(color)
    hits = 0
    for x in range(image.width()):
        got = image.pixelColor(x, row)
        if all(
            abs(a - b) <= tolerance
            for a, b in zip(got.getRgb()[:3], want.getRgb()[:3], strict=True)
        ):
            hits += 1
    return hits / image.width()


def chip(window: MainWindow, node_id: str = "k-churn") -> KeyResultItem:
    item = window.scene.item_for(node_id)
    assert isinstance(item, KeyResultItem)
    return item


def bar_fill(item: KeyResultItem, color: str) -> float:
    """How much of the chip's bar is painted in `color`."""
    bar = item.bar_rect()
    image = render(item, bar)
    return share_of(image, image.height() // 2, color)


def test_a_key_result_is_a_chip_with_its_title_owner_and_numbers(window) -> None:
    item = chip(window)
    rect = item.card_rect()
    assert (rect.width(), rect.height()) == card_size(NodeKind.KEY_RESULT)
    assert rect.height() < card_size(NodeKind.GOAL)[1]
    assert item.title_lines() == ["Logo churn"]
    assert item.owner_text() == "Dana Ortiz"
    assert item.measure_text() == "9 % → 7.5 % → 5 %"
    assert item.percent_text() == "38%"
    tooltip = item._tooltip()
    for words in ("Key result: Logo churn", "9 % → 7.5 % → 5 % (38%)", "Dana Ortiz"):
        assert words in tooltip
    assert "Customer Success" in tooltip  # its team


def test_the_bar_fills_as_far_as_the_key_result_has_come(window) -> None:
    item = chip(window)
    assert bar_fill(item, key_result_item.FILL) == pytest.approx(0.375, abs=0.06)
    window.document.update_node("k-churn", current=5.0)
    assert item.percent_text() == "100%"
    assert bar_fill(item, key_result_item.DONE) > 0.9
    window.document.update_node("k-churn", current=None)
    assert item.percent_text() == "—" and item.measure_text() == "9 % → target 5 %"
    assert bar_fill(item, key_result_item.FILL) == 0.0
    assert bar_fill(item, key_result_item.TRACK) > 0.9


def test_the_chip_follows_undo(window) -> None:
    item = chip(window)
    window.scene.select_ids(["k-churn"])
    window.document.update_node("k-churn", current=6.0, unit="pts")
    assert item.measure_text() == "9 pts → 6 pts → 5 pts"
    window.document.undo_stack.undo()
    assert item.measure_text() == "9 % → 7.5 % → 5 %" and item.percent_text() == "38%"


def test_the_team_stripe_shows_only_with_a_team(window) -> None:
    item = chip(window)
    edge = QRectF(item.card_rect().left(), 0, 4, 1)
    assert share_of(render(item, edge), 0, "#059669") > 0.5  # Customer Success's colour
    window.document.update_node("k-churn", team=None)
    assert share_of(render(item, edge), 0, "#059669") == 0.0


def test_renaming_a_chip_puts_the_editor_on_its_title(window) -> None:
    item = chip(window)
    window.scene.interaction.start_rename("k-churn")
    editor = window.scene.interaction.title_editor
    assert editor is not None
    box = item.title_box().translated(item.pos())
    assert abs(editor.pos().y() - box.top()) < 1 and editor.pos().x() < box.left()
    editor.cancel()


def test_a_shared_goal_shows_chips_of_its_contributing_teams(window) -> None:
    window.document.update_node("g-onboard", contributors=("sales", "success"))
    item = window.scene.item_for("g-onboard")
    assert isinstance(item, NodeItem) and not isinstance(item, KeyResultItem)
    assert [team.name for team in item.contributors] == ["Sales", "Customer Success"]
    assert "With Sales and Customer Success" in item._tooltip()
    rect = item.card_rect()
    label_row = QRectF(rect.left(), rect.top() + 10, rect.width(), 14)
    image = render(item, label_row)
    middle = image.height() // 2
    assert share_of(image, middle, "#D97706", 10) > 0  # Sales
    assert share_of(image, middle, "#059669", 10) > 0  # Customer Success
    window.document.update_team("sales", color="#00AAFF")
    assert share_of(render(item, label_row), middle, "#00AAFF", 10) > 0, "follows the team"
    window.document.update_node("g-onboard", contributors=())
    assert share_of(render(item, label_row), middle, "#059669", 10) == 0


def test_presentation_draws_a_key_results_progress_strip_as_far_as_it_came(window) -> None:
    presentation = window.presentation
    presentation.enter()
    try:
        assert presentation.stage.show_card("k-churn")
        card = presentation.stage.cards["k-churn"]
        assert card.box.lines == ("Logo churn",)
        rect = card.rect()
        image = render(card, rect)
        row = int((rect.bottom() - STRIP / 2) * SCALE)
        theme = presentation.stage.theme
        assert share_of(image, row, theme.progress_strip) == pytest.approx(0.375, abs=0.06)
        window.document.update_node("k-churn", current=None)
        image = render(card, rect)
        assert share_of(image, row, theme.progress_strip) == 0.0
    finally:
        presentation.leave()


def test_far_away_a_chip_is_drawn_plain(window) -> None:
    item = chip(window)
    image = QImage(60, 20, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.scale(0.2, 0.2)
    painter.translate(-item.card_rect().topLeft() + QPointF(20, 20))
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    assert share_of(image, 8, "#EDE7F6", 12) > 0.3  # the chip's fill
    assert share_of(image, 8, key_result_item.FILL, 30) == 0.0  # no bar at this size
