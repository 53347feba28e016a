"""The sections between the map and the team plans, plus vision and values before it.

Vision and values; What to resolve (every finding, by severity); Decisions (resolved
conflicts, what was dropped); Objectives (metric, ranking, the tree of goals that serve
each, the values it upholds).
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.i18n import _
from alignment_workshop.model import LinkKind, Node, NodeKind

from .analysis_words import SEVERITY_HEADINGS
from .blocks import finding_line, heading, keep, label, markup, para
from .plan import PlanData
from .styles import styles
from .text import escape


def kind_label(data: PlanData, node: Node) -> str:
    """ "objective", or "goal of Sales" with the team named."""
    if node.kind is NodeKind.GOAL:
        if node.team:
            return _("goal of {team}").format(team=data.team_name(node.team))
        return _("goal, no team")
    return node.kind.noun


def vision_and_values(data: PlanData) -> list[Flowable]:
    """The vision(s) and each value with what upholds it."""
    st = styles()
    story = heading(_("Vision and values"), st.h1, "vision-values", 0)
    visions = data.nodes_of(NodeKind.VISION)
    if not visions:
        story.append(para(_("The workshop has no vision yet."), st.note))
    for vision in visions:
        story.append(markup(_("Vision"), st.small))
        story.append(para(vision.title, st.h2))
        if vision.description:
            story.append(para(vision.description))
    values = data.nodes_of(NodeKind.VALUE)
    if values:
        story.append(markup(_("Values"), st.h2))
    for value in values:
        story.append(para(value.title, st.h3))
        if value.description:
            story.append(para(value.description))
        upholders = [data.node(n) for n in data.upholders.get(value.id, ())]
        upholders = [n for n in upholders if data.in_plan(n)]
        if not upholders:
            story.append(para(_("Nothing upholds this value yet."), st.note))
        else:
            story.append(markup(_("Upheld by:"), st.small))
        for node in upholders:
            text = f"{escape(node.title)} <font size='8'>({escape(kind_label(data, node))})</font>"
            story.append(markup(text, st.item, bullet="•"))
    return story


def what_to_resolve(data: PlanData) -> list[Flowable]:
    """Every finding, grouped by severity, in plain language."""
    st = styles()
    story = heading(_("What to resolve"), st.h1, "resolve", 0)
    if not data.findings:
        return [*story, para(_("The checks found nothing to resolve."))]
    for severity in Severity:
        group = [f for f in data.findings if f.severity is severity]
        if not group:
            continue
        story.append(para(f"{_(SEVERITY_HEADINGS[severity])} ({len(group)})", st.h2))
        for finding in group:
            titles = [data.node(n).title for n in finding.nodes if data.workshop.has_node(n)]
            story.append(finding_line(finding, titles))
    return story


def decisions(data: PlanData) -> list[Flowable]:
    """Resolved conflicts with their resolution, and what the workshop dropped."""
    st = styles()
    story = heading(_("Decisions"), st.h1, "decisions", 0)
    story.append(markup(_("Resolved conflicts"), st.h2))
    resolved = [
        link
        for link in data.workshop.iter_links()
        if link.kind is LinkKind.CONFLICTS and link.resolved
    ]
    if not resolved:
        story.append(para(_("No conflict has been resolved yet."), st.note))
    for link in resolved:
        a, b = data.node(link.source), data.node(link.target)
        lines = [
            _("<b>{first}</b> versus <b>{second}</b>").format(
                first=escape(a.title), second=escape(b.title)
            )
        ]
        lines.append(label(_("Resolution"), link.resolution or _("(not written down)")))
        if link.note:
            lines.append(label(_("Note"), link.note))
        story.append(markup("<br/>".join(lines), st.item, bullet="•"))
    story.append(markup(_("What we decided not to do"), st.h2))
    dropped = [
        n for kind in (NodeKind.OBJECTIVE, NodeKind.GOAL) for n in data.nodes_of(kind, active=False)
    ]
    if not dropped:
        story.append(para(_("Nothing was dropped."), st.note))
    for node in dropped:
        text = f"<b>{escape(node.title)}</b> ({escape(kind_label(data, node))})"
        if node.description:
            text += "<br/>" + escape(node.description)
        story.append(markup(text, st.item, bullet="•"))
    return story


def objectives(data: PlanData) -> list[Flowable]:
    """Each objective with its ranking, metric, the goals that serve it and its values."""
    st = styles()
    story = heading(_("Objectives"), st.h1, "objectives", 0)
    chosen = data.plan_objectives()
    if not chosen:
        story.append(para(_("No active objective."), st.note))
    for objective in chosen:
        story += _objective(data, objective)
    return story


def _objective(data: PlanData, objective: Node) -> list[Flowable]:
    st = styles()
    facts = [
        label(_("Priority"), objective.priority.label),
        label(_("Impact"), _("{impact} of 5").format(impact=objective.impact)),
        label(_("Votes"), str(objective.votes)),
        label(_("Status"), objective.status.label),
    ]
    block: list[Flowable] = [para(objective.title, st.h2), markup(" · ".join(facts), st.small)]
    if objective.metric:
        block.append(markup(label(_("Metric"), objective.metric)))
    if objective.description:
        block.append(para(objective.description))
    values = [data.node(v).title for v in data.upheld.get(objective.id, ())]
    if values:
        block.append(markup(label(_("Upholds"), ", ".join(values))))
    story: list[Flowable] = [keep(block)]
    tree = support_tree(data, objective.id)
    if tree:
        served_by = _("Served by")
        story.append(markup(f"<b>{escape(served_by)}</b>", st.body))
        story += tree
    else:
        story.append(para(_("No active goal serves this objective yet."), st.note))
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
            shown_above = escape(_("shown above"))
            text += f" <font size='8'>({shown_above})</font>"
        out.append(markup(text, st.indented(depth), bullet="–" if depth else "•"))
        if node_id not in expanded:
            expanded.add(node_id)
            stack += [(n, depth + 1) for n in reversed(data.supports_in.get(node_id, ()))]
    return out
