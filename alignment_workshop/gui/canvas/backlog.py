"""The links of an open map that still wait for their route or their near drawing.

Opening a big map, the scene routes and draws near by, before the first frame, only the
links that may show in it; the others wait here, with no route and nothing to draw, and
the scene works through them a batch at a time while the window is idle. Each paint
first takes from here whatever may show in the area it paints (`take_in`), so no frame
misses a link or shows one drawn from far away.

A link waits for its route with `reach`, the box its route will run in (see
`Router.reach`), so telling which waiting links may show in an area needs no routing.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QRectF

from alignment_workshop.layout.obstacles import Box

from .items.link_item import LinkItem


class LinkBacklog:
    """Links waiting for their route, then for their near drawing, oldest first."""

    def __init__(self) -> None:
        self._unrouted: dict[str, tuple[LinkItem, Box]] = {}
        self._far: list[LinkItem] = []

    def __len__(self) -> int:
        return len(self._unrouted) + len(self._far)

    def clear(self) -> None:
        self._unrouted = {}
        self._far = []

    def wait_for_route(self, item: LinkItem, reach: Box) -> None:
        """`item` has no route yet; it will run within `reach`."""
        self._unrouted[item.link_id] = (item, reach)

    def wait_for_near(self, items: list[LinkItem]) -> None:
        """`items` are routed and drawn from far away (by the overview) for now."""
        self._far.extend(items)

    def waiting_for_route(self) -> int:
        """How many links still wait for their route."""
        return len(self._unrouted)

    def forget(self, link_id: str) -> None:
        """The link `link_id` left the map."""
        self._unrouted.pop(link_id, None)

    def take_in(self, area: QRectF) -> tuple[list[LinkItem], list[LinkItem]]:
        """The links that may show in `area`: those to route, and those to draw near by.

        Routed links that turn out to run elsewhere are for the caller to give back
        (`wait_for_near`).
        """
        left, top, right, bottom = area.left(), area.top(), area.right(), area.bottom()
        unrouted: list[LinkItem] = []
        staying: dict[str, tuple[LinkItem, Box]] = {}
        for link_id, entry in self._unrouted.items():
            r_left, r_top, r_right, r_bottom = entry[1]
            if r_left <= right and r_right >= left and r_top <= bottom and r_bottom >= top:
                unrouted.append(entry[0])
            else:
                staying[link_id] = entry
        self._unrouted = staying
        near: list[LinkItem] = []
        far: list[LinkItem] = []
        for item in self._far:
            (near if item.runs_through(area) else far).append(item)
        self._far = far
        return unrouted, near

    def take_unrouted(self, count: int) -> list[LinkItem]:
        """The `count` links that have waited longest for their route."""
        ids = list(itertools.islice(self._unrouted, count))
        return [self._unrouted.pop(link_id)[0] for link_id in ids]

    def take_far(self, count: int) -> list[LinkItem]:
        """The `count` routed links that have waited longest for their near drawing."""
        batch, self._far = self._far[:count], self._far[count:]
        return batch
