"""What the app saves, it opens (issue 9, item 4).

The loader refuses files over 20 MiB. The largest file the documented counts and lengths
allow is far larger (FORMAT.md: "What the app saves, it opens"), so no load limit could
cover it: instead every writer (save, autosave, `upgrade`) refuses, before writing
anything, a workshop whose file would be over the limit. These tests check that promise
exactly at the limit, and at the full documented counts under the CI profile.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from alignment_workshop.fileio import (
    MAX_FILE_BYTES,
    WorkshopSaveError,
    WorkshopTooLargeError,
    dumps,
    load,
    save,
)
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop, rules
from tests.conftest import examples
from tests.unit.test_cli import run


def _goals(count: int, description: str = "", *, id_width: int = 0) -> list[Node]:
    return [
        Node(
            id=f"g{i}".ljust(id_width, "x"),
            kind=NodeKind.GOAL,
            title="Goal",
            description=description,
        )
        for i in range(count)
    ]


def _workshop(nodes: list[Node], links: list[Link] = (), teams: list[Team] = ()) -> Workshop:
    return Workshop.from_records(Meta(), teams, nodes, links)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def test_a_save_over_the_limit_is_refused_before_writing(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    save(_workshop(_goals(3)), path)
    before = path.read_bytes()
    big = _workshop(_goals(2_200, "d" * 10_000))
    with pytest.raises(WorkshopTooLargeError) as caught:
        save(big, path)
    assert isinstance(caught.value, WorkshopSaveError)
    assert str(caught.value).startswith("the workshop would take 21.")
    assert "more than the 20 MiB a workshop file may hold, so it was not saved" in str(caught.value)
    assert path.read_bytes() == before and _leftovers(tmp_path) == []
    assert not (tmp_path / "plan.alignment.bak").exists()


def _compact(data: bytes) -> bytes:
    return json.dumps(json.loads(data), separators=(",", ":"), ensure_ascii=False).encode()


def _compact_but_too_large_when_saved(count: int = 10_000) -> bytes:
    """A file written compactly by another tool: under the limit, but not as we write it."""
    room = MAX_FILE_BYTES - len(_compact(dumps(_workshop(_goals(count)))))
    data = dumps(_workshop(_goals(count, "d" * (room // count))))
    compact = _compact(data)
    assert len(compact) <= MAX_FILE_BYTES < len(data)
    return compact


def test_upgrade_refuses_to_write_what_it_could_not_read_back(tmp_path: Path) -> None:
    path = tmp_path / "compact.alignment"
    path.write_bytes(_compact_but_too_large_when_saved())
    before = os.stat(path)
    result = run("upgrade", path)
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {path}: the workshop would take ")
    assert line.endswith("shorten long texts or split the workshop")
    after = os.stat(path)
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert not (tmp_path / "compact.alignment.bak").exists() and _leftovers(tmp_path) == []


# ---------------------------------------------------------------- at the limit, exactly

#: Characters of different encoded sizes: 1 byte, 2 (escaped quote, é), 3 (€), 4 (emoji).
FILLERS = ["a", '"', "é", "€", "🙂"]
_NODES = 2_200  # enough descriptions of 10,000 characters to pass 20 MiB


def _at(target: int, filler: str) -> Workshop:
    """A workshop whose file is `target` bytes, or a byte or two short of it."""
    per_char = len(
        dumps(_workshop([Node(id="x", kind=NodeKind.VALUE, title="t", description=filler)]))
    ) - len(dumps(_workshop([Node(id="x", kind=NodeKind.VALUE, title="t")])))
    base = len(dumps(_workshop(_goals(_NODES))))
    chars = (target - base) // per_char
    lengths = [
        min(rules.TEXT_LIMITS["node.description"], chars - 10_000 * i) for i in range(_NODES)
    ]
    nodes = _goals(_NODES)
    described = [
        Node(id=n.id, kind=n.kind, title=n.title, description=filler * max(0, length))
        for n, length in zip(nodes, lengths, strict=True)
    ]
    return _workshop(described)


@settings(max_examples=examples(ci=20, dev=3))
@given(offset=st.integers(-4096, 4096), filler=st.sampled_from(FILLERS))
@example(offset=0, filler="a")
@example(offset=1, filler="a")
def test_at_the_size_limit_whatever_saves_reopens(
    tmp_path_factory: pytest.TempPathFactory, offset: int, filler: str
) -> None:
    workshop = _at(MAX_FILE_BYTES + offset, filler)
    size = len(dumps(workshop))
    assert abs(size - (MAX_FILE_BYTES + offset)) < 4
    path = tmp_path_factory.mktemp("limit") / "plan.alignment"
    path.write_bytes(b"the previous file")
    try:
        save(workshop, path)
    except WorkshopTooLargeError:
        assert size > MAX_FILE_BYTES
        assert path.read_bytes() == b"the previous file"
    else:
        assert size <= MAX_FILE_BYTES
        assert load(path) == workshop


# ---------------------------------------------------------------- the documented counts


def _at_the_counts(nodes: int, links: int) -> Workshop:
    """Every count at `nodes`/`links` (and 1,000 teams), ids at their longest."""
    teams = [Team(id=f"t{i}".ljust(64, "x"), name="Team") for i in range(rules.MAX_TEAMS)]
    goals = [
        Node(id=f"g{i}".ljust(64, "x"), kind=NodeKind.GOAL, title="Goal", pos=(-9_999_999.5, 1.5),
             team=teams[i % len(teams)].id, votes=rules.INT_LIMITS["node.votes"][1])
        for i in range(nodes)
    ]  # fmt: skip
    edges = [
        Link(id=f"l{k}".ljust(64, "x"), kind=LinkKind.SUPPORTS, source=goals[k % nodes].id,
             target=goals[(k % nodes + 1 + k // nodes) % nodes].id)
        for k in range(links)
    ]  # fmt: skip
    return _workshop(goals, edges, teams)


def test_the_largest_workshop_the_counts_allow_saves_and_reopens_or_is_refused(
    tmp_path: Path,
) -> None:
    """Under CI: 50,000 nodes and 200,000 links, whose file (82 MiB) must be refused."""
    nodes = examples(ci=rules.MAX_NODES, dev=5_000)
    workshop = _at_the_counts(nodes, 4 * nodes)
    path = tmp_path / "plan.alignment"
    if len(dumps(workshop)) > MAX_FILE_BYTES:
        with pytest.raises(WorkshopTooLargeError):
            save(workshop, path)
        assert not path.exists() and _leftovers(tmp_path) == []
    else:
        assert nodes < rules.MAX_NODES, "at the full counts the file cannot fit"
        save(workshop, path)
        assert load(path) == workshop
