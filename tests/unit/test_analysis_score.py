"""The alignment score, the aligned goals, each team's score, and the report's order."""

from __future__ import annotations

from alignment_workshop.analysis import Report, Severity, TeamScore

from .test_analysis_builder import Map


def _aligned_pair() -> Map:
    """g1 and g2 both trace g → o → v: both aligned."""
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    for g in ("g1", "g2"):
        m.goal(g)
        m.supports(g, "o")
    return m


# ----------------------------------------------------------------- null and zero


def test_an_empty_map_has_no_score() -> None:
    report = Map().report()
    assert report == Report(score=None, teams=(), findings=(), aligned=frozenset())


def test_a_map_with_only_dropped_goals_has_no_score_not_100() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    m.goal("g")
    m.supports("g", "o")
    m.drop("g")
    assert m.report().score is None


def test_goals_without_a_vision_score_zero() -> None:
    m = Map()
    m.objective("o")
    m.goal("g")
    m.supports("g", "o")
    report = m.report()
    assert report.score == 0.0
    assert report.aligned == frozenset()
    assert [f.rule for f in report.findings if f.severity is Severity.ERROR] == ["no-vision"]


def test_everything_aligned_scores_100() -> None:
    report = _aligned_pair().report()
    assert report.score == 100.0
    assert report.aligned == {"g1", "g2"}


# ----------------------------------------------------------------- conditions 1 to 4


def test_condition_1_a_goal_that_reaches_no_vision_is_not_aligned() -> None:
    m = _aligned_pair()
    m.goal("g3")
    m.objective("stray")
    m.supports("g3", "stray")
    report = m.report()
    assert report.aligned == {"g1", "g2"}
    assert report.score == 66.7  # round(200 / 3, 1)


def test_condition_2_an_end_of_an_unresolved_conflict_is_not_aligned() -> None:
    m = _aligned_pair()
    link = m.conflicts("g1", "g2")
    assert m.report().aligned == frozenset()
    m.workshop.update_link(link, resolved=True)
    assert m.report().aligned == {"g1", "g2"}


def test_condition_2_a_conflict_with_a_dropped_end_does_not_count() -> None:
    m = _aligned_pair()
    m.goal("gone")
    m.conflicts("g1", "gone")
    m.drop("gone")
    assert m.report().aligned == {"g1", "g2"}


def test_condition_3_the_n_of_a_split_support_is_not_aligned() -> None:
    m = _aligned_pair()
    m.objective("other")
    m.supports("other", "v")
    m.supports("g1", "other")
    m.conflicts("o", "other")
    report = m.report()
    assert [f.nodes for f in report.findings if f.rule == "split-support"] == [("g1", "o", "other")]
    assert report.aligned == {"g2"}
    assert report.score == 50.0


def test_condition_4_a_goal_in_a_circle_of_supports_is_not_aligned() -> None:
    m = _aligned_pair()
    m.goal("g3")
    m.supports("g3", "g1", "g3")
    report = m.report()
    assert report.aligned == {"g2"}
    assert report.score == round(100 / 3, 1)


def test_a_goal_below_a_circle_can_still_be_aligned() -> None:
    m = _aligned_pair()
    m.goal("g3")
    m.goal("g4")
    m.supports("g3", "g1", "g3")
    m.supports("g4", "g3")
    assert m.report().aligned == {"g2", "g4"}


# ----------------------------------------------------------------- teams


def test_each_team_scores_its_own_active_goals_in_file_order() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    m.team("z", "Zeta")
    m.team("a", "Alpha")
    m.team("idle", "Idle")
    for goal, team, linked in (
        ("a1", "a", True),
        ("a2", "a", False),
        ("a3", "a", True),
        ("z1", "z", True),
        ("z2", "z", True),
        ("loose", None, False),
    ):
        m.goal(goal, team=team)
        if linked:
            m.supports(goal, "o")
    m.goal("z-dropped", team="z")
    m.drop("z-dropped")
    report = m.report()
    assert report.teams == (
        TeamScore("z", "Zeta", goals=2, aligned=2, score=100.0),
        TeamScore("a", "Alpha", goals=3, aligned=2, score=66.7),
        TeamScore("idle", "Idle", goals=0, aligned=0, score=None),
    )
    assert report.score == round(100 * 4 / 6, 1)


# ----------------------------------------------------------------- order


def test_findings_are_sorted_by_severity_then_rule_then_nodes() -> None:
    m = Map()
    m.vision()
    m.value("val")
    m.goal("g2")
    m.goal("g1")
    m.supports("g2", "v")
    m.objective("o")
    m.conflicts("g2", "o")
    report = m.report()
    keys = [(f.severity, f.rule, f.nodes) for f in report.findings]
    assert keys == [
        (Severity.ERROR, "conflict", ("g2", "o")),
        (Severity.ERROR, "orphan", ("g1",)),
        (Severity.ERROR, "orphan", ("o",)),
        (Severity.WARNING, "unsupported-objective", ("o",)),
        (Severity.INFO, "level-skip", ("g2", "v")),
        (Severity.INFO, "unowned-goal", ("g1",)),
        (Severity.INFO, "unowned-goal", ("g2",)),
        (Severity.INFO, "unused-value", ("val",)),
    ]
    assert [f.rule for f in report.findings_for("o")] == [
        "conflict",
        "orphan",
        "unsupported-objective",
    ]


def test_analysis_does_not_change_the_workshop() -> None:
    m = _aligned_pair()
    m.conflicts("g1", "g2")
    before = m.workshop.copy()
    m.report()
    assert m.workshop == before
