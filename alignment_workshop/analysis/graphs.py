"""The graphs the checks read, built once per analysis in one pass over nodes and links.

`MapGraphs.build` sorts the workshop into what the rules need: the active nodes by kind,
S (the `supports` and `measures` links between active nodes) as successor and predecessor
lists, the `depends` links between active goals, the unresolved conflicts between active
nodes, and the few facts single rules ask about (values upheld, what each key result
measures, goals depending on dropped goals, goals joined to another team's goals).
Dropped nodes, and links touching them, are left out everywhere except
`depends_on_dropped`.

The traversal helpers work on these plain adjacency lists: a multi-source search over a
dict of lists is the cheapest way to answer "which nodes reach a vision" for every node at
once, and it avoids per-node graph calls. networkx finds the strongly connected components.
It is imported only when a map has a cycle to untangle: `check` on a map without one
then starts about 0.15 s sooner, which is a quarter of its whole time budget.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from alignment_workshop.model import Link, LinkKind, Node, NodeKind, Workshop

Adjacency = dict[str, list[str]]

_RANKED = (NodeKind.OBJECTIVE, NodeKind.GOAL)


@dataclass(slots=True)
class MapGraphs:
    """Everything the rules read, sorted out of a workshop in one pass."""

    #: Every node (active or not) by id, and each node's place in the file's node order.
    nodes: dict[str, Node]
    order: dict[str, int]
    #: Ids by kind, in node order; objectives and goals are the active ones only.
    visions: list[str] = field(default_factory=list)
    values: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    goals: list[str] = field(default_factory=list)
    key_results: list[str] = field(default_factory=list)
    #: S: `supports` and `measures` links between active nodes, as successor and
    #: predecessor lists.
    succ: Adjacency = field(default_factory=dict)
    pred: Adjacency = field(default_factory=dict)
    #: The part of S where circles can be: objective → objective, and the links among
    #: goals and key results. No link of S leads from an objective back to a goal or a
    #: key result, nor from a vision anywhere, so a search for circles need not look at
    #: the rest.
    level_succ: Adjacency = field(default_factory=dict)
    #: The active node each active key result measures.
    measured: dict[str, str] = field(default_factory=dict)
    #: `depends` links between active goals, source → targets.
    depends: Adjacency = field(default_factory=dict)
    #: (active goal, dropped goal) for each `depends` link from the one to the other.
    depends_on_dropped: list[tuple[str, str]] = field(default_factory=list)
    #: Unresolved `conflicts` links whose ends are both active, in link order.
    conflicts: list[Link] = field(default_factory=list)
    #: (goal, goal) for each supports/depends/conflicts link between two active goals.
    goal_contacts: list[tuple[str, str]] = field(default_factory=list)
    #: Values that an active node upholds.
    upheld: set[str] = field(default_factory=set)

    @classmethod
    def build(cls, workshop: Workshop) -> MapGraphs:
        """Sort `workshop` into the graphs and lists the rules need."""
        nodes = {node.id: node for node in workshop.iter_nodes()}
        graphs = cls(nodes=nodes, order={node_id: i for i, node_id in enumerate(nodes)})
        dropped = graphs._sort_nodes()
        supports, measured, upheld = [], graphs.measured, graphs.upheld
        for link in workshop.iter_links():
            source, target, kind = link.source, link.target, link.kind
            if source in dropped or target in dropped:
                if kind is LinkKind.DEPENDS and source not in dropped:
                    graphs.depends_on_dropped.append((source, target))
            elif kind is LinkKind.SUPPORTS:
                supports.append((source, target))
            elif kind is LinkKind.UPHOLDS:
                upheld.add(target)
            elif kind is LinkKind.MEASURES:
                measured[source] = target
                supports.append((source, target))
            else:
                graphs._add_other_link(link)
        graphs._add_supports(supports)
        return graphs

    def _sort_nodes(self) -> set[str]:
        """Fill the per-kind lists; returns the ids of the dropped nodes."""
        by_kind: dict[NodeKind, list[str]] = {
            NodeKind.VISION: self.visions,
            NodeKind.VALUE: self.values,
            NodeKind.OBJECTIVE: self.objectives,
            NodeKind.GOAL: self.goals,
            NodeKind.KEY_RESULT: self.key_results,
        }
        dropped: set[str] = set()
        for node in self.nodes.values():
            if node.is_active:
                by_kind[node.kind].append(node.id)
            else:
                dropped.add(node.id)
        return dropped

    def _add_supports(self, supports: list[tuple[str, str]]) -> None:
        """Fill S from (source, target) pairs, and note the goal → goal supports links."""
        succ, pred, nodes, level = self.succ, self.pred, self.nodes, self.level_succ
        goal, objective, contacts = NodeKind.GOAL, NodeKind.OBJECTIVE, self.goal_contacts
        key_result = NodeKind.KEY_RESULT
        for source, target in supports:
            if source in succ:
                succ[source].append(target)
            else:
                succ[source] = [target]
            if target in pred:
                pred[target].append(source)
            else:
                pred[target] = [source]
            kind, source_kind = nodes[target].kind, nodes[source].kind
            if kind is goal:
                if source_kind is goal:  # a key result measuring a goal is no contact
                    contacts.append((source, target))
            elif kind is objective:
                if source_kind is not objective:
                    continue
            elif kind is not key_result:
                continue
            level.setdefault(source, []).append(target)

    def _add_other_link(self, link: Link) -> None:
        """Record a depends or conflicts link between two active nodes."""
        if link.kind is LinkKind.DEPENDS:
            self.depends.setdefault(link.source, []).append(link.target)
        elif not link.resolved:
            self.conflicts.append(link)
        nodes = self.nodes
        if nodes[link.source].kind is NodeKind.GOAL and nodes[link.target].kind is NodeKind.GOAL:
            self.goal_contacts.append((link.source, link.target))

    def by_order(self, ids: Iterable[str]) -> list[str]:
        """`ids` sorted into the file's node order."""
        return sorted(ids, key=self.order.__getitem__)

    def ranked_targets(self, node_id: str) -> list[str]:
        """The objectives and goals `node_id` directly supports, in link order."""
        nodes = self.nodes
        return [t for t in self.succ.get(node_id, ()) if nodes[t].kind in _RANKED]


def closure(adjacency: Mapping[str, Sequence[str]], sources: Iterable[str]) -> set[str]:
    """Every node reachable in one or more steps from any of `sources`.

    A source is in the result only when another source, or a cycle, leads back to it:
    with a single source this is exactly reach(n) of the checks.
    """
    seen: set[str] = set()
    stack = [n for source in sources for n in adjacency.get(source, ())]
    add, pop, extend, get = seen.add, stack.pop, stack.extend, adjacency.get
    while stack:
        node = pop()
        if node not in seen:
            add(node)
            extend(get(node, ()))
    return seen


def cyclic_components(adjacency: Adjacency) -> list[set[str]]:
    """The strongly connected components of two or more nodes of a graph.

    Nodes that no cycle can pass through are peeled off first (a topological sort from
    the nodes nothing points to), so networkx only sees the tangled remainder; on a map
    without cycles that remainder is empty.
    """
    indegree: dict[str, int] = {}
    get = indegree.get
    for targets in adjacency.values():
        for target in targets:
            indegree[target] = get(target, 0) + 1
    ready = [node for node in adjacency if node not in indegree]
    pop, push, empty = ready.pop, ready.append, ()
    while ready:
        for target in adjacency.get(pop(), empty):
            left = indegree[target] = indegree[target] - 1
            if not left:
                push(target)
    tangled = {node for node, count in indegree.items() if count > 0}
    if not tangled:
        return []
    import networkx as nx  # only a map with a cycle pays for it: see the docstring

    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.add_edges_from(
        (source, target)
        for source in tangled
        for target in adjacency.get(source, ())
        if target in tangled
    )
    return [c for c in nx.strongly_connected_components(graph) if len(c) >= 2]
