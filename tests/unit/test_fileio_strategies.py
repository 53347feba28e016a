"""The shared strategies really cover what the round-trip and fuzz tests rely on.

A strategy that silently stopped drawing, say, depends links or placed nodes would leave
those paths of the file format untested; this test fails if any feature goes missing.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis.errors import NoSuchExample

from alignment_workshop.model import LinkKind, Node, NodeKind, Status, Workshop
from alignment_workshop.model.rules import link_allowed
from tests.support.strategies import workshops

_KR = NodeKind.KEY_RESULT


def nodes_by_id(workshop: Workshop) -> dict[str, Node]:
    return {node.id: node for node in workshop.nodes}


def features(workshop: Workshop) -> set[str]:
    """The names of the features one workshop shows."""
    seen = {f"node:{n.kind.value}" for n in workshop.nodes}
    seen |= {f"link:{link.kind.value}" for link in workshop.links}
    for node in workshop.nodes:
        seen |= {"placed"} if node.pos is not None else {"unplaced"}
        seen |= {"dropped"} if node.status is Status.DROPPED else set()
        seen |= {"actions"} if node.actions else set()
        seen |= {"team goal"} if node.team is not None else set()
        seen |= {"due"} if node.due is not None else set()
        seen |= {"non-bmp"} if any(ord(c) > 0xFFFF for c in node.title) else set()
        seen |= {"control"} if any(ord(c) < 0x20 for c in node.description) else set()
        seen |= {"contributors"} if node.contributors else set()
        seen |= {"unit"} if node.unit else set()
        if node.kind is NodeKind.OBJECTIVE and node.owner:
            seen.add("objective owner")
        if node.kind is NodeKind.KEY_RESULT:
            numbers = (node.baseline, node.target, node.current)
            seen |= {"measure"} if any(v is not None for v in numbers) else set()
            seen |= {"measure at the limit"} if any(v in (1e15, -1e15) for v in numbers) else set()
            seen |= {"key result team"} if node.team is not None else set()
    for link in workshop.links:
        if link.kind is LinkKind.SUPPORTS and nodes_by_id(workshop)[link.target].kind is _KR:
            seen.add("goal supports key result")
    seen |= {"resolved"} if any(link.resolved for link in workshop.links) else set()
    seen |= {"dated"} if workshop.meta.date is not None else set()
    seen |= {"period"} if workshop.meta.period is not None else set()
    seen |= {"teams"} if workshop.teams else set()
    return seen


#: Every feature `workshops()` must be able to draw.
EXPECTED = (
    {f"node:{kind.value}" for kind in NodeKind}
    | {f"link:{kind.value}" for kind in LinkKind}
    | {"placed", "unplaced", "dropped", "actions", "team goal", "due", "resolved"}
    | {"dated", "teams", "non-bmp", "control"}
    | {"period", "contributors", "unit", "objective owner", "measure"}
    | {"measure at the limit", "key result team", "goal supports key result"}
)

#: Covering everything usually takes 5 to 150 workshops; this bound is far above the tail.
MAX_DRAWS = 2_000


@settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(workshops())
def test_random_links_obey_the_rules(workshop: Workshop) -> None:
    nodes = {node.id: node for node in workshop.nodes}
    for link in workshop.links:
        source, target = nodes[link.source], nodes[link.target]
        assert link.source != link.target
        assert link_allowed(link.kind, source.kind, target.kind)
    measuring = [link.source for link in workshop.links if link.kind is LinkKind.MEASURES]
    assert len(measuring) == len(set(measuring)), "a key result measures one node"


def test_random_workshops_cover_every_feature() -> None:
    """Draw workshops until every feature has shown up, rather than a fixed number of them.

    A fixed count of derandomized draws is not a fixed set of workshops: Hypothesis mixes
    in constants from every module imported so far, so what the draws hold depends on
    which tests ran before. Drawing until covered, with a bound far above what it needs,
    passes in any order and still fails when a feature can no longer be drawn.
    """
    seen: set[str] = set()

    def covers_everything(workshop: Workshop) -> bool:
        seen.update(features(workshop))
        return seen >= EXPECTED

    only_generate = settings(max_examples=MAX_DRAWS, phases=[Phase.generate], database=None)
    try:
        find(workshops(), covers_everything, settings=only_generate)
    except NoSuchExample:
        pytest.fail(f"{MAX_DRAWS} random workshops never showed {sorted(EXPECTED - seen)}")
