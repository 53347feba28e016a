"""The silo rule (v2): a team whose goals meet no other team's, by link, by contributor or
by objective, while at least one of them reaches the vision."""

from __future__ import annotations

import pytest

from alignment_workshop.analysis import Severity
from alignment_workshop.model import LinkKind

from .test_analysis_builder import Map


def _two_teams_apart() -> Map:
    """Teams a and b, each with goals serving its own objective: both are silos."""
    m = Map()
    m.vision()
    m.team("a", "Sales")
    m.team("b", "Engineering")
    for team in ("a", "b"):
        m.objective(f"o{team}")
        m.supports(f"o{team}", "v")
        for i in (1, 2):
            m.goal(f"{team}{i}", team=team)
            m.supports(f"{team}{i}", f"o{team}")
    return m


def test_two_teams_serving_separate_objectives_are_both_silos() -> None:
    m = _two_teams_apart()
    found = m.findings("silo")
    assert [(f.team, f.nodes) for f in found] == [("a", ("a1", "a2")), ("b", ("b1", "b2"))]
    assert all(f.severity is Severity.WARNING for f in found)
    assert "'Sales'" in found[0].message
    assert "'Engineering'" in found[1].message


def test_a_silo_names_only_the_teams_active_goals() -> None:
    m = _two_teams_apart()
    m.drop("a2")
    [a, _] = m.findings("silo")
    assert a.nodes == ("a1",)


def test_a_shared_objective_breaks_the_silo() -> None:
    m = _two_teams_apart()
    m.supports("b1", "oa")
    assert m.findings("silo") == []


def test_an_objective_shared_further_up_breaks_the_silo() -> None:
    m = _two_teams_apart()
    m.objective("top")
    m.supports("oa", "top")
    m.supports("ob", "top")
    assert m.findings("silo") == []


@pytest.mark.parametrize("kind", [LinkKind.SUPPORTS, LinkKind.DEPENDS, LinkKind.CONFLICTS])
def test_any_link_between_the_teams_goals_breaks_the_silo(kind: LinkKind) -> None:
    m = _two_teams_apart()
    m.link(kind, "a1", "b2", **({"resolved": True} if kind is LinkKind.CONFLICTS else {}))
    assert m.findings("silo") == []


def test_a_link_to_a_dropped_goal_of_another_team_does_not_count() -> None:
    m = _two_teams_apart()
    m.goal("b3", team="b")
    m.depends("a1", "b3")
    m.drop("b3")
    assert [f.team for f in m.findings("silo")] == ["a", "b"]


def test_a_shared_dropped_objective_does_not_count() -> None:
    m = _two_teams_apart()
    m.objective("shared")
    m.supports("a1", "shared")
    m.supports("b1", "shared")
    m.drop("shared")
    assert [f.team for f in m.findings("silo")] == ["a", "b"]


def test_a_link_to_an_unowned_goal_is_not_another_team() -> None:
    m = _two_teams_apart()
    m.goal("loose")
    m.depends("a1", "loose")
    assert [f.team for f in m.findings("silo")] == ["a", "b"]


def test_a_third_team_can_be_a_silo_while_the_others_meet() -> None:
    m = _two_teams_apart()
    m.supports("b1", "oa")
    m.team("c", "Marketing")
    m.goal("c1", team="c")
    m.objective("oc")
    m.supports("c1", "oc", "v")
    [finding] = m.findings("silo")
    assert (finding.team, finding.nodes) == ("c", ("c1",))


def test_a_team_whose_goals_are_all_orphans_is_no_silo() -> None:
    m = _two_teams_apart()
    m.supports("b1", "oa")
    m.team("c", "Marketing")
    m.goal("c1", team="c")
    m.goal("c2", team="c")
    m.objective("oc")
    m.supports("c2", "oc")  # oc itself reaches no vision
    assert m.findings("silo") == []
    assert {f.nodes for f in m.findings("orphan")} == {("c1",), ("c2",), ("oc",)}


def test_one_goal_reaching_the_vision_is_enough_to_be_a_silo() -> None:
    m = _two_teams_apart()
    m.goal("a3", team="a")  # an orphan beside goals that reach the vision
    [a, _] = m.findings("silo")
    assert a.nodes == ("a1", "a2", "a3")


def test_a_goal_that_lists_a_contributor_breaks_both_silos() -> None:
    m = _two_teams_apart()
    m.workshop.update_node("a1", contributors=("b",))
    assert m.findings("silo") == []


def test_a_goal_outside_the_team_that_lists_it_breaks_its_silo() -> None:
    m = _two_teams_apart()
    m.team("c", "Marketing")
    m.objective("oc")
    m.goal("c1", team="c", contributors=("a",))
    m.supports("c1", "oc", "v")
    assert [f.team for f in m.findings("silo")] == ["b"]


def test_an_unowned_goal_that_lists_a_team_breaks_its_silo() -> None:
    m = _two_teams_apart()
    m.goal("loose", contributors=("b",))
    assert [f.team for f in m.findings("silo")] == ["a"]


def test_a_dropped_goal_listing_a_contributor_does_not_count() -> None:
    m = _two_teams_apart()
    m.goal("a3", team="a", contributors=("b",))
    m.drop("a3")
    assert [f.team for f in m.findings("silo")] == ["a", "b"]


def test_an_objective_shared_through_a_key_result_breaks_the_silo() -> None:
    m = _two_teams_apart()
    m.key_result("kb")
    m.measures("kb", "ob")
    m.supports("a1", "kb")
    assert m.findings("silo") == []


def test_no_silo_when_only_one_team_has_active_goals() -> None:
    m = _two_teams_apart()
    m.drop("b1", "b2")
    m.team("empty", "Finance")
    assert m.findings("silo") == []
