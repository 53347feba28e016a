"""The acceptance of the map's drawing: after auto-layout, no link runs through a card it
does not join, and links cross no more often than in an established layered layout.

The reference is igraph's Sugiyama layout, drawn as layered layouts are: each link
straight through its bend points. The test extras install igraph, so the comparison
always runs: a missing igraph fails the test rather than skipping it. Both drawings are measured by
`layout.quality` on the generated benchmark workshops and on the bundled example.
"""

from __future__ import annotations

import itertools
import random

import igraph
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_workshop import paths
from alignment_workshop.fileio import load
from alignment_workshop.layout import (
    CHIP_PITCH,
    COLUMN_PITCH,
    ROW_PITCH,
    auto_layout,
    card_rect,
    chip_center,
)
from alignment_workshop.layout.quality import card_hits, crossings, joined_cards, segments_cross
from alignment_workshop.layout.routing import LinkEnds, Router, route_links, route_workshop
from alignment_workshop.layout.stacks import Stacks
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Workshop
from tests.conftest import examples
from tests.support.generate import generate_workshop
from tests.support.strategies import workshops

#: The generated workshops of the acceptance test: sizes small enough to count quickly.
SIZES = (100, 200, 500)


def drawn(workshop: Workshop) -> tuple[dict, dict, dict]:
    """Our drawing of `workshop` after auto-layout: routes, link ends and card rectangles."""
    positions = auto_layout(workshop)
    rects = {n.id: card_rect(n.kind, positions[n.id]) for n in workshop.iter_nodes()}
    ends = {link.id: (link.source, link.target) for link in workshop.iter_links()}
    return route_workshop(workshop, positions), ends, rects


def workshops_under_test() -> list[Workshop]:
    return [load(paths.example_workshop())] + [generate_workshop(n, seed=7) for n in SIZES]


def sugiyama_crossings(workshop: Workshop) -> int:
    """Crossings of igraph's Sugiyama layout of `workshop`, links straight through bends."""
    ids = [node.id for node in workshop.iter_nodes()]
    index = {node_id: i for i, node_id in enumerate(ids)}
    links = list(workshop.iter_links())
    edges = [(index[link.target], index[link.source]) for link in links]  # why on top
    graph = igraph.Graph(n=len(ids), edges=edges, directed=True)
    layout = graph.layout_sugiyama(hgap=252, vgap=174)
    at = {node_id: tuple(layout.coords[index[node_id]]) for node_id in ids}
    drawing = {
        link.id: [at[link.target], *map(tuple, layout.edge_routing[i]), at[link.source]]
        for i, link in enumerate(links)
    }
    return crossings(drawing, {link.id: (link.source, link.target) for link in links})


@pytest.mark.parametrize("workshop", workshops_under_test(), ids=["example", *map(str, SIZES)])
def test_after_auto_layout_no_link_runs_through_a_card_it_does_not_join(workshop) -> None:
    routes, ends, rects = drawn(workshop)
    assert set(routes) == set(ends)
    assert card_hits(routes, joined_cards(workshop.iter_links()), rects) == []


#: Ours has 0.29 (example) to 0.89 (100 cards) of the reference's crossings; asking for 5 %
#: fewer than the reference, not just as many, catches a regression long before it is one.
MARGIN = 0.95


@pytest.mark.parametrize("workshop", workshops_under_test(), ids=["example", *map(str, SIZES)])
def test_links_cross_no_more_often_than_in_the_reference_layered_layout(workshop) -> None:
    reference = sugiyama_crossings(workshop)
    routes, ends, _ = drawn(workshop)
    assert crossings(routes, ends) <= reference * MARGIN


@settings(max_examples=examples(ci=200, dev=30))
@given(workshops(max_nodes=30))
def test_any_workshop_laid_out_automatically_is_routed_around_its_cards(workshop) -> None:
    routes, _ends, rects = drawn(workshop)
    assert card_hits(routes, joined_cards(workshop.iter_links()), rects) == []


def scattered(seed: int, count: int) -> tuple[dict, list[LinkEnds]]:
    """Cards placed by hand, far enough apart not to overlap, and random links."""
    rng = random.Random(seed)
    rects: dict = {}
    while len(rects) < count:
        kind = rng.choice([NodeKind.GOAL, NodeKind.VALUE, NodeKind.VISION])
        rect = card_rect(kind, (rng.uniform(-3000, 3000), rng.uniform(-2000, 2000)))
        if not any(_near(rect, other) for other in rects.values()):
            rects[f"n{len(rects)}"] = rect
    names = sorted(rects)
    kinds = list(LinkKind)
    links = [
        LinkEnds(f"l{i}", kinds[i % len(kinds)], a, b)
        for i, (a, b) in enumerate(rng.sample(list(itertools.permutations(names, 2)), count))
    ]
    return rects, links


def _near(a, b, gap: float = 30.0) -> bool:
    return (
        a.left - gap < b.right
        and b.left - gap < a.right
        and a.top - gap < b.bottom
        and b.top - gap < a.bottom
    )


@pytest.mark.parametrize("seed", range(6))
def test_cards_placed_by_hand_are_routed_around_too(seed: int) -> None:
    rects, links = scattered(seed, 40)
    routes = route_links(rects, links)
    ends = {link.id: (link.source, link.target) for link in links}
    assert card_hits(routes, ends, rects) == []
    for route in routes.values():  # the router draws straight runs only, end to end
        assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(route))


def test_a_card_moved_onto_a_route_is_avoided_once_routed_again() -> None:
    low, high = (card_rect(NodeKind.GOAL, (0.0, 600.0)), card_rect(NodeKind.GOAL, (0.0, 0.0)))
    router = Router({"low": low, "high": high})
    link = LinkEnds("l", LinkKind.SUPPORTS, "low", "high")
    assert len(router.route(link)) == 2  # straight up, nothing in the way
    router.place("between", card_rect(NodeKind.GOAL, (0.0, 300.0)))
    route = router.route(link)
    ends = {"l": ("low", "high")}
    assert card_hits({"l": route}, ends, router.rects) == []
    assert len(route) > 2


def test_links_of_one_card_into_one_target_share_their_last_run() -> None:
    nodes = [Node("v", NodeKind.VISION, "V")]
    nodes += [Node(f"o{i}", NodeKind.OBJECTIVE, f"O{i}") for i in range(4)]
    links = [Link(f"l{i}", LinkKind.SUPPORTS, f"o{i}", "v") for i in range(4)]
    workshop = Workshop.from_records(Meta(), [], nodes, links)
    routes, _, _ = drawn(workshop)
    tips = {route[-1] for route in routes.values()}
    assert len(tips) == 1  # one bundle, one arrow into the vision


def test_links_into_one_row_run_along_one_channel_whether_a_card_stands_below_or_not() -> None:
    """Were the channel lower under the card with nothing below it, every link climbing
    to the other card's channel would cross the runs along it."""
    rects = {
        "left": card_rect(NodeKind.GOAL, (0.0, 0.0)),
        "right": card_rect(NodeKind.GOAL, (2 * COLUMN_PITCH, 0.0)),
        "under left": card_rect(NodeKind.GOAL, (0.0, ROW_PITCH)),
        "far left": card_rect(NodeKind.GOAL, (-COLUMN_PITCH, 3 * ROW_PITCH)),
        "far right": card_rect(NodeKind.GOAL, (3 * COLUMN_PITCH, 3 * ROW_PITCH)),
    }
    links = [
        LinkEnds("into left", LinkKind.SUPPORTS, "far left", "left"),
        LinkEnds("into right", LinkKind.SUPPORTS, "far right", "right"),
    ]
    routes = route_links(rects, links)
    ends = {link.id: (link.source, link.target) for link in links}
    assert card_hits(routes, ends, rects) == []
    channels = {route[-2][1] for route in routes.values()}  # the run along the channel
    assert len(channels) == 1
    assert rects["left"].bottom < channels.pop() < rects["under left"].top


def test_links_into_a_row_of_stacks_run_below_the_deepest_stack() -> None:
    """A card with no key results next to one with a chip: both channels lie below the chip,
    on one line, so the runs into the two stacks merge rather than cross."""
    deep = (COLUMN_PITCH, 0.0)
    rects = {
        "shallow": card_rect(NodeKind.GOAL, (0.0, 0.0)),
        "deep": card_rect(NodeKind.GOAL, deep),
        "chip": card_rect(NodeKind.KEY_RESULT, chip_center(NodeKind.GOAL, deep, 0)),
        "under": card_rect(NodeKind.GOAL, (0.0, ROW_PITCH + CHIP_PITCH)),
        "far left": card_rect(NodeKind.GOAL, (-COLUMN_PITCH, 3 * ROW_PITCH)),
        "far right": card_rect(NodeKind.GOAL, (3 * COLUMN_PITCH, 3 * ROW_PITCH)),
    }
    stacks = Stacks([("chip", "deep")])
    links = [
        LinkEnds("into shallow", LinkKind.SUPPORTS, "far left", "shallow"),
        LinkEnds("into chip", LinkKind.SUPPORTS, "far right", "chip").with_stacks(stacks),
    ]
    routes = route_links(rects, links)
    joined = {link.id: (*link.source_keys, *link.target_keys) for link in links}
    assert card_hits(routes, joined, rects) == []
    channels = {route[-2][1] for route in routes.values()}
    assert len(channels) == 1
    assert rects["chip"].bottom < channels.pop() < rects["under"].top
    assert routes["into shallow"][-1][1] > rects["shallow"].bottom  # in from below


@given(
    st.tuples(*[st.floats(-50, 50) for _ in range(8)]),
)
def test_segments_that_only_touch_do_not_cross(coordinates) -> None:
    ax, ay, bx, by, cx, cy, dx, dy = coordinates
    a, b, c, d = (ax, ay), (bx, by), (cx, cy), (dx, dy)
    assert segments_cross(a, b, c, d) == segments_cross(c, d, a, b)
    assert not segments_cross(a, b, a, d)  # sharing an end is touching
    assert not segments_cross(a, b, b, d)


def test_crossings_count_each_meeting_point_once_and_skip_links_sharing_a_card() -> None:
    paths_ = {
        "h": [(0.0, 0.0), (1000.0, 0.0)],
        "v": [(500.0, -500.0), (500.0, 500.0)],
        "long": [(-2000.0, 10.0), (3000.0, 10.0)],  # crosses v in another bucket's reach
        "shares": [(500.0, -600.0), (500.0, 600.0)],
    }
    ends = {"h": ("a", "b"), "v": ("c", "d"), "long": ("e", "f"), "shares": ("a", "g")}
    # h×v, long×v, long×shares; h and shares share card "a"; v and shares overlap
    assert crossings(paths_, ends) == 3


def test_cards_scattered_millions_of_units_apart_are_routed_at_once() -> None:
    """A search window over a huge empty area neither walks its buckets nor hangs."""
    import time

    rng = random.Random(3)
    rects = {
        f"c{i}": card_rect(NodeKind.GOAL, (rng.uniform(-3e6, 3e6), rng.uniform(-3e6, 3e6)))
        for i in range(40)
    }
    rects["wall"] = card_rect(NodeKind.VISION, (0.0, 0.0))
    links = [LinkEnds(f"l{i}", LinkKind.SUPPORTS, f"c{i}", f"c{(i + 7) % 40}") for i in range(40)]
    began = time.perf_counter()
    routes = route_links(rects, links)
    assert time.perf_counter() - began < 5.0
    assert set(routes) == {link.id for link in links}


def test_a_huge_search_window_is_answered_from_the_cards_not_its_buckets() -> None:
    """Positions may reach ±1e7: a window that wide holds 1.5e9 buckets but few cards."""
    import time

    from alignment_workshop.layout.obstacles import Obstacles

    rects = {
        "far": card_rect(NodeKind.GOAL, (9.9e6, -9.9e6)),
        "near": card_rect(NodeKind.GOAL, (0.0, 0.0)),
        "out": card_rect(NodeKind.GOAL, (9.9e6, 9.9e6)),
    }
    obstacles = Obstacles(rects)
    began = time.perf_counter()
    found = obstacles.touching((-1e7, -1e7, 1e7, 0.0))
    assert time.perf_counter() - began < 1.0
    assert set(found) == {"far", "near"}
