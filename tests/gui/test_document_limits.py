"""Adds past the model's limits are refused up front and leave the undo stack sound."""

from __future__ import annotations

import pytest

from alignment_workshop.gui.editing.document import Document
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop, rules
from alignment_workshop.model import plans as plans_module


def _document(workshop: Workshop, qtbot) -> tuple[Document, list[str]]:
    document = Document()
    document.replace(workshop)
    messages: list[str] = []
    document.message.connect(messages.append)
    return document, messages


def _assert_stack_sound(document: Document) -> None:
    before = document.workshop.copy()
    count = document.undo_stack.count()
    document.undo_stack.undo()  # nothing broken to undo: no exception
    document.undo_stack.redo()
    assert document.undo_stack.count() == count
    assert document.workshop == before


def test_adding_a_team_past_the_limit_is_refused_and_pushes_nothing(qtbot) -> None:
    teams = [Team(f"t{i}", f"Team {i}", "#1565C0") for i in range(rules.MAX_TEAMS - 1)]
    document, messages = _document(Workshop.from_records(Meta(), teams, [], []), qtbot)
    assert document.add_team("Last one", "#2E7D32") is not None  # reaches the limit
    assert document.undo_stack.count() == 1
    assert document.add_team("One too many", "#2E7D32") is None
    assert f"at most {rules.MAX_TEAMS:,} teams" in messages[-1]
    assert document.undo_stack.count() == 1
    assert len(document.workshop.teams) == rules.MAX_TEAMS
    _assert_stack_sound(document)


@pytest.fixture
def small_limits(monkeypatch) -> None:
    """Limits of 3 nodes and 1 link, in the rule table and where the model enforces them."""
    for module in (rules, plans_module):
        monkeypatch.setattr(module, "MAX_NODES", 3)
        monkeypatch.setattr(module, "MAX_LINKS", 1)


def test_adding_a_node_past_the_limit_is_refused_and_pushes_nothing(qtbot, small_limits) -> None:
    nodes = [Node("o1", NodeKind.OBJECTIVE, "One"), Node("o2", NodeKind.OBJECTIVE, "Two")]
    document, messages = _document(Workshop.from_records(Meta(), [], nodes, []), qtbot)
    assert document.add_node(NodeKind.GOAL, "Third") is not None
    assert document.add_node(NodeKind.GOAL, "Fourth") is None
    assert "at most 3 nodes" in messages[-1]
    assert document.undo_stack.count() == 1 and len(document.workshop.nodes) == 3
    _assert_stack_sound(document)


def test_adding_a_link_past_the_limit_is_refused_and_pushes_nothing(qtbot, small_limits) -> None:
    nodes = [Node(f"o{i}", NodeKind.OBJECTIVE, f"Objective {i}") for i in range(3)]
    links = [Link("l0", LinkKind.SUPPORTS, "o0", "o1")]
    document, messages = _document(Workshop.from_records(Meta(), [], nodes, links), qtbot)
    assert document.add_link(LinkKind.SUPPORTS, "o1", "o2") is None
    assert "at most 1 links" in messages[-1]
    assert document.undo_stack.count() == 0 and len(document.workshop.links) == 1
