"""The shared strategies really cover what the round-trip and fuzz tests rely on.

A strategy that silently stopped drawing, say, depends links or placed nodes would leave
those paths of the file format untested; this test fails if any feature goes missing.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings

from alignment_workshop.model import LinkKind, NodeKind, Status, Workshop
from alignment_workshop.model.rules import link_allowed
from tests.support.strategies import workshops


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
    seen |= {"resolved"} if any(link.resolved for link in workshop.links) else set()
    seen |= {"dated"} if workshop.meta.date is not None else set()
    seen |= {"teams"} if workshop.teams else set()
    return seen


def test_random_workshops_cover_every_feature_and_obey_the_rules() -> None:
    counts: Counter[str] = Counter()

    @settings(
        max_examples=150, suppress_health_check=list(HealthCheck), database=None, derandomize=True
    )
    @given(workshops())
    def collect(workshop: Workshop) -> None:
        nodes = {node.id: node for node in workshop.nodes}
        for link in workshop.links:
            source, target = nodes[link.source], nodes[link.target]
            assert link.source != link.target
            assert link_allowed(link.kind, source.kind, target.kind)
        counts.update(features(workshop))

    collect()
    expected = {f"node:{kind.value}" for kind in NodeKind} | {
        f"link:{kind.value}" for kind in LinkKind
    }
    expected |= {"placed", "unplaced", "dropped", "actions", "team goal", "due", "resolved"}
    expected |= {"dated", "teams", "non-bmp", "control"}
    assert expected <= set(counts), expected - set(counts)
