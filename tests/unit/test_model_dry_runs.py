"""The model's dry runs: each `check_*` refuses exactly what its edit refuses.

A dry run must give the edit's verdict (the same refusal with the same reason, or the
same record the edit then stores or removes), and it must change nothing and emit
nothing. The GUI relies on that to refuse an edit before it pushes an undo command.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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
    ValidationError,
    Workshop,
    allowed_link_kinds,
)
from alignment_workshop.model import plans as plans_module
from tests.conftest import examples
from tests.support.strategies import workshops

#: Each edit and the dry run that must give its verdict.
CHECKS = {
    "update_meta": "check_update_meta",
    "add_team": "check_new_team",
    "update_team": "check_update_team",
    "remove_team": "check_remove_team",
    "add_node": "check_new_node",
    "update_node": "check_update_node",
    "move_node": "check_move_node",
    "remove_node": "check_remove_node",
    "add_link": "check_new_link",
    "update_link": "check_update_link",
    "remove_link": "check_remove_link",
}


@dataclasses.dataclass(frozen=True)
class Op:
    """One edit: the name of a `Workshop` method, its arguments and its field changes."""

    name: str
    args: tuple[Any, ...] = ()
    changes: dict[str, Any] = dataclasses.field(default_factory=dict)

    def run(self, workshop: Workshop, method: str) -> Any:
        return getattr(workshop, method)(*self.args, **self.changes)


def _small_workshop() -> Workshop:
    """Two teams, one card of each kind and a few links: every edit has something to act on."""
    nodes = [
        Node("v", NodeKind.VISION, "Vision"),
        Node("o", NodeKind.OBJECTIVE, "Objective"),
        Node("g", NodeKind.GOAL, "Goal", team="sales"),
        Node("h", NodeKind.GOAL, "Other goal"),
        Node("val", NodeKind.VALUE, "Value"),
    ]
    links = [
        Link("l1", LinkKind.SUPPORTS, "o", "v"),
        Link("l2", LinkKind.SUPPORTS, "g", "o"),
        Link("c", LinkKind.CONFLICTS, "g", "h"),
    ]
    teams = [Team("sales", "Sales", "#ff8800"), Team("empty", "Nobody's", "#0088ff")]
    return Workshop.from_records(Meta(title="Test"), teams, nodes, links)


@pytest.fixture
def workshop() -> Workshop:
    return _small_workshop()


@contextlib.contextmanager
def recording(workshop: Workshop) -> Iterator[list[tuple[str, object]]]:
    """Every event `workshop` emits inside the block, on every channel."""
    seen: list[tuple[str, object]] = []
    subscribed = []
    for name, channel in vars(workshop.events).items():
        callback = functools.partial(lambda n, payload: seen.append((n, payload)), name)
        channel.subscribe(callback)
        subscribed.append((channel, callback))
    try:
        yield seen
    finally:
        for channel, callback in subscribed:
            channel.unsubscribe(callback)


def _stored(workshop: Workshop, op: Op, result: Any) -> Any:
    """The record the edit `op`, which returned `result`, stored or removed."""
    if op.name.startswith("add_"):
        return result
    if op.name.startswith("remove_"):
        return result[1]
    if op.name == "update_meta":
        return workshop.meta
    readers: dict[str, Callable[[str], Any]] = {
        "team": workshop.team,
        "node": workshop.node,
        "link": workshop.link,
    }
    return readers[op.name.split("_")[1]](op.args[0])


def assert_same_verdict(workshop: Workshop, op: Op) -> str:
    """Dry-run `op`, then run it: the verdicts agree, and the dry run touched nothing.

    Returns "ok" or "refused", so a caller can say which it expected.
    """
    before = workshop.copy()
    with recording(workshop) as seen:
        try:
            verdict: tuple[str, Any] = ("ok", op.run(workshop, CHECKS[op.name]))
        except ValidationError as error:
            verdict = ("refused", str(error))
    assert workshop == before, f"the dry run of {op} changed the workshop"
    assert seen == [], f"the dry run of {op} emitted {seen}"
    try:
        with recording(workshop) as seen:
            result = op.run(workshop, op.name)
    except ValidationError as error:
        assert verdict == ("refused", str(error)), f"{op}: the dry run said {verdict}"
        assert workshop == before
        return "refused"
    assert verdict == ("ok", _stored(workshop, op, result)), f"{op}: the edit was accepted"
    assert (workshop == before) == (seen == []), "the edit emits when, and only when, it changes"
    return "ok"


REFUSED = [
    Op("update_meta", (), {"title": ""}),
    Op("update_meta", (), {"date": "2026-13-01"}),
    Op("update_meta", (), {"colour": "#ffffff"}),
    Op("add_team", (Team("sales", "Again"),)),
    Op("add_team", (Team("t2", " "),)),
    Op("add_team", ("not a team",)),
    Op("update_team", ("sales",), {"color": "orange"}),
    Op("update_team", ("ghost",), {"name": "Ghosts"}),
    Op("update_team", ("sales",), {"id": "other"}),
    Op("remove_team", ("sales",)),
    Op("remove_team", ("ghost",)),
    Op("add_node", (Node("o", NodeKind.OBJECTIVE, "Duplicate"),)),
    Op("add_node", (Node("x", NodeKind.GOAL, "X", team="nobody"),)),
    Op("add_node", (Node("x", NodeKind.VISION, "X", priority=Priority.HIGH),)),
    Op("add_node", (Node("x", NodeKind.GOAL, "  "),)),
    Op("update_node", ("g",), {"kind": NodeKind.OBJECTIVE}),
    Op("update_node", ("g",), {"team": "nobody"}),
    Op("update_node", ("g",), {"impact": 6}),
    Op("update_node", ("g",), {"actions": (Action(" "),)}),
    Op("update_node", ("ghost",), {"title": "Boo"}),
    Op("move_node", ("g", (float("nan"), 0.0))),
    Op("move_node", ("g", (0.0, 2e7))),
    Op("move_node", ("ghost", (0.0, 0.0))),
    Op("remove_node", ("o",)),
    Op("remove_node", ("ghost",)),
    Op("add_link", (Link("x", LinkKind.SUPPORTS, "v", "o"),)),
    Op("add_link", (Link("x", LinkKind.SUPPORTS, "g", "o"),)),
    Op("add_link", (Link("x", LinkKind.CONFLICTS, "h", "g"),)),
    Op("add_link", (Link("l1", LinkKind.SUPPORTS, "h", "o"),)),
    Op("add_link", (Link("x", LinkKind.DEPENDS, "g", "g"),)),
    Op("add_link", (Link("x", LinkKind.SUPPORTS, "ghost", "o"),)),
    Op("update_link", ("l1",), {"resolved": True}),
    Op("update_link", ("l1",), {"target": "ghost"}),
    Op("update_link", ("l2",), {"kind": LinkKind.DEPENDS}),
    Op("remove_link", ("ghost",)),
]

ACCEPTED = [
    Op("update_meta", (), {"title": "Spring offsite", "date": "2026-11-24"}),
    Op("update_meta", (), {"title": "Test"}),
    Op("add_team", (Team("ops", "Operations", "#123456"),)),
    Op("update_team", ("sales",), {"name": "Sales & Partners"}),
    Op("remove_team", ("empty",)),
    Op("add_node", (Node("x", NodeKind.GOAL, "New", priority="high", due="2027-01-31"),)),
    Op("update_node", ("g",), {"title": "Renamed", "votes": 4, "status": "agreed"}),
    Op("update_node", ("g",), {"team": None}),
    Op("move_node", ("g", [1, 2])),
    Op("move_node", ("g", None)),
    Op("remove_node", ("val",)),
    Op("add_link", (Link("x", LinkKind.UPHOLDS, "g", "val"),)),
    Op("update_link", ("c",), {"resolved": True, "resolution": "Agreed"}),
    Op("update_link", ("l2",), {"note": "Because"}),
    Op("remove_link", ("l2",)),
]


@pytest.mark.parametrize("op", REFUSED, ids=repr)
def test_a_dry_run_refuses_what_its_edit_refuses(workshop: Workshop, op: Op) -> None:
    assert assert_same_verdict(workshop, op) == "refused"


@pytest.mark.parametrize("op", ACCEPTED, ids=repr)
def test_a_dry_run_returns_what_its_edit_stores(workshop: Workshop, op: Op) -> None:
    assert assert_same_verdict(workshop, op) == "ok"


def test_every_edit_has_a_dry_run_covered_here() -> None:
    for name, check in CHECKS.items():
        assert callable(getattr(Workshop, name)) and callable(getattr(Workshop, check))
    assert {op.name for op in REFUSED} == set(CHECKS) == {op.name for op in ACCEPTED}


def test_dry_runs_hand_back_normalised_records(workshop: Workshop) -> None:
    node = workshop.check_new_node(Node("x", NodeKind.GOAL, "New", priority="low", pos=[1, 2]))
    assert node.priority is Priority.LOW and node.pos == (1.0, 2.0)
    assert workshop.check_update_node("g", status="dropped").status is Status.DROPPED
    assert workshop.check_update_meta(date="2026-01-31").date == dt.date(2026, 1, 31)


@pytest.fixture
def full(monkeypatch: pytest.MonkeyPatch, workshop: Workshop) -> Workshop:
    """The fixture workshop, with every limit at what it holds now."""
    monkeypatch.setattr(plans_module, "MAX_TEAMS", len(workshop.teams))
    monkeypatch.setattr(plans_module, "MAX_NODES", len(workshop.nodes))
    monkeypatch.setattr(plans_module, "MAX_LINKS", len(workshop.links))
    return workshop


@pytest.mark.parametrize(
    ("op", "message"),
    [
        (Op("add_team", (Team("ops", "Operations"),)), "at most 2 teams"),
        (Op("add_node", (Node("x", NodeKind.GOAL, "New"),)), "at most 5 nodes"),
        (Op("add_link", (Link("x", LinkKind.UPHOLDS, "g", "val"),)), "at most 3 links"),
    ],
    ids=["teams", "nodes", "links"],
)
def test_dry_runs_include_the_limits(full: Workshop, op: Op, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        op.run(full, CHECKS[op.name])
    assert assert_same_verdict(full, op) == "refused"


# ----------------------------------------------------------------------- batches


def test_a_batch_may_link_its_own_new_nodes(workshop: Workshop) -> None:
    before = workshop.copy()
    nodes = [Node("n1", NodeKind.GOAL, "A", priority="high"), Node("n2", NodeKind.OBJECTIVE, "B")]
    links = [Link("k1", LinkKind.SUPPORTS, "n1", "n2"), Link("k2", LinkKind.SUPPORTS, "n2", "v")]
    with recording(workshop) as seen:
        checked_nodes, checked_links = workshop.check_new_items(iter(nodes), iter(links))
    assert checked_nodes[0].priority is Priority.HIGH and checked_links == links
    assert workshop == before and seen == []
    for node in checked_nodes:
        workshop.add_node(node)
    for link in checked_links:
        workshop.add_link(link)


@pytest.mark.parametrize(
    ("nodes", "links", "message"),
    [
        ([Node("n1", NodeKind.GOAL, "A")], [Link("k", LinkKind.SUPPORTS, "v", "n1")], "cannot run"),
        ([Node("n1", NodeKind.GOAL, "A")], [Link("k", LinkKind.SUPPORTS, "n1", "n9")], "not exist"),
        ([Node("n1", NodeKind.GOAL, "A"), Node("n1", NodeKind.GOAL, "B")], [], "duplicate node"),
        (
            [Node("n1", NodeKind.GOAL, "A")],
            [Link("k", LinkKind.SUPPORTS, "n1", "o"), Link("k2", LinkKind.SUPPORTS, "n1", "o")],
            "already joins",
        ),
    ],
    ids=["disallowed", "dangling", "duplicate-node", "duplicate-link"],
)
def test_a_refused_batch_changes_nothing(
    workshop: Workshop, nodes: list[Node], links: list[Link], message: str
) -> None:
    before = workshop.copy()
    with recording(workshop) as seen, pytest.raises(ValidationError, match=message):
        workshop.check_new_items(nodes, links)
    assert workshop == before and seen == []


def test_the_limits_count_the_whole_batch(workshop: Workshop, monkeypatch) -> None:
    monkeypatch.setattr(plans_module, "MAX_NODES", len(workshop.nodes) + 1)
    one, two = Node("n1", NodeKind.GOAL, "A"), Node("n2", NodeKind.GOAL, "B")
    workshop.check_new_items([one], [])
    with pytest.raises(ValidationError, match="at most 6 nodes"):
        workshop.check_new_items([one, two], [])
    assert not workshop.has_node("n1")


def test_dry_run_returns_the_result_of_edits_on_a_scratch_copy(workshop: Workshop) -> None:
    before = workshop.copy()

    def rehome_and_remove(trial: Workshop) -> int:
        trial.update_node("g", team="empty")
        return trial.remove_team("sales")[0]

    with recording(workshop) as seen:
        assert workshop.dry_run(rehome_and_remove) == 0
        with pytest.raises(ValidationError, match="still has 1 goal"):
            workshop.dry_run(lambda trial: trial.remove_team("sales"))
    assert workshop == before and seen == []


# ----------------------------------------------------------------------- any edit at all

#: Values of every sort, valid and not, for any field: the dry run and the edit must agree
#: on each, whatever the field is, including fields added after this test was written.
_VALUES = st.sampled_from(
    [
        "",
        "  ",
        "Title",
        "x" * 201,
        "high",
        "agreed",
        "objective",
        "conflicts",
        "#12AB34",
        "orange",
        "2026-01-31",
        "2026-02-30",
        dt.date(2026, 1, 1),
        0,
        1,
        3,
        6,
        -1,
        2.5,
        float("nan"),
        True,
        None,
        Priority.LOW,
        Status.DROPPED,
        NodeKind.GOAL,
        LinkKind.DEPENDS,
        (1.0, 2.0),
        (float("nan"), 0.0),
        [3, 4],
        (),
        (Action("Do it"),),
        (Action(" "),),
        ("Ann", "Bo"),
    ]
)


def _records(workshop: Workshop, what: str) -> list[Any]:
    """The records of one sort: "meta", "team", "node" or "link"."""
    if what == "meta":
        return [workshop.meta, Meta()]
    return list(getattr(workshop, f"{what}s"))


def _all_ids(workshop: Workshop) -> list[str]:
    return [r.id for what in ("team", "node", "link") for r in _records(workshop, what)]


@st.composite
def _changes(draw: st.DrawFn, workshop: Workshop, what: str, *, new: bool) -> dict[str, Any]:
    """One to three field changes, valid or not, for any field of a record of `what`.

    Half the values are borrowed from the same field of another record of the same sort,
    so many edits pass; the others are of every sort, so many do not. Nothing here names
    a field, so fields added to the model later are exercised too.
    """
    records = _records(workshop, what)
    names = [f.name for f in dataclasses.fields(_BASES[what]) if f.name != "id"]
    chosen = draw(st.lists(st.sampled_from(names), min_size=1, max_size=3, unique=True))
    if draw(st.integers(0, 7)) == 0:
        chosen.append("id" if new else draw(st.sampled_from(["id", "no_such_field"])))
    others = st.one_of(_VALUES, st.sampled_from([*_all_ids(workshop), "ghost"]))
    changes = {}
    for name in chosen:
        borrowed = [getattr(r, name) for r in records if hasattr(r, name)]
        values = st.one_of(st.sampled_from(borrowed), others) if borrowed else others
        changes[name] = draw(values)
    return changes


_BASES: dict[str, Any] = {
    "meta": Meta(),
    "team": Team("new-0", "New team"),
    "node": Node("new-0", NodeKind.GOAL, "New card"),
    "link": Link("new-0", LinkKind.SUPPORTS, "a", "b"),
}
_COORDS = st.one_of(st.floats(-1e6, 1e6), st.sampled_from([float("nan"), 2e7, -1e7]))


def _free_pairs(workshop: Workshop) -> list[tuple[LinkKind, str, str]]:
    """Every (kind, source, target) the format allows that no link holds yet."""
    return [
        (kind, source.id, target.id)
        for source in workshop.nodes
        for target in workshop.nodes
        if source is not target
        for kind in allowed_link_kinds(source.kind, target.kind)
        if workshop.find_link(kind, source.id, target.id) is None
    ]


def _some_id(ids: list[str]) -> st.SearchStrategy[str]:
    """Mostly one of `ids`, sometimes an id that names nothing."""
    return st.sampled_from([*ids * 5, "ghost"])


@st.composite
def _new_record(draw: st.DrawFn, workshop: Workshop, what: str) -> Any:
    """A new team, node or link: a plausible one, then changed in a few fields."""
    base = dataclasses.replace(_BASES[what], id=f"new-{draw(st.integers(0, 3))}")
    node_ids = [n.id for n in workshop.nodes]
    if what == "node":
        base = dataclasses.replace(base, kind=draw(st.sampled_from(NodeKind)))
    if what == "link":
        ends = _some_id(node_ids)
        anyhow = st.tuples(st.sampled_from(LinkKind), ends, ends)
        free = _free_pairs(workshop)
        kind, source, target = draw(st.one_of(anyhow, st.sampled_from(free)) if free else anyhow)
        base = dataclasses.replace(base, kind=kind, source=source, target=target)
    if draw(st.booleans()):
        return base
    return dataclasses.replace(base, **draw(_changes(workshop, what, new=True)))


@st.composite
def edits(draw: st.DrawFn, workshop: Workshop) -> Op:
    """Any edit of any record of `workshop`, valid or not."""
    name = draw(st.sampled_from(sorted(CHECKS)))
    what = name.split("_")[1]
    if name.startswith("add_"):
        return Op(name, (draw(_new_record(workshop, what)),))
    if name == "update_meta":
        return Op(name, (), draw(_changes(workshop, what, new=False)))
    record_id = draw(_some_id([r.id for r in _records(workshop, what)]))
    if name.startswith("remove_"):
        return Op(name, (record_id,))
    if name == "move_node":
        pos = st.one_of(st.none(), st.tuples(_COORDS, _COORDS), _VALUES)
        return Op(name, (record_id, draw(pos)))
    return Op(name, (record_id,), draw(_changes(workshop, what, new=False)))


@settings(max_examples=examples(ci=500, dev=60))
@given(workshop=st.one_of(st.builds(_small_workshop), workshops(max_nodes=6)), data=st.data())
def test_random_edits_get_the_same_verdict_from_the_dry_run(
    workshop: Workshop, data: st.DataObject
) -> None:
    for _ in range(data.draw(st.integers(1, 20), label="steps")):
        assert_same_verdict(workshop, data.draw(edits(workshop), label="edit"))
