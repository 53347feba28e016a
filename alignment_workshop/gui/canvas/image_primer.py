"""A small map with every kind of card, link and badge, drawn once before any worker draws.

PySide creates many of its Python types and enums on first use, and that creation is
not safe against another thread using the same type at the same moment: with the map
painting on the GUI thread and an export drawing on a worker, a first use in each
crashed about one process in four in a stress test (none in 20 runs once primed).
`image_export.prime()` therefore draws this map on the GUI thread, near and far, as a
PNG and an SVG, so every type the drawing needs exists before a worker starts.
"""

from __future__ import annotations

from alignment_workshop.i18n import _
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Status, Team, Workshop


def primer_workshop() -> Workshop:
    """Every kind of card, a dropped goal, a goal with no team, every kind of link, a
    resolved and an unresolved conflict, and so findings of every severity."""
    goal = NodeKind.GOAL
    nodes = [
        Node("v", NodeKind.VISION, "Vision", pos=(0.0, 0.0)),
        Node("val", NodeKind.VALUE, "Value", pos=(400.0, 0.0)),
        Node("o", NodeKind.OBJECTIVE, "Objective", pos=(0.0, 200.0)),
        Node("o2", NodeKind.OBJECTIVE, "Objective nothing serves", pos=(400.0, 200.0)),
        Node("g1", goal, "Goal", pos=(-200.0, 400.0), team="t", votes=2),
        Node("g2", goal, "Goal in conflict", pos=(0.0, 400.0), team="t"),
        Node("g3", goal, "Goal with no team", pos=(200.0, 400.0)),
        Node("g4", goal, "Dropped goal", pos=(400.0, 400.0), status=Status.DROPPED),
    ]
    links = [
        Link("l1", LinkKind.SUPPORTS, "o", "v"),
        Link("l2", LinkKind.SUPPORTS, "g1", "o"),
        Link("l3", LinkKind.UPHOLDS, "g1", "val"),
        Link("l4", LinkKind.CONFLICTS, "g2", "g3"),
        Link("l5", LinkKind.CONFLICTS, "g1", "g2", resolved=True, resolution="Both"),
        Link("l6", LinkKind.DEPENDS, "g3", "g4"),
        Link("l7", LinkKind.SUPPORTS, "g2", "o"),
        Link("l8", LinkKind.DEPENDS, "g2", "g3"),  # two links between one pair
    ]
    return Workshop.from_records(Meta(title=_("Primer")), [Team("t", "Team")], nodes, links)
