"""The sections between the map and the team plans, plus vision and values before it.

Vision and values; What to resolve (every finding, by severity); Decisions (resolved
conflicts, what was dropped); Objectives (ranking, metric, key results, the tree of goals
that serve each, the values it upholds). Each section starts on a new page, and each
value or objective is kept on one page with what introduces it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.i18n import _, ngettext
from alignment_workshop.model import LinkKind, Node, NodeKind

from .analysis_words import SEVERITY_HEADINGS
from .blocks import finding_line, keep, label, markup, para, section
from .chains import node_phrase
from .key_results import key_result_table
from .plan import PlanData
from .styles import styles
from .text import escape


def upheld_by_others(hidden: int, also: bool) -> str:
    """ "Also upheld by 3 goals of other teams.": one whole sentence per case, so that a
    language can decline the words after "by" (German: "von 3 Teamzielen")."""
    if also:
        return ngettext(
            "Also upheld by {count} goal of another team.",
            "Also upheld by {count} goals of other teams.",
            hidden,
        ).format(count=hidden)
    return ngettext(
        "Upheld by {count} goal of another team.", "Upheld by {count} goals of other teams.", hidden
    ).format(count=hidden)


def served_by_others(hidden: int, also: bool) -> str:
    """ "Served by 1 goal of another team.", as `upheld_by_others`."""
    if also:
        return ngettext(
            "Also served by {count} goal of another team.",
            "Also served by {count} goals of other teams.",
            hidden,
        ).format(count=hidden)
    return ngettext(
        "Served by {count} goal of another team.", "Served by {count} goals of other teams.", hidden
    ).format(count=hidden)


def vision_and_values(data: PlanData) -> list[Flowable]:
    """The vision(s) and each value with what upholds it."""
    st = styles()
    story = section(_("Vision and values"), "vision-values")
    visions = data.nodes_of(NodeKind.VISION)
    if not visions:
        story.append(para(_("The workshop has no vision yet."), st.note))
    for vision in visions:
        block: list[Flowable] = [markup(_("Vision"), st.small_lead), para(vision.title, st.h2)]
        if vision.description:
            block.append(para(vision.description))
        story.append(keep(block))
    values = data.nodes_of(NodeKind.VALUE)
    if values:
        story.append(markup(_("Values"), st.h2))
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
        block.append(para(_("Nothing upholds this value yet."), st.note))
    elif shown:
        block.append(markup(_("Upheld by:"), st.small_lead))
    items: list[Flowable] = [
        markup(node_phrase(data, node_id), st.item, bullet="•") for node_id in shown
    ]
    hidden = len(upholders) - len(shown)
    if hidden:
        items.append(para(upheld_by_others(hidden, also=bool(shown)), st.small))
    return [keep(block + items[:3]), *items[3:]]


def what_to_resolve(data: PlanData) -> list[Flowable]:
    """Every finding, grouped by severity, in plain language."""
    st = styles()
    story = section(_("What to resolve"), "resolve")
    if not data.findings:
        if data.team_id is None:
            return [*story, para(_("The checks found nothing to resolve."))]
        return [*story, para(_("The checks found nothing to resolve in this team's goals."))]
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
    story = section(_("Decisions"), "decisions")
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
    kinds = (NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT)
    dropped = [n for kind in kinds for n in data.nodes_of(kind, active=False)]
    if not dropped:
        story.append(para(_("Nothing was dropped."), st.note))
    for node in dropped:
        text = f"<b>{escape(node.title)}</b> ({escape(data.kind_label(node))})"
        if node.description:
            text += "<br/>" + escape(node.description)
        story.append(markup(text, st.item, bullet="•"))
    return story


def objectives(data: PlanData) -> list[Flowable]:
    """Each objective with its ranking, metric, key results, the goals that serve it."""
    st = styles()
    title = _("Objectives") if data.team_id is None else _("Objectives we serve")
    story = section(title, "objectives")
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
    if objective.owner:
        facts.append(label(_("Owner"), objective.owner))
    block: list[Flowable] = [para(objective.title, st.h2), markup(" · ".join(facts), st.small)]
    if objective.metric:
        block.append(markup(label(_("Metric"), objective.metric)))
    if objective.description:
        block.append(para(objective.description))
    values = [data.node(v).title for v in data.upheld.get(objective.id, ())]
    if values:
        block.append(markup(label(_("Upholds"), ", ".join(values))))
    results = data.key_results(objective.id)
    if results:
        block += [markup(_("Key results"), st.lead), key_result_table(data, results)]
    tree = support_tree(data, objective.id)
    if tree:
        block.append(markup(_("Served by"), st.lead))
        # The objective and the first lines of its tree share a page; the rest may run on.
        return [keep(block + tree[:3]), *tree[3:]]
    block.append(para(_("No active goal serves this objective yet."), st.note))
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
    for index, (node_id, depth, _third, _fourth) in enumerate(rows):
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
            moves = escape(_("moves ‘{title}’").format(title=data.node(result).title))
            text += f" <font size='8'>{moves}</font>"
        if repeated:
            shown_above = escape(_("shown above"))
            text += f" <font size='8'>({shown_above})</font>"
        out.append(markup(text, st.indented(depth), bullet="–" if depth else "•"))
    if hidden:
        out.append(para(served_by_others(hidden, also=bool(out)), st.small))
    return out
