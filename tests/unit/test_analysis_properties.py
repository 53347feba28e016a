"""Properties of the checks on random workshops, and agreement with a literal reference.

`reference` below restates every rule of issue 2 §4 as directly as possible (reach(n) by
a networkx search from each node, every link scanned for every question), with none of
the shortcuts `analyze` takes for speed. On random workshops, and on generated maps of a
few hundred nodes, both must agree on every finding's rule, severity, nodes, link and
team, on the aligned goals and on the scores.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice, pairwise

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_workshop.analysis import MAX_PATHS, Severity, analyze, why_paths
from alignment_workshop.model import (
    LinkKind,
    NodeKind,
    Priority,
    Status,
    Workshop,
    allowed_link_kinds,
)
from tests.conftest import examples
from tests.support.generate import generate_workshop
from tests.support.strategies import workshops

from .test_analysis_builder import DUE, Map

Key = tuple[str, Severity, tuple[str, ...], str | None, str | None]
E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO
SUPPORTS, DEPENDS, CONFLICTS = LinkKind.SUPPORTS, LinkKind.DEPENDS, LinkKind.CONFLICTS


class Reference:
    """The rules and the score, computed the slow and obvious way."""

    def __init__(self, w: Workshop) -> None:
        self.w = w
        self.nodes = {n.id: n for n in w.nodes}
        self.order = {node_id: i for i, node_id in enumerate(self.nodes)}
        self.active = [i for i, n in self.nodes.items() if n.is_active]
        self.live = [
            link
            for link in w.links
            if self.nodes[link.source].is_active and self.nodes[link.target].is_active
        ]
        self.S = self._graph(SUPPORTS)
        self.reach = {n: nx.descendants(self.S, n) for n in self.active}
        self.visions = self._ids(NodeKind.VISION)
        self.goals = self._ids(NodeKind.GOAL)
        self.objectives = self._ids(NodeKind.OBJECTIVE)
        self.open = [x for x in self.live if x.kind is CONFLICTS and not x.resolved]

    def _ids(self, kind: NodeKind) -> list[str]:
        return [i for i in self.active if self.nodes[i].kind is kind]

    def _graph(self, kind: LinkKind) -> nx.DiGraph:
        graph = nx.DiGraph()
        graph.add_nodes_from(self.active)
        graph.add_edges_from((x.source, x.target) for x in self.live if x.kind is kind)
        return graph

    def _sorted(self, ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=self.order.__getitem__))

    def splits(self) -> Iterator[tuple[str, str, str, str]]:
        for x in self.open:
            for n in self.active:
                if n not in (x.source, x.target) and {x.source, x.target} <= self.reach[n]:
                    yield n, x.source, x.target, x.id

    def findings(self) -> list[Key]:
        found: list[Key] = []
        add = found.append
        vis = set(self.visions)
        if not self.visions and (self.goals or self.objectives):
            add(("no-vision", E, (), None, None))
        if len(self.visions) >= 2:
            add(("multiple-visions", W, tuple(self.visions), None, None))
        for n in self.objectives + self.goals:
            if self.visions and not self.reach[n] & vis:
                add(("orphan", E, (n,), None, None))
        for o in self.objectives:
            if not any(o in self.reach[g] for g in self.goals):
                add(("unsupported-objective", W, (o,), None, None))
        for component in nx.strongly_connected_components(self.S):
            if len(component) >= 2:
                add(("circular-support", E, self._sorted(component), None, None))
        for x in self.open:
            add(("conflict", E, (x.source, x.target), x.id, None))
        for n, a, b, link in self.splits():
            add(("split-support", E, (n, a, b), link, None))
        found += self.silos() + self.goal_rules()
        for v in self._ids(NodeKind.VALUE):
            upheld = any(
                x.kind is LinkKind.UPHOLDS and x.target == v and self.nodes[x.source].is_active
                for x in self.w.links
            )
            if not upheld:
                add(("unused-value", INFO, (v,), None, None))
        return sorted(found, key=lambda k: (k[1].rank, k[0], k[2]))

    def silos(self) -> list[Key]:
        team_goals = {
            t.id: [g for g in self.goals if self.nodes[g].team == t.id] for t in self.w.teams
        }
        if sum(1 for goals in team_goals.values() if goals) < 2:
            return []
        objectives = {
            t: {o for o in self.objectives if any(o in self.reach[g] for g in goals)}
            for t, goals in team_goals.items()
        }
        found: list[Key] = []
        for t, goals in team_goals.items():
            if (
                goals
                and not self._linked(t)
                and all(not objectives[t] & objectives[u] for u in team_goals if u != t)
            ):
                found.append(("silo", W, tuple(goals), None, t))
        return found

    def _linked(self, team: str) -> bool:
        for x in self.live:
            if x.kind not in (SUPPORTS, DEPENDS, CONFLICTS):
                continue
            a, b = self.nodes[x.source], self.nodes[x.target]
            if a.kind is NodeKind.GOAL and b.kind is NodeKind.GOAL:
                teams = {a.team, b.team}
                if team in teams and len(teams) == 2 and None not in teams:
                    return True
        return False

    def goal_rules(self) -> list[Key]:
        found: list[Key] = []
        add = found.append
        ranked = (NodeKind.OBJECTIVE, NodeKind.GOAL)
        for g in self.goals:
            node = self.nodes[g]
            targets = [
                x.target
                for x in self.live
                if x.kind is SUPPORTS and x.source == g and self.nodes[x.target].kind in ranked
            ]
            if (
                node.priority is Priority.HIGH
                and targets
                and all(self.nodes[t].priority is Priority.LOW for t in targets)
            ):
                add(("priority-inversion", W, (g, *targets), None, None))
            if node.due is not None and not node.why.strip():
                add(("when-without-why", INFO, (g,), None, None))
            if node.team is None:
                add(("unowned-goal", INFO, (g,), None, None))
        for component in nx.strongly_connected_components(self._graph(DEPENDS)):
            if len(component) >= 2:
                add(("depends-cycle", W, self._sorted(component), None, None))
        for x in self.w.links:
            ends = self.nodes[x.source], self.nodes[x.target]
            if x.kind is DEPENDS and ends[0].is_active and not ends[1].is_active:
                add(("depends-on-dropped", W, (x.source, x.target), None, None))
            skips = (ends[0].kind, ends[1].kind) == (NodeKind.GOAL, NodeKind.VISION)
            if skips and x.kind is SUPPORTS and x in self.live:
                add(("level-skip", INFO, (x.source, x.target), None, None))
        return found

    def aligned(self) -> set[str]:
        vis = set(self.visions)
        bad = {x.source for x in self.open} | {x.target for x in self.open}
        bad |= {n for n, *_ in self.splits()}
        bad |= {n for c in nx.strongly_connected_components(self.S) if len(c) >= 2 for n in c}
        return {g for g in self.goals if vis and self.reach[g] & vis and g not in bad}


@st.composite
def dense_maps(draw: st.DrawFn) -> Workshop:
    """Small maps crowded with links, so circles, splits and silos turn up often."""
    m = Map()
    teams = [m.team(f"t{i}") for i in range(draw(st.integers(0, 3)))]
    weighted = [*NodeKind, NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.GOAL, NodeKind.GOAL]
    kinds = draw(st.lists(st.sampled_from(weighted), min_size=1, max_size=12))
    for i, kind in enumerate(kinds):
        fields: dict[str, object] = {}
        if kind in (NodeKind.OBJECTIVE, NodeKind.GOAL):
            fields["priority"] = draw(st.sampled_from(list(Priority)))
            fields["status"] = draw(st.sampled_from([*Status, Status.PROPOSED]))
        if kind is NodeKind.GOAL:
            fields["team"] = draw(st.sampled_from([None, *teams]))
            fields["due"] = draw(st.sampled_from([None, DUE]))
            fields["why"] = draw(st.sampled_from(["", " ", "Because"]))
        m.node(f"n{i}", kind, **fields)
    nodes = m.workshop.nodes
    choices = [
        (kind, a.id, b.id)
        for a in nodes
        for b in nodes
        if a.id != b.id
        for kind in allowed_link_kinds(a.kind, b.kind)
    ]
    if choices:
        for kind, a, b in draw(
            st.lists(st.sampled_from(choices), min_size=len(kinds), max_size=40)
        ):
            if m.workshop.find_link(kind, a, b) is None:
                resolved = kind is CONFLICTS and draw(st.booleans())
                m.link(kind, a, b, **({"resolved": True} if resolved else {}))
    return m.workshop


def _keys(w: Workshop) -> list[Key]:
    return [(f.rule, f.severity, f.nodes, f.link, f.team) for f in analyze(w).findings]


def _agrees(w: Workshop) -> None:
    ref = Reference(w)
    report = analyze(w)
    assert _keys(w) == ref.findings()
    assert report.aligned == ref.aligned()
    expected = round(100 * len(ref.aligned()) / len(ref.goals), 1) if ref.goals else None
    assert report.score == expected


@settings(max_examples=examples(ci=500, dev=60))
@given(workshops(max_nodes=25))
def test_analyze_agrees_with_the_reference(w: Workshop) -> None:
    _agrees(w)


@settings(max_examples=examples(ci=500, dev=100))
@given(dense_maps())
def test_analyze_agrees_with_the_reference_on_crowded_maps(w: Workshop) -> None:
    _agrees(w)


@pytest.mark.parametrize("seed", range(4))
def test_analyze_agrees_with_the_reference_on_generated_maps(seed: int) -> None:
    _agrees(generate_workshop(nodes=300, seed=seed, teams=4))


@settings(max_examples=examples(ci=300, dev=40))
@given(workshops(max_nodes=30))
def test_findings_name_only_what_exists(w: Workshop) -> None:
    report = analyze(w)
    for finding in report.findings:
        assert all(w.has_node(n) for n in finding.nodes)
        assert finding.link is None or w.has_link(finding.link)
        assert finding.team is None or w.has_team(finding.team)
        assert finding.message.strip() and "\n" not in finding.message.strip("\n")
    assert [f.sort_key for f in report.findings] == sorted(f.sort_key for f in report.findings)
    assert [t.id for t in report.teams] == [t.id for t in w.teams]
    assert report.score is None or 0.0 <= report.score <= 100.0


@settings(max_examples=examples(ci=300, dev=40))
@given(st.one_of(workshops(max_nodes=20), dense_maps()), st.data())
def test_why_paths_are_the_simple_paths_to_a_vision(w: Workshop, data: st.DataObject) -> None:
    ids = [n.id for n in w.nodes]
    if not ids:
        return
    node_id = data.draw(st.sampled_from(ids))
    ref = Reference(w)
    paths = why_paths(w, node_id)
    assert [len(p) for p in paths] == sorted(len(p) for p in paths)
    everything = _all_paths(ref, node_id)
    if everything is None:  # too many to list here: check each path on its own
        assert len(paths) == MAX_PATHS
        for path in paths:
            assert len(set(path)) == len(path) and path[-1] in ref.visions
            assert all(pair in ref.S.edges for pair in pairwise(path))
        return
    assert set(paths) <= everything
    assert len(paths) == min(len(everything), MAX_PATHS)
    if len(everything) > MAX_PATHS:  # the cap keeps the shortest ones
        longest = max(len(p) for p in paths)
        assert all(len(p) >= longest for p in everything - set(paths))


def _all_paths(ref: Reference, node_id: str) -> set[tuple[str, ...]] | None:
    """Every simple path from `node_id` to a vision, or None if there are over 20,000."""
    if node_id not in ref.reach:
        return set()
    if ref.nodes[node_id].kind is NodeKind.VISION:
        return {(node_id,)}
    paths = nx.all_simple_paths(ref.S, node_id, [v for v in ref.visions if v != node_id])
    found = {tuple(p) for p in islice(paths, 20_001)}
    if len(found) > 20_000:
        return None
    assert all(pair in ref.S.edges for p in found for pair in pairwise(p))
    return found
