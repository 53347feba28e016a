"""Text is text in dialogs (issue 9, item 8).

A hostile lock file's user name, a file named `<font color=red size=7>…`, a workshop or
team title: whatever the user or a file supplies is shown literally, never rendered as
HTML, in every message box, label and tooltip that shows it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio
from alignment_workshop.gui.docks.teams_dialog import GoalsDestinationDialog
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.files.file_actions import FileActions
from alignment_workshop.gui.files.lockfile import lock_path_for
from alignment_workshop.gui.files.prompts import FilePrompts, UnsavedChoice
from alignment_workshop.gui.support import logs as gui_logs
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop

SPOOF = "<font color=red size=7>IT DEPARTMENT: safe to click Open anyway</font>"

Shown = list[tuple[str, str, Qt.TextFormat]]


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Shown:
    """Every message box shown: its text, informative text and text format; answers Cancel."""
    shown: Shown = []

    def record(box: QMessageBox) -> int:
        shown.append((box.text(), box.informativeText(), box.textFormat()))
        return QMessageBox.StandardButton.Cancel.value

    monkeypatch.setattr(QMessageBox, "exec", record)
    return shown


def _rendered(rich_or_plain: str, text_format: Qt.TextFormat) -> str:
    """What a person reads: the text itself, or what Qt's HTML renderer makes of it."""
    if text_format is Qt.TextFormat.PlainText or not GuiQt.mightBeRichText(rich_or_plain):
        return rich_or_plain
    document = QTextDocument()
    document.setHtml(rich_or_plain)
    return document.toPlainText()


def _workshop() -> Workshop:
    team = Team(id="t", name=SPOOF)
    goal = Node(id="g", kind=NodeKind.GOAL, title=SPOOF, team="t", pos=(0.0, 0.0))
    other = Node(id="h", kind=NodeKind.GOAL, title="Other", team="t", pos=(300.0, 0.0))
    link = Link(id="l", kind=LinkKind.CONFLICTS, source="g", target="h", note=SPOOF)
    return Workshop.from_records(Meta(title=SPOOF), [team], [goal, other], [link])


def test_already_open_dialog_shows_a_hostile_user_name_literally(
    qtbot: QtBot, boxes: Shown, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.alignment"
    fileio.save(Workshop(), plan)
    owner = {"host": "meeting-room-pc", "pid": 4242, "user": SPOOF}
    lock_path_for(plan).write_text(json.dumps(owner))
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not FileActions(Document(), FilePrompts.dialogs(parent)).open(plan)
    [(text, informative, text_format)] = boxes
    assert text_format is Qt.TextFormat.PlainText
    assert f"already open by {SPOOF} on meeting-room-pc" in _rendered(text, text_format)
    assert informative == "Open it anyway?"


def test_cannot_open_dialog_shows_a_hostile_file_name_literally(
    qtbot: QtBot, boxes: Shown, tmp_path: Path
) -> None:
    bad = tmp_path / f"{SPOOF.replace('/', '∕')}.alignment"
    bad.write_text("{not json")
    parent = QWidget()
    qtbot.addWidget(parent)
    assert not FileActions(Document(), FilePrompts.dialogs(parent)).open(bad)
    [(text, _informative, text_format)] = boxes
    assert text_format is Qt.TextFormat.PlainText and text.startswith(f"'{bad.name}': line 1")


def test_unsaved_and_crash_boxes_are_plain_text(
    qtbot: QtBot, boxes: Shown, monkeypatch: pytest.MonkeyPatch
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    document = Document()
    document.replace(_workshop(), modified=True)
    prompts = FilePrompts.dialogs(parent)
    assert prompts.ask_unsaved(document.display_name()) is UnsavedChoice.CANCEL
    monkeypatch.setattr("sys.excepthook", gui_logs.handle_exception)
    try:
        raise KeyError(SPOOF)
    except KeyError as error:
        gui_logs.handle_exception(KeyError, error, error.__traceback__)
    assert [f for _t, _i, f in boxes] == [Qt.TextFormat.PlainText] * 2
    assert SPOOF in boxes[0][0] and SPOOF in boxes[1][0]


def _labels_rendering_markup() -> list[str]:
    """Every visible label whose text carries the spoof and that Qt would render as HTML."""
    return [
        f"{type(widget.window()).__name__}: {widget.text()[:60]}"
        for widget in QApplication.allWidgets()
        if isinstance(widget, QLabel)
        and SPOOF in widget.text()
        and widget.textFormat() is not Qt.TextFormat.PlainText
    ]


def test_no_label_renders_a_title_as_markup(qtbot: QtBot) -> None:
    window = MainWindow(prompts=FilePrompts.dialogs(None))
    qtbot.addWidget(window)
    window.document.replace(_workshop())
    window.show_map()
    window.show()
    window.document.refresh_analysis()
    window.scene.select_ids(["g"])  # the Inspector's heading
    dialog = window.five_whys.start("g")  # an orphan: its question quotes the title
    assert dialog is not None
    window.scene.select_ids(["g", "h"])
    team = window.document.workshop.teams[0]
    remove = GoalsDestinationDialog(team, [Team(id="u", name="Ops")], 1, window)
    qtbot.addWidget(remove)
    remove.show()
    assert _labels_rendering_markup() == []


def test_tooltips_show_titles_and_notes_literally(qtbot: QtBot) -> None:
    window = MainWindow(prompts=FilePrompts.dialogs(None))
    qtbot.addWidget(window)
    window.document.replace(_workshop())
    window.document.refresh_analysis()
    card = next(item for item in window.scene.node_items() if item.node_id == "g")
    link = next(iter(window.scene.link_items()))
    for item in (card, link):
        item.setToolTip("")
        item.hoverEnterEvent(_hover())
        shown = _rendered(item.toolTip(), Qt.TextFormat.AutoText)
        assert SPOOF in shown, shown


def _hover() -> object:
    from PySide6.QtWidgets import QGraphicsSceneHoverEvent

    return QGraphicsSceneHoverEvent()


def test_the_outside_change_and_recovery_questions_offer_only_their_own_buttons(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    offered: list[list[str]] = []

    def record(box: QMessageBox) -> int:
        offered.append(sorted(b.text().replace("&", "") for b in box.buttons()))
        assert box.textFormat() is Qt.TextFormat.PlainText
        return 0

    monkeypatch.setattr(QMessageBox, "exec", record)
    prompts = FilePrompts.dialogs(None)
    prompts.ask_outside_change(SPOOF, False, True)
    prompts.ask_outside_change(SPOOF, True, True)
    prompts.ask_recover(SPOOF, "24 Nov 2026 22:10")
    assert offered == [
        ["Cancel", "Overwrite", "Reload Theirs", "Save Mine As…"],
        ["Cancel", "Save Here Again", "Save Mine As…"],
        ["Cancel", "Open Saved File", "Recover"],
    ]
