"""The Inspector on a key result, a shared goal and the workshop's period: every field one
undoable command, numbers typed as people type them, progress shown, contributors ticked."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.docks.inspector.measure_fields import parse_number
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Status
from tests.support.okr import H1_2027, okr_window


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    return okr_window(qtbot)


def one_command(window: MainWindow, action: Callable[[], object]) -> str:
    """Run `action`; assert it pushed exactly one command; return its text."""
    stack = window.document.undo_stack
    before = stack.count()
    action()
    assert stack.count() == before + 1, "one commit must be one command"
    return stack.text(stack.count() - 1)


def _type(editor, text: str) -> None:
    editor.setText(text)
    editor.flush()


def _choose(editor, value: object) -> None:
    editor.setCurrentIndex(editor.findData(value))
    editor.activated.emit(editor.currentIndex())


KEY_RESULT_EDITS: list[tuple[str, Callable[[object], None], object]] = [
    ("title", lambda e: _type(e, "Gross churn"), "Gross churn"),
    (
        "description",
        lambda e: (e.setPlainText("Logos lost / logos at start"), e.flush()),
        "Logos lost / logos at start",
    ),
    ("owner", lambda e: _type(e, "Sam Lee"), "Sam Lee"),
    ("unit", lambda e: _type(e, "pts"), "pts"),
    ("baseline", lambda e: _type(e, "10"), 10.0),
    ("current", lambda e: _type(e, "6,5"), 6.5),
    ("target", lambda e: _type(e, "4.25"), 4.25),
    ("target", lambda e: _type(e, ""), None),
    ("team", lambda e: _choose(e, "sales"), "sales"),
    ("team", lambda e: _choose(e, None), None),
    ("status", lambda e: _choose(e, Status.AGREED), Status.AGREED),
    ("due", lambda e: e.set_value(dt.date(2027, 6, 30)), dt.date(2027, 6, 30)),
]


@pytest.mark.parametrize(("name", "edit", "value"), KEY_RESULT_EDITS)
def test_each_key_result_field_is_one_undoable_command(window, name, edit, value) -> None:
    window.scene.select_ids(["k-churn"])
    page = window.inspector.node_page
    old = getattr(window.document.workshop.node("k-churn"), name)
    assert old != value
    text = one_command(window, lambda: edit(page.fields[name]))
    assert text == f"Edit {'due date' if name == 'due' else name} of 'Logo churn'" or (
        name == "title"
    )
    assert getattr(window.document.workshop.node("k-churn"), name) == value
    window.document.undo_stack.undo()
    assert getattr(window.document.workshop.node("k-churn"), name) == old
    window.document.undo_stack.redo()
    assert getattr(window.document.workshop.node("k-churn"), name) == value


def test_a_key_result_shows_its_rows_and_not_a_goals(window) -> None:
    window.scene.select_ids(["k-churn"])
    page = window.inspector.node_page
    shown = {name for name, editor in page.fields.items() if page.form.isRowVisible(editor)}
    assert {"baseline", "current", "target", "unit", "owner", "team", "status", "due"} <= shown
    assert not {"priority", "impact", "metric", "votes", "why", "actions", "contributors"} & shown
    assert page.form.isRowVisible(page.progress)
    assert page.heading.text() == "Key result: Logo churn"
    assert page.fields["current"].text() == "7.5" and page.fields["unit"].text() == "%"


def test_progress_follows_the_numbers(window) -> None:
    window.scene.select_ids(["k-churn"])
    progress = window.inspector.node_page.progress
    assert progress.measure_label.text() == "9 % → 7.5 % → 5 %"
    assert progress.bar.format() == "38%" and progress.bar.value() == 375
    window.document.update_node("k-churn", current=4.0)
    assert progress.bar.format() == "beyond target" and progress.bar.value() == 1000
    window.document.update_node("k-churn", target=None)
    assert progress.bar.format() == "no target yet" and not progress.bar.isEnabled()
    assert progress.measure_label.text() == "9 % → now 4 %"
    window.scene.select_ids(["o-ret"])
    assert not window.inspector.node_page.form.isRowVisible(progress)


def test_text_that_is_no_number_is_put_back_and_commits_nothing(window, qtbot) -> None:
    window.scene.select_ids(["k-churn"])
    target = window.inspector.node_page.fields["target"]
    stack = window.document.undo_stack
    target.setText("-")  # on its way to a number, never one
    target.flush()
    assert target.text() == "5" and stack.count() == 0
    assert target.validator().validate("five", 0) == target.validator().State.Invalid


def test_a_number_the_model_refuses_is_put_back_with_its_reason(window, qtbot) -> None:
    window.scene.select_ids(["k-churn"])
    target = window.inspector.node_page.fields["target"]
    with qtbot.waitSignal(window.document.message) as said:
        _type(target, "1e16")
    assert "target" in said.args[0]
    assert window.document.undo_stack.count() == 0
    assert target.text() == "5" and window.document.workshop.node("k-churn").target == 5.0


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("7.5", 7.5),
        ("7,5", 7.5),
        (" 1 200 000 ", 1_200_000.0),
        ("1,200,000", 1_200_000.0),
        ("1,200.5", 1200.5),
        ("-3", -3.0),
        ("1e6", 1e6),
        ("", None),
    ],
)
def test_numbers_are_read_as_people_type_them(text: str, value: float | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["five", "1.2.3", "nan", "inf", "-", "1e999", "7.5 %"])
def test_text_that_is_not_a_number_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


def test_typing_a_number_commits_on_enter_only(window, qtbot) -> None:
    window.scene.select_ids(["k-churn"])
    current = window.inspector.node_page.fields["current"]
    current.setFocus()
    current.selectAll()
    qtbot.keyClicks(current, "6")
    assert window.document.undo_stack.count() == 0
    one_command(window, lambda: qtbot.keyClick(current, Qt.Key.Key_Return))
    assert window.document.workshop.node("k-churn").current == 6.0


# ----------------------------------------------------------------------- contributors


def test_contributors_are_a_multi_select_of_teams_one_command_per_tick(window) -> None:
    window.scene.select_ids(["g-onboard"])
    page = window.inspector.node_page
    checklist = page.fields["contributors"]
    assert page.form.isRowVisible(checklist)
    labels = [checklist.item(i).text() for i in range(checklist.count())]
    assert labels == ["Product (leads)", "Sales", "Customer Success"]
    assert not checklist.item(0).flags() & Qt.ItemFlag.ItemIsUserCheckable
    text = one_command(window, lambda: checklist.set_checked("success", True))
    assert text == "Edit contributors of 'Onboarding'"
    one_command(window, lambda: checklist.set_checked("sales", True))
    node = window.document.workshop.node("g-onboard")
    assert node.contributors == ("sales", "success")  # in the workshop's team order
    window.document.undo_stack.undo()
    assert window.document.workshop.node("g-onboard").contributors == ("success",)
    assert checklist.checked_ids() == ("success",), "the list follows undo"


def test_a_contributor_made_lead_leaves_the_contributors_in_the_same_step(window) -> None:
    window.document.update_node("g-onboard", contributors=("sales", "success"))
    window.scene.select_ids(["g-onboard"])
    team = window.inspector.node_page.fields["team"]
    one_command(window, lambda: _choose(team, "sales"))
    node = window.document.workshop.node("g-onboard")
    assert (node.team, node.contributors) == ("sales", ("success",))
    window.document.undo_stack.undo()
    node = window.document.workshop.node("g-onboard")
    assert (node.team, node.contributors) == ("product", ("sales", "success"))


# ----------------------------------------------------------------------- period


def test_the_period_is_set_in_the_workshop_inspector_and_shows_in_title_and_dock(window) -> None:
    window.scene.select_ids([])
    period = window.inspector.meta_page.fields["period"]
    assert not period.enabled_box.isChecked() and not window.check_dock.period_label.isVisible()
    assert " · " not in window.windowTitle()
    text = one_command(window, lambda: period.set_value(H1_2027))
    assert text == "Edit workshop period"
    assert window.document.workshop.meta.period == H1_2027
    assert window.windowTitle().startswith("OKRs · H1 2027")
    assert window.check_dock.period_label.text() == "Period: H1 2027 (1 Jan – 30 Jun 2027)"
    assert period.label_edit.placeholderText() == "H1 2027"
    period.label_edit.setText("Spring push")
    one_command(window, period.label_edit.editingFinished.emit)
    assert window.document.workshop.meta.period.label == "Spring push"
    assert "Spring push" in window.windowTitle()
    assert window.check_dock.period_label.text() == "Period: Spring push (1 Jan – 30 Jun 2027)"
    one_command(window, period.clear_button.click)
    assert window.document.workshop.meta.period is None
    assert not window.check_dock.period_label.isVisible() and " · " not in window.windowTitle()
    window.document.undo_stack.undo()
    assert window.document.workshop.meta.period.label == "Spring push"
    assert period.label_edit.text() == "Spring push" and period.enabled_box.isChecked()


def test_ticking_the_period_starts_with_this_year_and_dates_edit_it(window) -> None:
    window.scene.select_ids([])
    period = window.inspector.meta_page.fields["period"]
    period.enabled_box.click()
    year = dt.date.today().year
    assert window.document.workshop.meta.period.start == dt.date(year, 1, 1)
    assert window.windowTitle().startswith(f"OKRs · {year}")
    one_command(window, lambda: period.end_edit.setDate(dt.date(year, 3, 31)))
    assert window.windowTitle().startswith(f"OKRs · Q1 {year}")


def test_moving_the_start_past_the_end_moves_the_end_with_it(window) -> None:
    window.document.update_meta(period=H1_2027)
    window.scene.select_ids([])
    period = window.inspector.meta_page.fields["period"]
    one_command(window, lambda: period.start_edit.setDate(dt.date(2027, 9, 1)))
    moved = window.document.workshop.meta.period
    length = H1_2027.end - H1_2027.start
    assert (moved.start, moved.end) == (dt.date(2027, 9, 1), dt.date(2027, 9, 1) + length)
