"""Fuzzing the loader: whatever the input, only WorkshopFileError escapes, quickly.

Three sources of input: valid files mutated at the JSON level (keys dropped, values
swapped for other types, junk inserted), valid files mutated at the byte level
(truncated, flipped, spliced), and random bytes. The CI profile runs at least 2,000
mutated files. Each input must be answered in under a second, with either a workshop or
a one-line refusal of at most 300 characters.
"""

from __future__ import annotations

import copy
import json
import time
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_workshop.fileio import WorkshopFileError, dumps, loads
from alignment_workshop.model import Workshop
from tests.conftest import examples
from tests.support.strategies import valid_documents, workshops

JUNK: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(
        ["", "vision", "goal", "key_result", "supports", "measures", "high", "2026-02-30", "#fff"]
    ),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=3),
    st.just([[[[[[]]]]]]),
    st.just("x" * 100_001),
)


def check_refusal_or_workshop(data: bytes) -> None:
    """Load `data`: a workshop or a WorkshopFileError, nothing else, in under a second."""
    start = time.perf_counter()
    try:
        result = loads(data)
    except WorkshopFileError as error:
        message = str(error)
        assert message and "\n" not in message and "\r" not in message
        assert len(message) <= 300
    else:
        assert isinstance(result, Workshop)
        assert loads(dumps(result)) == result
    assert time.perf_counter() - start < 1.0


def _containers(value: Any, found: list[Any]) -> list[Any]:
    """Every dict and list inside `value`, `value` first."""
    if isinstance(value, (dict, list)):
        found.append(value)
        for child in value.values() if isinstance(value, dict) else value:
            _containers(child, found)
    return found


def mutate(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    """`document` with a few random JSON-level changes."""
    document = copy.deepcopy(document)
    for _ in range(data.draw(st.integers(1, 3), label="changes")):
        target = data.draw(st.sampled_from(_containers(document, [])), label="container")
        keys = list(target) if isinstance(target, dict) else list(range(len(target)))
        action = data.draw(st.sampled_from(["drop", "replace", "insert"]), label="action")
        if action == "insert" or not keys:
            key = (
                data.draw(st.text(max_size=12), label="new key") if isinstance(target, dict) else 0
            )
            if isinstance(target, dict):
                target[key] = copy.deepcopy(data.draw(JUNK, label="junk"))
            else:
                target.insert(0, copy.deepcopy(data.draw(JUNK, label="junk")))
            continue
        key = data.draw(st.sampled_from(keys), label="key")
        if action == "drop":
            del target[key]
        else:
            target[key] = copy.deepcopy(data.draw(JUNK, label="value"))
    return document


@settings(max_examples=examples(ci=2000, dev=80))
@given(valid_documents(max_nodes=6), st.data())
def test_mutated_documents_are_loaded_or_refused(
    document: dict[str, Any], data: st.DataObject
) -> None:
    mutated = mutate(document, data)
    check_refusal_or_workshop(json.dumps(mutated, ensure_ascii=False).encode("utf-8", "replace"))


@settings(max_examples=examples(ci=2000, dev=80))
@given(workshops(max_nodes=6), st.data())
def test_byte_level_damage_is_loaded_or_refused(workshop: Workshop, data: st.DataObject) -> None:
    raw = bytearray(dumps(workshop))
    for _ in range(data.draw(st.integers(1, 4), label="changes")):
        at = data.draw(st.integers(0, len(raw)), label="at")
        action = data.draw(st.sampled_from(["truncate", "flip", "insert", "delete"]))
        if action == "truncate":
            del raw[at:]
        elif action == "flip" and at < len(raw):
            raw[at] ^= data.draw(st.integers(1, 255), label="mask")
        elif action == "insert":
            raw[at:at] = data.draw(
                st.one_of(
                    st.binary(max_size=8),
                    st.sampled_from(
                        [b"NaN", b"-Infinity", b"1e999", b"[[[[", b'"a":1,', b"\xef\xbb\xbf"]
                    ),
                ),
                label="bytes",
            )
        else:
            del raw[at : at + data.draw(st.integers(1, 40), label="length")]
    check_refusal_or_workshop(bytes(raw))


@settings(max_examples=examples(ci=2000, dev=80))
@given(st.binary(max_size=400))
def test_random_bytes_are_refused(data: bytes) -> None:
    check_refusal_or_workshop(data)


@settings(max_examples=examples(ci=500, dev=40))
@given(
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
        max_leaves=20,
    )
)
def test_random_json_values_are_refused(value: Any) -> None:
    check_refusal_or_workshop(json.dumps(value).encode())


@settings(max_examples=examples(ci=500, dev=40))
@given(
    st.dictionaries(
        st.sampled_from(["format", "version", "nodes", "teams", "links", "workshop", "generator"]),
        st.one_of(st.just("alignment-workshop"), st.just(1), st.just([]), st.just({}), JUNK),
    )
)
def test_random_envelopes_are_loaded_or_refused(document: dict[str, Any]) -> None:
    check_refusal_or_workshop(json.dumps(document).encode())
