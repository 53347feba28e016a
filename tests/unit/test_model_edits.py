"""The model's edit API: each edit validates first, changes, then emits one event."""

from __future__ import annotations

import datetime as dt

import pytest

from alignment_workshop.model import (
    Action,
    Added,
    Changed,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Priority,
    Removed,
    Status,
    Team,
    ValidationError,
    Workshop,
    new_id,
)


def _recorder(workshop: Workshop) -> list[tuple[str, object]]:
    seen: list[tuple[str, object]] = []
    for name in vars(workshop.events):
        getattr(workshop.events, name).subscribe(lambda payload, n=name: seen.append((n, payload)))
    return seen


@pytest.fixture
def workshop() -> Workshop:
    w = Workshop(Meta(title="Test"))
    w.add_team(Team("sales", "Sales", "#ff8800"))
    w.add_node(Node("v", NodeKind.VISION, "Vision"))
    w.add_node(Node("o", NodeKind.OBJECTIVE, "Objective"))
    w.add_node(Node("g", NodeKind.GOAL, "Goal", team="sales"))
    w.add_node(Node("h", NodeKind.GOAL, "Other goal"))
    w.add_node(Node("val", NodeKind.VALUE, "Value"))
    w.add_link(Link("l1", LinkKind.SUPPORTS, "o", "v"))
    w.add_link(Link("l2", LinkKind.SUPPORTS, "g", "o"))
    return w


def test_add_node_emits_added_then_changed(workshop: Workshop) -> None:
    seen = _recorder(workshop)
    stored = workshop.add_node(Node("x", NodeKind.GOAL, "New", priority="high"))
    assert stored.priority is Priority.HIGH
    assert seen == [("node_added", Added(5, stored)), ("changed", None)]


def test_insert_node_at_index_keeps_order(workshop: Workshop) -> None:
    workshop.insert_node(1, Node("x", NodeKind.VALUE, "Inserted"))
    assert [n.id for n in workshop.nodes] == ["v", "x", "o", "g", "h", "val"]


def test_remove_and_reinsert_restores_exact_order(workshop: Workshop) -> None:
    before = workshop.copy()
    index, node = workshop.remove_node("h")
    assert index == 3
    workshop.insert_node(index, node)
    assert workshop == before


def test_remove_node_with_links_is_refused_and_changes_nothing(workshop: Workshop) -> None:
    before = workshop.copy()
    seen = _recorder(workshop)
    with pytest.raises(ValidationError, match="still has links"):
        workshop.remove_node("o")
    assert workshop == before and seen == []


def test_remove_link_then_node(workshop: Workshop) -> None:
    seen = _recorder(workshop)
    workshop.remove_link("l2")
    workshop.remove_node("g")
    assert not workshop.has_node("g") and workshop.links_of("o") == [workshop.link("l1")]
    assert [name for name, _ in seen] == ["link_removed", "changed", "node_removed", "changed"]
    assert seen[2][1] == Removed(2, Node("g", NodeKind.GOAL, "Goal", team="sales"))


def test_update_node_emits_changed_fields(workshop: Workshop) -> None:
    seen = _recorder(workshop)
    old = workshop.update_node("g", title="Renamed", votes=4)
    assert old.title == "Goal"
    event = seen[0][1]
    assert isinstance(event, Changed)
    assert event.fields == frozenset({"title", "votes"})
    assert workshop.node("g").title == "Renamed"


def test_update_without_difference_emits_nothing(workshop: Workshop) -> None:
    seen = _recorder(workshop)
    workshop.update_node("g", title="Goal")
    assert seen == []


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"title": "   "}, "title: must not be blank"),
        ({"title": "x" * 201}, "title: must be at most 200 characters"),
        ({"impact": True}, "impact: must be an integer (got boolean)"),
        ({"impact": 6}, "impact: must be an integer from 1 to 5"),
        ({"votes": -1}, "votes: must be an integer from 0 to 1,000,000"),
        ({"priority": "urgent"}, 'priority: must be one of high, medium, low (got "urgent")'),
        ({"status": "done"}, "status: must be one of proposed, agreed, dropped"),
        ({"team": "nobody"}, "team: refers to a team that does not exist"),
        ({"due": "2026-02-30"}, "due: is not a real calendar date"),
        ({"due": "30/01/2026"}, 'due: must be a date "YYYY-MM-DD" or null'),
        ({"pos": (float("nan"), 0.0)}, "x: must be a finite number"),
        ({"pos": (0.0, 2e7)}, "y: must be a finite number within ±1e7"),
        ({"actions": (Action(" "),)}, "actions[0].text: must not be blank"),
        ({"kind": NodeKind.OBJECTIVE}, "kind: cannot be changed"),
        ({"colour": "#fff"}, "colour: is not a field that can be changed"),
        ({"id": "other"}, "id: is not a field that can be changed"),
    ],
)
def test_invalid_update_is_refused_before_changing(
    workshop: Workshop, changes: dict[str, object], message: str
) -> None:
    before = workshop.copy()
    seen = _recorder(workshop)
    with pytest.raises(ValidationError) as caught:
        workshop.update_node("g", **changes)
    assert str(caught.value).startswith(message)
    assert workshop == before and seen == []


def test_fields_that_do_not_apply_to_a_kind_are_refused(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="priority: does not apply to a vision node"):
        workshop.update_node("v", priority=Priority.HIGH)
    with pytest.raises(ValidationError, match="team: does not apply to an objective node"):
        workshop.add_node(Node("x", NodeKind.OBJECTIVE, "O", team="sales"))


def test_dates_and_positions_are_normalised(workshop: Workshop) -> None:
    workshop.update_node("g", due="2027-01-31", pos=(1, 2))
    node = workshop.node("g")
    assert node.due == dt.date(2027, 1, 31) and node.pos == (1.0, 2.0)
    workshop.move_node("g", None)
    assert workshop.node("g").pos is None


@pytest.mark.parametrize(
    ("kind", "source", "target", "allowed"),
    [
        (LinkKind.SUPPORTS, "h", "o", True),
        (LinkKind.SUPPORTS, "g", "v", True),
        (LinkKind.SUPPORTS, "g", "h", True),
        (LinkKind.SUPPORTS, "o", "g", False),
        (LinkKind.SUPPORTS, "v", "o", False),
        (LinkKind.SUPPORTS, "val", "v", False),
        (LinkKind.UPHOLDS, "g", "val", True),
        (LinkKind.UPHOLDS, "o", "val", True),
        (LinkKind.UPHOLDS, "v", "val", False),
        (LinkKind.UPHOLDS, "g", "o", False),
        (LinkKind.CONFLICTS, "g", "h", True),
        (LinkKind.CONFLICTS, "o", "g", True),
        (LinkKind.CONFLICTS, "g", "v", False),
        (LinkKind.DEPENDS, "g", "h", True),
        (LinkKind.DEPENDS, "g", "o", False),
    ],
)
def test_link_pairs_follow_the_format_table(
    workshop: Workshop, kind: LinkKind, source: str, target: str, allowed: bool
) -> None:
    link = Link("new", kind, source, target)
    if allowed:
        workshop.add_link(link)
        assert workshop.link("new") == link
    else:
        with pytest.raises(ValidationError, match="cannot run from"):
            workshop.add_link(link)
        assert not workshop.has_link("new")


def test_link_rules_self_duplicate_and_dangling(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="cannot join a node to itself"):
        workshop.add_link(Link("x", LinkKind.DEPENDS, "g", "g"))
    with pytest.raises(ValidationError, match="already joins these nodes"):
        workshop.add_link(Link("x", LinkKind.SUPPORTS, "g", "o"))
    workshop.add_link(Link("c1", LinkKind.CONFLICTS, "g", "h"))
    with pytest.raises(ValidationError, match="already joins these nodes"):
        workshop.add_link(Link("c2", LinkKind.CONFLICTS, "h", "g"))
    with pytest.raises(ValidationError, match="source: refers to a node that does not exist"):
        workshop.add_link(Link("x", LinkKind.SUPPORTS, "ghost", "o"))
    with pytest.raises(ValidationError, match="duplicate link id 'l1'"):
        workshop.add_link(Link("l1", LinkKind.SUPPORTS, "h", "o"))


def test_resolution_applies_to_conflicts_only(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="resolved: applies only to a conflicts link"):
        workshop.update_link("l2", resolved=True)
    workshop.add_link(Link("c", LinkKind.CONFLICTS, "g", "h"))
    workshop.update_link("c", resolved=True, resolution="Agreed")
    assert workshop.link("c").resolved


def test_update_link_rekeys_duplicates(workshop: Workshop) -> None:
    workshop.add_link(Link("d", LinkKind.DEPENDS, "g", "h"))
    workshop.update_link("d", source="h", target="g")
    assert workshop.find_link(LinkKind.DEPENDS, "h", "g") == workshop.link("d")
    assert workshop.find_link(LinkKind.DEPENDS, "g", "h") is None
    workshop.add_link(Link("d2", LinkKind.DEPENDS, "g", "h"))


def test_team_removal_refused_while_goals_refer_to_it(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="'Sales' still has 1 goal"):
        workshop.remove_team("sales")
    workshop.update_node("g", team=None)
    assert workshop.remove_team("sales") == (0, Team("sales", "Sales", "#ff8800"))


def test_team_validation(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="color: must be a colour"):
        workshop.update_team("sales", color="orange")
    with pytest.raises(ValidationError, match="name: must not be blank"):
        workshop.add_team(Team("t2", " "))
    with pytest.raises(ValidationError, match="duplicate team id"):
        workshop.add_team(Team("sales", "Again"))
    with pytest.raises(ValidationError, match="id: must be 1–64 letters"):
        workshop.add_team(Team("-bad", "Bad"))


def test_meta_update(workshop: Workshop) -> None:
    seen = _recorder(workshop)
    workshop.update_meta(participants=["Ann", "Bo"], date="2026-11-24")
    assert workshop.meta.participants == ("Ann", "Bo")
    assert workshop.meta.date == dt.date(2026, 11, 24)
    assert [name for name, _ in seen] == ["meta_changed", "changed"]
    with pytest.raises(ValidationError, match="title: must not be empty"):
        workshop.update_meta(title="")


def test_from_records_locates_errors_like_a_file() -> None:
    nodes = [Node("a", NodeKind.VISION, "A"), Node("b", NodeKind.GOAL, "B", team="t9")]
    with pytest.raises(ValidationError, match=r"^nodes\[1\]\.team: refers to a team"):
        Workshop.from_records(Meta(), [], nodes, [])
    with pytest.raises(ValidationError, match=r"^workshop\.title: must not be empty"):
        Workshop.from_records(Meta(title=""), [], [], [])
    links = [Link("l", LinkKind.SUPPORTS, "a", "b")]
    with pytest.raises(ValidationError, match=r"^links\[0\]\.kind: a supports link cannot"):
        Workshop.from_records(Meta(), [], [*nodes[:1], Node("b", NodeKind.GOAL, "B")], links)


def test_records_handed_out_cannot_change_the_workshop(workshop: Workshop) -> None:
    workshop.nodes.clear()
    workshop.links.append(Link("z", LinkKind.SUPPORTS, "h", "o"))
    assert len(workshop.nodes) == 5 and not workshop.has_link("z")
    with pytest.raises(AttributeError):
        workshop.node("g").title = "Hacked"  # type: ignore[misc]


def test_dropped_nodes_are_inactive(workshop: Workshop) -> None:
    workshop.update_node("g", status=Status.DROPPED)
    assert not workshop.node("g").is_active and workshop.node("v").is_active


def test_new_ids_are_valid_and_unique() -> None:
    ids = {new_id("goal") for _ in range(1000)}
    assert len(ids) == 1000
    w = Workshop()
    for node_id in list(ids)[:5]:
        w.add_node(Node(node_id, NodeKind.VALUE, "V"))
