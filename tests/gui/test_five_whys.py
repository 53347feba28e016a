"""The 5 Whys: a guided run that fixes an orphan, one undo step per answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from alignment_workshop.analysis import analyze
from alignment_workshop.gui.features.five_whys.chain import MAX_WHYS, candidates, parent_kinds
from alignment_workshop.gui.features.five_whys.dialog import FiveWhysDialog, FiveWhysLauncher
from alignment_workshop.layout import card_rect
from alignment_workshop.model import LinkKind, NodeKind
from tests.gui.test_why import Env, make_env


@pytest.fixture
def env(qtbot) -> Env:
    return make_env(qtbot)


@pytest.fixture
def launcher(env: Env) -> FiveWhysLauncher:
    return FiveWhysLauncher(env.document, env.scene, env.view, env.window)


def orphans(env: Env) -> set[str]:
    report = analyze(env.document.workshop)
    return {n for f in report.findings if f.rule == "orphan" for n in f.nodes}


def test_a_run_that_fixes_an_orphan_and_undo_brings_it_back(env, launcher) -> None:
    document = env.document
    assert "g4" in orphans(env)
    env.scene.select_ids(["g4"])
    assert launcher.action.isEnabled()
    launcher.action.trigger()
    dialog = launcher.dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.question_label.text() == "Why does 'Orphan goal' matter?"
    start = document.undo_stack.count()
    new = dialog.create_parent("Customers recommend us")
    node = document.workshop.node(new)
    assert node.kind is NodeKind.OBJECTIVE
    assert document.workshop.find_link(LinkKind.SUPPORTS, "g4", new) is not None
    assert document.undo_stack.count() == start + 1
    assert dialog.question_label.text() == "Why does 'Customers recommend us' matter?"
    assert not dialog.session.finished
    assert dialog.pick("o1")
    assert dialog.session.finished and "leads to the vision" in dialog.outcome_label.text()
    assert document.undo_stack.count() == start + 2
    assert "g4" not in orphans(env) and new not in orphans(env)
    document.undo_stack.undo()
    assert "g4" in orphans(env) and new in orphans(env)
    document.undo_stack.undo()
    assert not document.workshop.has_node(new) and "g4" in orphans(env)
    assert document.undo_stack.count() == start + 2  # both steps can be redone
    document.undo_stack.redo()
    document.undo_stack.redo()
    assert "g4" not in orphans(env)


def test_the_new_parent_is_placed_above_its_child_without_overlap(env) -> None:
    dialog = FiveWhysDialog(env.document, "g4")
    new = dialog.create_parent("Customers recommend us")
    workshop = env.document.workshop
    assert workshop.node(new).pos[1] < workshop.node("g4").pos[1]
    rect = card_rect(NodeKind.OBJECTIVE, workshop.node(new).pos)
    others = [card_rect(n.kind, n.pos) for n in workshop.iter_nodes() if n.id != new]
    assert not any(rect.intersects(other) for other in others)


def test_the_dialog_buttons_drive_the_same_steps(qtbot, env) -> None:
    dialog = FiveWhysDialog(env.document, "o3")
    qtbot.addWidget(dialog)
    ids = [
        dialog.candidate_list.item(row).data(Qt.ItemDataRole.UserRole)
        for row in range(dialog.candidate_list.count())
    ]
    assert ids[-1] == "v" and set(ids) == {"o1", "o2", "v"}
    dialog.filter_edit.setText("customers")
    shown = [
        dialog.candidate_list.item(r)
        for r in range(dialog.candidate_list.count())
        if not dialog.candidate_list.item(r).isHidden()
    ]
    assert [item.data(Qt.ItemDataRole.UserRole) for item in shown] == ["o1"]
    assert not dialog.pick_button.isEnabled()  # nothing chosen yet
    dialog.candidate_list.setCurrentItem(shown[0])
    assert dialog.pick_button.isEnabled()
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)
    assert dialog.session.finished and not dialog.pick_button.isEnabled()
    assert dialog.question_label.text() == "Done"
    assert "leads to the vision" in dialog.outcome_label.text()
    assert env.document.workshop.find_link(LinkKind.SUPPORTS, "o3", "o1") is not None


def test_five_whys_at_most(env) -> None:
    dialog = FiveWhysDialog(env.document, "g4")
    for step in range(MAX_WHYS):
        assert dialog.create_parent(f"Reason {step}") is not None
    assert dialog.session.finished and "Five whys asked" in dialog.session.outcome
    assert dialog.create_parent("One more") is None
    assert len(env.document.workshop.nodes) == 9 + MAX_WHYS


def test_candidates_never_make_a_cycle_or_a_disallowed_link(env) -> None:
    workshop = env.document.workshop
    assert [n.id for n in candidates(workshop, "o2")] == ["o3", "v"]  # o1 is already linked
    found = {n.id for n in candidates(workshop, "o1")}
    assert "o2" not in found  # o2 supports o1: linking back would be circular
    assert {n.kind for n in candidates(workshop, "g4")} <= {
        NodeKind.OBJECTIVE,
        NodeKind.GOAL,
        NodeKind.VISION,
    }


def test_without_a_vision_the_objectives_next_step_is_the_vision(env) -> None:
    env.document.delete(["v"])
    assert parent_kinds(env.document.workshop, "o1")[0] is NodeKind.VISION
    assert parent_kinds(env.document.workshop, "g4")[0] is NodeKind.OBJECTIVE
    dialog = FiveWhysDialog(env.document, "o1")
    vision = dialog.create_parent("We build what matters")
    assert env.document.workshop.node(vision).kind is NodeKind.VISION
    assert dialog.session.finished


def test_refused_answers_change_nothing(env) -> None:
    messages: list[str] = []
    env.document.message.connect(messages.append)
    dialog = FiveWhysDialog(env.document, "g4")
    count = env.document.undo_stack.count()
    assert not dialog.pick("val")
    assert dialog.create_parent("   ") is None
    assert env.document.undo_stack.count() == count and len(messages) == 2


def test_ask_why_is_offered_only_on_orphans(env, launcher) -> None:
    env.scene.select_ids(["g1"])
    env.document.refresh_analysis()
    assert not launcher.action.isEnabled()
    assert launcher.start() is None
    env.scene.select_ids(["g4"])
    assert launcher.action.isEnabled()


def test_add_and_link_button_creates_the_typed_parent(qtbot, env) -> None:
    dialog = FiveWhysDialog(env.document, "o3")
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Grow the partner channel")
    before = len(env.document.workshop.nodes)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    workshop = env.document.workshop
    assert len(workshop.nodes) == before + 1
    created = next(n for n in workshop.nodes if n.title == "Grow the partner channel")
    assert isinstance(created.kind, NodeKind)
    assert workshop.find_link(LinkKind.SUPPORTS, "o3", created.id) is not None
    assert env.document.undo_stack.undoText().startswith("Why: new objective")


def test_deleting_the_orphan_ends_the_open_dialog_cleanly(env, launcher) -> None:
    dialog = launcher.start("g4")
    assert dialog is not None
    env.document.delete(["g4"])
    assert dialog.session.ended and dialog.session.finished
    assert dialog.question_label.text() == "Ended"
    assert "has ended" in dialog.outcome_label.text()
    assert not dialog.existing_box.isVisibleTo(dialog) and not dialog.pick_button.isEnabled()
    assert dialog.pick("o1") is False and dialog.create_parent("Anything") is None
    env.document.undo_stack.undo()  # the orphan is back, the run stays ended
    dialog.refresh()
    assert dialog.session.ended and "has ended" in dialog.outcome_label.text()


def test_undoing_a_created_parent_ends_the_run_on_it(env, launcher) -> None:
    dialog = launcher.start("g4")
    new = dialog.create_parent("Customers recommend us")
    assert dialog.session.current == new
    env.document.undo_stack.undo()
    assert not env.document.workshop.has_node(new)
    assert dialog.session.ended and "has ended" in dialog.outcome_label.text()
    assert dialog.create_parent("Something else") is None


def test_opening_another_workshop_ends_the_open_dialog(env, launcher) -> None:
    dialog = launcher.start("g4")
    env.document.new()
    assert dialog.session.ended
    assert "Another workshop was opened" in dialog.outcome_label.text()
    assert dialog.pick("o1") is False


def test_the_candidates_follow_edits_made_beside_the_dialog(qtbot, env, launcher) -> None:
    dialog = launcher.start("g4")

    def listed() -> set[str]:
        items = [dialog.candidate_list.item(r) for r in range(dialog.candidate_list.count())]
        return {item.data(Qt.ItemDataRole.UserRole) for item in items}

    assert "o3" in listed()
    env.document.delete(["o3"])
    qtbot.waitUntil(lambda: "o3" not in listed())
    assert not dialog.session.ended


def test_the_new_parent_field_shows_its_whole_example(qtbot, env) -> None:
    """Seen in the walkthrough: the hint read "What does it serve? e.g. Customers stay wi…"."""
    dialog = FiveWhysDialog(env.document, "o3")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    edit = dialog.title_edit
    hint = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert edit.width() >= hint + 12
