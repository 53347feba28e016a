"""Hypothesis strategies for valid workshops, shared by every test that needs random data.

`workshops()` draws whole, valid `Workshop` objects of the current format (version 2):
every node kind and field, unicode text (non-BMP, right-to-left, control characters),
dates and periods, placed and unplaced nodes, dropped statuses, teams, goals with actions
and contributors, key results with their numbers at the edges of the allowed range, and
links of every kind that obey the allowed pairs, the no-duplicates rule and the one
`measures` link per key result. `valid_documents()` draws the same workshops as the JSON
objects a file holds, for tests that mutate files.

Text never contains lone surrogates by default: they cannot be written as UTF-8, and other
layers (PDF, Qt) do not need to meet them. Pass `surrogates=True` to `texts()` to get them.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from typing import Any

from hypothesis import strategies as st

from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Priority,
    Status,
    Team,
    Workshop,
    allowed_link_kinds,
)
from alignment_workshop.model.rules import (
    COORD_MAX,
    INT_LIMITS,
    MAX_CONTRIBUTORS,
    MEASURE_MAX,
    TEXT_LIMITS,
)
from alignment_workshop.model.rules import link_key as _link_key

#: A few characters that stress text handling: right-to-left, combining, zero-width,
#: non-BMP (emoji, CJK extension), JSON's escaped characters and C0/C1 controls.
_AWKWARD = (
    "\u05e9\u05dc\u05d5\u05dd\u0645\u0631\u062d\u0628\u0627"  # Hebrew, Arabic
    "\u200f\u200e\u202e\u0301\u200b\ufeff"  # direction marks, combining, zero-width
    "\U0001f680\U00020000"  # non-BMP
    '"\\/\x00\x07\x1f\x7f\x85\u2028\u2029\t\n\r '  # escapes and controls
)

_COLORS = st.from_regex(r"#[0-9A-Fa-f]{6}", fullmatch=True)
_IDS = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}", fullmatch=True)


@functools.cache
def texts(
    max_size: int = 40, *, required: bool = False, surrogates: bool = False
) -> st.SearchStrategy[str]:
    """Unicode strings up to `max_size` characters; `required` refuses blank ones."""
    excluded = () if surrogates else ("Cs",)
    alphabet = st.one_of(
        st.characters(exclude_categories=excluded),
        st.sampled_from(_AWKWARD),
    )
    strategy = st.text(alphabet, max_size=max_size)
    if required:
        strategy = strategy.filter(lambda text: bool(text.strip()))
    return strategy


@functools.cache
def _limited(limit_key: str, *, required: bool = False) -> st.SearchStrategy[str]:
    """Text for a field: usually short, sometimes exactly at its length limit."""
    limit = TEXT_LIMITS[limit_key]
    at_limit = st.just("\u00e9" * (limit - 1) + "x")
    return st.one_of(texts(min(limit, 40), required=required), at_limit)


_dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
_coords = st.one_of(
    st.floats(-COORD_MAX, COORD_MAX, allow_nan=False, allow_infinity=False),
    st.integers(-10_000, 10_000).map(float),
    st.sampled_from([COORD_MAX, -COORD_MAX, 0.0, -0.0, 5e-324, 0.1]),
)
positions = st.one_of(st.none(), st.tuples(_coords, _coords))
_MAYBE_DATES = st.one_of(st.none(), _dates)
_PRIORITIES = st.sampled_from(Priority)
_STATUSES = st.sampled_from(Status)
_IMPACTS = st.integers(*INT_LIMITS["node.impact"])
_VOTES = st.one_of(st.integers(0, 20), st.integers(*INT_LIMITS["node.votes"]))
#: A key result's numbers: none, everyday values, and the edges of the allowed range.
_MEASURES = st.one_of(
    st.none(),
    st.integers(-1000, 1000).map(float),
    st.floats(-MEASURE_MAX, MEASURE_MAX, allow_nan=False, allow_infinity=False),
    st.sampled_from([MEASURE_MAX, -MEASURE_MAX, 0.0, -0.0, 5e-324, 0.1, 99.5]),
)


@st.composite
def periods(draw: st.DrawFn) -> Period:
    """A workshop's period: two dates in order (sometimes one day), and a label."""
    start = draw(_dates)
    end = draw(
        st.one_of(st.just(start), st.dates(min_value=start, max_value=dt.date(9999, 12, 31)))
    )
    return Period(start, end, draw(_limited("period.label")))


@st.composite
def metas(draw: st.DrawFn) -> Meta:
    """Workshop metadata with every field drawn."""
    title = draw(st.one_of(_limited("workshop.title"), st.just("T")).filter(bool))
    return Meta(
        title=title,
        date=draw(_MAYBE_DATES),
        period=draw(st.one_of(st.none(), periods())),
        facilitator=draw(_limited("workshop.facilitator")),
        participants=tuple(draw(st.lists(_limited("workshop.participant"), max_size=4))),
        notes=draw(st.one_of(texts(200), _limited("workshop.notes"))),
    )


@st.composite
def team_lists(draw: st.DrawFn, max_teams: int = 5) -> list[Team]:
    """Teams with unique ids."""
    ids = draw(st.lists(_IDS, max_size=max_teams, unique=True))
    colors = _COLORS
    return [
        Team(id=team_id, name=draw(_limited("team.name", required=True)), color=draw(colors))
        for team_id in ids
    ]


@functools.cache
def actions() -> st.SearchStrategy[Action]:
    """One action of a goal."""
    return st.builds(
        Action,
        text=_limited("action.text", required=True),
        owner=_limited("action.owner"),
        done=st.booleans(),
    )


_ACTION_LISTS = st.lists(actions(), max_size=3)


@st.composite
def nodes(draw: st.DrawFn, node_id: str, kind: NodeKind, team_ids: list[str]) -> Node:
    """A node of `kind` with every field that applies to it drawn."""
    common: dict[str, Any] = {
        "id": node_id,
        "kind": kind,
        "title": draw(_limited("node.title", required=True)),
        "description": draw(_limited("node.description")),
        "pos": draw(positions),
    }
    if kind in (NodeKind.VISION, NodeKind.VALUE):
        return Node(**common)
    team = draw(st.one_of(st.none(), st.sampled_from(team_ids))) if team_ids else None
    if kind is NodeKind.KEY_RESULT:
        return Node(
            **common,
            status=draw(_STATUSES),
            team=team,
            owner=draw(_limited("node.owner")),
            due=draw(_MAYBE_DATES),
            baseline=draw(_MEASURES),
            target=draw(_MEASURES),
            current=draw(_MEASURES),
            unit=draw(_limited("node.unit")),
        )
    common.update(
        priority=draw(_PRIORITIES),
        impact=draw(_IMPACTS),
        metric=draw(_limited("node.metric")),
        status=draw(_STATUSES),
        votes=draw(_VOTES),
        owner=draw(_limited("node.owner")),
    )
    if kind is NodeKind.OBJECTIVE:
        return Node(**common)
    others = [t for t in team_ids if t != team]
    contributors = draw(st.lists(st.sampled_from(others), unique=True)) if others else []
    return Node(
        **common,
        team=team,
        contributors=tuple(contributors[:MAX_CONTRIBUTORS]),
        why=draw(_limited("node.why")),
        due=draw(_MAYBE_DATES),
        actions=tuple(draw(_ACTION_LISTS)),
    )


_KINDS = st.sampled_from(
    [*NodeKind, NodeKind.GOAL, NodeKind.GOAL, NodeKind.OBJECTIVE, NodeKind.KEY_RESULT]
)


@st.composite
def node_lists(draw: st.DrawFn, team_ids: list[str], max_nodes: int = 30) -> list[Node]:
    """Nodes of every kind with unique ids, in a random order."""
    ids = draw(st.lists(_IDS, max_size=max_nodes, unique=True))
    kinds = _KINDS
    return [draw(nodes(node_id, draw(kinds), team_ids)) for node_id in ids]


@st.composite
def link_lists(draw: st.DrawFn, node_list: list[Node], max_links: int = 60) -> list[Link]:
    """Links of every kind between `node_list`: allowed pairs only, no self links, no
    duplicates (a conflict's reversed pair counts as the same link), and at most one
    `measures` link from each key result."""
    if len(node_list) < 2:
        return []
    index = st.integers(0, len(node_list) - 1)
    wanted = draw(st.lists(st.tuples(index, index, st.integers(0, 3)), max_size=max_links))
    ids = iter(draw(st.lists(_IDS, min_size=len(wanted), max_size=len(wanted), unique=True)))
    seen: set[tuple[str, ...]] = set()
    links: list[Link] = []
    for i, j, choice in wanted:
        link_id = next(ids)
        source = node_list[i]
        targets = [
            n for n in node_list if n is not source and allowed_link_kinds(source.kind, n.kind)
        ]
        if not targets:
            continue
        target = targets[j % len(targets)]
        kinds = allowed_link_kinds(source.kind, target.kind)
        kind = kinds[choice % len(kinds)]
        key = _link_key(kind, source.id, target.id)
        single = (kind.value, source.id) if kind is LinkKind.MEASURES else None
        if key in seen or single in seen:
            continue
        seen.add(key)
        if single is not None:
            seen.add(single)
        links.append(_link(draw, link_id, kind, source.id, target.id))
    return links


def _link(draw: st.DrawFn, link_id: str, kind: LinkKind, source: str, target: str) -> Link:
    extra: dict[str, Any] = {}
    if kind is LinkKind.CONFLICTS:
        extra = {"resolved": draw(st.booleans()), "resolution": draw(_limited("link.resolution"))}
    note = draw(_limited("link.note"))
    return Link(id=link_id, kind=kind, source=source, target=target, note=note, **extra)


@st.composite
def workshops(draw: st.DrawFn, max_nodes: int = 30, max_links: int | None = None) -> Workshop:
    """A random valid workshop of up to `max_nodes` nodes (and twice as many links)."""
    teams = draw(team_lists())
    node_list = draw(node_lists([t.id for t in teams], max_nodes))
    links = draw(link_lists(node_list, 2 * max_nodes if max_links is None else max_links))
    return Workshop.from_records(draw(metas()), teams, node_list, links)


def valid_documents(max_nodes: int = 10) -> st.SearchStrategy[dict[str, Any]]:
    """The JSON object of a valid .alignment file, as `json.loads` gives it."""
    from alignment_workshop.fileio import dumps

    return workshops(max_nodes=max_nodes).map(lambda w: json.loads(dumps(w)))
