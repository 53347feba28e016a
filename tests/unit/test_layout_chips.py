"""Key results as chips: stacked under the card they measure, by auto-layout, Tidy and by hand."""

from __future__ import annotations

import itertools

from alignment_workshop.layout import (
    CHIP_GAP,
    CHIP_PITCH,
    ROW_PITCH,
    auto_layout,
    card_rect,
    card_size,
    chip_center,
    chip_spot,
)
from alignment_workshop.layout.layering import layer
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Status, Team, Workshop

VIS, OBJ, G, KR = NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT


def build(nodes: list[Node], links: list[tuple[str, str, str]], teams=()) -> Workshop:
    records = [Link(f"l{i}", LinkKind(kind), s, t) for i, (kind, s, t) in enumerate(links)]
    return Workshop.from_records(Meta(), list(teams), nodes, records)


def overlaps(workshop: Workshop, positions: dict[str, tuple[float, float]]) -> list:
    rects = [(i, card_rect(workshop.node(i).kind, p)) for i, p in positions.items()]
    return [(a, b) for (a, ra), (b, rb) in itertools.combinations(rects, 2) if ra.intersects(rb)]


def okr_map() -> Workshop:
    """Two objectives with key results, a goal with its own, and a goal moving a KR."""
    teams = [Team("t1", "Product"), Team("t2", "Sales")]
    nodes = [
        Node("v", VIS, "Vision"),
        Node("o1", OBJ, "Retention"),
        Node("k1", KR, "Logo churn", baseline=9, target=5),
        Node("o2", OBJ, "Growth"),
        Node("k2", KR, "NRR"),
        Node("k3", KR, "Expansion", status=Status.DROPPED),
        Node("k4", KR, "Gross churn"),
        Node("g1", G, "Onboarding", team="t1"),
        Node("k5", KR, "Activation", team="t1"),
        Node("g2", G, "Playbooks", team="t2"),
        Node("k6", KR, "Loose key result"),
    ]
    links = [
        ("supports", "o1", "v"),
        ("supports", "o2", "v"),
        ("measures", "k1", "o1"),
        ("measures", "k3", "o2"),
        ("measures", "k2", "o2"),
        ("measures", "k4", "o2"),
        ("supports", "g1", "o1"),
        ("measures", "k5", "g1"),
        ("supports", "g2", "k5"),
    ]
    return build(nodes, links, teams)


def test_key_results_stack_under_the_card_they_measure_in_file_order_dropped_last() -> None:
    workshop = okr_map()
    pos = auto_layout(workshop)
    for chip, card, index in [("k1", "o1", 0), ("k2", "o2", 0), ("k4", "o2", 1), ("k3", "o2", 2)]:
        assert pos[chip] == chip_center(workshop.node(card).kind, pos[card], index)
    assert pos["k5"] == chip_center(G, pos["g1"], 0)
    assert overlaps(workshop, pos) == []


def test_a_chip_hangs_just_below_its_card() -> None:
    workshop = okr_map()
    pos = auto_layout(workshop)
    card, chip = card_rect(OBJ, pos["o1"]), card_rect(KR, pos["k1"])
    assert chip.top - card.bottom == CHIP_GAP
    assert chip.left == card.left and chip.width == card.width
    assert card_size(KR)[1] < card_size(OBJ)[1]  # a chip, not a card


def test_rows_make_room_for_the_tallest_stack() -> None:
    workshop = okr_map()
    pos = auto_layout(workshop)
    lowest_chip = card_rect(KR, pos["k3"]).bottom  # the third chip of o2
    assert card_rect(G, pos["g1"]).top > lowest_chip


def test_a_goal_that_moves_another_goals_key_result_sits_below_that_goal() -> None:
    pos = auto_layout(okr_map())
    assert pos["g2"][1] > pos["g1"][1]


def test_a_key_result_that_measures_nothing_takes_a_place_in_the_goal_rows() -> None:
    workshop = okr_map()
    layering = layer(workshop)
    rows = [node for row in layering.rows for group in row for node in group]
    assert "k6" in rows and not {"k1", "k2", "k3", "k4", "k5"} & set(rows)
    assert layering.chips == {"o1": ["k1"], "o2": ["k2", "k4", "k3"], "g1": ["k5"]}
    assert layering.targets["g2"] == ["g1"]  # k5 stands for its card g1
    assert "o1" not in layering.sources.get("k1", []) and "k1" not in layering.targets


def test_tidy_puts_a_new_key_result_into_its_cards_stack() -> None:
    workshop = okr_map()
    for node_id, pos in auto_layout(workshop).items():
        if node_id != "k4":
            workshop.move_node(node_id, pos)
    workshop.move_node("k4", None)
    placed = auto_layout(workshop, only={"k4"})
    o2 = workshop.node("o2").pos
    assert placed["k4"] == chip_center(OBJ, o2, 1)  # its old slot, between k2 and k3
    everything = {n.id: n.pos for n in workshop.iter_nodes() if n.pos is not None}
    assert overlaps(workshop, {**everything, **placed}) == []


def test_chip_spot_takes_the_first_free_slot_and_skips_other_cards() -> None:
    workshop = build(
        [
            Node("o", OBJ, "Objective", pos=(0.0, 0.0)),
            Node("k", KR, "First", pos=chip_center(OBJ, (0.0, 0.0), 0)),
            Node("g", G, "In the way", pos=(10.0, chip_center(OBJ, (0.0, 0.0), 1)[1])),
        ],
        [("measures", "k", "o")],
    )
    spot = chip_spot(workshop, "o")
    assert spot is not None and spot[0] == 0.0
    assert not card_rect(KR, spot).intersects(card_rect(G, workshop.node("g").pos))
    assert spot[1] - chip_center(OBJ, (0.0, 0.0), 0)[1] >= 2 * CHIP_PITCH
    also = chip_spot(workshop, "o", also_taken=[spot])
    assert also is not None and also[1] > spot[1]


def test_chip_spot_needs_a_placed_card() -> None:
    workshop = build([Node("o", OBJ, "Objective")], [])
    assert chip_spot(workshop, "o") is None


def test_the_first_chip_fits_between_two_rows_laid_out_before_it_existed() -> None:
    """A key result added by hand under an objective does not cover the goal a row below."""
    workshop = build(
        [Node("o", OBJ, "O", pos=(0.0, 0.0)), Node("g", G, "G", pos=(0.0, ROW_PITCH))], []
    )
    assert chip_spot(workshop, "o") == chip_center(OBJ, (0.0, 0.0), 0)
