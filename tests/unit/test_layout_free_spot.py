"""`free_spot`: where a card added by hand goes, near the middle of the view, covering none."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from alignment_workshop.layout import COLUMN_PITCH, ROW_PITCH, card_rect, card_size, free_spot
from alignment_workshop.model import Meta, Node, NodeKind, Workshop
from tests.conftest import examples
from tests.support.strategies import workshops

G, VIS = NodeKind.GOAL, NodeKind.VISION
NEAR = (100.0, -50.0)


def placed(*cards: tuple[NodeKind, tuple[float, float] | None]) -> Workshop:
    nodes = [Node(f"n{i}", kind, f"Card {i}", pos=pos) for i, (kind, pos) in enumerate(cards)]
    return Workshop.from_records(Meta(), [], nodes, [])


def covers_a_card(workshop: Workshop, kind: NodeKind, pos: tuple[float, float]) -> bool:
    rect = card_rect(kind, pos)
    return any(rect.intersects(card_rect(n.kind, n.pos)) for n in workshop.iter_nodes() if n.pos)


def test_an_empty_map_takes_the_card_where_asked() -> None:
    assert free_spot(placed(), G, NEAR) == NEAR


def test_unplaced_cards_take_no_room() -> None:
    assert free_spot(placed((G, None), (VIS, None)), G, NEAR) == NEAR


def test_a_taken_spot_moves_the_card_one_row_down_first() -> None:
    workshop = placed((G, NEAR))
    assert free_spot(workshop, G, NEAR) == (NEAR[0], NEAR[1] + ROW_PITCH)


def test_the_nearest_free_cell_wins_and_lower_before_higher() -> None:
    x, y = NEAR
    below, above = (x, y + ROW_PITCH), (x, y - ROW_PITCH)
    beside = {(x - COLUMN_PITCH, y), (x + COLUMN_PITCH, y)}
    workshop = placed((G, NEAR), (G, below))
    assert free_spot(workshop, G, NEAR) in beside  # a side, not a diagonal or farther
    workshop = placed((G, NEAR), (G, below), *[(G, cell) for cell in beside])
    assert free_spot(workshop, G, NEAR) == above
    workshop = placed((G, NEAR), (G, below), (G, above), *[(G, cell) for cell in beside])
    assert free_spot(workshop, G, NEAR)[1] == y + ROW_PITCH  # a lower diagonal first


def test_each_card_keeps_its_own_size() -> None:
    workshop = placed((VIS, NEAR))  # a vision is larger than the goal grid cell
    spot = free_spot(workshop, G, NEAR)
    assert spot != NEAR and not covers_a_card(workshop, G, spot)


def test_a_full_neighbourhood_falls_back_to_one_card_off() -> None:
    cells = [
        (NEAR[0] + dx * COLUMN_PITCH, NEAR[1] + dy * ROW_PITCH)
        for dx in range(-11, 12)
        for dy in range(-11, 12)
    ]
    workshop = placed(*[(G, cell) for cell in cells])
    width, height = card_size(G)
    assert free_spot(workshop, G, NEAR) == (NEAR[0] + width, NEAR[1] + height)


@settings(max_examples=examples(ci=200, dev=30))
@given(
    workshops(max_nodes=30),
    st.sampled_from(list(NodeKind)),
    st.tuples(st.floats(-2000, 2000), st.floats(-2000, 2000)),
)
def test_the_spot_never_covers_a_placed_card(
    workshop: Workshop, kind: NodeKind, near: tuple[float, float]
) -> None:
    spot = free_spot(workshop, kind, near)
    assert not covers_a_card(workshop, kind, spot)
