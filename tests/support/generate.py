"""Generated workshops of any size, for benchmarks and scale tests.

`generate_workshop(nodes=10_000)` gives a believable, valid map: one vision, a few values,
objectives in a shallow tree, two key results for each objective (one in twenty without
a target), and team goals that mostly trace up to an objective or move one of its key
results, with the odd orphan, conflict, dependency and dropped goal, about two links per
node.
The same seed always gives the same workshop.
"""

from __future__ import annotations

import random
from collections.abc import Callable

from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Priority,
    Status,
    Team,
    Workshop,
)

_WORDS = (
    "onboarding checkout retention pricing search billing mobile partner analytics "
    "support docs trial renewal upsell latency security audit export import sync "
    "dashboard alerts reporting integration campaign webinar pipeline forecast"
).split()
_VERBS = "Improve Launch Reduce Grow Ship Simplify Automate Measure Redesign Expand".split()


def _title(rng: random.Random, index: int) -> str:
    return f"{rng.choice(_VERBS)} {rng.choice(_WORDS)} {rng.choice(_WORDS)} #{index}"


def _counts(nodes: int) -> tuple[int, int, int, int]:
    values = max(1, min(8, nodes // 200 or 1))
    objectives = max(1, nodes // 50)
    key_results = nodes // 25
    goals = max(0, nodes - 1 - values - objectives - key_results)
    return values, objectives, key_results, goals


def generate_workshop(nodes: int = 10_000, seed: int = 7, teams: int | None = None) -> Workshop:
    """A valid workshop of `nodes` nodes and about 2 × `nodes` links."""
    rng = random.Random(seed)
    n_values, n_objectives, n_key_results, n_goals = _counts(nodes)
    team_list = [
        Team(f"team-{i}", f"Team {i}", f"#{rng.randrange(0x1000000):06x}")
        for i in range(teams if teams is not None else max(2, min(40, nodes // 250)))
    ]
    records = [Node("vision", NodeKind.VISION, "Every team knows why its work matters")]
    records += [Node(f"value-{i}", NodeKind.VALUE, f"Value {i}") for i in range(n_values)]
    links: list[Link] = []

    def link(kind: LinkKind, source: str, target: str) -> None:
        links.append(Link(f"l{len(links)}", kind, source, target))

    for i in range(n_objectives):
        records.append(
            Node(
                f"obj-{i}",
                NodeKind.OBJECTIVE,
                _title(rng, i),
                metric=f"KPI {i}",
                priority=rng.choice(list(Priority)),
                impact=rng.randint(1, 5),
            )
        )
        parent = f"obj-{rng.randrange(i)}" if i >= 5 and rng.random() < 0.4 else "vision"
        link(LinkKind.SUPPORTS, f"obj-{i}", parent)
        link(LinkKind.UPHOLDS, f"obj-{i}", f"value-{rng.randrange(n_values)}")
    for i in range(n_key_results):
        records.append(_key_result(rng, i, team_list))
        link(LinkKind.MEASURES, f"kr-{i}", f"obj-{i % n_objectives}")
    for i in range(n_goals):
        _add_goal(rng, i, records, team_list, (n_objectives, n_key_results, n_values), link)
    return Workshop.from_records(
        Meta(title=f"Generated workshop ({nodes:,} nodes)", facilitator="Bench"),
        team_list,
        records,
        links,
    )


def _key_result(rng: random.Random, i: int, team_list: list[Team]) -> Node:
    baseline = float(rng.randint(0, 60))
    return Node(
        f"kr-{i}",
        NodeKind.KEY_RESULT,
        f"Key result {i}: {rng.choice(_WORDS)} {rng.choice(_WORDS)}",
        team=rng.choice(team_list).id if team_list else None,
        owner=f"Owner {i % 53}",
        status=rng.choice([Status.PROPOSED, Status.AGREED]),
        baseline=baseline,
        target=None if rng.random() < 0.05 else baseline + rng.randint(5, 40),
        current=baseline + rng.randint(0, 10),
        unit="%",
    )


def _add_goal(
    rng: random.Random,
    i: int,
    records: list[Node],
    team_list: list[Team],
    counts: tuple[int, int, int],
    link: Callable[[LinkKind, str, str], None],
) -> None:
    n_objectives, n_key_results, n_values = counts
    goal_id = f"goal-{i}"
    dropped = rng.random() < 0.03
    records.append(
        Node(
            goal_id,
            NodeKind.GOAL,
            _title(rng, i),
            description="Generated for scale tests. " * rng.randint(0, 3),
            team=rng.choice(team_list).id if team_list and rng.random() > 0.02 else None,
            priority=rng.choice(list(Priority)),
            impact=rng.randint(1, 5),
            votes=rng.randint(0, 9),
            owner=f"Owner {i % 97}",
            status=Status.DROPPED if dropped else rng.choice([Status.PROPOSED, Status.AGREED]),
            actions=tuple(
                Action(f"Step {k} of goal {i}", f"Owner {k}", k % 2 == 0)
                for k in range(rng.randint(0, 2))
            ),
        )
    )
    roll = rng.random()
    if n_key_results and 0.80 < roll < 0.95:
        link(LinkKind.SUPPORTS, goal_id, f"kr-{rng.randrange(n_key_results)}")
    elif roll < 0.97 and not (i > 10 and roll < 0.25):
        link(LinkKind.SUPPORTS, goal_id, f"obj-{rng.randrange(n_objectives)}")
    elif i > 10:
        link(LinkKind.SUPPORTS, goal_id, f"goal-{rng.randrange(i - 1)}")
    if rng.random() < 0.6:
        link(LinkKind.UPHOLDS, goal_id, f"value-{rng.randrange(n_values)}")
    if i > 10 and rng.random() < 0.3:
        link(LinkKind.DEPENDS, goal_id, f"goal-{rng.randrange(i - 1)}")
    if i > 10 and rng.random() < 0.02:
        other = f"goal-{rng.randrange(i - 1)}"
        link(LinkKind.CONFLICTS, goal_id, other)
