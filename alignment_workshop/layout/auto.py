"""The layout entry point: `auto_layout(workshop, only=None)`."""

from __future__ import annotations

from alignment_workshop.model import Workshop

from .chips import stack_chips
from .layering import Layering, layer
from .ordering import order_rows
from .placement import Grid, place_rows
from .tidy import Positions, place_new


def _full_layout(layering: Layering) -> Positions:
    grid = Grid.best(layering)
    rows = order_rows(layering, grid)
    positions, _ = place_rows(rows, layering, grid)
    positions = stack_chips(positions, layering)
    return {node_id: (round(x, 1), round(y, 1)) for node_id, (x, y) in positions.items()}


def auto_layout(workshop: Workshop, only: set[str] | None = None) -> dict[str, tuple[float, float]]:
    """Card centres for the nodes of `workshop`, layered from the vision down.

    Without `only`, every node gets a position (a whole new layout). With `only`, just
    those nodes are placed, in open space beside the ones already placed, which keep
    their positions; nodes of `only` that are not in the workshop are ignored.
    The result is deterministic: the same workshop always gives the same positions.
    """
    layering = layer(workshop)
    full = _full_layout(layering)
    if only is None:
        return full
    new = [node.id for node in workshop.iter_nodes() if node.id in only]
    return place_new(workshop, new, full, layering)
