"""Files of format version 1 that must keep loading, with the same meaning, forever.

When the format moves on, these files stay as they are: the migration chain must bring
each of them to the current version with the content pinned here.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import dumps, load, loads
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

V1 = Path(__file__).parents[1] / "fixtures" / "v1"
G, OBJ = NodeKind.GOAL, NodeKind.OBJECTIVE


def every_field_workshop() -> Workshop:
    """What tests/fixtures/v1/every-field.alignment holds."""
    meta = Meta(
        title="Northwind offsite — Q3 alignment",
        date=dt.date(2026, 9, 14),
        facilitator="Ines Álvarez",
        participants=("Ana", "Bo", "Chidi", "דנה", "王芳"),
        notes="Day one: map.\nDay two: commitments. 🚀",
    )
    teams = [Team("team-product", "Product", "#1f77b4"), Team("team-sales", "Sales", "#FF7F0E")]
    onboarding = Node(
        "goal-onboarding", G, "Ship guided onboarding", "A checklist in the first session.",
        pos=(-250.25, 200.0), impact=4, metric="Activation rate", votes=3,
        team="team-product", owner="Ana", why="New shops churn in week one.",
        due=dt.date(2026, 11, 30),
        actions=(Action("Draft the flow", "Ana", True), Action("Usability test with five shops")),
    )  # fmt: skip
    nodes = [
        Node("vision", NodeKind.VISION, "Every small shop runs on Northwind", pos=(0.0, -320.5)),
        Node("value-candour", NodeKind.VALUE, "Candour", "Say what you see."),
        Node(
            "obj-retention",
            OBJ,
            "Grow net retention to 110%",
            pos=(-200.0, 0.0),
            priority=Priority.HIGH,
            impact=5,
            metric="NRR, monthly",
            status=Status.AGREED,
            votes=7,
        ),
        onboarding,
        Node(
            "goal-bundle",
            G,
            "Sell the enterprise bundle",
            priority=Priority.HIGH,
            impact=2,
            status=Status.DROPPED,
            team="team-sales",
            owner="Bo",
        ),
        Node("goal-unowned", G, "Tidy the help centre", priority=Priority.LOW, impact=1),
    ]
    links = [
        Link("link-1", LinkKind.SUPPORTS, "obj-retention", "vision"),
        Link("link-2", LinkKind.SUPPORTS, "goal-onboarding", "obj-retention", "The main lever"),
        Link("link-3", LinkKind.UPHOLDS, "obj-retention", "value-candour"),
        Link(
            "link-4",
            LinkKind.CONFLICTS,
            "goal-bundle",
            "goal-onboarding",
            "Same engineers",
            resolved=True,
            resolution="Onboarding first; the bundle waits for Q1.",
        ),
        Link("link-5", LinkKind.DEPENDS, "goal-unowned", "goal-onboarding"),
        Link("link-6", LinkKind.CONFLICTS, "goal-unowned", "obj-retention"),
    ]
    return Workshop.from_records(meta, teams, nodes, links)


def test_every_field_fixture_loads_with_its_meaning() -> None:
    loaded = load(V1 / "every-field.alignment")
    expected = every_field_workshop()
    assert loaded.meta == expected.meta
    assert loaded.teams == expected.teams
    assert loaded.nodes == expected.nodes
    assert loaded.links == expected.links
    assert loaded == expected


def test_every_field_fixture_is_written_as_version_two_with_only_the_new_defaults() -> None:
    written = json.loads(dumps(load(V1 / "every-field.alignment")))
    original = json.loads((V1 / "every-field.alignment").read_bytes())
    assert written.pop("version") == 2 and original.pop("version") == 1
    assert written["workshop"].pop("period") is None
    for node in written["nodes"]:
        if node["kind"] == "objective":
            assert node.pop("owner") == ""
        if node["kind"] == "goal":
            assert node.pop("contributors") == []
    assert written == original


def test_v1_fixtures_are_judged_by_the_v2_rules() -> None:
    report = analyze(load(V1 / "every-field.alignment"))
    assert [(f.rule, f.nodes) for f in report.findings] == [
        ("conflict", ("goal-unowned", "obj-retention")),
        ("orphan", ("goal-unowned",)),
        ("unowned-goal", ("goal-unowned",)),
    ]
    assert report.score == 50.0
    defaults = analyze(load(V1 / "defaults.alignment"))
    # The objective leads nowhere, so it and its goal are orphans.
    assert [f.rule for f in defaults.findings] == ["conflict", "orphan", "orphan", "unowned-goal"]
    assert defaults.score == 0.0


def test_minimal_fixture_gives_an_empty_untitled_workshop() -> None:
    assert load(V1 / "minimal.alignment") == Workshop()
    assert load(V1 / "minimal.alignment").meta.title == "Untitled workshop"


def test_defaults_fixture_fills_every_default_in_any_key_order() -> None:
    workshop = load(V1 / "defaults.alignment")
    goal = workshop.node("g1")
    assert goal == Node("g1", G, "Only the required fields")
    assert (goal.priority, goal.impact, goal.status, goal.votes) == (
        Priority.MEDIUM, 3, Status.PROPOSED, 0
    )  # fmt: skip
    assert (goal.team, goal.due, goal.actions, goal.pos) == (None, None, (), None)
    assert workshop.link("l2") == Link("l2", LinkKind.CONFLICTS, "o1", "g1")
    assert workshop.teams == []
    assert workshop.meta == Meta()


def test_a_byte_order_mark_is_tolerated() -> None:
    workshop = load(V1 / "with-bom.alignment")
    assert workshop.meta.title == "Avec BOM"
    assert [n.id for n in workshop.nodes] == ["v"]


def test_every_v1_fixture_round_trips() -> None:
    for path in sorted(V1.glob("*.alignment")):
        workshop = load(path)
        assert loads(dumps(workshop)) == workshop, path.name
