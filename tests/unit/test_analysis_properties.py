"""Properties of the checks on random workshops, and agreement with a literal reference.

`Reference` below restates every rule of issue 10 §2 (format version 2) as directly as
possible: "active" from its definition, reach(n) by a networkx search from each node over
S (supports and measures links), every link scanned for every question, with none of the
shortcuts `analyze` takes for speed. On random workshops, on crowded small maps and on
generated maps of a few hundred nodes, both must agree on every finding's rule, severity,
nodes, link and team, on the aligned goals and on the scores.
"""

from __future__ import annotations

import datetime as dt
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
    Period,
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
MEASURES, UPHOLDS = LinkKind.MEASURES, LinkKind.UPHOLDS
OBJ, GOAL, KR, VISION = NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT, NodeKind.VISION


class Reference:
    """The rules and the score of format version 2, computed the slow and obvious way."""

    def __init__(self, w: Workshop) -> None:
        self.w = w
        self.nodes = {n.id: n for n in w.nodes}
        self.order = {node_id: i for i, node_id in enumerate(self.nodes)}
        # Active: all nodes except objectives, goals and key results whose status is dropped.
        self.active = [
            i
            for i, n in self.nodes.items()
            if not (n.kind in (OBJ, GOAL, KR) and n.status is Status.DROPPED)
        ]
        self.live = [
            link for link in w.links if link.source in self.active and link.target in self.active
        ]
        # S: supports and measures links between active nodes, source → target.
        self.S = self._graph(SUPPORTS, MEASURES)
        self.reach = {n: nx.descendants(self.S, n) for n in self.active}
        self.visions = self._ids(VISION)
        self.goals = self._ids(GOAL)
        self.objectives = self._ids(OBJ)
        self.key_results = self._ids(KR)
        self.open = [x for x in self.live if x.kind is CONFLICTS and not x.resolved]

    def _ids(self, kind: NodeKind) -> list[str]:
        return [i for i in self.active if self.nodes[i].kind is kind]

    def _graph(self, *kinds: LinkKind) -> nx.DiGraph:
        graph = nx.DiGraph()
        graph.add_nodes_from(self.active)
        graph.add_edges_from((x.source, x.target) for x in self.live if x.kind in kinds)
        return graph

    def _sorted(self, ids: set[str]) -> tuple[str, ...]:
        return tuple(sorted(ids, key=self.order.__getitem__))

    def _has_link(self, kind: LinkKind, source: str | None, target: str | None) -> bool:
        """Whether a live link of `kind` runs from `source` to `target` (None: any)."""
        return any(
            x.kind is kind and source in (None, x.source) and target in (None, x.target)
            for x in self.live
        )

    def splits(self) -> Iterator[tuple[str, str, str, str]]:
        for x in self.open:
            for n in self.objectives + self.goals:
                if n not in (x.source, x.target) and {x.source, x.target} <= self.reach[n]:
                    yield n, x.source, x.target, x.id

    def findings(self) -> list[Key]:
        found: list[Key] = []
        add = found.append
        vis = set(self.visions)
        if not self.visions and (self.goals or self.objectives or self.key_results):
            add(("no-vision", E, (), None, None))
        if len(self.visions) >= 2:
            add(("multiple-visions", W, tuple(self.visions), None, None))
        for n in self.objectives + self.goals:
            if self.visions and not self.reach[n] & vis:
                add(("orphan", E, (n,), None, None))
        for k in self.key_results:
            if self.visions and not self._has_link(MEASURES, k, None):
                add(("orphan", E, (k,), None, None))
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
        found += self.silos() + self.goal_rules() + self.new_rules()
        for v in self._ids(NodeKind.VALUE):
            upheld = any(
                x.kind is UPHOLDS and x.target == v and self.nodes[x.source].is_active
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
        vis = set(self.visions)
        found: list[Key] = []
        for t, goals in team_goals.items():
            if not goals:
                continue
            reaches_a_vision = any(self.reach[g] & vis for g in goals)
            helped = any(self.nodes[g].contributors for g in goals) or any(
                t in self.nodes[g].contributors for g in self.goals if g not in goals
            )
            shares = any(objectives[t] & objectives[u] for u in team_goals if u != t)
            if reaches_a_vision and not self._linked(t) and not helped and not shares:
                found.append(("silo", W, tuple(goals), None, t))
        return found

    def _linked(self, team: str) -> bool:
        for x in self.live:
            if x.kind not in (SUPPORTS, DEPENDS, CONFLICTS):
                continue
            a, b = self.nodes[x.source], self.nodes[x.target]
            if a.kind is GOAL and b.kind is GOAL:
                teams = {a.team, b.team}
                if team in teams and len(teams) == 2 and None not in teams:
                    return True
        return False

    def goal_rules(self) -> list[Key]:
        found: list[Key] = []
        add = found.append
        for g in self.goals:
            node = self.nodes[g]
            targets = [
                x.target
                for x in self.live
                if x.kind is SUPPORTS and x.source == g and self.nodes[x.target].kind in (OBJ, GOAL)
            ]
            if (
                node.priority is Priority.HIGH
                and targets
                and all(self.nodes[t].priority is Priority.LOW for t in targets)
            ):
                add(("priority-inversion", W, (g, *targets), None, None))
            if (
                node.due is not None
                and not node.why.strip()
                and not self._has_link(SUPPORTS, g, None)
            ):
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
            skips = (ends[0].kind, ends[1].kind) == (GOAL, VISION)
            if skips and x.kind is SUPPORTS and x in self.live:
                add(("level-skip", INFO, (x.source, x.target), None, None))
        return found

    def new_rules(self) -> list[Key]:
        """duplicate, unmeasured-objective, key-result-without-target, due-outside-period."""
        found: list[Key] = []
        add = found.append
        groups: dict[tuple[NodeKind, str], set[str]] = {}
        for n in self.objectives + self.goals + self.key_results:
            title = " ".join(self.nodes[n].title.casefold().split())
            groups.setdefault((self.nodes[n].kind, title), set()).add(n)
        for group in groups.values():
            if len(group) >= 2:
                add(("duplicate", W, tuple(sorted(group)), None, None))
        if self.key_results:
            for o in self.objectives:
                if not any(self._has_link(MEASURES, k, o) for k in self.key_results):
                    add(("unmeasured-objective", INFO, (o,), None, None))
        for k in self.key_results:
            if self.nodes[k].target is None:
                add(("key-result-without-target", INFO, (k,), None, None))
        period = self.w.meta.period
        if period is not None:
            for n in self.goals + self.key_results:
                due = self.nodes[n].due
                if due is not None and (due < period.start or due > period.end):
                    add(("due-outside-period", INFO, (n,), None, None))
        return found

    def aligned(self) -> set[str]:
        vis, objectives = set(self.visions), set(self.objectives)
        bad = {x.source for x in self.open} | {x.target for x in self.open}
        bad |= {n for n, *_ in self.splits()}
        bad |= {n for c in nx.strongly_connected_components(self.S) if len(c) >= 2 for n in c}
        return {
            g
            for g in self.goals
            if vis
            and self.reach[g] & vis
            and (not objectives or self.reach[g] & objectives)
            and g not in bad
        }

    def team_scores(self) -> list[float | None]:
        aligned = self.aligned()
        scores = []
        for team in self.w.teams:
            led = [g for g in self.goals if self.nodes[g].team == team.id]
            hits = len([g for g in led if g in aligned])
            scores.append(round(100 * hits / len(led), 1) if led else None)
        return scores


#: Titles drawn for crowded maps: a few equal once case and white space are set aside.
_TITLES = ["Grow reach", "grow  REACH", " Grow reach ", "Ship it", "SHIP IT", "Other"]
_DAYS = [DUE - dt.timedelta(days=90), DUE, DUE + dt.timedelta(days=90)]


@st.composite
def dense_maps(draw: st.DrawFn) -> Workshop:
    """Small maps crowded with links, so circles, splits, silos, duplicates, shared goals
    and key results turn up often."""
    m = Map()
    teams = [m.team(f"t{i}") for i in range(draw(st.integers(0, 3)))]
    weighted = [*NodeKind, OBJ, GOAL, GOAL, GOAL, KR]
    kinds = draw(st.lists(st.sampled_from(weighted), min_size=1, max_size=12))
    for i, kind in enumerate(kinds):
        fields: dict[str, object] = {}
        if draw(st.booleans()):
            fields["title"] = draw(st.sampled_from(_TITLES))
        if kind in (OBJ, GOAL, KR):
            fields["status"] = draw(st.sampled_from([*Status, Status.PROPOSED]))
        if kind in (OBJ, GOAL):
            fields["priority"] = draw(st.sampled_from(list(Priority)))
        if kind in (GOAL, KR):
            fields["team"] = draw(st.sampled_from([None, *teams]))
            fields["due"] = draw(st.sampled_from([None, *_DAYS]))
        if kind is GOAL:
            fields["why"] = draw(st.sampled_from(["", " ", "Because"]))
            others = [t for t in teams if t != fields["team"]]
            if others:
                fields["contributors"] = tuple(draw(st.lists(st.sampled_from(others), unique=True)))
        if kind is KR:
            fields["target"] = draw(st.sampled_from([None, 5.0]))
        m.node(f"n{i}", kind, **fields)
    if draw(st.booleans()):
        m.workshop.update_meta(period=Period(DUE - dt.timedelta(days=30), DUE, "Q1"))
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
            if m.workshop.find_link(kind, a, b) is not None:
                continue
            if kind is MEASURES and any(
                x.kind is MEASURES and x.source == a for x in m.workshop.links_of(a)
            ):
                continue
            resolved = kind is CONFLICTS and draw(st.booleans())
            m.link(kind, a, b, **({"resolved": True} if resolved else {}))
    return m.workshop


@st.composite
def team_maps(draw: st.DrawFn) -> Workshop:
    """Maps shaped like a workshop's: a vision, objectives under it, each team's goals on
    an objective or a key result, and a few links, contributors and drops across teams,
    so that silos, shared objectives and skipped objectives turn up often."""
    m = Map()
    m.vision()
    objectives = [m.objective(f"o{i}") for i in range(draw(st.integers(0, 3)))]
    for o in objectives:
        if draw(st.integers(0, 4)):
            m.supports(o, "v")
    teams = [m.team(f"t{i}") for i in range(draw(st.integers(2, 4)))]
    key_results = []
    for i, o in enumerate(objectives):
        if draw(st.booleans()):
            key_results.append(m.key_result(f"k{i}", team=draw(st.sampled_from(teams))))
            m.measures(f"k{i}", o)
    goals = []
    for i in range(draw(st.integers(2, 8))):
        team = draw(st.sampled_from([*teams, None]))
        others = [t for t in teams if t != team]
        helpers = draw(st.lists(st.sampled_from(others), unique=True, max_size=1))
        status = draw(st.sampled_from([Status.AGREED, Status.AGREED, Status.DROPPED]))
        goals.append(m.goal(f"g{i}", team=team, contributors=tuple(helpers), status=status))
        target = draw(st.sampled_from([*objectives, *key_results, "v", None]))
        if target is not None:
            m.supports(f"g{i}", target)
    for kind, a, b in draw(
        st.lists(
            st.tuples(
                st.sampled_from([SUPPORTS, DEPENDS, CONFLICTS]),
                st.sampled_from(goals),
                st.sampled_from(goals),
            ),
            max_size=2,
        )
    ):
        if a != b and m.workshop.find_link(kind, a, b) is None:
            m.link(kind, a, b)
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
    assert [t.score for t in report.teams] == ref.team_scores()


@settings(max_examples=examples(ci=500, dev=60))
@given(workshops(max_nodes=25))
def test_analyze_agrees_with_the_reference(w: Workshop) -> None:
    _agrees(w)


@settings(max_examples=examples(ci=500, dev=100))
@given(dense_maps())
def test_analyze_agrees_with_the_reference_on_crowded_maps(w: Workshop) -> None:
    _agrees(w)


@settings(max_examples=examples(ci=500, dev=100))
@given(team_maps())
def test_analyze_agrees_with_the_reference_on_team_maps(w: Workshop) -> None:
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
