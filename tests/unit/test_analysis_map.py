"""The rules about the map's shape: no-vision, multiple-visions, orphan,
unsupported-objective, circular-support, level-skip and unused-value."""

from __future__ import annotations

from alignment_workshop.analysis import Severity

from .test_analysis_builder import Map

# ----------------------------------------------------------------- no-vision


def test_no_vision_is_an_error_when_there_is_active_work() -> None:
    m = Map()
    m.goal("g")
    [finding] = m.findings("no-vision")
    assert finding.severity is Severity.ERROR
    assert finding.nodes == ()
    assert finding.link is None and finding.team is None
    assert "vision" in finding.message


def test_no_vision_counts_an_active_objective_too() -> None:
    m = Map()
    m.objective("o")
    assert len(m.findings("no-vision")) == 1


def test_no_vision_is_silent_on_a_map_with_only_values_or_dropped_work() -> None:
    m = Map()
    m.value("val")
    m.goal("g")
    m.objective("o")
    m.drop("g", "o")
    assert m.findings("no-vision") == []


def test_no_vision_is_silent_when_a_vision_exists() -> None:
    m = Map()
    m.vision()
    m.goal("g")
    assert m.findings("no-vision") == []


# ----------------------------------------------------------------- multiple-visions


def test_multiple_visions_names_every_vision_in_order() -> None:
    m = Map()
    m.vision("v2")
    m.goal("g")
    m.vision("v1")
    [finding] = m.findings("multiple-visions")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("v2", "v1")
    assert m.named(finding, "v2", "v1")


def test_one_vision_is_not_multiple() -> None:
    m = Map()
    m.vision()
    assert m.findings("multiple-visions") == []


# ----------------------------------------------------------------- orphan


def test_a_goal_linked_to_nothing_is_an_orphan() -> None:
    m = Map()
    m.vision()
    m.goal("g", title="Custom export for a key deal")
    [finding] = m.findings("orphan")
    assert finding.severity is Severity.ERROR
    assert finding.nodes == ("g",)
    assert finding.message.startswith("'Custom export for a key deal' traces to no objective")


def test_work_whose_chain_stops_short_of_the_vision_is_orphaned() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g")
    m.supports("g", "o")
    found = {f.nodes for f in m.findings("orphan")}
    assert found == {("g",), ("o",)}
    assert all(m.named(f, f.nodes[0]) for f in m.findings("orphan"))


def test_work_that_reaches_the_vision_is_not_orphaned() -> None:
    m = Map()
    m.vision()
    m.objective("o1")
    m.objective("o2")
    m.goal("g1")
    m.goal("g2")
    m.supports("g2", "g1", "o1", "o2", "v")
    assert m.findings("orphan") == []


def test_a_link_through_a_dropped_objective_does_not_count() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g")
    m.supports("g", "o", "v")
    m.drop("o")
    assert [f.nodes for f in m.findings("orphan")] == [("g",)]


def test_dropped_work_is_never_an_orphan() -> None:
    m = Map()
    m.vision()
    m.goal("g")
    m.objective("o")
    m.drop("g", "o")
    assert m.findings("orphan") == []


def test_there_are_no_orphans_without_a_vision() -> None:
    m = Map()
    m.goal("g")
    m.objective("o")
    assert m.findings("orphan") == []


def test_reaching_any_of_several_visions_is_enough() -> None:
    m = Map()
    m.vision("v1")
    m.vision("v2")
    m.goal("g")
    m.supports("g", "v2")
    assert m.findings("orphan") == []


# ----------------------------------------------------------------- unsupported-objective


def test_an_objective_no_goal_reaches_is_unsupported() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.supports("o", "v")
    [finding] = m.findings("unsupported-objective")
    assert finding.severity is Severity.WARNING
    assert finding.nodes == ("o",)
    assert m.named(finding, "o")


def test_an_objective_reached_only_through_other_objectives_is_supported() -> None:
    m = Map()
    m.vision()
    m.objective("low")
    m.objective("high")
    m.goal("g")
    m.supports("g", "low", "high", "v")
    assert m.findings("unsupported-objective") == []


def test_an_objective_served_only_by_objectives_without_goals_is_unsupported() -> None:
    m = Map()
    m.vision()
    m.objective("low")
    m.objective("high")
    m.supports("low", "high", "v")
    assert {f.nodes for f in m.findings("unsupported-objective")} == {("low",), ("high",)}


def test_a_dropped_goal_does_not_support_an_objective() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g")
    m.supports("g", "o", "v")
    m.drop("g")
    assert [f.nodes for f in m.findings("unsupported-objective")] == [("o",)]


def test_a_dropped_objective_is_not_reported_unsupported() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.drop("o")
    assert m.findings("unsupported-objective") == []


# ----------------------------------------------------------------- circular-support


def test_a_circle_of_supports_is_one_finding_in_node_order() -> None:
    m = Map()
    m.vision()
    for g in ("g1", "g2", "g3"):
        m.goal(g)
    m.supports("g3", "g2", "g1", "g3")
    [finding] = m.findings("circular-support")
    assert finding.severity is Severity.ERROR
    assert finding.nodes == ("g1", "g2", "g3")
    assert m.named(finding, "g1", "g2", "g3")


def test_each_circle_is_its_own_finding() -> None:
    m = Map()
    m.vision()
    for node in ("o1", "o2"):
        m.objective(node)
    for node in ("g1", "g2"):
        m.goal(node)
    m.supports("o1", "o2", "o1")
    m.supports("g1", "g2", "g1")
    m.supports("g1", "o1")
    assert sorted(f.nodes for f in m.findings("circular-support")) == [
        ("g1", "g2"),
        ("o1", "o2"),
    ]


def test_a_chain_without_a_circle_is_fine() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g1")
    m.goal("g2")
    m.supports("g1", "g2", "o", "v")
    m.supports("g1", "o")
    assert m.findings("circular-support") == []


def test_a_circle_through_a_dropped_goal_is_broken() -> None:
    m = Map()
    m.vision()
    for g in ("g1", "g2", "g3"):
        m.goal(g)
    m.supports("g1", "g2", "g3", "g1")
    m.drop("g3")
    assert m.findings("circular-support") == []


def test_a_circle_is_found_downstream_of_acyclic_work() -> None:
    m = Map()
    m.vision()
    for g in ("a", "b", "c", "d"):
        m.goal(g)
    m.supports("a", "b", "c", "b")
    m.supports("c", "d")
    assert [f.nodes for f in m.findings("circular-support")] == [("b", "c")]


# ----------------------------------------------------------------- level-skip


def test_a_goal_supporting_the_vision_directly_skips_a_level() -> None:
    m = Map()
    m.vision()
    m.goal("g")
    m.supports("g", "v")
    [finding] = m.findings("level-skip")
    assert finding.severity is Severity.INFO
    assert finding.nodes == ("g", "v")
    assert m.named(finding, "g", "v")


def test_an_objective_supporting_the_vision_skips_nothing() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g")
    m.supports("g", "o", "v")
    assert m.findings("level-skip") == []


def test_a_dropped_goal_supporting_the_vision_is_ignored() -> None:
    m = Map()
    m.vision()
    m.goal("g")
    m.supports("g", "v")
    m.drop("g")
    assert m.findings("level-skip") == []


# ----------------------------------------------------------------- unused-value


def test_a_value_nothing_upholds_is_unused() -> None:
    m = Map()
    m.value("val")
    [finding] = m.findings("unused-value")
    assert finding.severity is Severity.INFO
    assert finding.nodes == ("val",)
    assert m.named(finding, "val")


def test_a_value_upheld_only_by_dropped_work_is_unused() -> None:
    m = Map()
    m.value("val")
    m.goal("g")
    m.upholds("g", "val")
    m.drop("g")
    assert [f.nodes for f in m.findings("unused-value")] == [("val",)]


def test_a_value_upheld_by_an_active_objective_is_used() -> None:
    m = Map()
    m.value("val")
    m.objective("o")
    m.upholds("o", "val")
    assert m.findings("unused-value") == []
