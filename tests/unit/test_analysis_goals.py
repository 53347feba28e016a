"""The rules about single goals: priority-inversion, depends-cycle, depends-on-dropped,
when-without-why and unowned-goal."""

from __future__ import annotations

from alignment_workshop.analysis import Severity
from alignment_workshop.model import Priority

from .test_analysis_builder import DUE, Map

HIGH, MEDIUM, LOW = Priority.HIGH, Priority.MEDIUM, Priority.LOW

# ----------------------------------------------------------------- priority-inversion


def test_a_high_goal_serving_only_low_work_is_inverted() -> None:
    m = Map()
    m.vision()
    m.objective("o", priority=LOW)
    m.goal("low-goal", priority=LOW)
    m.goal("g", priority=HIGH)
    m.supports("g", "o")
    m.supports("g", "low-goal")
    m.supports("g", "v")  # a vision target is neither an objective nor a goal
    [finding] = m.findings("priority-inversion")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("g", "o", "low-goal")
    assert m.named(finding, "g", "o", "low-goal")


def test_one_target_of_higher_priority_is_enough() -> None:
    m = Map()
    m.objective("o1", priority=LOW)
    m.objective("o2", priority=MEDIUM)
    m.goal("g", priority=HIGH)
    m.supports("g", "o1")
    m.supports("g", "o2")
    assert m.findings("priority-inversion") == []


def test_a_high_goal_with_no_ranked_target_is_not_inverted() -> None:
    m = Map()
    m.vision()
    m.goal("g", priority=HIGH)
    m.goal("g2", priority=HIGH)
    m.supports("g2", "v")
    assert m.findings("priority-inversion") == []


def test_only_high_goals_can_be_inverted() -> None:
    m = Map()
    m.objective("o", priority=LOW)
    m.goal("g", priority=MEDIUM)
    m.supports("g", "o")
    assert m.findings("priority-inversion") == []


def test_dropped_targets_do_not_count() -> None:
    m = Map()
    m.objective("dropped", priority=LOW)
    m.objective("kept", priority=HIGH)
    m.goal("g", priority=HIGH)
    m.supports("g", "dropped")
    m.supports("g", "kept")
    m.drop("dropped")
    assert m.findings("priority-inversion") == []
    m.workshop.update_node("kept", priority=LOW)
    assert [f.nodes for f in m.findings("priority-inversion")] == [("g", "kept")]


def test_a_dropped_high_goal_is_not_inverted() -> None:
    m = Map()
    m.objective("o", priority=LOW)
    m.goal("g", priority=HIGH)
    m.supports("g", "o")
    m.drop("g")
    assert m.findings("priority-inversion") == []


# ----------------------------------------------------------------- depends-cycle


def test_goals_depending_on_each_other_form_a_cycle() -> None:
    m = Map()
    for g in ("g1", "g2", "g3"):
        m.goal(g)
    m.depends("g2", "g3", "g1", "g2")
    [finding] = m.findings("depends-cycle")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("g1", "g2", "g3")
    assert m.named(finding, "g1", "g2", "g3")


def test_a_chain_of_dependencies_is_no_cycle() -> None:
    m = Map()
    for g in ("g1", "g2", "g3"):
        m.goal(g)
    m.depends("g1", "g2", "g3")
    m.depends("g1", "g3")
    assert m.findings("depends-cycle") == []


def test_a_dependency_cycle_through_a_dropped_goal_is_broken() -> None:
    m = Map()
    for g in ("g1", "g2"):
        m.goal(g)
    m.depends("g1", "g2", "g1")
    m.drop("g2")
    assert m.findings("depends-cycle") == []


# ----------------------------------------------------------------- depends-on-dropped


def test_depending_on_a_dropped_goal_is_reported() -> None:
    m = Map()
    m.goal("g")
    m.goal("gone")
    m.depends("g", "gone")
    m.drop("gone")
    [finding] = m.findings("depends-on-dropped")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("g", "gone")
    assert finding.link is None
    assert m.named(finding, "g", "gone")


def test_depending_on_an_active_goal_is_fine() -> None:
    m = Map()
    m.goal("g")
    m.goal("h")
    m.depends("g", "h")
    assert m.findings("depends-on-dropped") == []


def test_a_dropped_goal_depending_on_a_dropped_goal_is_not_reported() -> None:
    m = Map()
    m.goal("g")
    m.goal("gone")
    m.depends("g", "gone")
    m.drop("g", "gone")
    assert m.findings("depends-on-dropped") == []


# ----------------------------------------------------------------- when-without-why


def test_a_due_date_without_a_why_is_reported() -> None:
    m = Map()
    m.goal("g", due=DUE)
    m.goal("blank", due=DUE, why="  \n\t ")
    found = m.findings("when-without-why")
    assert [f.nodes for f in found] == [("blank",), ("g",)]
    assert all(f.severity is Severity.INFO for f in found)
    assert m.named(found[0], "blank")


def test_a_due_date_with_a_why_or_no_due_date_is_fine() -> None:
    m = Map()
    m.goal("g", due=DUE, why="Customers churn at renewal")
    m.goal("h")
    m.goal("dropped", due=DUE)
    m.drop("dropped")
    assert m.findings("when-without-why") == []


# ----------------------------------------------------------------- unowned-goal


def test_a_goal_without_a_team_is_unowned() -> None:
    m = Map()
    m.goal("g")
    [finding] = m.findings("unowned-goal")
    assert finding.severity is Severity.INFO
    assert finding.nodes == ("g",)
    assert finding.team is None
    assert m.named(finding, "g")


def test_a_goal_with_a_team_or_dropped_is_not_unowned() -> None:
    m = Map()
    m.team("t")
    m.goal("g", team="t")
    m.goal("dropped")
    m.drop("dropped")
    assert m.findings("unowned-goal") == []
