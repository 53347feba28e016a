"""The conflict rules: open conflicts, and work that serves both sides of one."""

from __future__ import annotations

from alignment_workshop.analysis import Severity

from .test_analysis_builder import Map


def _two_conflicting_objectives() -> Map:
    m = Map()
    m.vision()
    m.objective("a")
    m.objective("b")
    m.supports("a", "v")
    m.supports("b", "v")
    return m


# ----------------------------------------------------------------- conflict


def test_an_open_conflict_is_an_error_with_its_link() -> None:
    m = _two_conflicting_objectives()
    link = m.conflicts("b", "a")
    [finding] = m.findings("conflict")
    assert finding.severity is Severity.ERROR
    assert finding.nodes == ("b", "a")
    assert finding.link == link
    assert finding.team is None
    assert m.named(finding, "a", "b")


def test_a_resolved_conflict_is_not_reported() -> None:
    m = _two_conflicting_objectives()
    m.conflicts("a", "b", resolved=True)
    assert m.findings("conflict") == []


def test_a_conflict_with_a_dropped_end_is_ignored() -> None:
    m = _two_conflicting_objectives()
    m.goal("g")
    m.conflicts("g", "a")
    m.drop("g")
    assert m.findings("conflict") == []


# ----------------------------------------------------------------- split-support


def test_a_goal_supporting_both_sides_of_a_conflict_is_split() -> None:
    m = _two_conflicting_objectives()
    m.goal("g")
    m.supports("g", "a")
    m.supports("g", "b")
    link = m.conflicts("a", "b")
    [finding] = m.findings("split-support")
    assert finding.severity is Severity.ERROR
    assert finding.nodes == ("g", "a", "b")
    assert finding.link == link
    assert m.named(finding, "g", "a", "b")


def test_split_support_counts_indirect_paths_and_every_node_above() -> None:
    m = _two_conflicting_objectives()
    m.goal("low")
    m.goal("mid")
    m.goal("other")
    m.supports("low", "mid", "a")
    m.supports("mid", "b")
    m.supports("other", "a")
    m.conflicts("a", "b")
    found = sorted(f.nodes for f in m.findings("split-support"))
    assert found == [("low", "a", "b"), ("mid", "a", "b")]


def test_an_end_of_the_conflict_is_never_its_own_split() -> None:
    """a supports b and they conflict: a reaches b, but n must differ from a and b."""
    m = Map()
    m.vision()
    m.objective("a")
    m.objective("b")
    m.goal("g")
    m.supports("a", "b", "v")
    m.supports("g", "a")
    m.conflicts("a", "b")
    assert [f.nodes for f in m.findings("split-support")] == [("g", "a", "b")]


def test_no_split_when_the_conflict_is_resolved() -> None:
    m = _two_conflicting_objectives()
    m.goal("g")
    m.supports("g", "a")
    m.supports("g", "b")
    m.conflicts("a", "b", resolved=True)
    assert m.findings("split-support") == []


def test_no_split_when_one_side_is_reached_only_through_dropped_work() -> None:
    m = _two_conflicting_objectives()
    m.goal("g")
    m.goal("bridge")
    m.supports("g", "a")
    m.supports("g", "bridge", "b")
    m.conflicts("a", "b")
    m.drop("bridge")
    assert m.findings("split-support") == []


def test_no_split_for_a_dropped_n_or_a_dropped_end() -> None:
    m = _two_conflicting_objectives()
    m.objective("c")
    m.supports("c", "v")
    m.goal("g")
    m.goal("h")
    m.supports("g", "a")
    m.supports("g", "b")
    m.supports("h", "a")
    m.supports("h", "c")
    m.conflicts("a", "b")
    m.conflicts("a", "c")
    m.drop("g", "c")
    assert m.findings("split-support") == []


def test_no_split_when_nothing_reaches_both_sides() -> None:
    m = _two_conflicting_objectives()
    m.goal("g1")
    m.goal("g2")
    m.supports("g1", "a")
    m.supports("g2", "b")
    m.conflicts("a", "b")
    assert m.findings("split-support") == []
