"""Auto-layout: layers, team bands, values at the side, no overlaps, determinism, `only`."""

from __future__ import annotations

import itertools

from hypothesis import given, settings

from alignment_workshop.layout import auto_layout, card_rect
from alignment_workshop.layout.layering import layer
from alignment_workshop.layout.ordering import crossings, order_rows
from alignment_workshop.layout.placement import (
    Grid,
)
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Status, Team, Workshop
from tests.conftest import examples
from tests.support.generate import generate_workshop
from tests.support.strategies import workshops

VIS, OBJ, G, VAL = NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.VALUE


def build(nodes: list[Node], links: list[tuple[str, str, str]], teams=()) -> Workshop:
    records = [Link(f"l{i}", LinkKind(kind), s, t) for i, (kind, s, t) in enumerate(links)]
    return Workshop.from_records(Meta(), list(teams), nodes, records)


def overlaps(workshop: Workshop, positions: dict[str, tuple[float, float]]) -> list:
    rects = [(i, card_rect(workshop.node(i).kind, p)) for i, p in positions.items()]
    return [(a, b) for (a, ra), (b, rb) in itertools.combinations(rects, 2) if ra.intersects(rb)]


def small_map() -> Workshop:
    teams = [Team("t2", "Sales"), Team("t1", "Product")]
    nodes = [
        Node("g1", G, "Goal one", team="t1"),
        Node("v", VIS, "Vision"),
        Node("o1", OBJ, "Objective one"),
        Node("o2", OBJ, "Objective two"),
        Node("g2", G, "Goal two", team="t2"),
        Node("g3", G, "Goal three"),
        Node("g4", G, "Goal four", team="t1"),
        Node("val", VAL, "Honesty"),
    ]
    links = [
        ("supports", "o1", "v"),
        ("supports", "o2", "o1"),
        ("supports", "g1", "o2"),
        ("supports", "g2", "o1"),
        ("supports", "g3", "o1"),
        ("supports", "g4", "g1"),
        ("upholds", "g2", "val"),
    ]
    return build(nodes, links, teams)


def test_vision_above_objectives_above_goals_and_deeper_chains_lower() -> None:
    pos = auto_layout(small_map())
    assert pos["v"][1] < pos["o1"][1] < pos["o2"][1]
    assert pos["o2"][1] < min(pos[g][1] for g in ("g1", "g2", "g3"))
    assert pos["g4"][1] > pos["g1"][1]  # a goal that supports a goal sits below it


def test_team_bands_follow_the_files_team_order_with_teamless_goals_last() -> None:
    workshop = small_map()
    pos = auto_layout(workshop)
    product = (pos["g1"][0], pos["g4"][0])
    assert pos["g2"][0] < min(product) and max(product) < pos["g3"][0]
    swapped = Workshop.from_records(
        workshop.meta, workshop.teams[::-1], workshop.nodes, workshop.links
    )
    pos = auto_layout(swapped)
    assert max(pos["g1"][0], pos["g4"][0]) < pos["g2"][0] < pos["g3"][0]


def test_values_stand_beside_the_vision_on_the_side_of_what_upholds_them() -> None:
    workshop = small_map()
    pos = auto_layout(workshop)
    value, vision = card_rect(VAL, pos["val"]), card_rect(VIS, pos["v"])
    assert value.bottom == vision.bottom  # one row, on one baseline
    assert (pos["val"][0] - pos["v"][0]) * (pos["g2"][0] - pos["v"][0]) > 0


def test_every_node_is_placed_once_without_overlaps_on_a_generated_map() -> None:
    workshop = generate_workshop(nodes=400, seed=5)
    pos = auto_layout(workshop)
    assert set(pos) == {node.id for node in workshop.iter_nodes()}
    assert overlaps(workshop, pos) == []


@settings(max_examples=examples(ci=300, dev=40))
@given(workshops(max_nodes=30))
def test_no_two_cards_overlap_and_the_result_is_deterministic(workshop: Workshop) -> None:
    pos = auto_layout(workshop)
    assert set(pos) == {node.id for node in workshop.iter_nodes()}
    assert overlaps(workshop, pos) == []
    assert auto_layout(workshop.copy()) == pos


def test_supports_cycles_are_laid_out() -> None:
    nodes = [Node("v", VIS, "V"), Node("a", OBJ, "A"), Node("b", OBJ, "B"), Node("c", OBJ, "C")]
    links = [("supports", "a", "b"), ("supports", "b", "c"), ("supports", "c", "a")]
    workshop = build(nodes, links)
    pos = auto_layout(workshop)
    assert len(pos) == 4 and overlaps(workshop, pos) == []


def test_dropped_goals_go_to_the_end_of_their_band() -> None:
    nodes = [
        Node("v", VIS, "V"),
        Node("d", G, "Dropped", status=Status.DROPPED),
        Node("a", G, "A"),
        Node("b", G, "B"),
    ]
    pos = auto_layout(build(nodes, [("supports", "a", "v"), ("supports", "b", "v")]))
    assert pos["d"][0] > max(pos["a"][0], pos["b"][0])
    assert pos["d"][1] == pos["a"][1]


def crossed_map() -> Workshop:
    """Three objectives, and goals listed so that file order crosses every link."""
    nodes = [Node("v", VIS, "V")]
    nodes += [Node(f"o{i}", OBJ, f"O{i}") for i in range(3)]
    nodes += [Node(f"g{i}", G, f"G{i}") for i in range(3)]
    links = [("supports", f"o{i}", "v") for i in range(3)]
    links += [("supports", f"g{i}", f"o{2 - i}") for i in range(3)]
    return build(nodes, links)


def brute_crossings(workshop: Workshop, pos: dict[str, tuple[float, float]]) -> int:
    """Pairs of supports links, between the same two heights, whose ends swap order."""
    segments = [
        (pos[link.target], pos[link.source])
        for link in workshop.iter_links()
        if link.kind is LinkKind.SUPPORTS
    ]
    count = 0
    for (a_top, a_bottom), (b_top, b_bottom) in itertools.combinations(segments, 2):
        same_rows = a_top[1] == b_top[1] and a_bottom[1] == b_bottom[1]
        if same_rows and (a_top[0] - b_top[0]) * (a_bottom[0] - b_bottom[0]) < 0:
            count += 1
    return count


def test_barycentre_ordering_removes_the_crossings_of_the_input_order() -> None:
    workshop = crossed_map()
    layering = layer(workshop)
    grid = Grid.best(layering)
    assert crossings(layering.rows, layering, grid) > 0
    assert crossings(order_rows(layering, grid), layering, grid) == 0
    assert brute_crossings(workshop, auto_layout(workshop)) == 0


def test_ordering_never_adds_crossings_on_a_generated_map() -> None:
    layering = layer(generate_workshop(nodes=300, seed=11))
    grid = Grid.best(layering)
    before = crossings(layering.rows, layering, grid)
    assert crossings(order_rows(layering, grid), layering, grid) < before


def test_only_places_the_given_nodes_and_leaves_the_rest_alone() -> None:
    workshop = small_map()
    for node_id, xy in auto_layout(workshop).items():
        workshop.move_node(node_id, xy)
    workshop.move_node("g3", None)
    workshop.add_node(Node("new", G, "New goal", team="t1"))
    workshop.add_link(Link("ln", LinkKind.SUPPORTS, "new", "o1"))
    pos = auto_layout(workshop, only={"new", "g3"})
    assert set(pos) == {"new", "g3"}
    everything = {n.id: n.pos for n in workshop.iter_nodes() if n.pos is not None} | pos
    assert overlaps(workshop, everything) == []
    assert pos["new"][1] > workshop.node("o1").pos[1]  # below the objective it supports


def test_only_on_an_unplaced_workshop_uses_the_full_layout() -> None:
    workshop = small_map()
    assert auto_layout(workshop, only={"v", "o1"}) == {
        k: v for k, v in auto_layout(workshop).items() if k in {"v", "o1"}
    }


def test_an_empty_workshop_has_an_empty_layout() -> None:
    assert auto_layout(Workshop()) == {}
    assert auto_layout(Workshop(), only={"x"}) == {}
