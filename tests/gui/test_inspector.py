"""The Inspector: each committed field is exactly one undoable command; it follows the model."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.docks.inspector.dock import InspectorDock
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.model import Action, LinkKind, Meta, Priority, Status
from tests.support.generate import generate_workshop


class Rig:
    """A document, its scene and an inspector dock on screen."""

    def __init__(self, qtbot: QtBot) -> None:
        self.document = Document()
        self.document.replace(generate_workshop(30))
        self.scene = MapScene(self.document)
        self.dock = InspectorDock(self.document, self.scene)
        qtbot.addWidget(self.dock)
        self.dock.show()
        self.stack = self.document.undo_stack

    def select(self, node_ids: list[str], link_ids: list[str] = ()) -> None:
        self.scene.select_ids(node_ids, link_ids)

    def one_command(self, action: Callable[[], object]) -> str:
        """Run `action`; assert it pushed exactly one command; return its text."""
        before = self.stack.count()
        action()
        assert self.stack.count() == before + 1, "one commit must be one command"
        return self.stack.text(self.stack.count() - 1)


@pytest.fixture
def rig(qtbot: QtBot) -> Iterator[Rig]:
    yield Rig(qtbot)


def _goal(rig: Rig) -> str:
    return next(n.id for n in rig.document.workshop.iter_nodes() if n.kind == "goal")


def test_typing_is_one_command_on_enter_not_per_keystroke(rig: Rig, qtbot: QtBot) -> None:
    goal = _goal(rig)
    rig.select([goal])
    title = rig.dock.node_page.fields["title"]
    old = rig.document.workshop.node(goal).title
    title.clear()
    before = rig.stack.count()
    qtbot.keyClicks(title, "Redesign onboarding")
    assert rig.stack.count() == before, "no command while typing"
    text = rig.one_command(lambda: qtbot.keyClick(title, Qt.Key.Key_Return))
    assert text == "Edit title of 'Redesign onboarding'" or "title" in text
    assert rig.document.workshop.node(goal).title == "Redesign onboarding"
    rig.stack.undo()
    assert rig.document.workshop.node(goal).title == old
    assert title.text() == old, "the inspector follows undo"
    rig.stack.redo()
    assert title.text() == "Redesign onboarding"


GOAL_EDITS: dict[str, tuple[str, Callable[[Rig], None], object]] = {}


def _edit(rig: Rig, name: str, value: object) -> None:
    editor = rig.dock.node_page.fields[name]
    if hasattr(editor, "setPlainText"):
        editor.setPlainText(value)
        editor.flush()
    elif hasattr(editor, "setText"):
        editor.setText(value)
        editor.flush()
    elif hasattr(editor, "set_choices"):
        editor.setCurrentIndex(editor.findData(value))
        editor.activated.emit(editor.currentIndex())
    elif hasattr(editor, "setValue"):
        editor.setValue(value)
    else:
        editor.set_value(value)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("title", "Ship the new checkout"),
        ("description", "Two lines\nof description"),
        ("team", "team-1"),
        ("team", None),
        ("owner", "Priya"),
        ("why", "So that customers stay"),
        ("priority", Priority.HIGH),
        ("impact", 5),
        ("metric", "Conversion +3 %"),
        ("status", Status.AGREED),
        ("votes", 7),
        ("due", dt.date(2027, 3, 31)),
    ],
)
def test_each_goal_field_is_one_undoable_command(rig: Rig, name: str, value: object) -> None:
    goal = _goal(rig)
    setup = {"team": "team-0", "priority": Priority.LOW, "status": Status.PROPOSED, "impact": 2}
    if name in setup:
        rig.document.update_node(goal, **{name: setup[name]})
    rig.select([goal])
    old = getattr(rig.document.workshop.node(goal), name)
    assert old != value
    rig.one_command(lambda: _edit(rig, name, value))
    assert getattr(rig.document.workshop.node(goal), name) == value
    rig.stack.undo()
    assert getattr(rig.document.workshop.node(goal), name) == old
    rig.stack.redo()
    assert getattr(rig.document.workshop.node(goal), name) == value


def test_due_date_is_clearable(rig: Rig) -> None:
    goal = _goal(rig)
    rig.document.update_node(goal, due=dt.date(2027, 1, 15))
    rig.select([goal])
    due = rig.dock.node_page.fields["due"]
    assert due.value() == dt.date(2027, 1, 15)
    rig.one_command(due.clear_button.click)
    assert rig.document.workshop.node(goal).due is None
    rig.stack.undo()
    assert due.value() == dt.date(2027, 1, 15)


def test_actions_add_edit_tick_remove(rig: Rig) -> None:
    goal = _goal(rig)
    rig.document.update_node(goal, actions=())
    rig.select([goal])
    editor = rig.dock.node_page.actions_editor

    def actions() -> tuple[Action, ...]:
        return rig.document.workshop.node(goal).actions

    rig.one_command(editor.add_button.click)
    assert actions() == (Action("New action"),)
    rig.one_command(lambda: editor.table.item(0, 1).setText("Interview five customers"))
    rig.one_command(lambda: editor.table.item(0, 2).setText("Sam"))
    assert actions() == (Action("Interview five customers", "Sam"),)
    rig.one_command(lambda: editor.set_done(0, True))
    assert actions()[0].done
    rig.one_command(editor.add_button.click)
    # Not selectRow: it reads the keyboard modifiers of the last input event, which an
    # earlier test's Ctrl+S can leave behind, and Ctrl turns "select" into "toggle".
    only_row = QItemSelectionModel.SelectionFlag.ClearAndSelect
    editor.table.setCurrentCell(0, 0, only_row | QItemSelectionModel.SelectionFlag.Rows)
    rig.one_command(editor.remove_button.click)
    assert actions() == (Action("New action"),)
    rig.stack.undo()
    assert actions()[0] == Action("Interview five customers", "Sam", True)
    assert editor.table.rowCount() == 2


def test_refused_edit_pushes_nothing_and_shows_the_model_again(rig: Rig, qtbot: QtBot) -> None:
    goal = _goal(rig)
    rig.select([goal])
    title = rig.dock.node_page.fields["title"]
    old = title.text()
    before = rig.stack.count()
    with qtbot.waitSignal(rig.document.message):
        title.setText("   ")
        title.flush()
    assert rig.stack.count() == before and title.text() == old


def test_vision_shows_only_its_fields(rig: Rig) -> None:
    rig.select(["vision"])
    form, fields = rig.dock.node_page.form, rig.dock.node_page.fields
    assert form.isRowVisible(fields["title"]) and form.isRowVisible(fields["description"])
    for name in ("priority", "team", "votes", "due", "actions"):
        assert not form.isRowVisible(fields[name])
    rig.select(["obj-0"])
    assert form.isRowVisible(fields["priority"]) and not form.isRowVisible(fields["team"])


def test_team_list_shows_team_colours(rig: Rig) -> None:
    rig.select([_goal(rig)])
    box = rig.dock.node_page.team_box
    names = [box.itemText(i) for i in range(box.count())]
    assert names == ["No team", "Team 0", "Team 1"]
    assert not box.itemIcon(1).isNull()
    rig.document.update_team("team-1", name="Platform")
    assert box.itemText(2) == "Platform", "renaming a team updates the list"


def test_link_fields_and_conflict_resolution(rig: Rig) -> None:
    goals = [n.id for n in rig.document.workshop.iter_nodes() if n.kind == "goal"]
    conflict = rig.document.add_link(LinkKind.CONFLICTS, goals[0], goals[1])
    rig.select([], [conflict])
    page = rig.dock.link_page
    assert rig.dock.target == ("link", conflict)
    assert page.form.isRowVisible(page.fields["resolution"])
    page.fields["note"].setPlainText("Both want the same engineers")
    rig.one_command(page.fields["note"].flush)
    rig.one_command(page.fields["resolved"].click)
    page.fields["resolution"].setPlainText("Platform goes first")
    rig.one_command(page.fields["resolution"].flush)
    link = rig.document.workshop.link(conflict)
    assert (link.note, link.resolved, link.resolution) == (
        "Both want the same engineers",
        True,
        "Platform goes first",
    )
    supports = next(k for k in rig.document.workshop.iter_links() if k.kind == "supports")
    rig.select([], [supports.id])
    assert not page.form.isRowVisible(page.fields["resolution"])


def test_metadata_when_nothing_is_selected(rig: Rig) -> None:
    rig.select([])
    page = rig.dock.meta_page
    assert rig.dock.target == ("meta", None)
    page.fields["title"].setText("Q3 planning")
    rig.one_command(page.fields["title"].flush)
    page.fields["participants"].setPlainText("Ana\n\nBo\n")
    rig.one_command(page.fields["participants"].flush)
    rig.one_command(lambda: page.fields["date"].set_value(dt.date(2026, 11, 24)))
    assert rig.document.workshop.meta == Meta(
        title="Q3 planning",
        date=dt.date(2026, 11, 24),
        facilitator="Bench",
        participants=("Ana", "Bo"),
    )


def test_changing_selection_commits_the_half_typed_edit_to_the_old_node(rig: Rig) -> None:
    goal = _goal(rig)
    rig.select([goal])
    rig.dock.node_page.fields["owner"].setText("Lee")  # typed, not yet committed
    rig.select(["obj-0"])
    assert rig.document.workshop.node(goal).owner == "Lee"
    assert rig.dock.target == ("node", "obj-0")


def test_deleted_selection_falls_back_to_the_workshop(rig: Rig) -> None:
    goal = _goal(rig)
    rig.select([goal])
    rig.document.delete([goal])
    assert rig.dock.target == ("meta", None)


def test_several_selected_shows_a_hint(rig: Rig) -> None:
    supports = next(k for k in rig.document.workshop.iter_links() if k.kind == "supports")
    rig.select(["obj-0", "vision"], [supports.id])
    assert rig.dock.target == ("many", None)
    assert "2 cards and 1 link selected" in rig.dock.many_label.text()


def test_half_typed_edit_never_leaks_into_a_newly_opened_workshop(rig: Rig) -> None:
    goal = _goal(rig)
    rig.select([goal])
    rig.dock.node_page.fields["title"].setText("Typed, never committed")
    reopened = generate_workshop(30)  # same ids, as when the same file is opened again
    rig.document.replace(reopened)
    assert not rig.document.is_modified()
    assert rig.document.workshop.node(goal).title != "Typed, never committed"
    assert rig.dock.target == ("meta", None)
