"""Presentation legibility rules: text contrast at least 7:1, titles at least 28 px tall."""

from __future__ import annotations

import random

import pytest

from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.canvas.view import MapView
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.features.presentation.cards import (
    MAX_TITLE_PX,
    MIN_SCREEN_TITLE_PX,
    PresentationFace,
    PresentationFaces,
    title_pixels,
)
from alignment_workshop.gui.features.presentation.mode import fitted_zoom
from alignment_workshop.gui.features.presentation.theme import THEME
from alignment_workshop.layout import auto_layout
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop
from tests.support.contrast import AAA_RATIO, contrast_ratio, relative_luminance
from tests.support.generate import generate_workshop


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast_ratio("#FFFFFF", "#FFFFFF") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#FFFFFF", "#777777") == contrast_ratio("#777777", "#FFFFFF")
    assert relative_luminance("#FF0000") == pytest.approx(0.2126)
    with pytest.raises(ValueError):
        relative_luminance("red")


@pytest.mark.parametrize(("what", "text", "background"), THEME.text_pairs())
def test_every_text_colour_of_the_theme_has_at_least_7_to_1(what, text, background) -> None:
    assert contrast_ratio(text, background) >= AAA_RATIO, what


def test_the_theme_covers_every_card_kind() -> None:
    assert set(THEME.cards) == set(NodeKind)


def map_of(nodes: int, teams: int, seed: int) -> Workshop:
    """A plausible map: a vision, a few values and objectives, goals spread over teams."""
    rng = random.Random(seed)
    n_values, n_objectives = max(1, nodes // 12), max(2, nodes // 5)
    n_goals = nodes - 1 - n_values - n_objectives
    team_list = [Team(f"t{i}", f"Team {i}") for i in range(teams)]
    records = [Node("v", NodeKind.VISION, "We are the team customers trust most")]
    records += [Node(f"val{i}", NodeKind.VALUE, f"Value {i}") for i in range(n_values)]
    records += [Node(f"o{i}", NodeKind.OBJECTIVE, f"Objective {i}") for i in range(n_objectives)]
    records += [
        Node(f"g{i}", NodeKind.GOAL, f"Goal {i}", team=f"t{i % teams}") for i in range(n_goals)
    ]
    links = []
    for i in range(n_objectives):
        target = "v" if i < 3 else f"o{rng.randrange(3)}"
        links.append(Link(f"lo{i}", LinkKind.SUPPORTS, f"o{i}", target))
    for i in range(n_goals):
        target = f"o{rng.randrange(n_objectives)}"
        links.append(Link(f"lg{i}", LinkKind.SUPPORTS, f"g{i}", target))
    return Workshop.from_records(Meta(), team_list, records, links)


MAPS = [
    ("40 nodes, 4 teams", lambda: map_of(40, 4, 1)),
    ("40 nodes, 6 teams", lambda: map_of(40, 6, 2)),
    ("40 nodes, 2 teams", lambda: map_of(40, 2, 3)),
    ("30 nodes, 3 teams", lambda: map_of(30, 3, 4)),
    ("generated 40", lambda: generate_workshop(nodes=40, seed=3)),
    ("12 nodes", lambda: map_of(12, 2, 5)),
]


@pytest.mark.parametrize(("name", "build"), MAPS, ids=[name for name, _ in MAPS])
def test_titles_are_at_least_28px_on_a_1920x1080_screen_at_the_fitted_zoom(
    qtbot, name, build
) -> None:
    workshop = build()
    assert len(workshop.nodes) <= 40
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    document = Document()
    document.replace(workshop)
    scene = MapScene(document)
    view = MapView(scene)
    qtbot.addWidget(view)
    rect = scene.items_rect()
    zoom = fitted_zoom(rect.width(), rect.height(), 1920, 1080)
    pixels = title_pixels(zoom)
    assert pixels <= MAX_TITLE_PX, f"{name}: titles would need {pixels} px"
    assert pixels * zoom >= MIN_SCREEN_TITLE_PX
    layer = PresentationFaces(scene)
    layer.set_pixels(pixels)
    layer.show()
    for face in layer.faces.values():
        lines = face.title_lines()
        assert lines and face.title_font_pixels() * zoom >= MIN_SCREEN_TITLE_PX
        assert isinstance(face, PresentationFace)


def test_title_pixels_stay_within_what_a_card_holds() -> None:
    assert title_pixels(1.0) == 28
    assert title_pixels(0.8) == 35
    assert title_pixels(0.1) == MAX_TITLE_PX
    assert title_pixels(3.0) >= 16


def test_fit_lines_wraps_at_spaces_and_elides_what_does_not_fit(qtbot) -> None:
    from PySide6.QtGui import QFontMetricsF

    from alignment_workshop.gui.features.presentation.cards import fit_lines, title_font

    font = title_font(NodeKind.GOAL, 30)
    metrics = QFontMetricsF(font)
    lines = fit_lines("Redesign onboarding around a guided first dashboard", font, 200, 2)
    assert len(lines) == 2 and lines[0] == "Redesign"
    assert lines[-1].endswith("…")
    assert all(metrics.horizontalAdvance(line) <= 200 for line in lines)
    assert fit_lines("Supercalifragilisticexpialidocious", font, 120, 2)[0].endswith("…")
    assert fit_lines("Short", font, 200, 2) == ["Short"]
