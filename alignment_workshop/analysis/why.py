"""Why does this matter? The chains of links in S from a node up to a vision.

S holds the `supports` and `measures` links between active nodes, so a chain may pass
through a key result: "<goal> → so that <key result> → so that <objective> → …".
`why_paths` lists every simple path of S from a node to a vision, shortest first and
capped, for the editor's "Why?" highlight; the sentences turn one path into words for the
card and the PDF ("So that …, so that …").

The search is best-first on "steps so far + fewest steps left to a vision", so complete
paths come out shortest first and the search stops as soon as it has enough; a cap on
the partial paths it extends keeps a dense, tangled map from exploding.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Sequence

from alignment_workshop.i18n import _
from alignment_workshop.model import Workshop

from .graphs import MapGraphs

#: At most this many paths are returned by default.
MAX_PATHS = 50
#: The search gives up after extending this many partial paths.
MAX_EXTENSIONS = 20_000

Path = tuple[str, ...]


class WhyIndex:
    """The graph S of a workshop with each node's distance to a vision.

    Build one to answer many questions about the same workshop (the PDF asks for every
    goal); `why_paths` builds one for a single question.
    """

    def __init__(self, workshop: Workshop) -> None:
        graphs = MapGraphs.build(workshop)
        self._succ = graphs.succ
        self._visions = frozenset(graphs.visions)
        self._steps = _steps_to_vision(graphs)

    def paths(self, node_id: str, limit: int = MAX_PATHS) -> list[Path]:
        """Up to `limit` simple paths from `node_id` to a vision, shortest first.

        A vision's only path is itself; an unknown or dropped node, or one that reaches
        no vision, has none.
        """
        steps, succ, visions = self._steps, self._succ, self._visions
        if node_id not in steps or limit <= 0:
            return []
        counter = itertools.count()
        heap: list[tuple[int, int, Path]] = [(steps[node_id], next(counter), (node_id,))]
        found: list[Path] = []
        extensions = 0
        while heap and len(found) < limit and extensions < MAX_EXTENSIONS:
            _cost, _order, path = heapq.heappop(heap)
            last = path[-1]
            if last in visions:
                found.append(path)
                continue
            extensions += 1
            for target in succ.get(last, ()):
                if target in steps and target not in path:
                    entry = (len(path) + steps[target], next(counter), (*path, target))
                    heapq.heappush(heap, entry)
        return found


def _steps_to_vision(graphs: MapGraphs) -> dict[str, int]:
    """The fewest links of S from each node that reaches a vision (0 for a vision)."""
    steps = dict.fromkeys(graphs.visions, 0)
    frontier = list(graphs.visions)
    pred = graphs.pred
    depth = 0
    while frontier:
        depth += 1
        following = []
        for node in frontier:
            for source in pred.get(node, ()):
                if source not in steps:
                    steps[source] = depth
                    following.append(source)
        frontier = following
    return steps


def why_paths(workshop: Workshop, node_id: str, limit: int = MAX_PATHS) -> list[Path]:
    """Every simple path of S (supports and measures links among active nodes) from
    `node_id` to a vision.

    `node_id` comes first and the vision last; shortest paths first, at most `limit`.
    """
    return WhyIndex(workshop).paths(node_id, limit)


def why_sentence(workshop: Workshop, path: Sequence[str]) -> str:
    """ "<goal> → so that <objective> → so that <vision>" for one path."""
    return _(" → so that ").join(_titles(workshop, path))


def so_that_sentence(workshop: Workshop, path: Sequence[str]) -> str:
    """ "So that <objective>, so that <vision>": the path after its first node.

    Empty for a path of one node, which has nothing above it.
    """
    above = _titles(workshop, path)[1:]
    if not above:
        return ""
    return _("So that {chain}").format(chain=_(", so that ").join(above))


def _titles(workshop: Workshop, path: Sequence[str]) -> list[str]:
    return [workshop.node(node_id).title for node_id in path]
