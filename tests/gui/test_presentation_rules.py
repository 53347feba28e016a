"""Presentation legibility rules: text contrast at least 7:1, titles at least 28 px tall,
and the slides drawn in the same colours as the screen."""

from __future__ import annotations

import random

import pytest

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.features.presentation.stage import PresentationStage, qt_measure
from alignment_workshop.gui.features.presentation.theme import THEME
from alignment_workshop.layout.steps import PAD, TITLE_PX
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.report import slides
from tests.support.contrast import AAA_RATIO, contrast_ratio, relative_luminance
from tests.support.generate import generate_workshop
from tests.support.long_titles import long_title_workshop


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
    ("60 long titles", long_title_workshop),
]


@pytest.mark.parametrize(("name", "build"), MAPS, ids=[name for name, _ in MAPS])
def test_every_title_is_whole_in_30px_type_on_some_step(qtbot, name, build) -> None:
    workshop = build()
    document = Document()
    document.replace(workshop)
    document.refresh_analysis()
    stage = PresentationStage(document, MapScene(document), THEME)
    stage.replan(1920.0)
    measure, seen = qt_measure(), set()
    for step in stage.plan.steps:
        for box in step.boxes:
            title = workshop.node(box.node_id).title
            assert "".join("".join(box.lines).split()) == "".join(title.split())
            bold = box.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
            assert all(
                measure(line, TITLE_PX, bold) <= box.width - 2 * PAD + 0.5 for line in box.lines
            )
            seen.add(box.node_id)
    assert seen == {node.id for node in workshop.iter_nodes() if node.is_active}


def test_the_slides_use_the_screens_colours() -> None:
    for kind, (fill, text) in slides.CARD_COLORS.items():
        assert (fill, text) == (THEME.cards[kind].fill, THEME.cards[kind].text)
    assert THEME.page_text == slides.INK
    assert slides.SEVERITY_INK[Severity.ERROR] == THEME.page_error
