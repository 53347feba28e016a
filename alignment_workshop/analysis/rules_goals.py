"""The rules about single team goals: priorities, dependencies, the why, dates, ownership.

priority-inversion, depends-cycle, depends-on-dropped, when-without-why,
due-outside-period (which also covers key results) and unowned-goal.
"""

from __future__ import annotations

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.model import Period, Priority

from .findings import Finding, Severity
from .graphs import MapGraphs, cyclic_components
from .wording import named_list, quoted


def priority_inversions(graphs: MapGraphs) -> list[Finding]:
    """High-priority goals whose direct supports targets are all of low priority."""
    nodes, succ, findings = graphs.nodes, graphs.succ, []
    high, low = Priority.HIGH, Priority.LOW
    for goal_id in graphs.goals:
        if goal_id not in succ or nodes[goal_id].priority is not high:
            continue
        targets = graphs.ranked_targets(goal_id)
        if targets and all(nodes[t].priority is low for t in targets):
            message = _(
                "{value} is high priority but only supports low-priority work: {named_list}. "
                "Lower its priority, or raise theirs."
            ).format(
                value=quoted(nodes[goal_id]), named_list=named_list([nodes[t] for t in targets])
            )
            findings.append(
                Finding("priority-inversion", Severity.WARNING, (goal_id, *targets), message)
            )
    return findings


def depends_cycles(graphs: MapGraphs) -> list[Finding]:
    """Each circle of dependencies between active goals: none of them can finish first."""
    findings = []
    for component in cyclic_components(graphs.depends):
        ids = graphs.by_order(component)
        message = _(
            "{named_list} depend on each other in a circle, so none of them can finish first. "
            "Decide which comes first and remove the dependency that points back."
        ).format(named_list=named_list([graphs.nodes[n] for n in ids]))
        findings.append(Finding("depends-cycle", Severity.WARNING, tuple(ids), message))
    return findings


def depends_on_dropped(graphs: MapGraphs) -> list[Finding]:
    """Active goals that depend on a goal the workshop dropped."""
    nodes, findings = graphs.nodes, []
    for goal_id, dropped_id in graphs.depends_on_dropped:
        goal, dropped = nodes[goal_id], nodes[dropped_id]
        message = _(
            "{goal} depends on {dropped}, which was dropped. Remove the dependency, or plan "
            "another way to get what {dropped} would have delivered."
        ).format(goal=quoted(goal), dropped=quoted(dropped))
        findings.append(
            Finding("depends-on-dropped", Severity.WARNING, (goal_id, dropped_id), message)
        )
    return findings


def when_without_why(graphs: MapGraphs) -> list[Finding]:
    """Active goals with a due date, a blank why, and nothing they support on the map."""
    findings, succ = [], graphs.succ
    for goal_id in graphs.goals:
        goal = graphs.nodes[goal_id]
        if goal.due is not None and not goal.why.strip() and goal_id not in succ:
            message = _(
                "{goal} has a due date but no why, and supports nothing on the map. Write down "
                "why it matters, or link it to what it serves, before agreeing when it is due."
            ).format(goal=quoted(goal))
            findings.append(Finding("when-without-why", Severity.INFO, (goal_id,), message))
    return findings


def due_outside_period(graphs: MapGraphs, period: Period | None) -> list[Finding]:
    """Active goals and key results due before the workshop's period starts or after it ends."""
    if period is None:
        return []
    findings, nodes = [], graphs.nodes
    span = _("{start} to {end}").format(
        start=formats.date(period.start), end=formats.date(period.end)
    )
    label = " ".join(period.label.split())
    named = (
        _("the workshop's period '{label}' ({span})").format(label=label, span=span)
        if label
        else _("the workshop's period ({span})").format(span=span)
    )
    for node_id in (*graphs.goals, *graphs.key_results):
        due = nodes[node_id].due
        if due is None or due in period:
            continue
        when = (
            _("before {named} starts").format(named=named)
            if due < period.start
            else _("after {named} ends").format(named=named)
        )
        message = _(
            "{value} is due on {date}, {when}. Move the date into the period, or agree that this "
            "work belongs to another one."
        ).format(value=quoted(nodes[node_id]), date=formats.date(due), when=when)
        findings.append(Finding("due-outside-period", Severity.INFO, (node_id,), message))
    return findings


def unowned_goals(graphs: MapGraphs) -> list[Finding]:
    """Active goals that belong to no team."""
    findings = []
    for goal_id in graphs.goals:
        goal = graphs.nodes[goal_id]
        if goal.team is None:
            message = _(
                "{goal} belongs to no team. Assign it to the team that will do the work."
            ).format(goal=quoted(goal))
            findings.append(Finding("unowned-goal", Severity.INFO, (goal_id,), message))
    return findings
