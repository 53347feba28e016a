"""The silo rule: a team whose work touches no other team's, by link, by help or by objective.

It applies only when at least two teams have active goals. A team t with active goals
G_t is a silo when at least one of its goals reaches a vision (a team whose goals are all
orphans is reported as such already), when no supports, depends or conflicts link
(resolved or not) joins one of its goals to an active goal of another team, no goal of
G_t lists a contributor and no other active goal lists t as one, and when the active
objectives its goals reach (O_t) share nothing with any other team's O_u.
"""

from __future__ import annotations

from alignment_workshop.i18n import _
from alignment_workshop.model import Workshop

from .findings import Finding, Severity
from .graphs import MapGraphs, closure
from .wording import one_line


def team_goals(workshop: Workshop, graphs: MapGraphs) -> dict[str, list[str]]:
    """Each team's active goals in node order, for the teams in file order (even empty)."""
    goals: dict[str, list[str]] = {team.id: [] for team in workshop.teams}
    nodes = graphs.nodes
    for goal_id in graphs.goals:
        team = nodes[goal_id].team
        if team is not None:
            goals[team].append(goal_id)
    return goals


def silos(
    workshop: Workshop, graphs: MapGraphs, goals: dict[str, list[str]], to_vision: set[str]
) -> list[Finding]:
    """Each team that is a silo, naming its active goals."""
    working = {team: ids for team, ids in goals.items() if ids}
    if len(working) < 2:
        return []
    linked = _linked_teams(graphs)
    candidates = [
        team
        for team, ids in working.items()
        if team not in linked and not to_vision.isdisjoint(ids)
    ]
    if not candidates:
        return []
    objectives = set(graphs.objectives)
    reached = {team: closure(graphs.succ, ids) & objectives for team, ids in working.items()}
    teams_per_objective: dict[str, int] = {}
    for found in reached.values():
        for objective in found:
            teams_per_objective[objective] = teams_per_objective.get(objective, 0) + 1
    findings = []
    for team_id in candidates:
        if all(teams_per_objective[o] == 1 for o in reached[team_id]):
            findings.append(_silo_finding(workshop, team_id, working[team_id]))
    return findings


def _linked_teams(graphs: MapGraphs) -> set[str]:
    """Teams joined to another: by a link between their active goals, or by a contributor.

    A goal that lists contributors links its own team and each contributing team; its own
    team can never be among them.
    """
    nodes, linked = graphs.nodes, set()
    for source, target in graphs.goal_contacts:
        team_a, team_b = nodes[source].team, nodes[target].team
        if team_a is not None and team_b is not None and team_a != team_b:
            linked.add(team_a)
            linked.add(team_b)
    for goal_id in graphs.goals:
        goal = nodes[goal_id]
        if goal.contributors:
            linked.update(goal.contributors)
            if goal.team is not None:
                linked.add(goal.team)
    return linked


def _silo_finding(workshop: Workshop, team_id: str, goal_ids: list[str]) -> Finding:
    name = one_line(workshop.team(team_id).name)
    message = _(
        "Team '{name}' works alone: no link or contributor joins its goals to another team's, and"
        " they serve no objective another team serves. Find where its work meets the others' and "
        "link it or add a contributing team, or check that it serves the shared objectives."
    ).format(name=name)
    return Finding("silo", Severity.WARNING, tuple(goal_ids), message, team=team_id)
