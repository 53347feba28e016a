"""The sections between the map and the team plans, plus vision and values before it.

Vision and values; What to resolve (every finding, by severity); Decisions (resolved
conflicts, what was dropped); Objectives (ranking, metric, key results, the tree of goals
that serve each, the values it upholds). Each section starts on a new page, and each
value or objective is kept on one page with what introduces it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.model import LinkKind, Node, NodeKind

from .analysis_words import SEVERITY_HEADINGS
from .blocks import finding_line, keep, label, markup, para, section
from .chains import node_phrase
from .key_results import key_result_table
from .plan import PlanData
from .styles import styles
from .text import escape


def others_count(data: PlanData, hidden: int) -> str:
    """ "1 goal of another team", "3 goals of other teams"."""
    return "1 goal of another team" if hidden == 1 else f"{hidden} goals of other teams"


def vision_and_values(data: PlanData) -> list[Flowable]:
    """The vision(s) and each value with what upholds it."""
    st = styles()
    story = section("Vision and values", "vision-values")
    visions = data.nodes_of(NodeKind.VISION)
    if not visions:
        story.append(para("The workshop has no vision yet.", st.note))
    for vision in visions:
        block: list[Flowable] = [markup("Vision", st.small_lead), para(vision.title, st.h2)]
        if vision.description:
            block.append(para(vision.description))
        story.append(keep(block))
    values = data.nodes_of(NodeKind.VALUE)
    if values:
        story.append(markup("Values", st.h2))
    for value in values:
        story += _value(data, value)
    return story


def _value(data: PlanData, value: Node) -> list[Flowable]:
    """A value and what upholds it; the value and its first lines share a page."""
    st = styles()
    block: list[Flowable] = [para(value.title, st.h3)]
    if value.description:
        block.append(para(value.description))
    upholders = data.upholders.get(value.id, [])
    shown = [n for n in upholders if data.visible(n)]
    if not upholders:
        block.append(para("Nothing upholds this value yet.", st.note))
    elif shown:
        block.append(markup("Upheld by:", st.small_lead))
    items: list[Flowable] = [
        markup(node_phrase(data, node_id), st.item, bullet="•") for node_id in shown
    ]
    hidden = len(upholders) - len(shown)
    if hidden:
        lead = "Also upheld by" if shown else "Upheld by"
        items.append(para(f"{lead} {others_count(data, hidden)}.", st.small))
    return [keep(block + items[:3]), *items[3:]]


def what_to_resolve(data: PlanData) -> list[Flowable]:
    """Every finding, grouped by severity, in plain language."""
    st = styles()
    story = section("What to resolve", "resolve")
    if not data.findings:
        if data.team_id is None:
            return [*story, para("The checks found nothing to resolve.")]
        return [*story, para("The checks found nothing to resolve in this team's goals.")]
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
    story = section("Decisions", "decisions")
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
    kinds = (NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT)
    dropped = [n for kind in kinds for n in data.nodes_of(kind, active=False)]
    if not dropped:
        story.append(para("Nothing was dropped.", st.note))
    for node in dropped:
        text = f"<b>{escape(node.title)}</b> ({escape(data.kind_label(node))})"
        if node.description:
            text += "<br/>" + escape(node.description)
        story.append(markup(text, st.item, bullet="•"))
    return story


def objectives(data: PlanData) -> list[Flowable]:
    """Each objective with its ranking, metric, key results, the goals that serve it."""
    st = styles()
    title = "Objectives" if data.team_id is None else "Objectives we serve"
    story = section(title, "objectives")
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
    if objective.owner:
        facts.append(label("Owner", objective.owner))
    block: list[Flowable] = [para(objective.title, st.h2), markup(" · ".join(facts), st.small)]
    if objective.metric:
        block.append(markup(label("Metric", objective.metric)))
    if objective.description:
        block.append(para(objective.description))
    values = [data.node(v).title for v in data.upheld.get(objective.id, ())]
    if values:
        block.append(markup(label("Upholds", ", ".join(values))))
    results = data.key_results(objective.id)
    if results:
        block += [markup("Key results", st.lead), key_result_table(data, results)]
    tree = support_tree(data, objective.id)
    if tree:
        block.append(markup("Served by", st.lead))
        # The objective and the first lines of its tree share a page; the rest may run on.
        return [keep(block + tree[:3]), *tree[3:]]
    block.append(para("No active goal serves this objective yet.", st.note))
    return [keep(block)]


def _children(data: PlanData, node_id: str) -> list[tuple[str, str | None]]:
    """What serves `node_id` directly, with the key result each goes through (if any)."""
    found: list[tuple[str, str | None]] = [(n, None) for n in data.supports_in.get(node_id, ())]
    for result in data.measured_by.get(node_id, ()):
        found += [(n, result) for n in data.supports_in.get(result, ())]
    return found


def _walk(data: PlanData, root: str) -> list[tuple[str, int, str | None, bool]]:
    """The tree under `root` depth first: node, depth, key result, already shown above."""
    rows: list[tuple[str, int, str | None, bool]] = []
    expanded: set[str] = {root}
    stack = [(n, 0, kr) for n, kr in reversed(_children(data, root))]
    while stack:
        node_id, depth, result = stack.pop()
        rows.append((node_id, depth, result, node_id in expanded))
        if node_id not in expanded:
            expanded.add(node_id)
            stack += [(n, depth + 1, None) for n, _ in reversed(_children(data, node_id))]
    return rows


def _team_rows(
    data: PlanData, rows: list[tuple[str, int, str | None, bool]]
) -> tuple[list[tuple[str, int, str | None, bool]], int]:
    """In a team's plan: the branches that hold the team's goals, and how many goals not."""
    kept = [False] * len(rows)
    ancestors: list[int] = []
    for index, (node_id, depth, _, _) in enumerate(rows):
        del ancestors[depth:]
        if data.node(node_id).team == data.team_id and data.node(node_id).kind is NodeKind.GOAL:
            kept[index] = True
            for parent in reversed(ancestors):
                if kept[parent]:
                    break
                kept[parent] = True
        ancestors.append(index)
    shown = [row for row, keep_row in zip(rows, kept, strict=True) if keep_row]
    left = {row[0] for row in rows} - {row[0] for row in shown}
    return shown, sum(1 for n in left if data.node(n).kind is NodeKind.GOAL)


def support_tree(data: PlanData, root: str) -> list[Flowable]:
    """The nodes that serve `root`, as an indented tree; each is expanded once.

    In a team's plan only the branches that hold the team's goals are drawn, and the
    other teams' goals are counted.
    """
    st = styles()
    rows = _walk(data, root)
    hidden = 0
    if data.team_id is not None:
        rows, hidden = _team_rows(data, rows)
    out: list[Flowable] = []
    for node_id, depth, result, repeated in rows:
        text = node_phrase(data, node_id)
        if result is not None:
            text += f" <font size='8'>moves ‘{escape(data.node(result).title)}’</font>"
        if repeated:
            text += " <font size='8'>(shown above)</font>"
        out.append(markup(text, st.indented(depth), bullet="–" if depth else "•"))
    if hidden:
        lead = "Also served by" if out else "Served by"
        out.append(para(f"{lead} {others_count(data, hidden)}.", st.small))
    return out
