"""The bundled example: valid, realistic in size, showing every single-vision finding, and
using what format version 2 added: key results, a shared goal and the period."""

from __future__ import annotations

import datetime as dt

from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import dumps, load
from alignment_workshop.model import LinkKind, NodeKind, Period, Status
from alignment_workshop.paths import example_workshop

#: Every rule that can arise in a workshop with exactly one vision.
SINGLE_VISION_RULES = {
    "orphan", "unsupported-objective", "circular-support", "conflict", "split-support",
    "silo", "priority-inversion", "depends-cycle", "depends-on-dropped", "level-skip",
    "when-without-why", "unowned-goal", "unused-value", "duplicate", "unmeasured-objective",
    "key-result-without-target", "due-outside-period",
}  # fmt: skip


def test_example_shows_every_single_vision_rule() -> None:
    workshop = load(example_workshop())
    rules = {finding.rule for finding in analyze(workshop).findings}
    assert rules == SINGLE_VISION_RULES


def test_example_has_the_shape_the_workshop_needs() -> None:
    workshop = load(example_workshop())
    kinds = [node.kind for node in workshop.nodes]
    assert 30 <= len(kinds) <= 45
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


def test_example_uses_key_results_a_shared_goal_and_a_period() -> None:
    workshop = load(example_workshop())
    assert workshop.meta.period == Period(dt.date(2027, 1, 1), dt.date(2027, 12, 31), "2027")
    key_results = [n for n in workshop.nodes if n.kind is NodeKind.KEY_RESULT]
    assert 5 <= len(key_results) <= 8
    measured = {
        link.source: link.target for link in workshop.links if link.kind is LinkKind.MEASURES
    }
    assert set(measured) == {k.id for k in key_results}
    assert all(k.owner and k.team and k.unit and k.baseline is not None for k in key_results)
    assert any(k.current is not None for k in key_results)
    assert any(
        link.kind is LinkKind.SUPPORTS and workshop.node(link.target).kind is NodeKind.KEY_RESULT
        for link in workshop.links
    ), "a team goal moves a company key result"
    shared = [n for n in workshop.nodes if n.contributors]
    assert [n.id for n in shared] == ["g-onboard"]
    assert shared[0].contributors == ("engineering", "success")


def test_example_file_is_in_canonical_form() -> None:
    assert dumps(load(example_workshop())) == example_workshop().read_bytes()
