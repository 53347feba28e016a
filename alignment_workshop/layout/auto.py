"""The layout entry point: `auto_layout(workshop, only=None)`."""

from __future__ import annotations

from collections.abc import Mapping

from alignment_workshop.model import Workshop

from .chips import stack_chips
from .geometry import card_size
from .layering import Layering, layer
from .ordering import order_rows
from .placement import Grid, place_rows, place_values
from .tidy import Positions, place_new


def _value_order(layering: Layering, positions: Mapping[str, tuple[float, float]]) -> list[str]:
    """Values sorted by the mean height of the cards that uphold them (file order on ties)."""

    def key(value_id: str) -> float:
        ys = [positions[s][1] for s in layering.upholders.get(value_id, ()) if s in positions]
        return sum(ys) / len(ys) if ys else float("inf")

    return sorted(layering.values, key=key)


def _full_layout(workshop: Workshop, layering: Layering) -> Positions:
    grid = Grid.best(layering)
    rows = order_rows(layering, grid)
    positions, bottom = place_rows(rows, layering, grid)
    positions = stack_chips(positions, layering)
    if layering.values:
        right = max(
            (x + card_size(layering.kinds[i])[0] / 2 for i, (x, _) in positions.items()),
            default=0.0,
        )
        positions.update(place_values(_value_order(layering, positions), right, bottom))
    return {node_id: (round(x, 1), round(y, 1)) for node_id, (x, y) in positions.items()}


def auto_layout(workshop: Workshop, only: set[str] | None = None) -> dict[str, tuple[float, float]]:
    """Card centres for the nodes of `workshop`, layered from the vision down.

    Without `only`, every node gets a position (a whole new layout). With `only`, just
    those nodes are placed, in open space beside the ones already placed, which keep
    their positions; nodes of `only` that are not in the workshop are ignored.
    The result is deterministic: the same workshop always gives the same positions.
    """
    layering = layer(workshop)
    full = _full_layout(workshop, layering)
    if only is None:
        return full
    new = [node.id for node in workshop.iter_nodes() if node.id in only]
    return place_new(workshop, new, full, layering)
