"""The sections between the map and the team plans, plus vision and values before it.

Vision and values; What to resolve (every finding, by severity); Decisions (resolved
conflicts, what was dropped); Objectives (metric, ranking, the tree of goals that serve
each, the values it upholds).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, Node, NodeKind

from .analysis_words import SEVERITY_HEADINGS
from .blocks import finding_line, heading, keep, label, markup, para
from .plan import PlanData
from .styles import styles
from .text import escape


def kind_label(data: PlanData, node: Node) -> str:
    """ "objective", or "goal of Sales" with the team named."""
    if node.kind is NodeKind.GOAL:
        return f"goal of {data.team_name(node.team)}" if node.team else "goal, no team"
    return node.kind.label.lower()


def vision_and_values(data: PlanData) -> list[Flowable]:
    """The vision(s) and each value with what upholds it."""
    st = styles()
    story = heading("Vision and values", st.h1, "vision-values", 0)
    visions = data.nodes_of(NodeKind.VISION)
    if not visions:
        story.append(para("The workshop has no vision yet.", st.note))
    for vision in visions:
        story.append(markup("Vision", st.small))
        story.append(para(vision.title, st.h2))
        if vision.description:
            story.append(para(vision.description))
    values = data.nodes_of(NodeKind.VALUE)
    if values:
        story.append(markup("Values", st.h2))
    for value in values:
        story.append(para(value.title, st.h3))
        if value.description:
            story.append(para(value.description))
        upholders = [data.node(n) for n in data.upholders.get(value.id, ())]
        upholders = [n for n in upholders if data.in_plan(n)]
        if not upholders:
            story.append(para("Nothing upholds this value yet.", st.note))
        else:
            story.append(markup("Upheld by:", st.small))
        for node in upholders:
            text = f"{escape(node.title)} <font size='8'>({escape(kind_label(data, node))})</font>"
            story.append(markup(text, st.item, bullet="•"))
    return story


def what_to_resolve(data: PlanData) -> list[Flowable]:
    """Every finding, grouped by severity, in plain language."""
    st = styles()
    story = heading("What to resolve", st.h1, "resolve", 0)
    if not data.findings:
        return [*story, para("The checks found nothing to resolve.")]
    for severity in Severity:
        group = [f for f in data.findings if f.severity is severity]
        if not group:
            continue
        story.append(para(f"{SEVERITY_HEADINGS[severity]} ({len(group)})", st.h2))
        for finding in group:
            titles = [data.node(n).title for n in finding.nodes if data.workshop.has_node(n)]
            story.append(finding_line(finding, titles))
    return story


def decisions(data: PlanData) -> list[Flowable]:
    """Resolved conflicts with their resolution, and what the workshop dropped."""
    st = styles()
    story = heading("Decisions", st.h1, "decisions", 0)
    story.append(markup("Resolved conflicts", st.h2))
    resolved = [
        link
        for link in data.workshop.iter_links()
        if link.kind is LinkKind.CONFLICTS and link.resolved
    ]
    if not resolved:
        story.append(para("No conflict has been resolved yet.", st.note))
    for link in resolved:
        a, b = data.node(link.source), data.node(link.target)
        lines = [f"<b>{escape(a.title)}</b> versus <b>{escape(b.title)}</b>"]
        lines.append(label("Resolution", link.resolution or "(not written down)"))
        if link.note:
            lines.append(label("Note", link.note))
        story.append(markup("<br/>".join(lines), st.item, bullet="•"))
    story.append(markup("What we decided not to do", st.h2))
    dropped = [
        n for kind in (NodeKind.OBJECTIVE, NodeKind.GOAL) for n in data.nodes_of(kind, active=False)
    ]
    if not dropped:
        story.append(para("Nothing was dropped.", st.note))
    for node in dropped:
        text = f"<b>{escape(node.title)}</b> ({escape(kind_label(data, node))})"
        if node.description:
            text += "<br/>" + escape(node.description)
        story.append(markup(text, st.item, bullet="•"))
    return story


def objectives(data: PlanData) -> list[Flowable]:
    """Each objective with its ranking, metric, the goals that serve it and its values."""
    st = styles()
    story = heading("Objectives", st.h1, "objectives", 0)
    chosen = data.plan_objectives()
    if not chosen:
        story.append(para("No active objective.", st.note))
    for objective in chosen:
        story += _objective(data, objective)
    return story


def _objective(data: PlanData, objective: Node) -> list[Flowable]:
    st = styles()
    facts = [
        label("Priority", objective.priority.value),
        label("Impact", f"{objective.impact} of 5"),
        label("Votes", str(objective.votes)),
        label("Status", objective.status.value),
    ]
    block: list[Flowable] = [para(objective.title, st.h2), markup(" · ".join(facts), st.small)]
    if objective.metric:
        block.append(markup(label("Metric", objective.metric)))
    if objective.description:
        block.append(para(objective.description))
    values = [data.node(v).title for v in data.upheld.get(objective.id, ())]
    if values:
        block.append(markup(label("Upholds", ", ".join(values))))
    story: list[Flowable] = [keep(block)]
    tree = support_tree(data, objective.id)
    if tree:
        story.append(markup("<b>Served by</b>", st.body))
        story += tree
    else:
        story.append(para("No active goal serves this objective yet.", st.note))
    return story


def support_tree(data: PlanData, root: str) -> list[Flowable]:
    """The nodes that support `root`, as an indented tree; each is expanded once."""
    st = styles()
    out: list[Flowable] = []
    expanded: set[str] = {root}
    stack = [(n, 0) for n in reversed(data.supports_in.get(root, ()))]
    while stack:
        node_id, depth = stack.pop()
        node = data.node(node_id)
        text = f"{escape(node.title)} <font size='8'>({escape(kind_label(data, node))})</font>"
        if node_id in expanded:
            text += " <font size='8'>(shown above)</font>"
        out.append(markup(text, st.indented(depth), bullet="–" if depth else "•"))
        if node_id not in expanded:
            expanded.add(node_id)
            stack += [(n, depth + 1) for n in reversed(data.supports_in.get(node_id, ()))]
    return out
