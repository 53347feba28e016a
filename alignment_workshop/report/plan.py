"""What the plan needs to know about a workshop, worked out once before any page is laid.

`PlanData` holds the workshop, its analysis, the team the plan is for (if any) and the
link indexes that every section reads: who supports what, who upholds which value, who
depends on whom, which key results measure what, and which findings concern each node.

A team's plan is about the team: it shows another team's goal only when that goal is
related to one of the team's goals (a link between them, a contribution, or a finding
that names both); `visible` says which nodes a plan may name. Everything else it says
is still true of the whole workshop.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from alignment_workshop.analysis import WhyIndex, analyze
from alignment_workshop.analysis.findings import Finding, Report, Severity
from alignment_workshop.model import LinkKind, Node, NodeKind, Workshop


class UnknownTeamError(ValueError):
    """The plan was asked for a team the workshop does not have."""

    def __init__(self, team_id: str, known: list[str] | None = None) -> None:
        self.team_id = team_id
        message = f"no team with id {team_id!r} in this workshop"
        if known:
            shown = ", ".join(known[:6]) + (", …" if len(known) > 6 else "")
            message += f"; its team ids are {shown}"
        super().__init__(message)


Index = dict[str, list[str]]


@dataclass(slots=True)
class PlanData:
    """A workshop, its analysis and the indexes the sections read."""

    workshop: Workshop
    report: Report
    team_id: str | None = None
    supports_in: Index = field(default_factory=lambda: defaultdict(list))
    supports_out: Index = field(default_factory=lambda: defaultdict(list))
    upholders: Index = field(default_factory=lambda: defaultdict(list))
    upheld: Index = field(default_factory=lambda: defaultdict(list))
    depends_out: Index = field(default_factory=lambda: defaultdict(list))
    depends_in: Index = field(default_factory=lambda: defaultdict(list))
    #: The active key results that measure each node, in link order.
    measured_by: Index = field(default_factory=lambda: defaultdict(list))
    #: The node each active key result measures, when it is active.
    measures: dict[str, str] = field(default_factory=dict)
    #: Node ids of the whole workshop joined by any link to each node, active ends only.
    linked: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    #: In a team's plan, the goals of others related to the team's goals; else None.
    related: set[str] | None = None
    by_node: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    findings: list[Finding] = field(default_factory=list)
    why: WhyIndex | None = None
    #: The width of the text column, in points, for tables laid out by hand.
    text_width: float = 480.0

    @classmethod
    def build(cls, workshop: Workshop, team_id: str | None = None) -> PlanData:
        """Analyse `workshop` and index it; raises `UnknownTeamError` for a bad team."""
        if team_id is not None and not workshop.has_team(team_id):
            raise UnknownTeamError(team_id, [t.id for t in workshop.teams])
        data = cls(workshop, analyze(workshop), team_id)
        data._index_links()
        data.why = WhyIndex(workshop)
        ordered = sorted(data.report.findings, key=lambda f: f.sort_key)
        for finding in ordered:
            for node_id in dict.fromkeys(finding.nodes):
                data.by_node[node_id].append(finding)
        data.findings = [f for f in ordered if data.concerns_team(f)]
        if team_id is not None:
            data.related = data._related_goals(team_id)
        return data

    def _index_links(self) -> None:
        nodes = self.workshop
        for link in nodes.iter_links():
            if not (nodes.node(link.source).is_active and nodes.node(link.target).is_active):
                continue
            if link.kind is LinkKind.SUPPORTS:
                self.supports_out[link.source].append(link.target)
                self.supports_in[link.target].append(link.source)
            elif link.kind is LinkKind.UPHOLDS:
                self.upholders[link.target].append(link.source)
                self.upheld[link.source].append(link.target)
            elif link.kind is LinkKind.DEPENDS:
                self.depends_out[link.source].append(link.target)
                self.depends_in[link.target].append(link.source)
            elif link.kind is LinkKind.MEASURES:
                self.measured_by[link.target].append(link.source)
                self.measures[link.source] = link.target
            self.linked[link.source].add(link.target)
            self.linked[link.target].add(link.source)

    def _related_goals(self, team_id: str) -> set[str]:
        """The goals of other teams (or none) that a plan for `team_id` may name."""
        own = {g.id for g in self.team_goals(team_id)}
        related = {n for g in own for n in self.linked.get(g, ())}
        related.update(g.id for g in self.contributed_to(team_id))
        for finding in self.findings:
            if own.intersection(finding.nodes):
                related.update(finding.nodes)
        return {
            n
            for n in related
            if self.workshop.has_node(n) and self.node(n).kind is NodeKind.GOAL and n not in own
        }

    # ------------------------------------------------------------------ reading

    def node(self, node_id: str) -> Node:
        return self.workshop.node(node_id)

    def nodes_of(self, kind: NodeKind, *, active: bool | None = True) -> list[Node]:
        """The nodes of `kind` in file order; `active=None` gives dropped ones too."""
        return [
            n
            for n in self.workshop.iter_nodes()
            if n.kind is kind and (active is None or n.is_active is active)
        ]

    def team_name(self, team_id: str | None) -> str:
        """The team's name, or "no team"."""
        if team_id is None or not self.workshop.has_team(team_id):
            return "no team"
        return self.workshop.team(team_id).name

    def visible(self, node_id: str) -> bool:
        """Whether this plan may name the node: any, except unrelated goals of other teams."""
        if self.related is None:
            return True
        node = self.node(node_id)
        return (
            node.kind is not NodeKind.GOAL or node.team == self.team_id or node_id in self.related
        )

    def in_plan(self, node: Node) -> bool:
        """Whether a goal belongs in this plan: every goal, or the chosen team's only."""
        return self.team_id is None or node.kind is not NodeKind.GOAL or node.team == self.team_id

    def concerns_team(self, finding: Finding) -> bool:
        """Whether `finding` concerns the plan's team (always, for a whole-workshop plan)."""
        if self.team_id is None or finding.team == self.team_id:
            return True
        return any(
            self.node(n).kind is NodeKind.GOAL and self.node(n).team == self.team_id
            for n in finding.nodes
            if self.workshop.has_node(n)
        )

    def error_nodes(self) -> set[str]:
        """Ids of the nodes that some error finding names."""
        return {n for f in self.report.findings if f.severity is Severity.ERROR for n in f.nodes}

    def above(self, node_id: str) -> list[str]:
        """What `node_id` leads to in S: the nodes it supports, or the one it measures."""
        found = list(self.supports_out.get(node_id, ()))
        if node_id in self.measures:
            found.append(self.measures[node_id])
        return found

    def below(self, node_id: str) -> list[str]:
        """What leads to `node_id` in S: the nodes that support it and its key results."""
        return [*self.supports_in.get(node_id, ()), *self.measured_by.get(node_id, ())]

    def reach(self, sources: Iterable[str]) -> set[str]:
        """Every node reachable from `sources` in S (supports, measures), sources excluded."""
        seen: set[str] = set()
        stack = [t for s in sources for t in self.above(s)]
        while stack:
            node_id = stack.pop()
            if node_id not in seen:
                seen.add(node_id)
                stack.extend(self.above(node_id))
        return seen

    def goal_tree(self, node_id: str) -> set[str]:
        """The goals and key results that serve `node_id` in S, stopping at objectives."""
        seen: set[str] = set()
        work = (NodeKind.GOAL, NodeKind.KEY_RESULT)
        stack = self.below(node_id)
        while stack:
            current = stack.pop()
            if current not in seen and self.node(current).kind in work:
                seen.add(current)
                stack.extend(self.below(current))
        return seen

    def plan_objectives(self) -> list[Node]:
        """The active objectives of the plan: all, or those the team's goals serve."""
        objectives = self.nodes_of(NodeKind.OBJECTIVE)
        if self.team_id is None:
            return objectives
        served = self.reach(g.id for g in self.team_goals(self.team_id))
        return [o for o in objectives if o.id in served]

    def why_paths(self, node_id: str, limit: int = 3) -> list[tuple[str, ...]]:
        """Up to `limit` chains of S from `node_id` up to a vision, shortest first."""
        return self.why.paths(node_id, limit) if self.why is not None else []

    def kind_label(self, node: Node) -> str:
        """ "objective", "key result", or "goal of Sales" with the team named."""
        if node.kind is NodeKind.GOAL:
            return f"goal of {self.team_name(node.team)}" if node.team else "goal, no team"
        return node.kind.label.lower()

    def key_results(self, node_id: str) -> list[Node]:
        """The active key results that measure `node_id`."""
        return [self.node(k) for k in self.measured_by.get(node_id, ())]

    def contributed_to(self, team_id: str) -> list[Node]:
        """Active goals of other teams (or none) that list `team_id` as a contributor."""
        goals = [
            n
            for n in self.workshop.iter_nodes()
            if n.kind is NodeKind.GOAL and n.is_active and team_id in n.contributors
        ]
        return sorted(goals, key=lambda g: (g.priority.rank, -g.impact, -g.votes))

    def team_goals(self, team_id: str | None) -> list[Node]:
        """A team's active goals (None: goals without a team), most urgent first."""
        goals = [
            n
            for n in self.workshop.iter_nodes()
            if n.kind is NodeKind.GOAL and n.team == team_id and n.is_active
        ]
        return sorted(goals, key=lambda g: (g.priority.rank, -g.impact, -g.votes))
