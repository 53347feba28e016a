"""The rules about conflicts: open conflicts, and work that serves both sides of one.

`split_supports` finds every (n, conflict) pair once; the `split-support` rule reports
them and the score excludes each such n from the aligned goals.
"""

from __future__ import annotations

from alignment_workshop.i18n import _
from alignment_workshop.model import Link, NodeKind

from .findings import Finding, Severity
from .graphs import MapGraphs, closure
from .wording import quoted


def conflicts(graphs: MapGraphs) -> list[Finding]:
    """Each unresolved conflict between two active nodes."""
    nodes, findings = graphs.nodes, []
    for link in graphs.conflicts:
        a, b = nodes[link.source], nodes[link.target]
        message = _(
            "{a} conflicts with {b}. Decide which comes first and mark the conflict resolved, or "
            "drop one of them."
        ).format(a=quoted(a), b=quoted(b))
        findings.append(Finding("conflict", Severity.ERROR, (a.id, b.id), message, link=link.id))
    return findings


def split_supports(graphs: MapGraphs) -> list[tuple[str, Link]]:
    """(n, conflict) for each active objective or goal n, other than the conflict's ends,
    that reaches both.

    n reaches a node exactly when n is among that node's ancestors in S, so each end's
    ancestors are found once (and shared between conflicts) and intersected. Key results
    among them are left out: the rule names the objectives and goals pulled both ways.
    """
    ancestors: dict[str, set[str]] = {}

    def ancestors_of(node_id: str) -> set[str]:
        found = ancestors.get(node_id)
        if found is None:
            found = ancestors[node_id] = closure(graphs.pred, (node_id,))
        return found

    splits: list[tuple[str, Link]] = []
    nodes, key_result = graphs.nodes, NodeKind.KEY_RESULT
    for link in graphs.conflicts:
        a, b = link.source, link.target
        above_a = ancestors_of(a)
        if not above_a:
            continue
        common = above_a & ancestors_of(b)
        common.discard(a)
        common.discard(b)
        ranked = [n for n in common if nodes[n].kind is not key_result]
        splits.extend((n, link) for n in graphs.by_order(ranked))
    return splits


def split_support_findings(graphs: MapGraphs, splits: list[tuple[str, Link]]) -> list[Finding]:
    """Each node that supports, directly or not, both ends of an unresolved conflict."""
    nodes, findings = graphs.nodes, []
    for n, link in splits:
        a, b = nodes[link.source], nodes[link.target]
        message = _(
            "{value} supports both {a} and {b}, which conflict. Resolve the conflict first, or "
            "decide which of the two it should serve."
        ).format(value=quoted(nodes[n]), a=quoted(a), b=quoted(b))
        findings.append(
            Finding("split-support", Severity.ERROR, (n, a.id, b.id), message, link=link.id)
        )
    return findings
