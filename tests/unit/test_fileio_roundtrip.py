"""Round trip and determinism: save → load gives an equal workshop, byte for byte stable.

Random valid workshops come from tests/support/strategies.py; the CI profile runs at least
500 of them. The writer's own encoder is also held to exactly what the standard library's
`json.dumps(indent=2, ensure_ascii=False)` writes, so the documented layout is the truth.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import alignment_workshop
from alignment_workshop.analysis.checks import analyze
from alignment_workshop.fileio import dumps, load, loads, save
from alignment_workshop.fileio.fields import (
    ALL_NODE_KEYS,
    LINK_KEYS,
    NODE_KEYS,
    PERIOD_KEYS,
    TOP_KEYS,
    WORKSHOP_KEYS,
)
from alignment_workshop.fileio.writer import to_document
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Period, Workshop
from tests.conftest import examples
from tests.support.strategies import texts, workshops


@settings(max_examples=examples(ci=500, dev=60))
@given(workshops())
def test_save_then_load_gives_an_equal_workshop(workshop: Workshop) -> None:
    data = dumps(workshop)
    loaded = loads(data)
    assert loaded == workshop
    assert loaded.meta == workshop.meta
    assert loaded.nodes == workshop.nodes
    assert loaded.links == workshop.links
    assert loaded.teams == workshop.teams


@settings(max_examples=examples(ci=500, dev=60))
@given(workshops())
def test_save_is_deterministic(workshop: Workshop) -> None:
    data = dumps(workshop)
    assert dumps(workshop) == data
    assert dumps(workshop.copy()) == data
    assert dumps(loads(data)) == data


@settings(max_examples=examples(ci=500, dev=60))
@given(workshops())
def test_checks_give_the_same_findings_after_a_round_trip(workshop: Workshop) -> None:
    assert analyze(loads(dumps(workshop))) == analyze(workshop)


@settings(max_examples=examples(ci=300, dev=40))
@given(workshops())
def test_output_is_exactly_the_standard_indented_json(workshop: Workshop) -> None:
    document = to_document(workshop)
    expected = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    assert dumps(workshop) == expected.encode("utf-8")


@settings(max_examples=examples(ci=300, dev=40))
@given(workshops())
def test_keys_follow_the_documented_order_and_every_field_is_written(
    workshop: Workshop,
) -> None:
    document = json.loads(dumps(workshop))
    assert tuple(document) == TOP_KEYS
    assert tuple(document["workshop"]) == WORKSHOP_KEYS
    if document["workshop"]["period"] is not None:
        assert tuple(document["workshop"]["period"]) == PERIOD_KEYS
    for node, record in zip(workshop.nodes, document["nodes"], strict=True):
        keys = NODE_KEYS[node.kind]
        if node.pos is None:
            keys = tuple(key for key in keys if key not in ("x", "y"))
        assert tuple(record) == keys
    for link, record in zip(workshop.links, document["links"], strict=True):
        assert tuple(record) == LINK_KEYS[link.kind]
    for record in document["teams"]:
        assert tuple(record) == ("id", "name", "color")


@settings(max_examples=examples(ci=200, dev=30))
@given(texts(60, required=True, surrogates=True))
def test_any_python_text_round_trips_even_lone_surrogates(title: str) -> None:
    workshop = Workshop(Meta(title=title))
    workshop.add_node(Node("n", NodeKind.VALUE, title, description=title))
    data = dumps(workshop)
    data.decode("utf-8")  # always valid UTF-8
    assert loads(data) == workshop


@settings(max_examples=examples(ci=100, dev=20))
@given(workshops(max_nodes=8), st.sampled_from(["plan.alignment", "Ünïcode plan.alignment"]))
def test_save_and_load_through_a_file(tmp_path_factory, workshop: Workshop, name: str) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("rt") / name
    save(workshop, path)
    assert load(path) == workshop
    assert path.read_bytes() == dumps(workshop)


def test_layout_details_of_a_small_file() -> None:
    workshop = Workshop(Meta(title="Café ☕"))
    workshop.add_node(Node("v", NodeKind.VISION, "Vision", pos=(1, -2.5)))
    workshop.add_node(Node("o", NodeKind.OBJECTIVE, "Objective"))
    workshop.add_link(Link("l", LinkKind.SUPPORTS, "o", "v"))
    text = dumps(workshop).decode("utf-8")
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert '\n  "format": "alignment-workshop",\n  "version": 2,\n' in text
    assert f'"generator": "alignment-workshop {alignment_workshop.__version__}"' in text
    assert '"title": "Café ☕"' in text  # non-ASCII kept as it is
    assert '      "x": 1.0,\n      "y": -2.5\n' in text
    objective = json.loads(text)["nodes"][1]
    assert "x" not in objective and "y" not in objective
    assert objective["priority"] == "medium" and objective["votes"] == 0
    assert json.loads(text)["links"][0] == {
        "id": "l",
        "kind": "supports",
        "source": "o",
        "target": "v",
        "note": "",
    }


def test_the_written_key_order_is_the_one_issue_10_fixes() -> None:
    assert WORKSHOP_KEYS == ("title", "date", "period", "facilitator", "participants", "notes")
    assert PERIOD_KEYS == ("start", "end", "label")
    assert ALL_NODE_KEYS == (
        "id", "kind", "title", "description", "x", "y", "priority", "impact", "metric",
        "status", "votes", "team", "contributors", "owner", "why", "due", "baseline",
        "target", "current", "unit", "actions",
    )  # fmt: skip
    common = ("id", "kind", "title", "description", "x", "y")
    ranked = ("priority", "impact", "metric", "status", "votes")
    assert NODE_KEYS[NodeKind.VISION] == NODE_KEYS[NodeKind.VALUE] == common
    assert NODE_KEYS[NodeKind.OBJECTIVE] == (*common, *ranked, "owner")
    assert NODE_KEYS[NodeKind.GOAL] == (
        *common, *ranked, "team", "contributors", "owner", "why", "due", "actions"
    )  # fmt: skip
    assert NODE_KEYS[NodeKind.KEY_RESULT] == (
        *common, "status", "team", "owner", "due", "baseline", "target", "current", "unit"
    )  # fmt: skip


def test_key_result_numbers_are_written_as_floats_and_read_back() -> None:
    workshop = Workshop(Meta(period=Period(dt.date(2027, 1, 1), dt.date(2027, 3, 31), "Q1")))
    workshop.add_node(
        Node("k", NodeKind.KEY_RESULT, "Churn", baseline=9, target=-0.0, current=1e15)
    )
    text = dumps(workshop).decode("utf-8")
    assert '"baseline": 9.0,\n      "target": -0.0,\n      "current": 1000000000000000.0,' in text
    assert '"period": {\n      "start": "2027-01-01",\n      "end": "2027-03-31",' in text
    assert loads(text.encode()) == workshop


def test_control_characters_are_escaped_not_written_raw() -> None:
    workshop = Workshop(Meta(title="a\x00b\x1fc\td\ne\u2028"))
    data = dumps(workshop)
    assert b"\x00" not in data and b"\x1f" not in data
    assert b'"a\\u0000b\\u001fc\\td\\ne\xe2\x80\xa8"' in data
    assert loads(data).meta == workshop.meta


def test_records_of_every_kind_are_written_with_their_fields() -> None:
    for kind in NodeKind:
        node = Node("n", kind, "t")
        workshop = Workshop()
        workshop.add_node(node)
        record = json.loads(dumps(workshop))["nodes"][0]
        expected = {name for name in NODE_KEYS[kind] if name not in ("x", "y")}
        assert set(record) == expected
        fields = {f.name for f in dataclasses.fields(Node)} - {"pos"}
        assert expected <= fields


def test_round_trip_of_a_large_generated_workshop(tmp_path: Path) -> None:
    from tests.support.generate import generate_workshop

    workshop = generate_workshop(nodes=2_000, seed=3)
    save(workshop, tmp_path / "big.alignment")
    assert load(tmp_path / "big.alignment") == workshop
