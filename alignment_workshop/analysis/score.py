"""The alignment score: which active goals are aligned, and the share of them.

An active goal is aligned when a vision exists and it reaches one, it reaches an active
objective whenever the map has one (a goal that skips the objectives is not aligned), it
is not an end of an unresolved conflict, it is not the n of a split-support, and it is in
no circle of supports links. The score is 100 × aligned ÷ active goals, rounded with `round(x, 1)`,
and None with no active goals: an empty map must not look healthy.
"""

from __future__ import annotations

from collections.abc import Iterable

from alignment_workshop.model import Link, Workshop

from .findings import TeamScore
from .graphs import MapGraphs


def aligned_goals(
    graphs: MapGraphs,
    to_vision: set[str],
    to_objective: set[str] | None,
    cycles: Iterable[set[str]],
    splits: Iterable[tuple[str, Link]],
) -> frozenset[str]:
    """The active goals that meet all five conditions of alignment.

    `to_objective` holds the nodes that reach an active objective, or is None when the
    map has no active objective.
    """
    if not graphs.visions:
        return frozenset()
    excluded = {n for component in cycles for n in component}
    excluded.update(n for n, _ in splits)
    for link in graphs.conflicts:
        excluded.add(link.source)
        excluded.add(link.target)
    if to_objective is None:
        return frozenset(g for g in graphs.goals if g in to_vision and g not in excluded)
    return frozenset(
        g for g in graphs.goals if g in to_vision and g in to_objective and g not in excluded
    )


def score(aligned: int, goals: int) -> float | None:
    """100 × aligned ÷ goals to one decimal, or None when there are no goals."""
    if goals == 0:
        return None
    return round(100 * aligned / goals, 1)


def team_scores(
    workshop: Workshop, goals: dict[str, list[str]], aligned: frozenset[str]
) -> tuple[TeamScore, ...]:
    """Each team's score over its own active goals, in the file's team order."""
    scores = []
    for team in workshop.teams:
        ids = goals.get(team.id, [])
        count = len(aligned.intersection(ids))
        scores.append(TeamScore(team.id, team.name, len(ids), count, score(count, len(ids))))
    return tuple(scores)
