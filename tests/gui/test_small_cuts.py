"""The small cuts of issue 11: cut text ends in "…", the status bar keeps score and zoom
apart, an empty map has nothing to check, the Inspector starts at its top, and a due
date can be typed."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QWidget
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.canvas.interaction import clipped
from alignment_workshop.gui.docks.inspector.date_edit import TypedDateEdit
from alignment_workshop.gui.docks.inspector.fields import OptionalDateEdit
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Workshop
from tests.gui.test_commands import small_workshop
from tests.support.prompts import discarding_prompts, ignore_errors


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.document.replace(small_workshop())
    win.show()
    return win


def test_clipped_titles_end_in_an_ellipsis() -> None:
    assert clipped("Short title") == "Short title"
    long = "Grow net revenue retention to 115 % in the mid-market"
    cut = clipped(long)
    assert cut.endswith("…") and len(cut) <= 30 and long.startswith(cut[:-1])
    assert clipped("a\nb   c") == "a b c"


def test_link_menu_entries_mark_cut_titles(window: MainWindow) -> None:
    long = "Grow net revenue retention to 115 % in the mid-market segment"
    window.document.update_node("g2", title=long)
    menu = QMenu()
    window.scene.interaction.add_link_actions(menu, "g1", "g2")
    texts = [action.text() for action in menu.actions()]
    assert texts and all("…'" in text for text in texts)
    assert all(long not in text for text in texts)


def _menu_texts(widget: QWidget) -> list[str]:
    texts = []
    for menu in widget.findChildren(QMenu):
        texts += [a.text().replace("&", "") for a in menu.actions() if not a.isSeparator()]
    return texts


def test_menu_items_that_open_a_window_end_in_an_ellipsis(window: MainWindow) -> None:
    texts = set(_menu_texts(window))
    for name in ("Open", "Save As", "Export Map", "Import", "Teams", "Ask Why", "Find"):
        assert f"{name}…" in texts, name


def test_status_bar_keeps_score_and_zoom_apart(window: MainWindow, qtbot: QtBot) -> None:
    window.view.set_zoom(1.0)
    score, zoom, line = window.score_label, window.zoom_label, window.status_separator
    assert zoom.text() == "Zoom 100 %"
    assert score.text().startswith("Alignment") and "%" not in score.text().split(":")[0]
    qtbot.waitUntil(lambda: zoom.isVisible() and line.isVisible())
    assert score.geometry().right() < line.geometry().left() < zoom.geometry().left()
    assert zoom.geometry().left() - score.geometry().right() >= 8


def test_an_empty_map_has_nothing_to_check_yet(window: MainWindow) -> None:
    window.document.replace(Workshop())
    window.document.refresh_analysis()
    rows = [
        window.check_dock.findings.item(i).text() for i in range(window.check_dock.findings.count())
    ]
    assert rows == ["Nothing to check yet: add objectives and team goals, then link them."]
    assert not any("aligned" in row for row in rows)


def test_a_clean_map_with_goals_still_says_aligned(window: MainWindow) -> None:
    document = window.document
    document.delete(["g2", "g3"])
    document.refresh_analysis()
    report = document.report
    assert report is not None and report.score is not None
    if not report.findings:
        assert window.check_dock.findings.item(0).text() == "No findings: the map is aligned."


def test_inspector_scrolls_to_its_top_when_the_selection_changes(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.inspector.resize(300, 200)  # shorter than a goal's form: it scrolls
    window.scene.select_ids(["g1"])
    bar = window.inspector.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    window.scene.select_ids(["g3"])
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    window.scene.select_ids([])
    assert bar.value() == 0


@pytest.mark.parametrize("typed", ["20270315", "2027-03-15", "2027/3/15"])
def test_a_date_editor_takes_typed_digits(qtbot: QtBot, typed: str) -> None:
    editor = TypedDateEdit()
    qtbot.addWidget(editor)
    editor.setDate(QDate(2026, 1, 5))
    editor.show()
    editor.activateWindow()
    editor.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(editor.hasFocus)
    qtbot.keyClicks(editor, typed)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert editor.date() == QDate(2027, 3, 15)


def test_a_due_date_can_be_typed_where_there_was_none(qtbot: QtBot) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    committed: list[object] = []
    field.committed.connect(committed.append)
    field.load(None)
    assert field.editor.isEnabled()
    field.activateWindow()
    field.editor.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(field.editor.hasFocus)
    qtbot.keyClicks(field.editor, "2027-03-15")
    qtbot.keyClick(field.editor, Qt.Key.Key_Return)
    assert committed == [dt.date(2027, 3, 15)]
    assert field.value() == dt.date(2027, 3, 15) and field.enabled_box.isChecked()


def test_an_empty_date_is_greyed_and_a_set_one_is_not(qtbot: QtBot) -> None:
    field = OptionalDateEdit()
    qtbot.addWidget(field)
    field.show()
    role = QPalette.ColorRole

    def text() -> QColor:
        return field.editor.palette().color(role.Text)

    field.load(None)
    empty = text()
    assert empty == QApplication.palette(field.editor).color(role.PlaceholderText)
    field.load(dt.date(2027, 3, 15))
    assert text() != empty
    assert text() == QApplication.palette(field.editor).color(role.Text)
