"""A refused edit leaves the undo stack as it was and says the model's reason.

Every document helper asks the model's dry run before it pushes a command. These tests
refuse each kind of edit from a stack that has an undone step waiting to be redone: a
stray push would add a command, move the clean state or throw the redo step away.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest

from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.features.five_whys.chain import FiveWhysSession
from alignment_workshop.model import (
    Link,
    LinkKind,
    Node,
    NodeKind,
    Team,
    ValidationError,
    Workshop,
)
from alignment_workshop.model import plans as plans_module
from tests.gui.test_commands import small_workshop


@dataclass(frozen=True)
class Refusal:
    """An edit the document must refuse, and the model's dry run that says why."""

    name: str
    edit: Callable[[Document], Any]
    check: Callable[[Workshop], Any]
    prefix: str = ""

    def reason(self, workshop: Workshop) -> str:
        """The message the document must show: the model's own reason."""
        error = model_refusal(workshop, self.check)
        return f"{self.prefix}{error.reason}" if self.prefix else str(error)


def model_refusal(workshop: Workshop, check: Callable[[Workshop], Any]) -> ValidationError:
    """The error the model's dry run `check` raises (it must raise one)."""
    with pytest.raises(ValidationError) as caught:
        check(workshop)
    return caught.value


NAN = float("nan")
BAD_BATCH = ([Node("n3", NodeKind.GOAL, "Pasted")], [Link("k", LinkKind.SUPPORTS, "n3", "gone")])

REFUSALS = [
    Refusal(
        "blank new card",
        lambda d: d.add_node(NodeKind.GOAL, "   "),
        lambda w: w.check_new_node(Node("any", NodeKind.GOAL, "   ")),
    ),
    Refusal(
        "disallowed link",
        lambda d: d.add_link(LinkKind.SUPPORTS, "v", "o"),
        lambda w: w.check_new_link(Link("any", LinkKind.SUPPORTS, "v", "o")),
        prefix="Link refused: ",
    ),
    Refusal(
        "impact out of range",
        lambda d: d.update_node("g1", impact=9),
        lambda w: w.check_update_node("g1", impact=9),
    ),
    Refusal(
        "missing team",
        lambda d: d.update_node("g1", team="nope"),
        lambda w: w.check_update_node("g1", team="nope"),
    ),
    Refusal(
        "kind change",
        lambda d: d.update_node("g1", kind=NodeKind.OBJECTIVE),
        lambda w: w.check_update_node("g1", kind=NodeKind.OBJECTIVE),
    ),
    Refusal(
        "missing node",
        lambda d: d.update_node("gone", title="X"),
        lambda w: w.check_update_node("gone", title="X"),
    ),
    Refusal(
        "one bad position among good ones",
        lambda d: d.move_nodes({"g1": (5.0, 5.0), "g2": (NAN, 0.0)}),
        lambda w: w.check_move_node("g2", (NAN, 0.0)),
    ),
    Refusal(
        "resolving a supports link",
        lambda d: d.update_link("l1", resolved=True),
        lambda w: w.check_update_link("l1", resolved=True),
    ),
    Refusal(
        "blank workshop title",
        lambda d: d.update_meta(title=""),
        lambda w: w.check_update_meta(title=""),
    ),
    Refusal(
        "blank team name",
        lambda d: d.add_team("  ", "#123456"),
        lambda w: w.check_new_team(Team("any", "  ", "#123456")),
    ),
    Refusal(
        "bad team colour",
        lambda d: d.update_team("t1", color="blue"),
        lambda w: w.check_update_team("t1", color="blue"),
    ),
    Refusal(
        "goals moved to a missing team",
        lambda d: d.remove_team("t1", move_goals_to="nope"),
        lambda w: w.check_update_node("g1", team="nope"),
    ),
    Refusal(
        "goals moved to the team being removed",
        lambda d: d.remove_team("t1", move_goals_to="t1"),
        lambda w: w.check_remove_team("t1"),
    ),
    Refusal(
        "paste with a dangling link",
        lambda d: d.add_items(*BAD_BATCH, "Paste 2 items"),
        lambda w: w.check_new_items(*BAD_BATCH),
    ),
]


@pytest.fixture
def doc(qtbot) -> Document:
    """A document whose one edit has been undone: one step waits to be redone."""
    document = Document()
    document.replace(small_workshop())
    assert document.update_node("g2", title="Ship the app")
    document.undo_stack.undo()
    return document


def assert_refused(doc: Document, edit: Callable[[Document], Any], reason: str) -> None:
    """`edit` returns a falsy value, says `reason`, and changes neither model nor stack."""
    before = doc.workshop.copy()
    messages: list[str] = []
    doc.message.connect(messages.append)
    assert not edit(doc)
    assert messages == [reason]
    assert doc.workshop == before
    stack = doc.undo_stack
    assert (stack.count(), stack.index(), stack.cleanIndex()) == (1, 0, 0)
    assert stack.isClean() and not doc.is_modified() and stack.canRedo()
    stack.redo()
    assert doc.workshop.node("g2").title == "Ship the app"


@pytest.mark.parametrize("refusal", REFUSALS, ids=lambda r: r.name)
def test_a_refused_edit_leaves_the_stack_untouched(doc: Document, refusal: Refusal) -> None:
    assert_refused(doc, refusal.edit, refusal.reason(doc.workshop))


def test_a_links_kind_and_ends_are_never_changed_in_place(doc: Document) -> None:
    doc.workshop.check_update_link("l2", target="v")  # the model itself would allow it
    edit = lambda d: d.update_link("l2", target="v")  # noqa: E731
    assert_refused(doc, edit, "kind: cannot be changed; delete the link and add another")


@pytest.fixture
def full(monkeypatch: pytest.MonkeyPatch, doc: Document) -> Document:
    """The document, with room for one more node and no more links."""
    monkeypatch.setattr(plans_module, "MAX_NODES", len(doc.workshop.nodes) + 1)
    monkeypatch.setattr(plans_module, "MAX_LINKS", len(doc.workshop.links))
    return doc


def test_a_paste_past_the_node_limit_adds_nothing(full: Document) -> None:
    nodes = [Node("n1", NodeKind.GOAL, "One"), Node("n2", NodeKind.GOAL, "Two")]
    assert_refused(
        full, lambda d: d.add_items(nodes, [], "Paste"), "a workshop holds at most 7 nodes"
    )


# ----------------------------------------------------------------------- 5 Whys


def test_a_new_why_card_whose_link_is_refused_is_not_added(full: Document) -> None:
    """The link limit refuses the link: before, the card stayed on the map alone."""
    session = FiveWhysSession(full, "g2")
    reason = "New card refused: a workshop holds at most 5 links"
    assert_refused(full, lambda d: session.create_parent("Win mobile users"), reason)
    assert session.steps == [] and session.current == "g2"


@pytest.mark.parametrize(
    ("title", "kind", "reason"),
    [
        ("   ", None, "must not be blank"),
        (
            "Customers first",
            NodeKind.VALUE,
            "a supports link cannot run from a team goal to a value",
        ),
    ],
    ids=["blank", "kind-it-cannot-serve"],
)
def test_a_refused_why_answer_pushes_nothing(
    doc: Document, title: str, kind: NodeKind | None, reason: str
) -> None:
    session = FiveWhysSession(doc, "g2")
    assert_refused(doc, lambda d: session.create_parent(title, kind), f"New card refused: {reason}")
    assert session.steps == []


def test_a_refused_why_pick_pushes_nothing(doc: Document) -> None:
    session = FiveWhysSession(doc, "g2")
    link = Link("any", LinkKind.SUPPORTS, "g2", "val")
    error = model_refusal(doc.workshop, lambda w: w.check_new_link(link))
    assert_refused(doc, lambda d: session.pick("val"), f"Link refused: {error.reason}")
    assert session.steps == []


def test_a_new_why_card_and_its_link_are_one_undo_step(doc: Document) -> None:
    session = FiveWhysSession(doc, "g2")
    before = doc.workshop.copy()
    parent = session.create_parent("Win mobile users")
    assert parent is not None
    assert doc.workshop.find_link(LinkKind.SUPPORTS, "g2", parent) is not None
    assert doc.undo_stack.count() == 1 and not doc.undo_stack.canRedo()
    assert (
        doc.undo_stack.undoText() == "Why: new objective 'Win mobile users' for 'Ship mobile app'"
    )
    doc.undo_stack.undo()
    assert doc.workshop == before
