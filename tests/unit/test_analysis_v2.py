"""The checks of format version 2 (issue 10 §2): key results in S, the new rules, the
changed ones, and the score that no longer counts a goal that skips the objectives.

Each rule that version 2 added or changed has a case where it fires and a case where it
must stay silent; the reference implementation in test_analysis_properties.py covers the
same rules on random maps.
"""

from __future__ import annotations

import datetime as dt

import pytest

from alignment_workshop.analysis import Severity, TeamScore
from alignment_workshop.model import Period

from .test_analysis_builder import DUE, Map

H1 = Period(dt.date(2027, 1, 1), dt.date(2027, 6, 30), "H1 2027")


def _measured_objective() -> Map:
    """v ← o ← k (k measures o), and a goal g that supports k."""
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    m.key_result("k")
    m.measures("k", "o")
    m.goal("g")
    m.supports("g", "k")
    return m


# ----------------------------------------------------------------- S holds measures links


def test_a_goal_that_moves_a_key_result_reaches_its_objective_and_the_vision() -> None:
    m = _measured_objective()
    report = m.report()
    assert m.findings("orphan") == []
    assert m.findings("unsupported-objective") == []
    assert report.aligned == {"g"}


def test_a_goal_on_a_key_result_of_another_goal_reaches_through_it() -> None:
    m = _measured_objective()
    m.goal("h")
    m.key_result("kh")
    m.measures("kh", "g")
    m.supports("h", "kh")
    assert m.findings("orphan") == []
    assert m.report().aligned == {"g", "h"}


# ----------------------------------------------------------------- no-vision


def test_no_vision_counts_an_active_key_result() -> None:
    m = Map()
    m.key_result("k")
    [finding] = m.findings("no-vision")
    assert finding.nodes == ()


def test_no_vision_is_silent_with_only_a_dropped_key_result() -> None:
    m = Map()
    m.key_result("k")
    m.drop("k")
    assert m.findings("no-vision") == []


# ----------------------------------------------------------------- orphan


def test_a_key_result_that_measures_nothing_is_an_orphan() -> None:
    m = _measured_objective()
    m.key_result("loose")
    [finding] = m.findings("orphan")
    assert finding.nodes == ("loose",) and finding.severity is Severity.ERROR
    assert m.named(finding, "loose") and "measures nothing" in finding.message


def test_a_key_result_measuring_a_dropped_node_is_an_orphan() -> None:
    m = _measured_objective()
    m.objective("old")
    m.key_result("k2")
    m.measures("k2", "old")
    m.supports("old", "v")
    m.drop("old")
    assert [f.nodes for f in m.findings("orphan")] == [("k2",)]


def test_a_key_result_is_judged_by_its_link_not_by_what_its_target_reaches() -> None:
    m = Map()
    m.vision()
    m.objective("o")  # reaches no vision
    m.key_result("k")
    m.measures("k", "o")
    assert [f.nodes for f in m.findings("orphan")] == [("o",)]


def test_dropped_key_results_and_maps_without_a_vision_have_no_orphans() -> None:
    m = Map()
    m.key_result("k")
    assert m.findings("orphan") == []
    m.vision()
    m.drop("k")
    assert m.findings("orphan") == []


# ----------------------------------------------------------------- unsupported-objective


def test_an_objective_measured_by_a_key_result_no_goal_moves_is_unsupported() -> None:
    m = _measured_objective()
    m.objective("o2")
    m.supports("o2", "v")
    m.key_result("k2")
    m.measures("k2", "o2")
    assert [f.nodes for f in m.findings("unsupported-objective")] == [("o2",)]


def test_a_dropped_key_result_carries_no_support() -> None:
    m = _measured_objective()
    m.drop("k")
    assert [f.nodes for f in m.findings("unsupported-objective")] == [("o",)]


# ----------------------------------------------------------------- circular-support


def test_a_goal_supporting_the_key_result_that_measures_it_is_a_circle() -> None:
    m = _measured_objective()
    m.key_result("kg")
    m.measures("kg", "g")
    m.goal("h")
    m.supports("h", "kg")
    m.supports("g", "kg")
    [finding] = m.findings("circular-support")
    assert finding.nodes == ("g", "kg")
    assert "g" not in m.report().aligned and "h" in m.report().aligned


def test_a_key_result_measuring_a_goal_without_a_way_back_is_no_circle() -> None:
    m = _measured_objective()
    m.key_result("kg")
    m.measures("kg", "g")
    assert m.findings("circular-support") == []


# ----------------------------------------------------------------- split-support


def test_a_key_result_is_never_the_n_of_a_split_support() -> None:
    m = Map()
    m.vision()
    m.goal("a")
    m.goal("b")
    m.goal("n")
    m.supports("n", "a")
    m.supports("n", "b")
    m.conflicts("a", "b")
    m.key_result("k")
    m.measures("k", "n")  # k reaches a and b through n
    assert [f.nodes for f in m.findings("split-support")] == [("n", "a", "b")]


def test_a_goal_pulled_both_ways_through_key_results_is_split() -> None:
    m = Map()
    m.vision()
    for o in ("oa", "ob"):
        m.objective(o)
        m.supports(o, "v")
        m.key_result(f"k{o}")
        m.measures(f"k{o}", o)
    m.conflicts("oa", "ob")
    m.goal("n")
    m.supports("n", "koa")
    m.supports("n", "kob")
    [finding] = m.findings("split-support")
    assert finding.nodes == ("n", "oa", "ob")


# ----------------------------------------------------------------- priority-inversion


def test_key_results_are_not_weighed_by_priority_inversion() -> None:
    m = _measured_objective()
    m.workshop.update_node("g", priority="high")
    m.objective("low", priority="low")
    m.supports("low", "v")
    m.supports("g", "low")
    [finding] = m.findings("priority-inversion")
    assert finding.nodes == ("g", "low")  # the key result k is not among the targets
    m2 = _measured_objective()
    m2.workshop.update_node("g", priority="high")
    assert m2.findings("priority-inversion") == []


# ----------------------------------------------------------------- when-without-why


def test_a_due_goal_without_a_why_that_supports_something_is_not_reported() -> None:
    m = _measured_objective()
    m.workshop.update_node("g", due=DUE)
    assert m.findings("when-without-why") == []


def test_a_due_goal_without_a_why_whose_only_link_is_to_dropped_work_is_reported() -> None:
    m = _measured_objective()
    m.workshop.update_node("g", due=DUE)
    m.drop("k")
    [finding] = m.findings("when-without-why")
    assert finding.nodes == ("g",) and m.named(finding, "g")


def test_a_key_result_with_a_due_date_is_never_when_without_why() -> None:
    m = _measured_objective()
    m.workshop.update_node("k", due=DUE)
    m.workshop.remove_link("measures.k.o")
    assert m.findings("when-without-why") == []


# ----------------------------------------------------------------- silo


def test_a_goal_with_contributors_joins_teams_that_otherwise_work_alone() -> None:
    m = Map()
    m.vision()
    m.team("a", "Sales")
    m.team("b", "Engineering")
    for team in ("a", "b"):
        m.objective(f"o{team}")
        m.supports(f"o{team}", "v")
        m.goal(f"{team}1", team=team)
        m.supports(f"{team}1", f"o{team}")
    assert [f.team for f in m.findings("silo")] == ["a", "b"]
    m.workshop.update_node("b1", contributors=("a",))
    assert m.findings("silo") == []


# ----------------------------------------------------------------- duplicate


def test_titles_equal_after_case_folding_and_spacing_are_duplicates() -> None:
    m = Map()
    m.team("a", "Sales")
    m.team("b", "Support")
    m.goal("g2", title="Reduce  churn", team="b")
    m.goal("g1", title=" reduce churn\n", team="a")
    m.goal("g3", title="REDUCE CHURN")
    m.goal("other", title="Reduce churn now")
    [finding] = m.findings("duplicate")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("g1", "g2", "g3")  # the group, sorted
    assert "3 times as a team goal (Sales, Support)" in finding.message
    assert "add the other teams as contributors" in finding.message


def test_duplicates_are_grouped_by_kind() -> None:
    m = Map()
    m.objective("o1", title="Logo churn")
    m.objective("o2", title="logo churn")
    m.key_result("k1", title="Logo churn")
    m.key_result("k2", title="Logo Churn")
    m.goal("g", title="Logo churn")
    found = m.findings("duplicate")
    assert [f.nodes for f in found] == [("k1", "k2"), ("o1", "o2")]
    assert "as a key result" in found[0].message and "as an objective" in found[1].message


def test_dropped_work_visions_and_values_are_never_duplicates() -> None:
    m = Map()
    m.vision("v1", title="Same")
    m.vision("v2", title="Same")
    m.value("a", title="Candour")
    m.value("b", title="Candour")
    m.goal("g1", title="Ship")
    m.goal("g2", title="Ship")
    m.drop("g2")
    m.key_result("k1", title="Ship")
    assert m.findings("duplicate") == []


def test_case_folding_is_unicode_aware() -> None:
    m = Map()
    m.goal("g1", title="Straße bauen")
    m.goal("g2", title="STRASSE BAUEN")
    assert [f.nodes for f in m.findings("duplicate")] == [("g1", "g2")]


# ----------------------------------------------------------------- unmeasured-objective


def test_once_key_results_exist_an_objective_none_measures_is_reported() -> None:
    m = _measured_objective()
    m.objective("o2")
    m.supports("o2", "v")
    [finding] = m.findings("unmeasured-objective")
    assert finding.nodes == ("o2",) and finding.severity is Severity.INFO
    assert m.named(finding, "o2")


def test_an_objective_measured_only_through_another_is_still_unmeasured() -> None:
    m = _measured_objective()
    m.objective("top")
    m.workshop.remove_link("supports.o.v")
    m.supports("o", "top", "v")
    assert [f.nodes for f in m.findings("unmeasured-objective")] == [("top",)]


def test_no_unmeasured_objective_on_a_map_without_active_key_results() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    assert m.findings("unmeasured-objective") == []
    m.key_result("k")
    m.measures("k", "o")
    m.drop("k")
    assert m.findings("unmeasured-objective") == []


def test_a_dropped_key_result_does_not_measure_and_a_dropped_objective_is_silent() -> None:
    m = _measured_objective()
    m.key_result("k2")
    m.objective("o2")
    m.measures("k2", "o2")
    m.drop("k2")
    assert [f.nodes for f in m.findings("unmeasured-objective")] == [("o2",)]
    m.drop("o2")
    assert m.findings("unmeasured-objective") == []


# ----------------------------------------------------------------- key-result-without-target


def test_a_key_result_without_a_target_is_reported() -> None:
    m = _measured_objective()
    m.key_result("k2", target=None, baseline=3.0)
    m.measures("k2", "o")
    [finding] = m.findings("key-result-without-target")
    assert finding.nodes == ("k2",) and finding.severity is Severity.INFO
    assert m.named(finding, "k2") and "target" in finding.message


def test_a_target_of_zero_counts_and_a_dropped_key_result_is_silent() -> None:
    m = _measured_objective()
    m.workshop.update_node("k", target=0.0)
    m.key_result("k2", target=None)
    m.drop("k2")
    assert m.findings("key-result-without-target") == []


# ----------------------------------------------------------------- due-outside-period


@pytest.mark.parametrize(
    ("due", "side"),
    [(dt.date(2026, 12, 31), "before the"), (dt.date(2027, 7, 1), "after the")],
)
def test_a_goal_or_key_result_due_outside_the_period_is_reported(due: dt.date, side: str) -> None:
    m = _measured_objective()
    m.workshop.update_meta(period=H1)
    m.workshop.update_node("g", due=due)
    m.workshop.update_node("k", due=due)
    found = m.findings("due-outside-period")
    assert [f.nodes for f in found] == [("g",), ("k",)]
    assert all(f.severity is Severity.INFO for f in found)
    # Dates as the language in effect writes them (English here; German in test_i18n.py).
    assert f"{side} workshop's period 'H1 2027' (Jan 1, 2027 to Jun 30, 2027)" in found[0].message
    assert found[0].message.endswith("agree that this work belongs to another one.")


def test_dues_on_the_period_s_first_and_last_day_are_inside() -> None:
    m = _measured_objective()
    m.workshop.update_meta(period=H1)
    m.workshop.update_node("g", due=H1.start)
    m.workshop.update_node("k", due=H1.end)
    assert m.findings("due-outside-period") == []


def test_no_period_or_no_due_or_dropped_work_is_silent() -> None:
    m = _measured_objective()
    m.workshop.update_node("g", due=dt.date(2030, 1, 1))
    assert m.findings("due-outside-period") == []  # no period
    m.workshop.update_meta(period=H1)
    m.drop("g")
    m.goal("undated")
    assert m.findings("due-outside-period") == []


def test_a_period_without_a_label_is_named_by_its_dates() -> None:
    m = Map()
    m.workshop.update_meta(period=Period(H1.start, H1.end))
    m.goal("g", due=dt.date(2028, 1, 1))
    [finding] = m.findings("due-outside-period")
    assert "(Jan 1, 2027 to Jun 30, 2027)" in finding.message


# ----------------------------------------------------------------- the score v2


def test_a_goal_that_skips_the_objectives_is_not_aligned() -> None:
    m = _measured_objective()
    m.goal("skip")
    m.supports("skip", "v")
    report = m.report()
    assert report.aligned == {"g"}
    assert report.score == 50.0


def test_with_no_active_objective_reaching_the_vision_is_enough() -> None:
    m = Map()
    m.vision()
    m.goal("g")
    m.supports("g", "v")
    m.objective("old")
    m.drop("old")
    assert m.report().aligned == {"g"}


def test_reaching_an_objective_that_reaches_no_vision_is_not_enough() -> None:
    m = _measured_objective()
    m.objective("stray")
    m.goal("h")
    m.supports("h", "stray")
    m.supports("h", "v")
    m.goal("i")
    m.supports("i", "stray")
    assert m.report().aligned == {"g", "h"}


def test_a_team_scores_the_goals_it_leads_not_the_ones_it_helps() -> None:
    m = _measured_objective()
    m.team("a", "Sales")
    m.team("b", "Support")
    m.workshop.update_node("g", team="a", contributors=("b",))
    m.goal("b1", team="b")  # an orphan
    report = m.report()
    assert report.teams == (
        TeamScore("a", "Sales", goals=1, aligned=1, score=100.0),
        TeamScore("b", "Support", goals=1, aligned=0, score=0.0),
    )
