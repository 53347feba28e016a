"""A map opened in a view routes and draws what the first frame shows, and the rest when
the window is idle; the first frame looks as it does once everything is routed."""

from __future__ import annotations

from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.canvas.view import MapView
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.layout.routing import route_workshop
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Workshop


def two_rows() -> Workshop:
    """Forty goals in a row, each linked up to one of forty objectives far above it, and
    every goal also upholding one value at the left end of the upper row."""
    nodes = [Node("v", NodeKind.VALUE, "Value", pos=(-600.0, 400.0))]
    links = []
    for i in range(40):
        nodes.append(Node(f"o{i}", NodeKind.OBJECTIVE, f"Objective {i}", pos=(300.0 * i, 400.0)))
        nodes.append(Node(f"g{i}", NodeKind.GOAL, f"Goal {i}", pos=(300.0 * i, 5000.0)))
        links.append(Link(f"s{i}", LinkKind.SUPPORTS, f"g{i}", f"o{i}"))
        links.append(Link(f"u{i}", LinkKind.UPHOLDS, f"g{i}", "v"))
    return Workshop.from_records(Meta(), [], nodes, links)


def opened(qtbot) -> tuple[Document, MapScene, MapView]:
    document = Document()
    scene = MapScene(document)
    view = MapView(scene)
    view.resize(600, 400)
    qtbot.addWidget(view)
    document.replace(two_rows())
    return document, scene, view


def expected_routes(document: Document) -> dict:
    workshop = document.workshop
    positions = {node.id: node.pos for node in workshop.iter_nodes() if node.pos is not None}
    return route_workshop(workshop, positions)


def test_the_first_frame_routes_what_it_shows_and_the_rest_waits_for_idle_turns(qtbot) -> None:
    document, scene, view = opened(qtbot)
    assert all(link.waits_for_route() for link in scene.link_items())
    view.centerOn(0.0, 4800.0)  # the left end of the goals' row
    view.viewport().grab()
    sight = scene.in_sight()
    routed = [link for link in scene.link_items() if not link.waits_for_route()]
    in_sight = [link for link in routed if link.runs_through(sight)]
    assert in_sight and all(link.childItems() for link in in_sight)
    drawn = {link.link_id for link in in_sight}
    waiting = [link for link in scene.link_items() if link.waits_for_route()]
    assert waiting and scene.near_pending() >= len(waiting)
    expected = expected_routes(document)
    asked = waiting[-1]
    assert asked.route() == expected[asked.link_id]  # asked for, it is routed at once
    assert not asked.waits_for_route()
    qtbot.waitUntil(lambda: scene.near_pending() == 0)
    assert {link.link_id: link.route() for link in scene.link_items()} == expected
    assert all(link.childItems() for link in scene.link_items())
    # the first frame missed none of the links that, routed, run through what it showed
    assert drawn == {link.link_id for link in scene.link_items() if link.runs_through(sight)}


def test_the_first_frame_looks_as_the_map_does_once_every_link_is_drawn(qtbot) -> None:
    _document, scene, view = opened(qtbot)
    view.centerOn(1500.0, 4800.0)
    first = view.viewport().grab().toImage()
    assert scene.near_pending() > 0
    qtbot.waitUntil(lambda: scene.near_pending() == 0)
    assert view.viewport().grab().toImage() == first


def test_panning_before_the_idle_turns_end_draws_the_links_come_into_sight(qtbot) -> None:
    _document, scene, view = opened(qtbot)
    view.centerOn(0.0, 4800.0)
    view.viewport().grab()
    view.centerOn(9000.0, 4800.0)  # the right end of the row, before any idle turn
    panned = view.viewport().grab().toImage()
    sight = scene.in_sight()
    assert all(link.childItems() for link in scene.link_items() if link.runs_through(sight))
    qtbot.waitUntil(lambda: scene.near_pending() == 0)
    assert view.viewport().grab().toImage() == panned


def test_a_long_link_draws_first_its_pieces_in_sight_and_the_rest_when_idle(qtbot) -> None:
    nodes = [
        Node("top", NodeKind.OBJECTIVE, "Top", pos=(0.0, 0.0)),
        Node("low", NodeKind.GOAL, "Far below", pos=(0.0, 30_000.0)),
    ]
    links = [Link("l", LinkKind.SUPPORTS, "low", "top")]
    document = Document()
    scene = MapScene(document)
    view = MapView(scene)
    view.resize(600, 400)
    qtbot.addWidget(view)
    document.replace(Workshop.from_records(Meta(), [], nodes, links))
    view.centerOn(0.0, 100.0)  # the top card and the end of the link, with its arrow
    view.viewport().grab()
    link = scene.link_item_for("l")
    made = [child for child in link.childItems() if child.boundingRect().height() > 100]
    assert len(made) == 1 and not link.is_whole() and scene.near_pending() == 1
    view.centerOn(0.0, 20_000.0)  # further down the link, before any idle turn
    before = view.viewport().grab().toImage()
    assert len([c for c in link.childItems() if c.boundingRect().height() > 100]) == 2
    assert not link.is_whole()
    qtbot.waitUntil(lambda: scene.near_pending() == 0)
    assert link.is_whole()
    assert len([c for c in link.childItems() if c.boundingRect().height() > 100]) >= 3
    assert view.viewport().grab().toImage() == before
