"""Hostile files: every one is refused with WorkshopFileError, one line, naming the place.

The hand-made files in tests/fixtures/hostile/ each break one strictness rule or limit of
the format: the v1 ones as version-1 files (so the migration runs first), the `v2-` ones
as version-2 files, on the fields and kinds version 2 added. Files too big to keep in the
repository (too many nodes, links or teams, more than 20 MiB) are made here. Each refusal
must be a `WorkshopFileError` whose message is a single line of at most 300 characters
that starts with the expected place.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment_workshop.fileio import MAX_FILE_BYTES, WorkshopFileError, load, loads
from alignment_workshop.fileio.errors import NewerVersionError

HOSTILE = Path(__file__).parents[1] / "fixtures" / "hostile"

#: For each file: the place its message must start with, and part of the reason.
EXPECTED: dict[str, tuple[str, str]] = {
    "bad-date-february-30": ("workshop.date", "is not a real calendar date"),
    "bad-date-format": ("nodes[3].due", 'must be a date "YYYY-MM-DD"'),
    "bad-date-type": ("nodes[3].due", 'must be a date "YYYY-MM-DD"'),
    "bad-id-characters": ("nodes[0].id", "must be 1–64 letters,"),
    "bad-id-empty": ("nodes[4].id", "must be 1–64 letters,"),
    "bad-id-leading-dash": ("teams[0].id", "must be 1–64 letters,"),
    "bad-id-too-long": ("links[0].id", "must be 1–64 letters,"),
    "blank-action-text": ("nodes[3].actions[0].text", "must not be blank"),
    "blank-team-name": ("teams[0].name", "must not be blank"),
    "blank-title": ("nodes[2].title", "must not be blank"),
    "boolean-as-impact": ("nodes[2].impact", "must be an integer (got"),
    "boolean-as-version": ("version", "must be an integer (got"),
    "boolean-as-votes": ("nodes[2].votes", "must be an integer (got"),
    "boolean-as-x": ("nodes[0].x", "must be a number (got"),
    "dangling-link-source": ("links[1].source", "refers to a node that does"),
    "dangling-link-target": ("links[0].target", "refers to a node that does"),
    "dangling-team": ("nodes[4].team", "refers to a team that does"),
    "deep-nesting": ("line 5, column 212", "the JSON is nested too"),
    "description-too-long": ("nodes[1].description", "must be at most 10,000"),
    "disallowed-pair-depends-objective": ("links[2].kind", "a depends link cannot run"),
    "disallowed-pair-upholds-vision": ("links[2].kind", "an upholds link cannot run"),
    "disallowed-pair-vision-to-goal": ("links[0].kind", "a supports link cannot run"),
    "duplicate-conflict-reversed": ("links[2].target", "a conflicts link already"),
    "duplicate-key-action": ("nodes[3].actions[0]", 'has the key "done" more'),
    "duplicate-key-node": ("nodes[1]", 'has the key "title" more'),
    "duplicate-key-top": ("top level", 'has the key "version" more'),
    "duplicate-link-id": ("links[1].id", "duplicate link id 'l1'"),
    "duplicate-link": ("links[2].target", "a supports link already"),
    "duplicate-node-id": ("nodes[1].id", "duplicate node id 'v'"),
    "duplicate-team-id": ("teams[1].id", "duplicate team id 't1'"),
    "empty-file": ("line 1, column 1", "not valid JSON (expecting"),
    "float-as-impact": ("nodes[2].impact", "must be an integer (got"),
    "huge-integer": ("nodes[2].votes", "the number has too many"),
    "impact-six": ("nodes[2].impact", "must be an integer from 1"),
    "inapplicable-actions-on-value": ("nodes[1].actions", "does not apply to a value"),
    "inapplicable-priority-on-vision": ("nodes[0].priority", "does not apply to a vision"),
    "inapplicable-resolution-on-supports": ("links[0].resolution", "does not apply to a"),
    "inapplicable-resolved-on-supports": ("links[0].resolved", "does not apply to a"),
    "inapplicable-team-on-objective": ("nodes[2].team", "does not apply to an"),
    "infinity-coordinate": ("nodes[0].y", "-Infinity is not allowed;"),
    "invalid-utf8": ("byte 437", "the file is not valid UTF-8"),
    "missing-action-text": ("nodes[3].actions[0].text", "is required"),
    "missing-format": ("format", "is required; this is not an"),
    "missing-link-target": ("links[0].target", "is required"),
    "missing-node-kind": ("nodes[0].kind", "is required"),
    "missing-node-title": ("nodes[2].title", "is required"),
    "missing-nodes": ("nodes", "is required"),
    "missing-team-name": ("teams[0].name", "is required"),
    "missing-version": ("version", "is required"),
    "nan-coordinate": ("nodes[0].x", "NaN is not allowed; numbers"),
    "newer-version": ("version", "this file was saved by a"),
    "not-json-truncated": ("line 21, column 4", "not valid JSON (expecting"),
    "note-too-long": ("links[0].note", "must be at most 2,000"),
    "odd-unknown-key": ('nodes[0]["line\\nbreak \\"quoted\\""]', "is not a field of a node"),
    "overflowing-number": ("nodes[0].x", "must be a finite number"),
    "participant-not-string": ("workshop.participants[1]", "must be a string (got"),
    "participants-not-list": ("workshop.participants", "must be a list of names"),
    "priority-urgent": ("nodes[2].priority", "must be one of high,"),
    "resolution-too-long": ("links[1].resolution", "must be at most 2,000"),
    "self-link": ("links[0].target", "a link cannot join a node"),
    "status-done": ("nodes[3].status", "must be one of proposed,"),
    "string-as-done": ("nodes[3].actions[0].done", "must be true or false (got"),
    "team-colour-name": ("teams[0].color", 'must be a colour "#RRGGBB"'),
    "title-too-long": ("nodes[0].title", "must be at most 200"),
    "top-level-list": ("top level", "must be a JSON object (got"),
    "trailing-garbage": ("line 71, column 1", "not valid JSON (extra data)"),
    "unknown-action-key": ("nodes[3].actions[0].due", "is not a field of an action"),
    "unknown-link-key": ("links[0].weight", "is not a field of a link"),
    "unknown-link-kind": ("links[0].kind", "must be one of supports,"),
    "unknown-node-key": ("nodes[2].colour", "is not a field of a node"),
    "unknown-node-kind": ("nodes[0].kind", "must be one of vision,"),
    "unknown-team-key": ("teams[0].logo", "is not a field of a team"),
    "unknown-top-key": ("colour", "is not a field of a"),
    "unknown-workshop-key": ("workshop.venue", "is not a field of the"),
    "utf16-encoded": ("byte 0", "the file is not valid UTF-8"),
    "version-float": ("version", "must be an integer (got"),
    "version-string": ("version", "must be an integer (got"),
    "version-zero": ("version", "must be at least 1 (got 0)"),
    "votes-negative": ("nodes[3].votes", "must be an integer from 0 to"),
    "workshop-title-empty": ("workshop.title", "must not be empty"),
    "workshop-title-too-long": ("workshop.title", "must be at most 200"),
    "wrong-format-name": ("format", "must be"),
    "wrong-type-actions": ("nodes[3].actions", "must be a list (got string)"),
    "wrong-type-generator": ("generator", "must be a string (got"),
    "wrong-type-node": ("nodes[1]", "must be an object (got"),
    "wrong-type-nodes": ("nodes", "must be a list (got object)"),
    "wrong-type-title": ("nodes[0].title", "must be a string (got"),
    "wrong-type-workshop": ("workshop", "must be an object (got list)"),
    "x-too-large": ("nodes[0].x", "must be a finite number"),
    "x-without-y": ("nodes[0].y", "is required when x is given"),
    "y-null": ("nodes[0].y", "must be a number (got null)"),
    "y-without-x": ("nodes[2].x", "is required when y is given"),
    # Version 2: key results, contributors, the period and measures links.
    "v2-baseline-huge-integer": ("nodes[3].baseline", "must be a finite number with"),
    "v2-conflicts-with-key-result": ("links[4].kind", "a conflicts link cannot run"),
    "v2-contributor-bad-id": ("nodes[2].contributors[0]", "must be 1–64 letters, digits"),
    "v2-contributor-is-own-team": ("nodes[2].contributors[1]", "is the goal's own team ('t1'"),
    "v2-contributor-twice": ("nodes[2].contributors[1]", "names the team 't2' twice"),
    "v2-contributor-unknown-team": ("nodes[2].contributors[1]", "refers to a team that does n"),
    "v2-contributors-not-list": ("nodes[2].contributors", "must be a list of team ids"),
    "v2-current-string": ("nodes[3].current", "must be a number or null (go"),
    "v2-inapplicable-actions-on-key-result": ("nodes[3].actions", "does not apply to a key_resu"),
    "v2-inapplicable-baseline-on-goal": ("nodes[2].baseline", "does not apply to a goal nod"),
    "v2-inapplicable-contributors-on-key-result": (
        "nodes[3].contributors",
        "does not apply to a key_resu",
    ),
    "v2-inapplicable-due-on-objective": ("nodes[1].due", "does not apply to an objecti"),
    "v2-inapplicable-owner-on-vision": ("nodes[0].owner", "does not apply to a vision n"),
    "v2-inapplicable-priority-on-key-result": ("nodes[3].priority", "does not apply to a key_resu"),
    "v2-inapplicable-unit-on-objective": ("nodes[1].unit", "does not apply to an objecti"),
    "v2-inapplicable-why-on-key-result": ("nodes[3].why", "does not apply to a key_resu"),
    "v2-key-result-bad-due": ("nodes[3].due", "is not a real calendar date"),
    "v2-key-result-dangling-team": ("nodes[3].team", "refers to a team that does n"),
    "v2-key-result-status-done": ("nodes[3].status", "must be one of proposed, agr"),
    "v2-measures-from-goal": ("links[4].kind", "a measures link cannot run f"),
    "v2-measures-to-vision": ("links[4].kind", "a measures link cannot run f"),
    "v2-period-bad-date": ("workshop.period.start", "is not a real calendar date"),
    "v2-period-end-before-start": ("workshop.period.end", "must not be before the start"),
    "v2-period-label-too-long": ("workshop.period.label", "must be at most 40 character"),
    "v2-period-missing-end": ("workshop.period.end", "is required"),
    "v2-period-not-object": ("workshop.period", "must be an object (got strin"),
    "v2-period-null-start": ("workshop.period.start", 'must be a date "YYYY-MM-DD"'),
    "v2-period-unknown-key": ("workshop.period.timezone", "is not a field of a period"),
    "v2-resolved-on-measures": ("links[1].resolved", "does not apply to a measures"),
    "v2-second-measures-link": ("links[4].source", "a key result measures one no"),
    "v2-supports-from-key-result": ("links[4].kind", "a supports link cannot run f"),
    "v2-target-boolean": ("nodes[3].target", "must be a number or null (go"),
    "v2-target-too-large": ("nodes[3].target", "must be a finite number with"),
    "v2-unit-too-long": ("nodes[3].unit", "must be at most 20 character"),
    "v2-upholds-from-key-result": ("links[4].kind", "an upholds link cannot run f"),
}


def refusal(data: bytes) -> WorkshopFileError:
    """The error `loads` raises for `data`, checked for shape."""
    with pytest.raises(WorkshopFileError) as caught:
        loads(data)
    message = str(caught.value)
    assert "\n" not in message and "\r" not in message
    assert len(message) <= 300
    return caught.value


def test_every_fixture_has_an_expectation_and_there_are_enough() -> None:
    names = {path.name.removesuffix(".alignment") for path in HOSTILE.glob("*.alignment")}
    assert names == set(EXPECTED)
    assert len(names) >= 30


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_hostile_file_is_refused_naming_the_place(name: str) -> None:
    where, reason = EXPECTED[name]
    error = refusal((HOSTILE / f"{name}.alignment").read_bytes())
    assert str(error).startswith(f"{where}: "), str(error)
    assert reason in str(error)
    assert error.where == where


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_load_from_disk_gives_the_same_refusal(name: str) -> None:
    path = HOSTILE / f"{name}.alignment"
    with pytest.raises(WorkshopFileError) as caught:
        load(path)
    assert str(caught.value).startswith(f"{EXPECTED[name][0]}: ")


def test_newer_version_names_both_versions() -> None:
    error = refusal((HOSTILE / "newer-version.alignment").read_bytes())
    assert isinstance(error, NewerVersionError)
    assert "newer version of Alignment Workshop" in str(error)
    assert "version 3" in str(error) and "version 2" in str(error)
    assert (error.file_version, error.supported) == (3, 2)


def _document(**collections: list[dict[str, object]]) -> bytes:
    doc = {"format": "alignment-workshop", "version": 2, "nodes": [], **collections}
    return json.dumps(doc, separators=(",", ":")).encode()


def test_too_many_nodes() -> None:
    nodes = [{"id": f"n{i}", "kind": "vision", "title": "v"} for i in range(50_001)]
    error = refusal(_document(nodes=nodes))
    assert str(error).startswith("nodes: a workshop holds at most 50,000 nodes (got 50,001)")


def test_fifty_thousand_nodes_are_allowed() -> None:
    nodes = [{"id": f"n{i}", "kind": "value", "title": "v"} for i in range(50_000)]
    assert len(loads(_document(nodes=nodes)).nodes) == 50_000


def test_too_many_links() -> None:
    link = {"id": "l", "kind": "supports", "source": "a", "target": "b"}
    error = refusal(_document(links=[link] * 200_001))
    assert str(error).startswith("links: a workshop holds at most 200,000 links")


def test_too_many_teams() -> None:
    teams = [{"id": f"t{i}", "name": "Team"} for i in range(1_001)]
    error = refusal(_document(teams=teams))
    assert str(error).startswith("teams: a workshop holds at most 1,000 teams")


def test_too_many_actions() -> None:
    goal = {"id": "g", "kind": "goal", "title": "g", "actions": [{"text": "a"}] * 1_001}
    error = refusal(_document(nodes=[goal]))
    assert str(error).startswith("nodes[0].actions: ")


def test_too_many_contributors() -> None:
    teams = [{"id": f"t{i}", "name": "Team"} for i in range(102)]
    helpers = [f"t{i}" for i in range(1, 102)]
    goal = {"id": "g", "kind": "goal", "title": "g", "team": "t0", "contributors": helpers}
    error = refusal(_document(teams=teams, nodes=[goal]))
    assert str(error) == "nodes[0].contributors: must hold at most 100 teams"
    goal["contributors"] = helpers[:100]
    assert len(loads(_document(teams=teams, nodes=[goal])).node("g").contributors) == 100


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_key_result_numbers_must_be_finite(value: str) -> None:
    kr = _document(nodes=[{"id": "k", "kind": "key_result", "title": "k", "target": 0}])
    error = refusal(kr.replace(b'"target":0', b'"target":' + value.encode()))
    assert str(error).startswith("nodes[0].target: ")


def test_file_over_twenty_mebibytes_is_refused_before_parsing() -> None:
    data = _document() + b" " * (MAX_FILE_BYTES + 1 - len(_document()))
    assert len(data) == MAX_FILE_BYTES + 1
    error = refusal(data)
    assert "20 MiB" in str(error)
    refusal(b"[" * (MAX_FILE_BYTES + 1))  # never reaches the parser


def test_file_of_exactly_twenty_mebibytes_is_read(tmp_path: Path) -> None:
    data = _document() + b" " * (MAX_FILE_BYTES - len(_document()))
    assert loads(data).nodes == []
    path = tmp_path / "big.alignment"
    path.write_bytes(data)
    assert load(path).nodes == []


def test_big_file_on_disk_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.alignment"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES * 3)  # sparse: no 60 MiB written
    with pytest.raises(WorkshopFileError, match="larger than the limit of 20 MiB"):
        load(path)


@pytest.mark.parametrize("opener", ["[", '{"a":', '[{"a":'])
def test_deep_nesting_anywhere_is_refused(opener: str) -> None:
    data = b'{"format":"alignment-workshop","version":1,"nodes":' + opener.encode() * 200_000
    assert str(refusal(data)).startswith("line 1, column ")


def test_moderate_nesting_inside_a_field_is_a_type_error() -> None:
    data = _document(nodes=[{"id": "v", "kind": "vision", "title": [[[["x"]]]]}])
    assert str(refusal(data)).startswith("nodes[0].title: must be a string")


def test_negative_huge_integer_and_huge_version() -> None:
    error = refusal(b'{"format":"alignment-workshop","version":-' + b"9" * 6000 + b',"nodes":[]}')
    assert str(error).startswith("version: the number has too many digits")
    error = refusal(b'{"format":"alignment-workshop","version":' + b"9" * 300 + b',"nodes":[]}')
    assert isinstance(error, NewerVersionError)


def test_nan_with_a_later_syntax_error_is_still_refused() -> None:
    assert "NaN" in str(refusal(b'{"format":"alignment-workshop","version":NaN,'))


def test_messages_never_carry_control_characters_or_surrogates() -> None:
    data = _document(nodes=[{"id": "v", "kind": "vision", "title": "t", "\u2028\ud800": 1}])
    message = str(refusal(data))
    assert "\u2028" not in message
    assert all(not 0xD800 <= ord(c) <= 0xDFFF for c in message)


def test_bom_is_tolerated_but_only_once() -> None:
    good = _document()
    assert loads(b"\xef\xbb\xbf" + good).nodes == []
    refusal(b"\xef\xbb\xbf\xef\xbb\xbf" + good)


@pytest.mark.parametrize("data", [None, "text", 12, bytearray(b"{}"), memoryview(b"[]")])
def test_anything_that_is_not_good_bytes_is_refused(data: object) -> None:
    with pytest.raises(WorkshopFileError):
        loads(data)  # type: ignore[arg-type]


def test_the_longest_integer_is_parsed_then_refused_by_its_bound() -> None:
    votes = 10**4299  # 4,300 digits: the parser reads it, the votes bound refuses it
    goal = {"id": "g", "kind": "goal", "title": "g", "votes": votes}
    error = refusal(_document(nodes=[goal]))
    assert str(error).startswith("nodes[0].votes: must be an integer from 0 to 1,000,000 (got")
    goal["votes"] = 0
    data = _document(nodes=[goal]).replace(b'"votes":0', b'"votes":1' + b"0" * 4300)
    error = refusal(data)
    assert str(error) == "nodes[0].votes: the number has too many digits (4,301)"


def test_model_field_names_are_reported_as_file_keys() -> None:
    from alignment_workshop.fileio.schema import file_place

    assert file_place("nodes[3].pos") == "nodes[3].x"
    assert file_place("pos") == "x"
    assert file_place("nodes[3].title") == "nodes[3].title"
    assert file_place("workshop.participants[2]") == "workshop.participants[2]"
