"""Editing through the main window: palette, rename, link, delete, clipboard, find, undo.

Each test drives the window the way a user does (actions, key presses, scene helpers
the mouse handlers call) and checks the model, the scene and the modified marker.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from alignment_workshop.gui.canvas.items.link_item import LinkItem
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.canvas.title_editor import TitleEditor
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import LinkKind, NodeKind
from tests.gui.test_commands import small_workshop
from tests.support.prompts import discarding_prompts, ignore_errors


@pytest.fixture
def window(qtbot) -> MainWindow:
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.document.replace(small_workshop())
    win.show()
    return win


def scene_counts(win: MainWindow) -> tuple[int, int]:
    items = win.scene.items()
    return (
        sum(isinstance(i, NodeItem) for i in items),
        sum(isinstance(i, LinkItem) for i in items),
    )


def modified_marker(win: MainWindow) -> bool:
    return win.isWindowModified()


def test_title_carries_the_modified_marker(window):
    assert window.windowTitle().endswith("[*] — Alignment Workshop")
    assert not modified_marker(window)
    window.document.add_node(NodeKind.VALUE, "Courage", (0.0, 0.0))
    assert modified_marker(window)
    window.action("undo").trigger()
    assert not modified_marker(window)
    window.action("redo").trigger()
    assert modified_marker(window)


def test_palette_adds_a_card_that_opens_into_renaming(window, qtbot):
    window.palette_dock.buttons[NodeKind.OBJECTIVE].click()
    new = window.scene.selected_node_ids()
    assert len(new) == 1
    node = window.document.workshop.node(new[0])
    assert node.kind is NodeKind.OBJECTIVE and node.title == "New objective"
    editor = window.scene._editor
    assert isinstance(editor, TitleEditor)
    editor.setPlainText("Win the mid-market")
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    editor.commit()  # offscreen focus is not guaranteed; commit is idempotent
    assert window.document.workshop.node(new[0]).title == "Win the mid-market"
    assert window.document.undo_stack.undoText() == "Edit title of 'New objective'"
    assert window.document.undo_stack.count() == 2
    window.action("undo").trigger()
    assert window.document.workshop.node(new[0]).title == "New objective"


def test_rename_with_f2_and_cancel_with_escape(window):
    window.scene.select_ids(["g1"])
    window.action("rename").trigger()
    editor = window.scene._editor
    assert editor is not None and editor.card is window.scene.item_for("g1")
    editor.setPlainText("Something else")
    editor.cancel()
    assert window.document.workshop.node("g1").title == "Redesign onboarding"
    assert window.document.undo_stack.count() == 0
    window.scene.start_rename("g1")
    window.scene._editor.setPlainText("   ")
    window.scene._editor.commit()
    assert window.document.workshop.node("g1").title == "Redesign onboarding"


def test_double_click_on_empty_canvas_adds_a_goal(window):
    node_id = window.scene.add_node_at(NodeKind.GOAL, (900.0, 900.0))
    node = window.document.workshop.node(node_id)
    assert (node.kind, node.pos) == (NodeKind.GOAL, (900.0, 900.0))
    assert window.scene._editor is not None


def test_link_follows_the_pair_and_refusals_reach_the_status_bar(window):
    link_id = window.scene.link_nodes("g2", "o")
    assert window.document.workshop.link(link_id).kind is LinkKind.SUPPORTS
    link_id = window.scene.link_nodes("o", "val")
    assert window.document.workshop.link(link_id).kind is LinkKind.UPHOLDS
    assert scene_counts(window) == (6, 7)
    before = window.document.workshop.copy()
    assert window.scene.link_nodes("val", "v") is None
    assert "Link refused" in window.statusBar().currentMessage()
    assert window.document.workshop == before
    assert scene_counts(window) == (6, 7)
    reversed_id = window.scene.link_nodes("v", "g3")  # dragged the wrong way round
    link = window.document.workshop.link(reversed_id)
    assert (link.source, link.target, link.kind) == ("g3", "v", LinkKind.SUPPORTS)


def test_delete_key_removes_selection_with_links(window, qtbot):
    window.scene.select_ids(["o"])
    window.view.setFocus()
    window.action("delete").trigger()
    assert not window.document.workshop.has_node("o")
    assert scene_counts(window) == (5, 3)
    assert modified_marker(window)
    window.action("undo").trigger()
    assert scene_counts(window) == (6, 5)
    assert window.document.workshop == small_workshop()
    assert not modified_marker(window)


def test_edit_fields_undo_redo_with_marker(window):
    doc = window.document
    doc.update_node("g1", votes=3, priority="high")
    doc.update_link("l4", resolved=True)
    assert window.scene.item_for("g1").node.votes == 3
    assert window.action("undo").text() == "&Undo Edit resolved of conflicts link"
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert doc.workshop == small_workshop()
    assert not modified_marker(window)


def test_copy_paste_and_duplicate_make_new_ids(window):
    doc = window.document
    window.scene.select_ids(["g1", "o"])
    window.action("copy").trigger()
    assert QApplication.clipboard().text() == "Grow retention\nRedesign onboarding"
    window.action("paste").trigger()
    pasted = window.scene.selected_node_ids()
    assert len(pasted) == 2 and not {"g1", "o"} & set(pasted)
    titles = sorted(doc.workshop.node(i).title for i in pasted)
    assert titles == ["Grow retention", "Redesign onboarding"]
    copy_of_g1 = next(i for i in pasted if doc.workshop.node(i).kind is NodeKind.GOAL)
    assert doc.workshop.node(copy_of_g1).pos == (-160.0, 440.0)
    assert doc.workshop.node(copy_of_g1).team == "t1"
    assert [k.kind for k in doc.workshop.links_of(copy_of_g1)] == [LinkKind.SUPPORTS]
    assert doc.undo_stack.undoText() == "Paste 3 items"
    assert scene_counts(window) == (8, 6)
    window.action("duplicate").trigger()
    assert scene_counts(window) == (10, 7)
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert doc.workshop == small_workshop()


def test_cut_is_one_undo_step(window):
    window.scene.select_ids(["g3"])
    window.action("cut").trigger()
    assert not window.document.workshop.has_node("g3")
    window.action("paste").trigger()
    assert scene_counts(window) == (6, 3)  # its links to other cards do not come back
    window.action("undo").trigger()
    window.action("undo").trigger()
    assert window.document.workshop == small_workshop()


def test_find_jumps_to_a_card_by_title(window):
    window.find_bar.setText("mobile")
    assert window.find_bar.find_next() == "g2"
    assert window.scene.selected_node_ids() == ["g2"]
    window.find_bar.setText("zzz")
    assert window.find_bar.find_next() is None
    assert "No card" in window.statusBar().currentMessage()


def test_zoom_and_fit(window):
    window.view.reset_zoom()
    window.action("zoom_in").trigger()
    assert window.view.zoom() == pytest.approx(1.2)
    window.action("zoom_out").trigger()
    assert window.view.zoom() == pytest.approx(1.0)
    window.action("fit").trigger()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.items_rect())


def test_standard_shortcuts_are_bound(window):
    from PySide6.QtGui import QKeySequence

    key = QKeySequence.StandardKey
    pairs = {"undo": key.Undo, "find": key.Find, "delete": key.Delete, "new": key.New}
    for name, key in pairs.items():
        assert window.action(name).shortcuts() == QKeySequence.keyBindings(key)
    assert window.action("rename").shortcut().toString() == "F2"
    assert window.action("fit").shortcut().toString() == "Ctrl+0"


def test_welcome_state_until_a_workshop_is_open(qtbot):
    win = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
    qtbot.addWidget(win)
    win.show_welcome()
    assert not win.is_showing_map()
    assert not win.action("save").isEnabled()
    win.action("new").trigger()
    assert win.is_showing_map()
    assert win.action("save").isEnabled()
    win.action("close").trigger()
    assert not win.is_showing_map()


def _drag(window: MainWindow, start, end, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    from PySide6.QtCore import QPoint
    from PySide6.QtTest import QTest

    viewport = window.view.viewport()
    begin, finish = window.view.mapFromScene(start), window.view.mapFromScene(end)
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, modifier, begin)
    QTest.mouseMove(viewport, begin + QPoint(0, -25))
    QTest.mouseMove(viewport, finish)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, modifier, finish)


def _mouse_window(window: MainWindow) -> MainWindow:
    window.resize(1400, 900)
    window.view.reset_zoom()
    window.view.centerOn(0, 200)
    QApplication.processEvents()
    return window


def test_dragging_from_the_handle_links_cards(window):
    _mouse_window(window)
    window.document.delete([], ["l2"])
    g1, o = window.scene.item_for("g1"), window.scene.item_for("o")
    window.scene.select_ids(["g1"])
    _drag(window, g1.mapToScene(g1.handle_center()), o.pos())
    kinds = {(k.source, k.target): k.kind for k in window.document.workshop.links_of("g1")}
    assert kinds[("g1", "o")] is LinkKind.SUPPORTS
    assert window.statusBar().currentMessage().startswith("Linked:")
    assert (g1.x(), g1.y()) == (-200.0, 400.0)  # the card itself did not move


def test_shift_drag_links_and_refuses_what_the_format_forbids(window):
    _mouse_window(window)
    val, v = window.scene.item_for("val"), window.scene.item_for("v")
    before = window.document.workshop.copy()
    _drag(window, val.pos(), v.pos(), Qt.KeyboardModifier.ShiftModifier)
    assert window.document.workshop == before
    assert "Link refused" in window.statusBar().currentMessage()


def test_mouse_drag_moves_cards_as_one_command(window):
    _mouse_window(window)
    g2 = window.scene.item_for("g2")
    start = g2.pos()
    _drag(window, start, start + QPointF(0, 175))
    assert window.document.undo_stack.count() == 1
    assert window.document.undo_stack.undoText() == "Move 'Ship mobile app'"
    x, y = window.document.workshop.node("g2").pos
    assert x == 0.0 and 140.0 < y - 400.0 < 210.0
    assert (g2.x(), g2.y()) == (x, y)
    window.action("undo").trigger()
    assert (g2.x(), g2.y()) == (0.0, 400.0)


def test_keys_typed_into_the_title_editor_stay_there(window, qtbot):
    from PySide6.QtTest import QTest

    window.activateWindow()
    window.scene.select_ids(["g1"])
    window.rename_selected()
    editor = window.scene._editor
    editor.setFocus()
    editor.setPlainText("Redesign")
    viewport = window.view.viewport()
    for key in (Qt.Key.Key_Delete, Qt.Key.Key_W, Qt.Key.Key_F):
        QTest.keyClick(viewport, key)
    assert window.document.workshop.has_node("g1")
    assert not window.focus.is_active() and not window.why.is_active()
    editor.commit()
    assert window.document.workshop.node("g1").title == "wfedesign"  # Delete ate the R


def test_ctrl_wheel_zooms_and_plain_wheel_does_not(window):
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QWheelEvent

    window.view.reset_zoom()
    center = window.view.viewport().rect().center()

    def wheel(modifiers):
        event = QWheelEvent(
            QPointF(center), QPointF(window.view.mapToGlobal(center)), QPoint(0, 0),
            QPoint(0, 120), Qt.MouseButton.NoButton, modifiers, Qt.ScrollPhase.NoScrollPhase,
            False,
        )  # fmt: skip
        QApplication.sendEvent(window.view.viewport(), event)

    wheel(Qt.KeyboardModifier.ControlModifier)
    assert window.view.zoom() == pytest.approx(1.2)
    wheel(Qt.KeyboardModifier.NoModifier)
    assert window.view.zoom() == pytest.approx(1.2)


def test_context_menu_offers_every_allowed_kind_for_two_cards(window):
    from PySide6.QtWidgets import QMenu

    menu = QMenu()
    window.scene._add_link_actions(menu, "g1", "g2")
    texts = [a.text() for a in menu.actions()]
    assert texts == [
        "Link: 'Redesign onboarding' supports 'Ship mobile app'",
        "Link: 'Redesign onboarding' conflicts with 'Ship mobile app'",
        "Link: 'Redesign onboarding' depends on 'Ship mobile app'",
    ]
    menu.actions()[2].trigger()
    link = window.document.workshop.find_link(LinkKind.DEPENDS, "g1", "g2")
    assert link is not None
    menu = QMenu()
    window.scene._add_link_actions(menu, "val", "v")
    assert menu.actions() == []


def test_a_file_that_cannot_be_opened_shows_the_loaders_message(qtbot, tmp_path):
    errors: list[tuple[str, str]] = []
    prompts = discarding_prompts(ignore_errors)
    prompts.show_error = lambda title, text: errors.append((title, text))
    win = MainWindow(prompts=prompts, autosave=False)
    qtbot.addWidget(win)
    win.show_welcome()
    bad = tmp_path / "broken.alignment"
    bad.write_text('{"format": "alignment-workshop", "version": 99, "nodes": []}')
    assert not win.open_path(bad)
    assert len(errors) == 1
    title, text = errors[0]
    assert title == "Cannot open workshop"
    assert "newer version" in text and "\n" not in text
    assert not win.is_showing_map()
    assert win.open_path(tmp_path / "missing.alignment") is False
    assert len(errors) == 2


def test_start_window_opens_the_file_given(qtbot, tmp_path):
    import shutil

    from alignment_workshop import paths
    from alignment_workshop.gui.app import start_window

    mine = tmp_path / "ours.alignment"
    shutil.copyfile(paths.example_workshop(), mine)
    win = start_window(mine, recover=False)
    qtbot.addWidget(win)
    assert win.isVisible() and win.is_showing_map()
    assert win.windowTitle().startswith("ours.alignment")
    assert not win.isWindowModified()
    win.files.may_close()


def test_dropping_a_palette_button_on_the_canvas_adds_that_card_there(window):
    from PySide6.QtCore import QMimeData, QPoint
    from PySide6.QtGui import QDropEvent

    from alignment_workshop.gui.canvas.kind_drag import KIND_MIME_TYPE

    window.view.reset_zoom()
    data = QMimeData()
    data.setData(KIND_MIME_TYPE, b"objective")
    where = QPoint(200, 150)
    event = QDropEvent(
        QPointF(where), Qt.DropAction.CopyAction, data, Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    window.view.dropEvent(event)
    assert event.isAccepted()
    (new_id,) = window.scene.selected_node_ids()
    node = window.document.workshop.node(new_id)
    expected = window.view.mapToScene(where)
    assert node.kind is NodeKind.OBJECTIVE
    assert node.pos == (expected.x(), expected.y())
    assert window.scene._editor is not None
    assert window.document.undo_stack.count() == 1
