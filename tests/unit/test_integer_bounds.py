"""Numbers in range (issue 9, item 9).

Every integer field has a documented upper bound, in one table (`rules.INT_LIMITS`) that
the model, the file format and the editor's spin boxes share. A file with a larger value
is refused in one line naming the field; nothing is clamped silently.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest

from alignment_workshop.fileio import WorkshopFileError, loads
from alignment_workshop.model import Node, NodeKind, ValidationError, Workshop, rules

FORMAT_MD = Path(__file__).parents[2] / "alignment_workshop" / "fileio" / "FORMAT.md"


def _file(votes: object) -> bytes:
    goal = {"id": "g", "kind": "goal", "title": "Goal", "votes": votes}
    document = {"format": "alignment-workshop", "version": 1, "nodes": [goal]}
    return json.dumps(document).encode()


def test_every_integer_field_has_a_bound_a_spin_box_can_hold() -> None:
    ints = {f"node.{f.name}" for f in dataclasses.fields(Node) if f.type in (int, "int")}
    assert ints and ints <= set(rules.INT_LIMITS)
    for low, high in rules.INT_LIMITS.values():
        assert -rules.SPIN_BOX_MAX - 1 <= low < high <= rules.SPIN_BOX_MAX


def test_votes_up_to_the_bound_load_and_beyond_are_refused_in_one_line() -> None:
    high = rules.INT_LIMITS["node.votes"][1]
    assert loads(_file(high)).node("g").votes == high
    for votes in (high + 1, 2**31, 2**63):
        with pytest.raises(WorkshopFileError) as caught:
            loads(_file(votes))
        assert str(caught.value) == (
            f"nodes[0].votes: must be an integer from 0 to 1,000,000 (got {votes})"
        )


def test_the_model_refuses_what_the_file_refuses() -> None:
    workshop = Workshop()
    workshop.add_node(Node(id="g", kind=NodeKind.GOAL, title="Goal"))
    with pytest.raises(ValidationError, match="votes: must be an integer from 0 to 1,000,000"):
        workshop.update_node("g", votes=1_000_001)
    workshop.update_node("g", votes=1_000_000)
    assert workshop.node("g").votes == 1_000_000


def test_format_md_states_each_bound() -> None:
    text = FORMAT_MD.read_text(encoding="utf-8")
    for name, (low, high) in rules.INT_LIMITS.items():
        field = name.split(".")[1]
        row = re.search(rf"^\| `{field}` \|.*$", text, re.MULTILINE)
        assert row is not None, field
        assert f"integer {low:,}–{high:,}" in row.group(), row.group()
