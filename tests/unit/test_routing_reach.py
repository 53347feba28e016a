"""`Router.reach` tells, without routing, where a link's route will run: the canvas routes
first the links whose reach meets the first frame, so a route outside its reach would
leave a link out of that frame until the idle turns route it."""

from __future__ import annotations

import pytest

from alignment_workshop import paths
from alignment_workshop.fileio import load
from alignment_workshop.layout import auto_layout, card_rect
from alignment_workshop.layout.routing import Router, ends_of, twin_offsets
from alignment_workshop.layout.stacks import Stacks
from alignment_workshop.model import Workshop
from tests.support.generate import generate_workshop


def laid_out(name: str) -> Workshop:
    if name == "example":
        return load(paths.example_workshop())
    workshop = generate_workshop(int(name), seed=7)
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop


@pytest.mark.parametrize("name", ["example", "200", "2000"])
def test_every_route_runs_within_its_reach(name: str) -> None:
    workshop = laid_out(name)
    router = Router({n.id: card_rect(n.kind, n.pos or (0.0, 0.0)) for n in workshop.iter_nodes()})
    stacks = Stacks.of(workshop)
    ends = [ends_of(link, workshop, stacks) for link in workshop.iter_links()]
    shifts = twin_offsets(ends)
    for end in ends:
        left, top, right, bottom = router.reach(end.source_keys, end.target_keys)
        for x, y in router.route(end, shifts.get(end.id, 0.0)):
            assert left <= x <= right and top <= y <= bottom, end.id
