"""Which row and which column band each node belongs to.

Rows run top to bottom: the vision(s) with the values beside them, the "why" of the
whole map; then the objectives, an objective that supports another objective one row
below it; then the team goals and key results, each one row below the goal or key result
it supports or measures. They are split into one column band per team, in the file's
team order, with those that have no team in a last band. A kind of card this module does
not name goes with the goals, so a new kind is laid out (plainly) before anyone teaches
the layout about it.

Cycles of supports links (a finding, not a file error) are broken where they are met.

A key result that measures a card is in no row: it is a chip in the stack under that
card (see `chips.py`). In `targets` and `sources` it stands for its card, so a goal that
moves another goal's key result sits one row below that goal, and the crossings counted
are those of the links the map shows between rows.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from alignment_workshop.model import LinkKind, NodeKind, Workshop


@dataclass(slots=True)
class Layering:
    """The rows and bands of a workshop, each list in file order."""

    #: rows[r][b] is the list of node ids in row r and band b. Vision and objective rows
    #: have a single band; goal rows have one band per entry of `bands`.
    rows: list[list[list[str]]] = field(default_factory=list)
    #: How many leading rows hold visions, values and objectives (the rest hold goals).
    upper_rows: int = 0
    #: The team id of each goal band (None: goals without a team).
    bands: list[str | None] = field(default_factory=list)
    #: The values, in file order.
    values: list[str] = field(default_factory=list)
    #: The ids of the nodes each node supports (its "why" targets), in link order.
    targets: dict[str, list[str]] = field(default_factory=dict)
    #: The ids of the nodes that support each node, in link order.
    sources: dict[str, list[str]] = field(default_factory=dict)
    #: The ids of the nodes that uphold each value, in link order.
    upholders: dict[str, list[str]] = field(default_factory=dict)
    #: The ids of the nodes at the other end of every link of each node, of any kind.
    neighbours: dict[str, list[str]] = field(default_factory=dict)
    #: Ids of dropped objectives and goals.
    dropped: set[str] = field(default_factory=set)
    #: The kind of every node.
    kinds: dict[str, NodeKind] = field(default_factory=dict)
    #: True when the first row holds the vision(s) and values.
    has_vision: bool = False
    #: The key results stacked under each card that they measure, file order, dropped last.
    chips: dict[str, list[str]] = field(default_factory=dict)
    #: The card each stacked key result measures.
    attached: dict[str, str] = field(default_factory=dict)


def depths(ids: Iterable[str], targets: Mapping[str, list[str]]) -> dict[str, int]:
    """The longest chain of `targets` from each id, within `ids`; cycles are cut.

    depth(n) is 0 when n has no target among `ids`, else 1 + the largest depth of its
    targets. A link back to a node still being explored is ignored.
    """
    members = dict.fromkeys(ids)
    depth: dict[str, int] = {}
    for root in members:
        if root in depth:
            continue
        best = {root: 0}
        stack = [(root, iter(targets.get(root, ())))]
        while stack:
            node, pending = stack[-1]
            for target in pending:
                if target not in members or (target in best and target not in depth):
                    continue
                if target in depth:
                    best[node] = max(best[node], depth[target] + 1)
                    continue
                best[target] = 0
                stack.append((target, iter(targets.get(target, ()))))
                break
            else:
                stack.pop()
                depth[node] = best[node]
                if stack:
                    parent = stack[-1][0]
                    best[parent] = max(best[parent], depth[node] + 1)
    return depth


def _rows_by_depth(ids: list[str], depth: Mapping[str, int]) -> list[list[str]]:
    rows: list[list[str]] = [[] for _ in range(max(depth.values(), default=-1) + 1)]
    for node_id in ids:
        rows[depth[node_id]].append(node_id)
    return rows


#: The tier of each kind of card: 0 the vision and values, 1 the objectives, 2 the rest.
TIERS: dict[NodeKind, int] = {NodeKind.VISION: 0, NodeKind.VALUE: 0, NodeKind.OBJECTIVE: 1}
#: The tier of every kind not in `TIERS`.
LAST_TIER = 2


def _links(workshop: Workshop, layering: Layering) -> None:
    for link in workshop.iter_links():
        layering.neighbours.setdefault(link.source, []).append(link.target)
        layering.neighbours.setdefault(link.target, []).append(link.source)
        if link.kind is LinkKind.SUPPORTS or link.kind is LinkKind.MEASURES:
            layering.targets.setdefault(link.source, []).append(link.target)
            layering.sources.setdefault(link.target, []).append(link.source)
        elif link.kind is LinkKind.UPHOLDS:
            layering.upholders.setdefault(link.target, []).append(link.source)


def _stack_chips(workshop: Workshop, layering: Layering) -> None:
    """Stack each key result that measures a card under it; it stands for its card in
    `targets` and `sources`, where a card's links with its own chips disappear."""
    for link in workshop.iter_links():
        if link.kind is LinkKind.MEASURES:
            layering.attached[link.source] = link.target
    if not layering.attached:
        return
    stacked = [node for node in workshop.iter_nodes() if node.id in layering.attached]
    for node in sorted(stacked, key=lambda n: not n.is_active):  # stable: file order kept
        layering.chips.setdefault(layering.attached[node.id], []).append(node.id)
    alias = layering.attached
    for links in (layering.targets, layering.sources, layering.neighbours):
        merged: dict[str, list[str]] = {}
        for node_id, ends in links.items():
            mine = alias.get(node_id, node_id)
            others = merged.setdefault(mine, [])
            others.extend(a for a in (alias.get(end, end) for end in ends) if a != mine)
        links.clear()
        links.update((i, list(dict.fromkeys(ends))) for i, ends in merged.items() if ends)


def _goal_rows(workshop: Workshop, goals: list[str], layering: Layering) -> None:
    """Append the goal rows, split into team bands, to `layering`."""
    team_of = {node_id: workshop.node(node_id).team for node_id in goals}
    used = set(team_of.values())
    layering.bands = [team.id for team in workshop.teams if team.id in used]
    if None in used:
        layering.bands.append(None)
    band_index = {team: index for index, team in enumerate(layering.bands)}
    for row in _rows_by_depth(goals, depths(goals, layering.targets)):
        banded: list[list[str]] = [[] for _ in layering.bands]
        for node_id in row:
            banded[band_index[team_of[node_id]]].append(node_id)
        layering.rows.append(banded)


def layer(workshop: Workshop) -> Layering:
    """Split the nodes of `workshop` into rows and bands."""
    layering = Layering()
    _links(workshop, layering)
    _stack_chips(workshop, layering)
    tiers: list[list[str]] = [[] for _ in range(LAST_TIER + 1)]
    for node in workshop.iter_nodes():
        layering.kinds[node.id] = node.kind
        if not node.is_active:
            layering.dropped.add(node.id)
        if node.id in layering.attached:
            continue  # a chip under its card, in no row
        tiers[TIERS.get(node.kind, LAST_TIER)].append(node.id)
        if node.kind is NodeKind.VALUE:
            layering.values.append(node.id)
    if tiers[0]:
        layering.rows.append([tiers[0]])
        layering.has_vision = True
    for row in _rows_by_depth(tiers[1], depths(tiers[1], layering.targets)):
        layering.rows.append([row])
    layering.upper_rows = len(layering.rows)
    _goal_rows(workshop, tiers[LAST_TIER], layering)
    return layering
