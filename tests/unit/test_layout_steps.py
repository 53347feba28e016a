"""The presentation's step plan (layout/steps.py): what goes on which step, whole titles,
cards clear of each other and of the bands the overlays keep. No Qt, no reportlab: text
is measured by a stand-in that gives every character the same width."""

from __future__ import annotations

import itertools
import os
import subprocess
import sys

import pytest

from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import load
from alignment_workshop.layout.steps import (
    BOTTOM_BAND,
    PAD,
    PAGE_HEIGHT,
    SIDE,
    TITLE_PX,
    TOP_BAND,
    Box,
    StepPlan,
    step_plan,
    wrap,
)
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop
from tests.support.generate import generate_workshop
from tests.support.long_titles import long_title_workshop

EXAMPLE = "resources/examples/product-company.alignment"


def measure(text: str, pixels: float, bold: bool) -> float:
    """Every character 0.6 of the type size wide (0.65 bold): close to DejaVu Sans."""
    return len(text) * pixels * (0.65 if bold else 0.6)


def plan_of(workshop: Workshop, width: float = 1920.0) -> StepPlan:
    return step_plan(workshop, analyze(workshop).findings, measure, width)


def boxes(plan: StepPlan) -> list[Box]:
    return [box for step in plan.steps for box in step.boxes]


def test_wrap_keeps_every_word_and_breaks_only_too_long_words() -> None:
    text = "Grow net revenue retention from 104 % to 112 % by renewing the top 50 accounts"
    lines = wrap(text, measure, 30, 300)
    assert " ".join(lines) == text
    assert all(measure(line, 30, False) <= 300 for line in lines)
    word = "Supercalifragilisticexpialidocious" * 3
    lines = wrap(word, measure, 30, 300)
    assert "".join(lines) == word and len(lines) > 1
    assert all(measure(line, 30, False) <= 300 for line in lines)
    assert wrap("", measure, 30, 300) == [""]


def small_map() -> Workshop:
    """Three objectives with a goal each: the whole map fits one page."""
    vision = Node("v", NodeKind.VISION, "Be trusted")
    objectives = [Node(f"o{i}", NodeKind.OBJECTIVE, f"Objective {i}", votes=2) for i in range(3)]
    goals = [Node(f"g{i}", NodeKind.GOAL, f"Goal {i}", team="t", votes=1) for i in range(3)]
    links = [Link(f"lo{i}", LinkKind.SUPPORTS, f"o{i}", "v") for i in range(3)]
    links += [Link(f"lg{i}", LinkKind.SUPPORTS, f"g{i}", f"o{i}") for i in range(3)]
    nodes = [vision, *objectives, *goals]
    return Workshop.from_records(Meta(), [Team("t", "Sales")], nodes, links)


WORKSHOPS = {
    "small map (one step)": small_map,
    "long titles (60 cards)": long_title_workshop,
    "example": lambda: load(EXAMPLE),
    "generated 300": lambda: generate_workshop(nodes=300, seed=5),
}


@pytest.mark.parametrize("name", list(WORKSHOPS))
@pytest.mark.parametrize("width", [1920.0, 1440.0, 1100.0])
def test_every_active_card_is_on_a_step_whole_inside_the_page(name: str, width: float) -> None:
    workshop = WORKSHOPS[name]()
    plan = plan_of(workshop, width)
    active = {node.id: node for node in workshop.iter_nodes() if node.is_active}
    assert {box.node_id for box in boxes(plan)} == set(active)
    for step in plan.steps:
        for box in step.boxes:
            node = active[box.node_id]
            assert "".join("".join(box.lines).split()) == "".join(node.title.split()), "cut"
            bold = node.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
            assert all(measure(line, TITLE_PX, bold) <= box.width - 2 * PAD for line in box.lines)
            assert box.x >= SIDE and box.x + box.width <= width - SIDE + 0.01
            assert box.y >= TOP_BAND and box.y + box.height <= PAGE_HEIGHT - BOTTOM_BAND + 0.01
        for one, two in itertools.combinations(step.boxes, 2):
            room = 20  # a votes pill reaches this far past a card's bottom and right edges
            upper = one if one.y <= two.y else two
            votes = active[upper.node_id].kind in (NodeKind.OBJECTIVE, NodeKind.GOAL)
            below = 35 if votes else 20  # and the marks of the card under it reach 15 up
            apart = (
                one.x + one.width + room <= two.x
                or two.x + two.width + room <= one.x
                or one.y + one.height + below <= two.y
                or two.y + two.height + below <= one.y
            )
            assert apart, f"{one.node_id} overlaps {two.node_id} on {step.key}"
        for label in step.labels:
            assert label.y >= TOP_BAND and label.y + label.height <= PAGE_HEIGHT - BOTTOM_BAND


def test_titles_are_at_least_28px_at_1080p_and_2_6_percent_of_the_height() -> None:
    assert TITLE_PX >= 28 and TITLE_PX / PAGE_HEIGHT >= 0.026


def test_a_large_map_becomes_overview_objectives_unlinked_and_findings() -> None:
    workshop = long_title_workshop()
    plan = plan_of(workshop)
    keys = [step.key.split("#")[0] for step in plan.steps]
    objectives = [n.id for n in workshop.iter_nodes() if n.kind is NodeKind.OBJECTIVE]
    expected = ["overview", *(f"objective:{o}" for o in objectives), "unlinked", "findings"]
    assert list(dict.fromkeys(keys)) == expected
    overview = [s for s in plan.steps if s.key.startswith("overview")]
    kinds = {box.kind for step in overview for box in step.boxes}
    assert kinds == {NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.VALUE}
    first = next(s for s in plan.steps if s.key.startswith("objective:obj-0"))
    assert first.boxes[0].node_id == "obj-0"
    shown = {
        box.node_id for s in plan.steps if s.key.startswith("objective:obj-0") for box in s.boxes
    }
    assert {"goal-0", "goal-6", "kr-0"} <= shown and "goal-1" not in shown
    goals = [box for box in boxes(plan) if box.kind is NodeKind.GOAL]
    names = {team.id: team.name for team in workshop.teams}
    assert all(box.team == names[workshop.node(box.node_id).team or ""] for box in goals)
    assert all(" ".join(box.team_lines) == box.team for box in goals)
    listed = " ".join(
        " ".join(label.lines)
        for s in plan.steps
        if s.key.startswith("findings")
        for label in s.labels
    )
    assert workshop.node("goal-34").title[:20] in listed  # an orphan's finding names it


def test_a_small_map_is_one_step_with_objectives_as_columns() -> None:
    plan = plan_of(small_map())
    assert [step.key for step in plan.steps] == ["map"]
    step = plan.steps[0]
    for i in range(3):
        objective, goal = step.box(f"o{i}"), step.box(f"g{i}")
        assert objective is not None and goal is not None
        assert goal.x == objective.x and goal.y > objective.y  # under its objective


def test_a_step_too_long_for_a_page_continues_on_the_next() -> None:
    workshop = generate_workshop(nodes=400, seed=2)
    plan = plan_of(workshop)
    continued = [step for step in plan.steps if "#" in step.key]
    assert continued and all("/" in step.title for step in continued)
    for step in continued:
        sections = step.key.startswith(("objective:", "overview"))  # steps with headings
        if sections and not step.key.endswith("#1") and step.boxes:
            first = min(box.y for box in step.boxes)
            assert any(label.y < first for label in step.labels), step.key
    headings = {label.lines[0] for step in continued for label in step.labels if label.bold}
    assert any(text.endswith("(continued)") for text in headings)
    assert plan.index_of(plan.steps[3].key) == 3
    some = boxes(plan)[-1].node_id
    found = plan.step_showing(some)
    assert found is not None and plan.steps[found].box(some) is not None


def test_the_plan_is_the_same_in_every_process(tmp_path) -> None:
    """Sets iterate in a per-process order; the plan must not follow it (same slides)."""
    script = (
        "from tests.unit.test_layout_steps import plan_of\n"
        "from tests.support.long_titles import long_title_workshop\n"
        "plan = plan_of(long_title_workshop())\n"
        "print([(s.key, [b.node_id for b in s.boxes]) for s in plan.steps])"
    )
    runs = {
        subprocess.run(
            [sys.executable, "-c", script],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(runs) == 1
