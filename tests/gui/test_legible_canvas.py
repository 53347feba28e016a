"""The canvas stays legible while the map is built: Fit to View keeps titles at least
12 px tall on screen, and View › Larger Text writes them larger, remembered."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtGui import QAction, QImage, QKeySequence, QPainter
from PySide6.QtWidgets import QStyleOptionGraphicsItem
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.canvas.view import LARGER_TEXT_SCALE, MIN_SCREEN_TITLE_PX
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.gui.window.menus import LARGER_TEXT_KEY
from alignment_workshop.model import NodeKind
from tests.gui.test_commands import small_workshop
from tests.support.generate import generate_workshop
from tests.support.prompts import discarding_prompts, ignore_errors


def _window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return _window(qtbot)


def _title_fonts_drawn(item: NodeItem, scale: float) -> list[tuple[str, int]]:
    """(text, pixel size) of each text `item` draws when painted at `scale`."""
    drawn: list[tuple[str, int]] = []

    class Recorder(QPainter):
        def drawText(self, *args: object) -> None:  # type: ignore[override]
            drawn.append((str(args[-1]), self.font().pixelSize()))
            super().drawText(*args)  # type: ignore[arg-type]

    image = QImage(800, 400, QImage.Format.Format_ARGB32)
    painter = Recorder(image)
    painter.translate(400, 200)
    painter.scale(scale, scale)
    item.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    return drawn


def _smallest_title_on_screen(win: MainWindow) -> float:
    """The smallest title as the cards really draw it at the view's zoom, in screen px."""
    zoom, sizes = win.view.zoom(), []
    for item in win.scene.node_items():
        first_words = item.node.title.split()[0]
        sizes += [px for text, px in _title_fonts_drawn(item, zoom) if first_words in text]
    return min(sizes) * zoom


def test_fit_on_a_large_map_keeps_titles_readable_and_shows_the_top(window: MainWindow) -> None:
    window.document.replace(generate_workshop(200))
    window.view.fit_all()
    assert _smallest_title_on_screen(window) >= MIN_SCREEN_TITLE_PX - 0.01
    map_rect = window.scene.items_rect()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.top() <= map_rect.top()  # the top of the map, with the vision, shows
    vision = next(i for i in window.scene.node_items() if i.node.kind is NodeKind.VISION)
    assert visible.contains(vision.scene_card_rect())
    assert not visible.contains(map_rect)  # too big to show whole at that size


def test_fit_on_a_small_map_still_shows_all_of_it(window: MainWindow) -> None:
    window.document.replace(small_workshop())
    window.view.fit_all()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.items_rect())
    assert _smallest_title_on_screen(window) >= MIN_SCREEN_TITLE_PX


def test_zooming_out_by_hand_still_goes_further(window: MainWindow) -> None:
    window.document.replace(generate_workshop(200))
    window.view.fit_all()
    fitted = window.view.zoom()
    window.action("zoom_out").trigger()
    assert window.view.zoom() < fitted


def test_larger_text_by_its_shortcut_and_it_is_remembered(window: MainWindow, qtbot) -> None:
    window.document.replace(small_workshop())
    card = window.scene.item_for("g1")
    assert card is not None
    normal = card.title_font().pixelSize()
    floor = window.view.readable_zoom()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    sequence = QKeySequence(LARGER_TEXT_KEY)[0]
    qtbot.keyClick(window.view, sequence.key(), sequence.keyboardModifiers())
    action = window.action("larger_text")
    assert action.isChecked()
    assert card.title_font().pixelSize() == round(normal * LARGER_TEXT_SCALE)
    assert window.view.readable_zoom() < floor  # larger text stays readable further out
    again = _window(qtbot)
    assert again.action("larger_text").isChecked()
    assert again.scene.text_scale == LARGER_TEXT_SCALE
    action.trigger()
    assert card.title_font().pixelSize() == normal


def test_larger_text_wraps_titles_again(window: MainWindow) -> None:
    window.document.replace(small_workshop())
    window.document.update_node("g1", title="Redesign the onboarding flow for every new team")
    card = window.scene.item_for("g1")
    assert card is not None
    before = card.title_lines()
    window.action("larger_text").setChecked(True)
    after = card.title_lines()
    assert after != before
    assert all(len(line) <= max(len(x) for x in before) for line in after)


def test_larger_text_is_in_the_view_menu(window: MainWindow) -> None:
    texts = [a.text() for a in window.menuBar().actions()]
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert "&Larger Text" in [a.text() for a in view_menu.actions()], texts


def test_no_two_window_actions_share_a_shortcut(window: MainWindow) -> None:
    keys: Counter[str] = Counter()
    for action in window.findChildren(QAction):
        for shortcut in action.shortcuts():
            keys[shortcut.toString()] += 1
    clashes = {key: count for key, count in keys.items() if key and count > 1}
    assert clashes == {}


def test_new_cards_write_titles_at_the_scene_text_size(window: MainWindow) -> None:
    window.document.replace(small_workshop())
    window.action("larger_text").setChecked(True)
    node_id = window.scene.interaction.add_node_at(NodeKind.GOAL, (900.0, 900.0), rename=False)
    assert node_id is not None
    card = window.scene.item_for(node_id)
    assert card is not None and card.text_scale() == LARGER_TEXT_SCALE


def test_zoomed_out_a_card_shows_its_title_alone_large_enough_to_read(
    window: MainWindow,
) -> None:
    window.document.replace(small_workshop())
    card = window.scene.item_for("g1")
    assert card is not None
    near = _title_fonts_drawn(card, 1.0)
    assert len(near) > 1  # the team label and marks as well as the title
    scale = card.compact_below() * 0.9  # where the usual title would be under 12 px
    far = _title_fonts_drawn(card, scale)
    assert far and all(px * scale >= MIN_SCREEN_TITLE_PX for _text, px in far), far
    assert " ".join(text for text, _px in far).split() == card.node.title.split()


def test_fit_zooms_out_further_than_the_usual_titles_allow(window: MainWindow) -> None:
    window.document.replace(generate_workshop(200))
    window.view.fit_all()
    usual = min(item.title_font().pixelSize() for item in window.scene.node_items())
    assert window.view.zoom() < MIN_SCREEN_TITLE_PX / usual  # the compact face takes over
