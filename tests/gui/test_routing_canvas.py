"""The canvas draws routed links: around cards, cheap while a card is dragged, routed
again on release and on undo; a move runs no new check; far away one overview draws."""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF

from alignment_workshop.gui.canvas.items.links_overview import LinksOverview
from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.layout import card_rect
from alignment_workshop.layout.quality import card_hits, joined_cards
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Workshop


def column() -> Workshop:
    """An objective over a goal, a blocker between them, and a goal off to the side."""
    g, o = NodeKind.GOAL, NodeKind.OBJECTIVE
    nodes = [
        Node("o", o, "Objective", pos=(0.0, 0.0)),
        Node("block", g, "In the way", pos=(0.0, 300.0)),
        Node("g", g, "Goal", pos=(0.0, 600.0)),
        Node("side", g, "Aside", pos=(900.0, 600.0)),
    ]
    links = [Link("l", LinkKind.SUPPORTS, "g", "o"), Link("m", LinkKind.SUPPORTS, "side", "o")]
    return Workshop.from_records(Meta(), [], nodes, links)


@pytest.fixture
def doc(qtbot) -> Document:
    document = Document()
    document.replace(column())
    return document


@pytest.fixture
def scene(doc) -> MapScene:
    return MapScene(doc)


def hits(scene: MapScene) -> list:
    workshop = scene.document.workshop
    rects = {
        n.id: card_rect(n.kind, (scene.item_for(n.id).x(), scene.item_for(n.id).y()))
        for n in workshop.iter_nodes()
    }
    routes = {item.link_id: item.route() for item in scene.link_items()}
    return card_hits(routes, joined_cards(workshop.iter_links()), rects)


def orthogonal(route) -> bool:
    return all(a[0] == b[0] or a[1] == b[1] for a, b in itertools.pairwise(route))


def test_links_are_routed_around_the_card_in_their_way(scene) -> None:
    route = scene.link_item_for("l").route()
    assert len(route) > 2 and orthogonal(route)
    assert hits(scene) == []


def test_a_drag_takes_the_straight_path_and_the_release_routes_again(scene, doc) -> None:
    link = scene.link_item_for("m")
    item = scene.item_for("side")
    scene.select_ids(["side"])
    scene.interaction.begin_move()
    item.setPos(0.0, 900.0)  # under the column: straight up runs through two cards
    assert len(link.route()) == 2  # the cheap path while the mouse moves
    scene.interaction.end_move()
    assert doc.undo_stack.count() == 1
    assert hits(scene) == [] and orthogonal(link.route())
    doc.undo_stack.undo()
    assert (item.x(), item.y()) == (900.0, 600.0)
    assert hits(scene) == [] and orthogonal(link.route())
    doc.undo_stack.redo()
    assert (item.x(), item.y()) == (0.0, 900.0)
    assert hits(scene) == []


def test_a_card_dropped_on_a_route_sends_that_link_round_it(scene, doc) -> None:
    before = scene.link_item_for("m").route()
    on_the_way = card_rect(NodeKind.GOAL, (900.0, 300.0))
    assert card_hits({"m": before}, {"m": ("side", "o")}, {"block": on_the_way})
    doc.move_nodes({"block": (900.0, 300.0)})  # dropped right on that route
    assert scene.link_item_for("m").route() != before
    assert hits(scene) == []


def test_moving_a_card_runs_no_check_but_an_edit_does(qtbot, doc) -> None:
    doc.refresh_analysis()
    reports = []
    doc.analysis_updated.connect(reports.append)
    doc.move_nodes({"g": (-300.0, 650.0)})
    qtbot.wait(200)
    assert reports == []
    doc.update_node("g", title="Renamed goal")
    qtbot.waitUntil(lambda: len(reports) == 1)


def test_far_away_the_overview_draws_and_near_by_the_links_do(scene) -> None:
    overview = [i for i in scene.items() if isinstance(i, LinksOverview)]
    assert len(overview) == 1
    scene.set_far(True)
    assert overview[0].isVisible()
    link = scene.link_item_for("l")
    assert not any(child.isVisible() for child in link.childItems())
    scene.set_far(False)
    assert not overview[0].isVisible()
    assert link.childItems() and all(child.isVisible() for child in link.childItems())


def far_apart(upper: Node, lower: Node, link: Link) -> tuple[Document, MapScene]:
    """A document of two cards and the link between them, and its scene drawn near by."""
    document = Document()
    document.replace(Workshop.from_records(Meta(), [], [upper, lower], [link]))
    scene = MapScene(document)
    scene.set_far(False)
    return document, scene


def test_a_long_link_is_drawn_by_pieces_indexed_by_their_own_rectangles(qtbot) -> None:
    _document, scene = far_apart(
        Node("top", NodeKind.OBJECTIVE, "Top", pos=(0.0, 0.0)),
        Node("low", NodeKind.GOAL, "Far below", pos=(0.0, 30_000.0)),
        Link("l", LinkKind.SUPPORTS, "low", "top"),
    )
    link = scene.link_item_for("l")
    pieces = [child for child in link.childItems() if child.boundingRect().height() > 100]
    assert len(pieces) >= 3
    for piece in pieces:  # each covers a stretch of the link, none the whole of it
        assert piece.sceneBoundingRect().height() < link.sceneBoundingRect().height() / 2
    middle = QPointF(0.0, 11_000.0)
    found = {item for item in scene.items(middle) if item.parentItem() is link}
    assert len(found) == 1  # the index finds the one piece there, by its own rectangle


def polyline(piece) -> list[tuple[float, float]]:
    path = piece.path()
    return [(path.elementAt(i).x, path.elementAt(i).y) for i in range(path.elementCount())]


def test_a_long_conflict_is_one_zigzag_cut_into_pieces_shorter_than_a_screen(qtbot) -> None:
    """Qt strokes a piece whole before clipping it: a zigzag the height of the map in
    one piece made every frame that showed a bit of it cost as much as the rest."""
    from alignment_workshop.gui.canvas.items import link_geometry as geometry
    from alignment_workshop.layout.zigzag import zigzag_route

    document, scene = far_apart(
        Node("a", NodeKind.GOAL, "Up here", pos=(0.0, 0.0)),
        Node("b", NodeKind.GOAL, "Far below", pos=(0.0, 6_000.0)),
        Link("l", LinkKind.SUPPORTS, "a", "b"),
    )
    link = scene.link_item_for("l")
    assert len(link.childItems()) <= 2  # a supports line: one piece (its arrow inline)
    document.workshop.update_link("l", kind=LinkKind.CONFLICTS)
    pieces = [child for child in link.childItems() if child.isVisible()]
    assert len(pieces) >= 10
    joined = polyline(pieces[0])
    for piece in pieces:
        rect = piece.path().boundingRect()
        assert max(rect.width(), rect.height()) <= geometry.ZIGZAG_SPAN
    for piece in pieces[1:]:
        line = polyline(piece)
        assert line[0] == joined[-1]  # each piece starts where the one before ends
        joined += line[1:]
    assert joined == zigzag_route(
        link.route(), geometry.ZIGZAG_STEP, geometry.ZIGZAG_AMPLITUDE
    )  # no seam: one zigzag
    document.workshop.update_link("l", kind=LinkKind.DEPENDS)
    assert len([child for child in link.childItems() if child.isVisible()]) <= 2


def test_coming_near_draws_the_links_in_sight_first_and_the_rest_when_idle(qtbot) -> None:
    from PySide6.QtWidgets import QGraphicsView

    nodes = [Node("top", NodeKind.OBJECTIVE, "Top", pos=(0.0, 0.0))]
    links = []
    for i in range(40):  # a row of goals, each linked up to the objective
        nodes.append(Node(f"g{i}", NodeKind.GOAL, f"Goal {i}", pos=(300.0 * i, 400.0)))
        nodes.append(Node(f"h{i}", NodeKind.GOAL, f"Goal {i}b", pos=(300.0 * i, 5000.0)))
        links.append(Link(f"l{i}", LinkKind.DEPENDS, f"h{i}", f"g{i}"))
    document = Document()
    document.replace(Workshop.from_records(Meta(), [], nodes, links))
    scene = MapScene(document)
    view = QGraphicsView(scene)
    view.resize(600, 400)
    qtbot.addWidget(view)
    scene.set_far(True)
    view.centerOn(0.0, 4800.0)  # the left end of the lower row: a few links in sight
    scene.set_far(False)
    in_sight = [k for k in scene.link_items() if k.runs_through(scene.in_sight())]
    assert in_sight and all(k.childItems() for k in in_sight)
    assert scene.near_pending() == 40 - len(in_sight) > 0
    overview = next(i for i in scene.items() if isinstance(i, LinksOverview))
    assert overview.isVisible()  # still drawing the links that wait
    qtbot.waitUntil(lambda: scene.near_pending() == 0)
    assert all(k.childItems() for k in scene.link_items())
    assert not overview.isVisible()
