"""`analyze`: run every rule over a workshop and score it, building each graph only once."""

from __future__ import annotations

from alignment_workshop.model import Link, Workshop

from . import rules_conflicts, rules_goals, rules_map, rules_measures, rules_silo
from .findings import Finding, Report
from .graphs import MapGraphs, closure, cyclic_components
from .score import aligned_goals, score, team_scores


def analyze(workshop: Workshop) -> Report:
    """The findings, the score and each team's score for `workshop`.

    Findings are sorted by severity (error, warning, info), then rule, then nodes.
    """
    graphs = MapGraphs.build(workshop)
    # Computed once and shared: the nodes that reach a vision and those that reach an
    # objective (one reverse search each), the circles of S, and the split supports.
    to_vision = closure(graphs.pred, graphs.visions)
    to_objective = closure(graphs.pred, graphs.objectives) if graphs.objectives else None
    cycles = cyclic_components(graphs.level_succ)
    splits = rules_conflicts.split_supports(graphs)
    goals = rules_silo.team_goals(workshop, graphs)
    findings = _findings(workshop, graphs, to_vision, cycles, splits, goals)
    findings.sort(key=lambda finding: finding.sort_key)
    aligned = aligned_goals(graphs, to_vision, to_objective, cycles, splits)
    return Report(
        score=score(len(aligned), len(graphs.goals)),
        teams=team_scores(workshop, goals, aligned),
        findings=tuple(findings),
        aligned=aligned,
    )


def _findings(
    workshop: Workshop,
    graphs: MapGraphs,
    to_vision: set[str],
    cycles: list[set[str]],
    splits: list[tuple[str, Link]],
    goals: dict[str, list[str]],
) -> list[Finding]:
    """Every rule's findings, in no particular order."""
    return [
        *rules_map.no_vision(graphs),
        *rules_map.multiple_visions(graphs),
        *rules_map.orphans(graphs, to_vision),
        *rules_map.unsupported_objectives(graphs),
        *rules_map.circular_support(graphs, cycles),
        *rules_conflicts.conflicts(graphs),
        *rules_conflicts.split_support_findings(graphs, splits),
        *rules_silo.silos(workshop, graphs, goals, to_vision),
        *rules_goals.priority_inversions(graphs),
        *rules_goals.depends_cycles(graphs),
        *rules_goals.depends_on_dropped(graphs),
        *rules_map.level_skips(graphs),
        *rules_measures.duplicates(workshop, graphs),
        *rules_goals.when_without_why(graphs),
        *rules_goals.unowned_goals(graphs),
        *rules_map.unused_values(graphs),
        *rules_measures.unmeasured_objectives(graphs),
        *rules_measures.key_results_without_target(graphs),
        *rules_goals.due_outside_period(graphs, workshop.meta.period),
    ]
