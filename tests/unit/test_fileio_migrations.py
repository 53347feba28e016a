"""The migration chain and the version rules: older files upgraded, newer ones refused.

The real chain has one step, 1 → 2, which changes only the version; its own tests come
first. The mechanism is then run with a fake chain (a pretend version 3) patched in, to
check that each step is applied once, in order, to a document it must not change in
place, and that the result is then validated like any current file.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from alignment_workshop.fileio import (
    FORMAT_NAME,
    FORMAT_VERSION,
    NewerVersionError,
    WorkshopFileError,
    dumps,
    loads,
    migrations,
)
from alignment_workshop.model import NodeKind, Workshop

Document = dict[str, Any]


def encode(document: Document) -> bytes:
    return json.dumps(document).encode()


def test_the_current_format_is_version_two_with_one_step() -> None:
    assert (FORMAT_NAME, FORMAT_VERSION) == ("alignment-workshop", 2)
    assert set(migrations.MIGRATIONS) == {1}
    assert json.loads(dumps(Workshop()))["version"] == FORMAT_VERSION


def test_every_older_version_has_a_step() -> None:
    assert set(migrations.MIGRATIONS) == set(range(1, migrations.FORMAT_VERSION))


V1_DOCUMENT: Document = {
    "format": FORMAT_NAME,
    "version": 1,
    "generator": "alignment-workshop 0.1.0",
    "workshop": {"title": "Offsite", "date": "2026-09-14"},
    "teams": [{"id": "t", "name": "Sales"}],
    "nodes": [
        {"id": "v", "kind": "vision", "title": "Vision"},
        {"id": "g", "kind": "goal", "title": "Goal", "team": "t", "due": "2026-12-01"},
    ],
    "links": [{"id": "l", "kind": "supports", "source": "g", "target": "v"}],
}


def test_step_one_changes_only_the_version_and_keeps_the_key_order() -> None:
    frozen = copy.deepcopy(V1_DOCUMENT)
    upgraded = migrations.MIGRATIONS[1](V1_DOCUMENT)
    assert frozen == V1_DOCUMENT, "a migration must not change its argument"
    assert upgraded == {**frozen, "version": 2}
    assert list(upgraded) == list(frozen)


@pytest.mark.parametrize("odd", [{"nodes": "not a list"}, {"workshop": [1, 2]}, {}])
def test_step_one_tolerates_any_json(odd: Document) -> None:
    document = {"format": FORMAT_NAME, "version": 1, **odd}
    assert migrations.MIGRATIONS[1](document) == {**document, "version": 2}


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d["workshop"].update(period=None), "workshop.period"),
        (lambda d: d["nodes"][1].update(kind="key_result"), "nodes[1].kind"),
        (lambda d: d["nodes"][1].update(contributors=[]), "nodes[1].contributors"),
        (lambda d: d["nodes"][1].update(unit="%"), "nodes[1].unit"),
        (lambda d: d["links"][0].update(kind="measures"), "links[0].kind"),
    ],
)
def test_a_version_one_file_using_version_two_features_is_refused(change: Any, where: str) -> None:
    document = copy.deepcopy(V1_DOCUMENT)
    change(document)
    with pytest.raises(WorkshopFileError) as refused:
        loads(encode(document))
    assert refused.value.where == where
    assert "came in format version 2" in str(refused.value)
    assert "\n" not in str(refused.value)


def test_the_same_feature_is_fine_in_a_version_two_file() -> None:
    document = copy.deepcopy(V1_DOCUMENT)
    document["workshop"]["period"] = {"start": "2027-01-01", "end": "2027-06-30"}
    assert loads(encode({**document, "version": 2})).meta.period is not None


def test_an_objective_owner_is_a_version_two_field() -> None:
    document = copy.deepcopy(V1_DOCUMENT)
    objective = {"id": "o", "kind": "objective", "title": "Grow", "owner": "CEO"}
    document["nodes"].append(objective)
    with pytest.raises(WorkshopFileError, match=r"nodes\[2\]\.owner: an objective's owner"):
        loads(encode(document))


def test_a_version_one_file_loads_as_the_same_workshop_in_version_two() -> None:
    as_v1 = loads(encode(V1_DOCUMENT))
    as_v2 = loads(encode({**V1_DOCUMENT, "version": 2}))
    assert as_v1 == as_v2
    assert as_v1.meta.period is None
    assert as_v1.node("g").contributors == ()
    assert json.loads(dumps(as_v1))["version"] == 2


def _v1_to_v2(document: Document) -> Document:
    """Pretend v2 renamed `nodes` to `cards`."""
    upgraded = copy.deepcopy(document)
    upgraded["cards"] = upgraded.pop("nodes")
    upgraded.setdefault("steps", []).append("1→2")
    return upgraded


def _v2_to_v3(document: Document) -> Document:
    """Pretend v3 renamed them back, and called values `principle`s in v2 only."""
    upgraded = copy.deepcopy(document)
    upgraded["nodes"] = upgraded.pop("cards")
    for node in upgraded["nodes"]:
        if node.get("kind") == "principle":
            node["kind"] = "value"
    upgraded["steps"].append("2→3")
    return upgraded


@pytest.fixture
def fake_chain(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A chain 1 → 2 → 3 that records its steps; the checks then drop the record."""
    calls: list[str] = []

    def step(function: Any, name: str) -> Any:
        def run(document: Document) -> Document:
            frozen = copy.deepcopy(document)
            result = function(document)
            assert document == frozen, "a migration must not change its argument"
            calls.append(name)
            if name == "2→3":
                assert result.pop("steps") == ["1→2", "2→3"]
            return result

        return run

    monkeypatch.setattr(migrations, "FORMAT_VERSION", 3)
    monkeypatch.setattr(
        migrations, "MIGRATIONS", {1: step(_v1_to_v2, "1→2"), 2: step(_v2_to_v3, "2→3")}
    )
    return calls


def _file(version: int, key: str, kind: str) -> Document:
    return {
        "format": FORMAT_NAME,
        "version": version,
        key: [{"id": "n", "kind": kind, "title": "Candour"}],
    }


def test_an_old_file_runs_every_step_in_order_then_is_validated(fake_chain: list[str]) -> None:
    workshop = loads(encode(_file(1, "nodes", "value")))
    assert fake_chain == ["1→2", "2→3"]
    assert workshop.node("n").kind is NodeKind.VALUE


def test_a_middle_version_runs_only_the_later_steps(fake_chain: list[str]) -> None:
    document = _file(2, "cards", "principle")
    document["steps"] = ["1→2"]
    assert loads(encode(document)).node("n").kind is NodeKind.VALUE
    assert fake_chain == ["2→3"]


def test_a_current_file_runs_no_step(fake_chain: list[str]) -> None:
    assert loads(encode(_file(3, "nodes", "vision"))).node("n").kind is NodeKind.VISION
    assert fake_chain == []


def test_the_upgraded_document_is_validated_like_a_current_file(fake_chain: list[str]) -> None:
    with pytest.raises(WorkshopFileError, match=r"^nodes\[0\]\.kind: must be one of"):
        loads(encode(_file(1, "nodes", "mission")))
    assert fake_chain == ["1→2", "2→3"]


def test_a_step_that_chokes_on_a_bad_old_file_gives_a_file_error(fake_chain: list[str]) -> None:
    with pytest.raises(WorkshopFileError, match=r"^version: this file of format version 1"):
        loads(encode({"format": FORMAT_NAME, "version": 1, "links": []}))  # no nodes: KeyError


def test_a_missing_step_refuses_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(migrations, "FORMAT_VERSION", 2)
    monkeypatch.setattr(migrations, "MIGRATIONS", {})
    with pytest.raises(WorkshopFileError, match=r"^version: files of format version 1"):
        loads(encode(_file(1, "nodes", "value")))


def test_a_newer_file_is_refused_naming_both_versions(fake_chain: list[str]) -> None:
    document = _file(4, "nodes", "value")
    document["generator"] = "alignment-workshop 4.2.0"
    with pytest.raises(NewerVersionError) as caught:
        loads(encode(document))
    message = str(caught.value)
    assert message.startswith("version: this file was saved by a newer version of Alignment")
    assert "format version 4" in message and "format version 3" in message
    assert "alignment-workshop 4.2.0" in message
    assert fake_chain == []


def test_a_newer_file_is_refused_before_its_contents_are_judged() -> None:
    document = {"format": FORMAT_NAME, "version": 3, "whatever": {"new": True}}
    with pytest.raises(NewerVersionError):
        loads(encode(document))


@pytest.mark.parametrize(
    ("version", "reason"),
    [
        (True, "must be an integer (got boolean)"),
        (1.5, "must be an integer (got number)"),
        ("1", "must be an integer (got string)"),
        (None, "must be an integer (got null)"),
        (0, "must be at least 1 (got 0)"),
        (-3, "must be at least 1 (got -3)"),
    ],
)
def test_versions_that_are_not_positive_integers(version: object, reason: str) -> None:
    with pytest.raises(WorkshopFileError) as caught:
        loads(encode({"format": FORMAT_NAME, "version": version, "nodes": []}))
    assert str(caught.value) == f"version: {reason}"


def test_upgrade_leaves_a_current_document_alone() -> None:
    document = {"format": FORMAT_NAME, "version": 2, "nodes": []}
    assert migrations.upgrade(document, 2) is document
