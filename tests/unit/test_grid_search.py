"""The search (`layout.grid_search`): when cards placed by hand close every gap the walk
tries, the router still finds an orthogonal route round them, with the fewest bends, and
gives up (drawing the link straight) rather than search a window crowded with cards."""

from __future__ import annotations

import itertools

from alignment_workshop.layout import CARD_WIDTH, Rect, card_rect
from alignment_workshop.layout.grid_search import MAX_SEARCH_CARDS, SEARCH_MARGIN
from alignment_workshop.layout.quality import card_hits
from alignment_workshop.layout.routing import LinkEnds, Router
from alignment_workshop.model import LinkKind, NodeKind

LINK = LinkEnds("l", LinkKind.SUPPORTS, "source", "target")


def walled_in() -> dict[str, Rect]:
    """A target straight above its source, and between them a wall of cards side by side
    with no gap for the walk to climb through, wider than the first search window."""
    rects = {
        "source": card_rect(NodeKind.GOAL, (0.0, 800.0)),
        "target": card_rect(NodeKind.GOAL, (0.0, 0.0)),
    }
    for i in range(-3, 4):
        rects[f"wall {i}"] = card_rect(NodeKind.GOAL, (i * CARD_WIDTH, 400.0))
    return rects


def test_a_walled_in_link_is_routed_round_the_end_of_the_wall() -> None:
    rects = walled_in()
    route = Router(rects).route(LINK)
    assert card_hits({"l": route}, {"l": ("source", "target")}, rects) == []
    assert all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(route))
    assert route[0][1] < rects["source"].top and route[-1][1] > rects["target"].bottom
    walls = [rect for key, rect in rects.items() if key.startswith("wall")]
    left, right = min(r.left for r in walls), max(r.right for r in walls)
    assert left < rects["source"].left - SEARCH_MARGIN  # past the first window: it widens
    assert any(x < left or x > right for x, _ in route)  # round an end of the wall
    # The fewest bends: up, along to the end of the wall, up past it, back, up.
    assert len(route) == 6


def test_a_search_among_too_many_cards_gives_up_and_draws_the_link_straight() -> None:
    rects = walled_in()
    for i in range(MAX_SEARCH_CARDS):  # a heap of cards dropped on one spot beside the wall
        rects[f"heap {i}"] = card_rect(NodeKind.VALUE, (-300.0, 600.0))
    route = Router(rects).route(LINK)
    middle = rects["source"].left + rects["source"].width / 2
    assert len(route) == 2 and route[0][0] == route[1][0] == middle
