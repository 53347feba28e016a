"""The rules about the shape of the map: the vision, what traces up to it, and values.

no-vision, multiple-visions, orphan, unsupported-objective, circular-support, level-skip
and unused-value. Each rule is one function from the graphs (and the reachability the
analysis computed once) to a list of findings.
"""

from __future__ import annotations

from alignment_workshop.i18n import _
from alignment_workshop.model import NodeKind

from .findings import Finding, Severity
from .graphs import MapGraphs, closure
from .wording import named_list, quoted


def no_vision(graphs: MapGraphs) -> list[Finding]:
    """No vision, while there is active work that should serve one."""
    if graphs.visions or not (graphs.objectives or graphs.goals or graphs.key_results):
        return []
    message = _(
        "The map has no vision, so no objective or goal can say why it matters. "
        "Add the vision everyone works toward and link the objectives to it."
    )
    return [Finding("no-vision", Severity.ERROR, (), message)]


def multiple_visions(graphs: MapGraphs) -> list[Finding]:
    """Two or more visions: the map points in more than one direction."""
    if len(graphs.visions) < 2:
        return []
    visions = [graphs.nodes[v] for v in graphs.visions]
    message = _(
        "The map has {count} visions: {named_list}. Agree on one vision, or merge them into one."
    ).format(count=len(visions), named_list=named_list(visions))
    return [Finding("multiple-visions", Severity.WARNING, tuple(graphs.visions), message)]


def orphans(graphs: MapGraphs, to_vision: set[str]) -> list[Finding]:
    """When a vision exists: active objectives and goals that reach none, and active key
    results that measure no active node."""
    if not graphs.visions:
        return []
    findings = []
    for node_id in (*graphs.objectives, *graphs.goals):
        if node_id not in to_vision:
            findings.append(
                Finding("orphan", Severity.ERROR, (node_id,), _orphan_message(graphs, node_id))
            )
    for node_id in graphs.key_results:
        if node_id not in graphs.measured:
            message = _(
                "The key result {value} measures nothing on the map. Link it to the objective or "
                "goal it measures, or drop it."
            ).format(value=quoted(graphs.nodes[node_id]))
            findings.append(Finding("orphan", Severity.ERROR, (node_id,), message))
    return findings


def _orphan_message(graphs: MapGraphs, node_id: str) -> str:
    node = graphs.nodes[node_id]
    if node.kind is NodeKind.OBJECTIVE:
        if node_id in graphs.succ:
            return _(
                "{node} supports only objectives that never reach the vision. Ask why: link it, "
                "or what it supports, to the vision."
            ).format(node=quoted(node))
        return _(
            "{node} traces to no vision. Ask why: link it to the vision or a higher objective, or"
            " drop it."
        ).format(node=quoted(node))
    if node_id in graphs.succ:
        return _(
            "{node} supports only work that never reaches the vision. Ask why: link it to an "
            "objective that serves the vision, or drop it."
        ).format(node=quoted(node))
    return _(
        "{node} traces to no objective or vision. Ask why: link it to an objective, or drop it."
    ).format(node=quoted(node))


def unsupported_objectives(graphs: MapGraphs) -> list[Finding]:
    """Active objectives that no active goal reaches: nobody works on them."""
    reached = closure(graphs.succ, graphs.goals)
    findings = []
    for objective_id in graphs.objectives:
        if objective_id not in reached:
            message = _(
                "No team goal works toward {value}. Ask which team owns it and add a goal that "
                "supports it, or drop it."
            ).format(value=quoted(graphs.nodes[objective_id]))
            findings.append(
                Finding("unsupported-objective", Severity.WARNING, (objective_id,), message)
            )
    return findings


def circular_support(graphs: MapGraphs, cycles: list[set[str]]) -> list[Finding]:
    """Each circle of supports links: the nodes justify one another and nothing else."""
    findings = []
    for component in cycles:
        ids = graphs.by_order(component)
        message = _(
            "{named_list} support each other in a circle, so none of them explains why. Remove "
            "the link that points back down."
        ).format(named_list=named_list([graphs.nodes[n] for n in ids]))
        findings.append(Finding("circular-support", Severity.ERROR, tuple(ids), message))
    return findings


def level_skips(graphs: MapGraphs) -> list[Finding]:
    """Active goals that support a vision directly, with no objective between."""
    nodes, findings = graphs.nodes, []
    for vision_id in graphs.visions:
        vision = nodes[vision_id]
        for source in graphs.pred.get(vision_id, ()):
            if nodes[source].kind is NodeKind.GOAL:
                message = _(
                    "{value} supports the vision {vision} directly. Link it through an objective,"
                    " so that its progress can be measured."
                ).format(value=quoted(nodes[source]), vision=quoted(vision))
                findings.append(Finding("level-skip", Severity.INFO, (source, vision_id), message))
    return findings


def unused_values(graphs: MapGraphs) -> list[Finding]:
    """Values that no active objective or goal upholds."""
    findings = []
    for value_id in graphs.values:
        if value_id not in graphs.upheld:
            message = _(
                "No objective or goal upholds the value {value}. Link the work that lives it, or "
                "ask whether it belongs on the map."
            ).format(value=quoted(graphs.nodes[value_id]))
            findings.append(Finding("unused-value", Severity.INFO, (value_id,), message))
    return findings
