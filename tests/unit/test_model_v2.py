"""The model's rules for what format version 2 added: key results, measures links,
contributors, objectives' owners and the workshop's period."""

from __future__ import annotations

import datetime as dt

import pytest

from alignment_workshop.model import (
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Status,
    Team,
    ValidationError,
    Workshop,
    natural_link_kind,
)

KR = NodeKind.KEY_RESULT


@pytest.fixture
def workshop() -> Workshop:
    w = Workshop(Meta(title="Test"))
    for team_id, name in (("sales", "Sales"), ("eng", "Engineering"), ("ops", "Ops")):
        w.add_team(Team(team_id, name))
    w.add_node(Node("v", NodeKind.VISION, "Vision"))
    w.add_node(Node("o", NodeKind.OBJECTIVE, "Objective", owner="Dana"))
    w.add_node(Node("g", NodeKind.GOAL, "Goal", team="sales", contributors=("eng",)))
    w.add_node(Node("k", KR, "Churn", team="eng", target=5, unit="%"))
    w.add_link(Link("l1", LinkKind.SUPPORTS, "o", "v"))
    w.add_link(Link("l2", LinkKind.MEASURES, "k", "o"))
    return w


def test_a_key_result_is_labelled_and_can_be_dropped(workshop: Workshop) -> None:
    assert KR.label == "Key result" and KR.value == "key_result"
    assert workshop.node("k").is_active
    workshop.update_node("k", status=Status.DROPPED)
    assert not workshop.node("k").is_active


def test_key_result_numbers_are_stored_as_floats(workshop: Workshop) -> None:
    workshop.update_node("k", baseline=9, current=7, target=-1_000_000_000_000_000)
    node = workshop.node("k")
    assert (node.baseline, node.current, node.target) == (9.0, 7.0, -1e15)
    assert all(type(v) is float for v in (node.baseline, node.current, node.target))
    workshop.update_node("k", target=None)
    assert workshop.node("k").target is None


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"target": 1e15 * 1.0000001}, "target: must be a finite number within ±1e15"),
        ({"baseline": -(10**16)}, "baseline: must be a finite number within ±1e15"),
        ({"current": float("nan")}, "current: must be a finite number within ±1e15"),
        ({"target": float("inf")}, "target: must be a finite number within ±1e15"),
        ({"target": True}, "target: must be a number or null (got boolean)"),
        ({"baseline": "9"}, "baseline: must be a number or null (got string)"),
        ({"unit": "x" * 21}, "unit: must be at most 20 characters"),
        ({"team": "nobody"}, "team: refers to a team that does not exist"),
        ({"due": "2027-02-30"}, "due: is not a real calendar date"),
        ({"status": "done"}, "status: must be one of proposed, agreed, dropped"),
        ({"owner": "x" * 201}, "owner: must be at most 200 characters"),
        ({"priority": "high"}, "priority: does not apply to a key_result node"),
        ({"impact": 4}, "impact: does not apply to a key_result node"),
        ({"metric": "m"}, "metric: does not apply to a key_result node"),
        ({"votes": 1}, "votes: does not apply to a key_result node"),
        ({"why": "w"}, "why: does not apply to a key_result node"),
        ({"contributors": ("sales",)}, "contributors: does not apply to a key_result node"),
    ],
)
def test_invalid_key_result_edits_are_refused(
    workshop: Workshop, changes: dict[str, object], message: str
) -> None:
    before = workshop.copy()
    with pytest.raises(ValidationError) as caught:
        workshop.update_node("k", **changes)
    assert str(caught.value).startswith(message)
    assert workshop == before


def test_the_unit_may_be_exactly_twenty_characters(workshop: Workshop) -> None:
    workshop.update_node("k", unit="x" * 20)
    assert len(workshop.node("k").unit) == 20


@pytest.mark.parametrize(
    ("kind", "field", "value"),
    [
        (NodeKind.OBJECTIVE, "team", "sales"),
        (NodeKind.OBJECTIVE, "due", dt.date(2027, 1, 1)),
        (NodeKind.OBJECTIVE, "contributors", ("sales",)),
        (NodeKind.GOAL, "baseline", 1.0),
        (NodeKind.GOAL, "unit", "%"),
        (NodeKind.VISION, "owner", "Ana"),
        (NodeKind.VALUE, "status", Status.AGREED),
    ],
)
def test_new_fields_apply_only_to_their_kinds(
    workshop: Workshop, kind: NodeKind, field: str, value: object
) -> None:
    with pytest.raises(ValidationError, match=rf"^{field}: does not apply to an? {kind.value}"):
        workshop.add_node(Node("x", kind, "X", **{field: value}))


def test_objectives_have_an_owner(workshop: Workshop) -> None:
    workshop.update_node("o", owner="Ana")
    assert workshop.node("o").owner == "Ana"
    with pytest.raises(ValidationError, match="owner: must be at most 200"):
        workshop.update_node("o", owner="x" * 201)


def test_contributors_are_distinct_existing_teams_other_than_the_lead(
    workshop: Workshop,
) -> None:
    workshop.update_node("g", contributors=["ops", "eng"])
    assert workshop.node("g").contributors == ("ops", "eng")
    cases = [
        (("eng", "eng"), "contributors[1]: names the team 'eng' twice"),
        (("ops", "sales"), "contributors[1]: is the goal's own team ('sales')"),
        (("ghost",), "contributors[0]: refers to a team that does not exist ('ghost')"),
        (("-bad",), "contributors[0]: must be 1–64 letters"),
        ("eng", "contributors: must be a list of team ids"),
    ]
    for contributors, message in cases:
        with pytest.raises(ValidationError) as caught:
            workshop.update_node("g", contributors=contributors)
        assert str(caught.value).startswith(message)
    with pytest.raises(ValidationError, match="contributors\\[0\\]: is the goal's own team"):
        workshop.update_node("g", team="ops", contributors=("ops",))
    assert workshop.node("g").contributors == ("ops", "eng")


def test_at_most_a_hundred_contributors() -> None:
    w = Workshop()
    for i in range(102):
        w.add_team(Team(f"t{i}", f"Team {i}"))
    helpers = tuple(f"t{i}" for i in range(1, 101))
    w.add_node(Node("g", NodeKind.GOAL, "Goal", team="t0", contributors=helpers))
    with pytest.raises(ValidationError, match="contributors: must hold at most 100 teams"):
        w.update_node("g", contributors=(*helpers, "t101"))


def test_a_team_named_by_a_contributor_or_a_key_result_cannot_be_removed(
    workshop: Workshop,
) -> None:
    assert [n.id for n in workshop.team_references("eng")] == ["g", "k"]
    with pytest.raises(ValidationError, match="'Engineering' still has 2 goal"):
        workshop.remove_team("eng")
    workshop.update_node("g", contributors=())
    with pytest.raises(ValidationError, match="still has 1 goal"):
        workshop.remove_team("eng")
    workshop.update_node("k", team=None)
    assert workshop.remove_team("eng")[1].id == "eng"


@pytest.mark.parametrize(
    ("kind", "source", "target", "allowed"),
    [
        (LinkKind.MEASURES, "k", "g", None),  # allowed, but k already measures o
        (LinkKind.MEASURES, "k2", "o", True),
        (LinkKind.MEASURES, "k2", "g", True),
        (LinkKind.MEASURES, "k2", "v", False),
        (LinkKind.MEASURES, "g", "o", False),
        (LinkKind.MEASURES, "o", "k2", False),
        (LinkKind.SUPPORTS, "g", "k2", True),
        (LinkKind.SUPPORTS, "k2", "o", False),
        (LinkKind.SUPPORTS, "o", "k2", False),
        (LinkKind.UPHOLDS, "k2", "val", False),
        (LinkKind.CONFLICTS, "g", "k2", False),
        (LinkKind.DEPENDS, "k2", "g", False),
    ],
)
def test_key_result_links_follow_the_format_table(
    workshop: Workshop, kind: LinkKind, source: str, target: str, allowed: bool | None
) -> None:
    workshop.add_node(Node("k2", KR, "Second"))
    workshop.add_node(Node("val", NodeKind.VALUE, "Value"))
    link = Link("new", kind, source, target)
    if allowed:
        workshop.add_link(link)
        assert workshop.link("new") == link
        return
    match = "measures one node only" if allowed is None else "cannot run from"
    with pytest.raises(ValidationError, match=match):
        workshop.add_link(link)
    assert not workshop.has_link("new")


def test_a_key_result_measures_one_node_even_when_a_link_is_moved(workshop: Workshop) -> None:
    workshop.add_node(Node("k2", KR, "Second"))
    workshop.add_link(Link("m2", LinkKind.MEASURES, "k2", "g"))
    with pytest.raises(ValidationError, match=r"^source: a key result measures one node only"):
        workshop.update_link("m2", source="k")
    workshop.update_link("l2", target="g", note="moved")  # its own link may move
    assert workshop.link("l2").target == "g"
    workshop.remove_link("l2")
    workshop.update_link("m2", source="k")
    assert workshop.link("m2").source == "k"


def test_check_new_link_refuses_a_second_measures_link(workshop: Workshop) -> None:
    with pytest.raises(ValidationError, match="already measures 'o' \\('l2'\\)"):
        workshop.check_new_link(Link("x", LinkKind.MEASURES, "k", "g"))


def test_a_drag_makes_the_natural_link() -> None:
    assert natural_link_kind(KR, NodeKind.OBJECTIVE) is LinkKind.MEASURES
    assert natural_link_kind(KR, NodeKind.GOAL) is LinkKind.MEASURES
    assert natural_link_kind(NodeKind.GOAL, KR) is LinkKind.SUPPORTS
    assert natural_link_kind(NodeKind.GOAL, NodeKind.OBJECTIVE) is LinkKind.SUPPORTS
    assert natural_link_kind(KR, NodeKind.VALUE) is None


def test_the_period_is_checked_and_normalised(workshop: Workshop) -> None:
    workshop.update_meta(period=Period("2027-01-01", "2027-06-30", "H1 2027"))  # type: ignore[arg-type]
    period = workshop.meta.period
    assert period == Period(dt.date(2027, 1, 1), dt.date(2027, 6, 30), "H1 2027")
    assert dt.date(2027, 6, 30) in period and dt.date(2027, 7, 1) not in period
    one_day = Period(dt.date(2027, 1, 1), dt.date(2027, 1, 1))
    workshop.update_meta(period=one_day)
    assert workshop.meta.period == one_day
    workshop.update_meta(period=None)
    assert workshop.meta.period is None


@pytest.mark.parametrize(
    ("period", "message"),
    [
        (Period(dt.date(2027, 2, 1), dt.date(2027, 1, 31)), "period.end: must not be before"),
        (Period("2027-02-30", "2027-03-01"), "period.start: is not a real calendar date"),  # type: ignore[arg-type]
        (Period(None, dt.date(2027, 1, 1)), 'period.start: must be a date "YYYY-MM-DD"'),  # type: ignore[arg-type]
        (Period(dt.date(2027, 1, 1), None), 'period.end: must be a date "YYYY-MM-DD"'),  # type: ignore[arg-type]
        (Period(dt.date(2027, 1, 1), dt.date(2027, 2, 1), "x" * 41), "period.label: must be"),
        ("H1 2027", "period: must be a period or null (got string)"),
    ],
)
def test_a_bad_period_is_refused(workshop: Workshop, period: object, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        workshop.update_meta(period=period)
    assert str(caught.value).startswith(message)
    assert workshop.meta.period is None
