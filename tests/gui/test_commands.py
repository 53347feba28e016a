"""Every document edit: do → undo → redo, checking the model, the order and the clean state."""

from __future__ import annotations

import pytest

from alignment_workshop.gui.editing.document import Document
from alignment_workshop.model import (
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Priority,
    Team,
    Workshop,
)


def small_workshop() -> Workshop:
    """A vision, a value, an objective, three goals of two teams, and links of each kind."""
    g, o = NodeKind.GOAL, NodeKind.OBJECTIVE
    nodes = [
        Node("v", NodeKind.VISION, "Best tool for teams", pos=(0.0, 0.0)),
        Node("val", NodeKind.VALUE, "Customers first", pos=(400.0, 0.0)),
        Node("o", o, "Grow retention", pos=(0.0, 200.0)),
        Node("g1", g, "Redesign onboarding", pos=(-200.0, 400.0), team="t1"),
        Node("g2", g, "Ship mobile app", pos=(0.0, 400.0), team="t1"),
        Node("g3", g, "Spring campaign", pos=(200.0, 400.0), team="t2"),
    ]
    links = [
        Link("l1", LinkKind.SUPPORTS, "o", "v"),
        Link("l2", LinkKind.SUPPORTS, "g1", "o"),
        Link("l3", LinkKind.UPHOLDS, "g1", "val"),
        Link("l4", LinkKind.CONFLICTS, "g2", "g3"),
        Link("l5", LinkKind.DEPENDS, "g3", "g1"),
    ]
    teams = [Team("t1", "Product", "#3366CC"), Team("t2", "Marketing", "#CC3366")]
    return Workshop.from_records(Meta(title="Test"), teams, nodes, links)


@pytest.fixture
def doc(qtbot) -> Document:
    document = Document()
    document.replace(small_workshop())
    return document


def undo_redo_cycle(doc: Document, before: Workshop, after: Workshop) -> None:
    """Undo must give back `before` exactly and redo `after`, with the clean state following."""
    assert doc.workshop == after
    assert doc.is_modified()
    doc.undo_stack.undo()
    assert doc.workshop == before
    assert not doc.is_modified()
    doc.undo_stack.redo()
    assert doc.workshop == after
    assert doc.is_modified()


def test_new_document_is_clean_and_empty(qtbot):
    doc = Document()
    assert not doc.is_modified()
    assert doc.workshop.nodes == []
    assert doc.path is None


def test_add_node(doc, qtbot):
    before = doc.workshop.copy()
    with qtbot.waitSignal(doc.modified_changed) as blocker:
        node_id = doc.add_node(NodeKind.GOAL, "Redesign onboarding", (10.0, 20.0))
    assert blocker.args == [True]
    assert node_id is not None
    node = doc.workshop.node(node_id)
    assert (node.kind, node.title, node.pos) == (NodeKind.GOAL, "Redesign onboarding", (10.0, 20.0))
    assert doc.workshop.nodes[-1].id == node_id
    assert doc.undo_stack.undoText() == "Add team goal 'Redesign onboarding'"
    undo_redo_cycle(doc, before, doc.workshop.copy())


def test_add_node_refused_pushes_nothing(doc, qtbot):
    with qtbot.waitSignal(doc.message) as blocker:
        assert doc.add_node(NodeKind.GOAL, "   ") is None
    assert "blank" in blocker.args[0]
    assert doc.undo_stack.count() == 0
    assert not doc.is_modified()


def test_add_link(doc):
    before = doc.workshop.copy()
    link_id = doc.add_link(LinkKind.SUPPORTS, "g2", "o")
    assert link_id is not None
    link = doc.workshop.link(link_id)
    assert (link.kind, link.source, link.target) == (LinkKind.SUPPORTS, "g2", "o")
    assert doc.undo_stack.undoText() == "Link 'Ship mobile app' supports 'Grow retention'"
    undo_redo_cycle(doc, before, doc.workshop.copy())


@pytest.mark.parametrize(
    ("kind", "source", "target", "reason"),
    [
        (LinkKind.SUPPORTS, "v", "o", "cannot run from a vision to"),
        (LinkKind.SUPPORTS, "g1", "g1", "itself"),
        (LinkKind.SUPPORTS, "g1", "o", "already joins"),
        (LinkKind.CONFLICTS, "g3", "g2", "already joins"),
        (LinkKind.DEPENDS, "g1", "o", "cannot run from a team goal to"),
    ],
)
def test_invalid_link_is_refused_with_a_reason(doc, qtbot, kind, source, target, reason):
    before = doc.workshop.copy()
    with qtbot.waitSignal(doc.message) as blocker:
        assert doc.add_link(kind, source, target) is None
    assert reason in blocker.args[0]
    assert blocker.args[0].startswith("Link refused: ")
    assert doc.workshop == before
    assert doc.undo_stack.count() == 0
    assert not doc.is_modified()


def test_update_node_fields(doc):
    before = doc.workshop.copy()
    assert doc.update_node("g1", title="Rethink onboarding")
    assert doc.undo_stack.undoText() == "Edit title of 'Redesign onboarding'"
    assert doc.update_node("g1", priority=Priority.HIGH, votes=4, team="t2")
    assert doc.undo_stack.undoText() == "Edit 'Rethink onboarding'"
    node = doc.workshop.node("g1")
    assert (node.title, node.priority, node.votes, node.team) == (
        "Rethink onboarding",
        Priority.HIGH,
        4,
        "t2",
    )
    after = doc.workshop.copy()
    doc.undo_stack.undo()
    doc.undo_stack.undo()
    assert doc.workshop == before
    assert not doc.is_modified()
    doc.undo_stack.redo()
    doc.undo_stack.redo()
    assert doc.workshop == after


def test_update_node_refused_and_noop(doc, qtbot):
    with qtbot.waitSignal(doc.message):
        assert not doc.update_node("g1", impact=9)
    with qtbot.waitSignal(doc.message):
        assert not doc.update_node("g1", team="nope")
    with qtbot.waitSignal(doc.message):
        assert not doc.update_node("v", votes=2)
    assert doc.update_node("g1", title="Redesign onboarding")
    assert doc.undo_stack.count() == 0


def test_move_is_one_command(doc):
    before = doc.workshop.copy()
    assert doc.move_nodes({"g1": (1.0, 2.0), "g2": (3.0, 4.0)})
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Move 2 items"
    assert doc.workshop.node("g2").pos == (3.0, 4.0)
    undo_redo_cycle(doc, before, doc.workshop.copy())
    assert doc.move_nodes({"o": (5.0, 5.0)})
    assert doc.undo_stack.undoText() == "Move 'Grow retention'"


def test_delete_node_takes_its_links_and_undo_restores_order(doc):
    before = doc.workshop.copy()
    assert doc.delete(["g1"])
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Delete 'Redesign onboarding'"
    assert not doc.workshop.has_node("g1")
    assert [link.id for link in doc.workshop.links] == ["l1", "l4"]
    undo_redo_cycle(doc, before, doc.workshop.copy())
    doc.undo_stack.undo()
    assert [n.id for n in doc.workshop.nodes] == ["v", "val", "o", "g1", "g2", "g3"]
    assert [k.id for k in doc.workshop.links] == ["l1", "l2", "l3", "l4", "l5"]


def test_delete_selection_of_nodes_and_links(doc):
    before = doc.workshop.copy()
    assert doc.delete(["v", "g3"], ["l3"])
    assert doc.undo_stack.undoText() == "Delete 6 items"
    assert [n.id for n in doc.workshop.nodes] == ["val", "o", "g1", "g2"]
    assert [k.id for k in doc.workshop.links] == ["l2"]
    undo_redo_cycle(doc, before, doc.workshop.copy())
    assert not doc.delete(["missing"])


def test_update_link_and_meta(doc):
    before = doc.workshop.copy()
    assert doc.update_link("l4", resolved=True, resolution="Campaign waits for the app")
    assert doc.workshop.link("l4").resolved
    assert doc.update_meta(title="Spring offsite")
    assert doc.workshop.meta.title == "Spring offsite"
    after = doc.workshop.copy()
    doc.undo_stack.setIndex(0)
    assert doc.workshop == before
    doc.undo_stack.setIndex(2)
    assert doc.workshop == after


def test_update_link_refused(doc, qtbot):
    with qtbot.waitSignal(doc.message):
        assert not doc.update_link("l1", resolved=True)
    assert doc.undo_stack.count() == 0


def test_teams(doc):
    before = doc.workshop.copy()
    team_id = doc.add_team("Sales", "#AA5500")
    assert team_id is not None
    assert doc.update_team(team_id, name="Sales & Partners")
    assert doc.remove_team("t1", move_goals_to=team_id)
    assert [t.id for t in doc.workshop.teams] == ["t2", team_id]
    assert doc.workshop.node("g1").team == team_id
    assert doc.remove_team("t2")
    assert doc.workshop.node("g3").team is None
    after = doc.workshop.copy()
    doc.undo_stack.setIndex(0)
    assert doc.workshop == before
    assert [t.id for t in doc.workshop.teams] == ["t1", "t2"]
    doc.undo_stack.setIndex(doc.undo_stack.count())
    assert doc.workshop == after


def test_removing_a_team_moves_its_key_results_and_its_help_in_one_step(doc):
    doc.workshop.add_team(Team("t3", "Support"))
    doc.workshop.update_node("g1", contributors=("t2", "t3"))
    doc.workshop.update_node("g2", contributors=("t2",))
    doc.workshop.add_node(Node("k", NodeKind.KEY_RESULT, "Churn", team="t2"))
    doc.workshop.add_link(Link("m", LinkKind.MEASURES, "k", "o"))
    before = doc.workshop.copy()
    assert doc.remove_team("t2", move_goals_to="t3")
    assert doc.undo_stack.count() == 1
    assert doc.workshop.node("k").team == "t3"
    assert doc.workshop.node("g1").contributors == ("t3",)  # t3 is listed once
    assert doc.workshop.node("g2").contributors == ("t3",)
    assert doc.workshop.node("g3").team == "t3"
    after = doc.workshop.copy()
    doc.undo_stack.undo()
    assert doc.workshop == before
    doc.undo_stack.redo()
    assert doc.workshop == after
    assert doc.remove_team("t3")
    assert doc.workshop.node("g1").contributors == ()
    assert doc.workshop.node("k").team is None


def test_a_team_that_becomes_the_lead_leaves_the_contributors(doc):
    doc.workshop.update_node("g3", contributors=("t1",))
    assert doc.remove_team("t2", move_goals_to="t1")
    assert (doc.workshop.node("g3").team, doc.workshop.node("g3").contributors) == ("t1", ())


def test_add_items_is_one_step_and_refuses_bad_batches(doc, qtbot):
    before = doc.workshop.copy()
    nodes = [Node("n1", NodeKind.GOAL, "Copy of A"), Node("n2", NodeKind.OBJECTIVE, "Copy of B")]
    links = [Link("k1", LinkKind.SUPPORTS, "n1", "n2")]
    assert doc.add_items(nodes, links, "Paste 3 items")
    assert doc.undo_stack.undoText() == "Paste 3 items"
    undo_redo_cycle(doc, before, doc.workshop.copy())
    with qtbot.waitSignal(doc.message):
        assert not doc.add_items([Node("n3", NodeKind.GOAL, "X")], [links[0]], "Paste")
    assert not doc.workshop.has_node("n3")


def test_macro_groups_edits(doc):
    before = doc.workshop.copy()
    with doc.macro("Ask why 'Ship mobile app'"):
        new = doc.add_node(NodeKind.OBJECTIVE, "Win mobile users")
        assert new is not None
        doc.add_link(LinkKind.SUPPORTS, "g2", new)
        doc.add_link(LinkKind.SUPPORTS, new, "v")
    assert doc.undo_stack.count() == 1
    assert doc.undo_stack.undoText() == "Ask why 'Ship mobile app'"
    undo_redo_cycle(doc, before, doc.workshop.copy())


def test_replace_resets_the_stack_and_can_open_modified(qtbot):
    doc = Document()
    doc.add_node(NodeKind.VISION, "A")
    assert doc.is_modified()
    with qtbot.waitSignal(doc.workshop_replaced):
        doc.replace(small_workshop())
    assert not doc.is_modified()
    assert doc.undo_stack.count() == 0
    doc.replace(small_workshop(), modified=True)
    assert doc.is_modified()


def test_analysis_is_debounced_after_changes(doc, qtbot):
    with qtbot.waitSignal(doc.analysis_updated, timeout=1000) as blocker:
        doc.delete(["g1"])
    assert blocker.args[0] is doc.report


def test_nodes_without_positions_are_placed_on_open(qtbot):
    workshop = small_workshop()
    workshop.move_node("g2", None)
    workshop.move_node("v", None)
    doc = Document()
    doc.replace(workshop)
    assert all(node.pos is not None for node in doc.workshop.iter_nodes())
    assert not doc.is_modified()
    assert doc.undo_stack.count() == 0


def test_save_and_reopen_gives_an_equal_model(doc, tmp_path):
    from alignment_workshop import fileio

    doc.add_node(NodeKind.VALUE, "Honesty", (900.0, 0.0))
    target = doc.save(tmp_path / "plan.alignment")
    assert not doc.is_modified()
    assert doc.path == target
    again = Document()
    again.load(target)
    assert again.workshop == doc.workshop
    assert fileio.dumps(again.workshop) == fileio.dumps(doc.workshop)
