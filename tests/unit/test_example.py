"""The bundled example: valid, realistic in size, and showing every single-vision finding."""

from __future__ import annotations

from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import dumps, load
from alignment_workshop.model import LinkKind, NodeKind, Status
from alignment_workshop.paths import example_workshop

#: Every rule that can arise in a workshop with exactly one vision.
SINGLE_VISION_RULES = {
    "orphan", "unsupported-objective", "circular-support", "conflict", "split-support",
    "silo", "priority-inversion", "depends-cycle", "depends-on-dropped", "level-skip",
    "when-without-why", "unowned-goal", "unused-value",
}  # fmt: skip


def test_example_shows_every_single_vision_rule() -> None:
    workshop = load(example_workshop())
    rules = {finding.rule for finding in analyze(workshop).findings}
    assert rules == SINGLE_VISION_RULES


def test_example_has_the_shape_the_workshop_needs() -> None:
    workshop = load(example_workshop())
    kinds = [node.kind for node in workshop.nodes]
    assert 30 <= len(kinds) <= 40
    assert kinds.count(NodeKind.VISION) == 1
    assert 3 <= kinds.count(NodeKind.VALUE) <= 5
    assert 5 <= kinds.count(NodeKind.OBJECTIVE) <= 7
    assert len(workshop.teams) >= 5
    assert all(workshop.goals_of_team(team.id) for team in workshop.teams)
    assert any(n.status is Status.DROPPED for n in workshop.nodes)
    assert any(n.actions for n in workshop.nodes)
    assert any(
        link.kind is LinkKind.CONFLICTS and link.resolved and link.resolution
        for link in workshop.links
    )
    assert all(node.pos is not None for node in workshop.nodes)


def test_example_file_is_in_canonical_form() -> None:
    assert dumps(load(example_workshop())) == example_workshop().read_bytes()
