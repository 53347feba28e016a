"""What the plan needs to know about a workshop, worked out once before any page is laid.

`PlanData` holds the workshop, its analysis, the team the plan is for (if any) and the
link indexes that every section reads: who supports what, who upholds which value, who
depends on whom, and which findings concern each node.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from alignment_workshop.analysis import WhyIndex, analyze, so_that_sentence
from alignment_workshop.analysis.findings import Finding, Report, Severity
from alignment_workshop.i18n import _
from alignment_workshop.model import LinkKind, Node, NodeKind, Workshop


class UnknownTeamError(ValueError):
    """The plan was asked for a team the workshop does not have."""

    def __init__(self, team_id: str, known: list[str] | None = None) -> None:
        self.team_id = team_id
        message = _("no team with id {team_id!r} in this workshop").format(team_id=team_id)
        if known:
            shown = ", ".join(known[:6]) + (", …" if len(known) > 6 else "")
            message += _("; its team ids are {shown}").format(shown=shown)
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
    by_node: dict[str, list[Finding]] = field(default_factory=lambda: defaultdict(list))
    findings: list[Finding] = field(default_factory=list)
    why: WhyIndex | None = None

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
            return _("no team")
        return self.workshop.team(team_id).name

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

    def reach(self, sources: Iterable[str]) -> set[str]:
        """Every node reachable from `sources` along supports links, the sources excluded."""
        seen: set[str] = set()
        stack = [t for s in sources for t in self.supports_out.get(s, ())]
        while stack:
            node_id = stack.pop()
            if node_id not in seen:
                seen.add(node_id)
                stack.extend(self.supports_out.get(node_id, ()))
        return seen

    def goal_tree(self, node_id: str) -> set[str]:
        """The goals that serve `node_id` through goals only, stopping at other objectives."""
        seen: set[str] = set()
        stack = list(self.supports_in.get(node_id, ()))
        while stack:
            current = stack.pop()
            if current not in seen and self.node(current).kind is NodeKind.GOAL:
                seen.add(current)
                stack.extend(self.supports_in.get(current, ()))
        return seen

    def plan_objectives(self) -> list[Node]:
        """The active objectives of the plan: all, or those the team's goals serve."""
        objectives = self.nodes_of(NodeKind.OBJECTIVE)
        if self.team_id is None:
            return objectives
        served = self.reach(g.id for g in self.team_goals(self.team_id))
        return [o for o in objectives if o.id in served]

    def so_that(self, node_id: str, limit: int = 3) -> list[str]:
        """Up to `limit` "So that …, so that <vision>" chains from `node_id`, shortest first."""
        paths = self.why.paths(node_id, limit) if self.why is not None else []
        sentences = (so_that_sentence(self.workshop, p) for p in paths)
        return [s for s in sentences if s]

    def team_goals(self, team_id: str | None) -> list[Node]:
        """A team's active goals (None: goals without a team), most urgent first."""
        goals = [
            n
            for n in self.workshop.iter_nodes()
            if n.kind is NodeKind.GOAL and n.team == team_id and n.is_active
        ]
        return sorted(goals, key=lambda g: (g.priority.rank, -g.impact, -g.votes))
