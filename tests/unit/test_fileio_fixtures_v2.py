"""Files of format version 2 that must keep loading, with the same meaning, forever.

`every-field.alignment` holds every field and kind version 2 added (the period, key
results with all their numbers, contributors, objectives' owners, `measures` links and a
goal supporting a key result) and is exactly what this version writes for it.
`defaults.alignment` gives only the required keys, in a shuffled order.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from alignment_workshop.fileio import dumps, load, loads
from alignment_workshop.fileio.writer import generator
from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Status,
    Team,
    Workshop,
)

V2 = Path(__file__).parents[1] / "fixtures" / "v2"
G, OBJ, KR = NodeKind.GOAL, NodeKind.OBJECTIVE, NodeKind.KEY_RESULT


def every_field_workshop() -> Workshop:
    """What tests/fixtures/v2/every-field.alignment holds."""
    meta = Meta(
        title="Northwind offsite — H1 2027",
        date=dt.date(2026, 12, 8),
        period=Period(dt.date(2027, 1, 1), dt.date(2027, 6, 30), "H1 2027"),
        facilitator="Ines Álvarez",
        participants=("Ana", "Bo", "王芳"),
        notes="Key results agreed on day two.",
    )
    teams = [
        Team("team-product", "Product", "#1f77b4"),
        Team("team-sales", "Sales", "#ff7f0e"),
        Team("team-support", "Support", "#2CA02C"),
    ]
    nodes = [
        Node("vision", NodeKind.VISION, "Every small shop runs on Northwind", pos=(0.0, -320.5)),
        Node(
            "obj-retention", OBJ, "Grow net retention", pos=(-200.0, 0.0), status=Status.AGREED,
            owner="Dana Ng",
        ),
        Node(
            "kr-nrr", KR, "Net revenue retention", "Trailing twelve months.", pos=(-260.0, 90.0),
            status=Status.AGREED, team="team-sales", owner="Bo", due=dt.date(2027, 6, 30),
            baseline=102.5, target=110.0, current=104.0, unit="%",
        ),
        Node(
            "kr-churn", KR, "Logo churn", status=Status.PROPOSED, team="team-product",
            owner="Ana", baseline=9.0, target=5.0, current=7.5, unit="% / month",
        ),
        Node(
            "goal-onboarding", G, "Ship guided onboarding", "A checklist in the first session.",
            pos=(-250.25, 200.0), impact=4, votes=3, status=Status.AGREED,
            team="team-product", contributors=("team-support", "team-sales"), owner="Ana",
            why="New shops churn in week one.", due=dt.date(2027, 3, 31),
            actions=(Action("Draft the flow", "Ana", True), Action("Test with five shops")),
        ),
        Node(
            "kr-activation", KR, "Shops activated in week one", team="team-product",
            baseline=-0.5, target=1e15, current=None, unit="shops",
        ),
        Node("kr-dropped", KR, "Tickets closed", status=Status.DROPPED, target=-1e15),
    ]  # fmt: skip
    links = [
        Link("l1", LinkKind.SUPPORTS, "obj-retention", "vision"),
        Link("l2", LinkKind.MEASURES, "kr-nrr", "obj-retention", "The one number"),
        Link("l3", LinkKind.MEASURES, "kr-churn", "obj-retention"),
        Link("l4", LinkKind.SUPPORTS, "goal-onboarding", "kr-churn", "Churn starts in week one"),
        Link("l5", LinkKind.MEASURES, "kr-activation", "goal-onboarding"),
    ]
    return Workshop.from_records(meta, teams, nodes, links)


def test_every_field_fixture_loads_with_its_meaning() -> None:
    loaded = load(V2 / "every-field.alignment")
    expected = every_field_workshop()
    assert loaded.meta == expected.meta
    assert loaded.teams == expected.teams
    assert loaded.nodes == expected.nodes
    assert loaded.links == expected.links


def test_every_field_fixture_is_exactly_what_this_version_writes() -> None:
    original = (V2 / "every-field.alignment").read_text(encoding="utf-8")
    # Only the generator line may differ, once the program's version moves on.
    original = original.replace(json.loads(original)["generator"], generator())
    assert dumps(every_field_workshop()).decode("utf-8") == original


def test_every_field_fixture_holds_each_new_field_away_from_its_default() -> None:
    document = json.loads((V2 / "every-field.alignment").read_bytes())
    assert document["version"] == 2
    assert document["workshop"]["period"] == {
        "start": "2027-01-01",
        "end": "2027-06-30",
        "label": "H1 2027",
    }
    kinds = {node["kind"] for node in document["nodes"]}
    assert "key_result" in kinds
    by_id = {node["id"]: node for node in document["nodes"]}
    assert by_id["obj-retention"]["owner"] == "Dana Ng"
    assert by_id["goal-onboarding"]["contributors"] == ["team-support", "team-sales"]
    assert list(by_id["kr-nrr"]) == [
        "id", "kind", "title", "description", "x", "y", "status", "team", "owner", "due",
        "baseline", "target", "current", "unit",
    ]  # fmt: skip
    assert {link["kind"] for link in document["links"]} == {"supports", "measures"}


def test_defaults_fixture_fills_every_default_in_any_key_order() -> None:
    workshop = load(V2 / "defaults.alignment")
    kr = workshop.node("k1")
    assert kr == Node("k1", KR, "Only the required fields")
    assert (kr.status, kr.team, kr.owner, kr.due) == (Status.PROPOSED, None, "", None)
    assert (kr.baseline, kr.target, kr.current, kr.unit) == (None, None, None, "")
    assert workshop.node("g1").contributors == ()
    assert workshop.node("o1").owner == ""
    assert workshop.meta.period == Period(dt.date(2027, 1, 1), dt.date(2027, 12, 31))
    assert workshop.link("l1") == Link("l1", LinkKind.MEASURES, "k1", "o1")


def test_every_v2_fixture_round_trips() -> None:
    for path in sorted(V2.glob("*.alignment")):
        workshop = load(path)
        assert loads(dumps(workshop)) == workshop, path.name
