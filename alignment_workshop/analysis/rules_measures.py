"""The rules about key results and duplicates: what is measured, and what is said twice.

unmeasured-objective, key-result-without-target and duplicate.
"""

from __future__ import annotations

from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Node, NodeKind, Workshop

from .findings import Finding, Severity
from .graphs import MapGraphs
from .wording import one_line, quoted


def unmeasured_objectives(graphs: MapGraphs) -> list[Finding]:
    """Once the map has key results: active objectives that no active key result measures."""
    if not graphs.key_results:
        return []
    measured = set(graphs.measured.values())
    findings = []
    for objective_id in graphs.objectives:
        if objective_id not in measured:
            message = _(
                "No key result measures {value}. Add one that says how the room will know it is "
                "achieved."
            ).format(value=quoted(graphs.nodes[objective_id]))
            findings.append(
                Finding("unmeasured-objective", Severity.INFO, (objective_id,), message)
            )
    return findings


def key_results_without_target(graphs: MapGraphs) -> list[Finding]:
    """Active key results with no target."""
    findings = []
    for node_id in graphs.key_results:
        node = graphs.nodes[node_id]
        if node.target is None:
            message = _(
                "The key result {node} has no target. Agree on the number that means it is "
                "achieved."
            ).format(node=quoted(node))
            findings.append(
                Finding("key-result-without-target", Severity.INFO, (node_id,), message)
            )
    return findings


def title_key(title: str) -> str:
    """A title as the duplicate rule compares it: case-folded, white space collapsed."""
    return " ".join(title.casefold().split())


#: The duplicate finding's message by kind: the title, how often, the teams, and the advice.
_DUPLICATE = {
    NodeKind.OBJECTIVE: N_(
        "{node} appears {count} times as an objective{teams}. Merge them into one objective "
        "and link the work of each to it."
    ),
    NodeKind.GOAL: N_(
        "{node} appears {count} times as a team goal{teams}. Merge them into one goal, led by "
        "one team, and add the other teams as contributors."
    ),
    NodeKind.KEY_RESULT: N_(
        "{node} appears {count} times as a key result{teams}. Keep one key result and link "
        "the goals that move it to it."
    ),
}


def duplicates(workshop: Workshop, graphs: MapGraphs) -> list[Finding]:
    """Each group of two or more active objectives, goals or key results of one kind with
    the same title (case and white space aside)."""
    groups: dict[tuple[NodeKind, str], list[str]] = {}
    nodes = graphs.nodes
    for node_id in (*graphs.objectives, *graphs.goals, *graphs.key_results):
        node = nodes[node_id]
        groups.setdefault((node.kind, title_key(node.title)), []).append(node_id)
    findings = []
    for (kind, _title), ids in groups.items():
        if len(ids) < 2:
            continue
        ids.sort()
        message = _(_DUPLICATE[kind]).format(
            node=quoted(nodes[ids[0]]),
            count=len(ids),
            teams=_held_by(workshop, [nodes[n] for n in ids]),
        )
        findings.append(Finding("duplicate", Severity.WARNING, tuple(ids), message))
    return findings


def _held_by(workshop: Workshop, group: list[Node]) -> str:
    """ " (Product, Sales)": the teams of the group's goals or key results, if any."""
    names = []
    for node in group:
        if node.team is not None:
            name = one_line(workshop.team(node.team).name)
            if name not in names:
                names.append(name)
    return f" ({', '.join(names)})" if names else ""
