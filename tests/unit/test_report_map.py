"""The alignment map pages: vector, landscape, legible (no text under 6 pt), split when big."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.shapes import PolyLine

from alignment_workshop.layout.quality import card_hits, joined_cards
from alignment_workshop.model import LinkKind, Node, NodeKind
from alignment_workshop.report import export_pdf
from alignment_workshop.report.map_drawing import draw_part
from alignment_workshop.report.map_pages import map_area, split, team_universe
from alignment_workshop.report.map_part import MIN_TEXT
from alignment_workshop.report.map_split import MapScope, group_layout, ordered
from alignment_workshop.report.palette import KIND_COLORS, LINK_STYLES
from alignment_workshop.report.plan import PlanData
from tests.support.generate import generate_workshop
from tests.unit.test_report_content import outline_titles, plan_workshop, read


def text_sizes(path: Path, landscape_only: bool = True) -> list[tuple[float, str]]:
    """The effective size in points of every text run on the (landscape) pages."""
    sizes: list[tuple[float, str]] = []
    for page in PdfReader(path).pages:
        if landscape_only and page.mediabox.width < page.mediabox.height:
            continue

        def visit(text, cm, tm, font, size):
            if text.strip():
                sizes.append((abs(size * tm[3] * cm[3]), text))

        page.extract_text(visitor_text=visit)
    return sizes


def on_map(title: str, text: str) -> bool:
    """Whether `title` is in `text`, whole or, as on a key result's chip, cut with "…"."""
    title = " ".join(title.split())
    if title in text:
        return True
    return any(title[:end].rstrip() + "…" in text for end in range(12, len(title)))


def test_small_map_is_one_landscape_page_with_every_title(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    export_pdf(plan_workshop(), path)
    reader = PdfReader(path)
    maps = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(maps) == 1
    text = " ".join(maps[0].extract_text().split())
    for node in plan_workshop().nodes:
        assert node.title in text
    assert "supports" in text and "depends on" in text and "has an error" in text


def test_no_map_text_is_smaller_than_six_points(tmp_path: Path) -> None:
    for nodes in (40, 400):
        path = tmp_path / f"map{nodes}.pdf"
        export_pdf(generate_workshop(nodes=nodes, seed=3), path)
        sizes = text_sizes(path)
        assert sizes
        smallest = min(size for size, _ in sizes)
        assert smallest >= MIN_TEXT - 0.01, smallest


def test_big_map_splits_into_overview_and_objective_pages(tmp_path: Path) -> None:
    workshop = generate_workshop(nodes=400, seed=3)
    path = tmp_path / "big.pdf"
    export_pdf(workshop, path)
    reader, _ = read(path)
    titles = outline_titles(reader)
    assert any(t.startswith("Overview") for t in titles)
    served = {
        link.target
        for link in workshop.links
        if link.kind is LinkKind.SUPPORTS
        and workshop.node(link.source).kind is NodeKind.GOAL
        and workshop.node(link.source).is_active
    }
    objectives = [n for n in workshop.nodes if n.kind is NodeKind.OBJECTIVE and n.id in served]
    assert objectives
    for objective in objectives:
        assert any(t.startswith(f"Objective: {objective.title}") for t in titles)
    maps = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(maps) >= 1 + len(objectives)
    map_text = " ".join(" ".join(p.extract_text().split()) for p in maps)
    missing = [n.title for n in workshop.nodes if not on_map(n.title, map_text)]
    assert not missing, missing[:5]


def test_missing_positions_use_the_auto_layout_and_saved_ones_are_kept(tmp_path: Path) -> None:
    workshop = plan_workshop()
    workshop.move_node("v", (5000.0, -3000.0))
    path = tmp_path / "mixed.pdf"
    export_pdf(workshop, path)
    _, text = read(path)
    assert "Every clinic runs on our platform" in text


def test_cjk_text_does_not_stop_the_export(tmp_path: Path) -> None:
    workshop = plan_workshop()
    workshop.update_node("g1", title="新しいオンボーディング 온보딩 新入职流程")
    workshop.update_meta(title="東京ワークショップ")
    path = tmp_path / "cjk.pdf"
    assert export_pdf(workshop, path) == len(PdfReader(path).pages)


def test_palette_has_a_colour_for_every_kind() -> None:
    assert set(KIND_COLORS) == set(NodeKind)
    for colors in KIND_COLORS.values():
        for value in (colors.fill, colors.border, colors.text):
            assert len(value) == 7 and value.startswith("#")
    assert Node("x", NodeKind.GOAL, "t").kind in KIND_COLORS


def test_every_map_page_routes_its_links_around_its_cards() -> None:
    """On every page of a split map, stubs included, and of a team's map, no link runs
    under a card it does not join."""
    workshop = generate_workshop(nodes=400, seed=3)
    data = PlanData.build(workshop)
    parts = split(MapScope(data, {n.id for n in workshop.nodes}, map_area(770.0, 480.0)))
    team = PlanData.build(workshop, team_id=workshop.teams[0].id)
    universe = team_universe(team)
    placed = group_layout(team, ordered(team, universe))
    scope = MapScope(team, universe, map_area(770.0, 480.0))
    parts += [scope.part("Team", ordered(team, universe), placed), *split(scope)]
    assert len(parts) > 10 and sum(1 for part in parts if part.stubs) > 5
    for part in parts:
        routes = part.routes()
        assert set(routes) == {link.id for link in part.links}
        rects = {n.id: part.rect(n) for n in part.nodes}
        assert card_hits(routes, joined_cards(part.links), rects) == [], part.title


def test_a_map_page_draws_its_links_along_their_routes() -> None:
    """The drawn lines are the routes, scaled: straight runs across or down, not diagonals."""
    workshop = generate_workshop(nodes=100, seed=3)
    data = PlanData.build(workshop)
    part = split(MapScope(data, {n.id for n in workshop.nodes}, map_area(770.0, 480.0)))[1]
    group, _ = draw_part(part, 770.0, 400.0)
    lines = [shape for shape in group.contents if isinstance(shape, PolyLine)]
    straight = [link for link in part.links if not LINK_STYLES[link.kind].jagged]
    assert len(lines) == len(part.links) and straight
    for line, link in zip(lines, part.links, strict=True):
        if link in straight:
            xs, ys = line.points[0::2], line.points[1::2]
            runs = zip(zip(xs, ys, strict=True), zip(xs[1:], ys[1:], strict=True), strict=False)
            assert all(abs(a[0] - b[0]) < 0.01 or abs(a[1] - b[1]) < 0.01 for a, b in runs)


def test_a_map_part_draws_in_a_process_that_drew_nothing_before() -> None:
    """Drawn first in a process (as this file's tests in some orders), a part measured its
    titles in faces no one had registered yet."""
    script = (
        "from alignment_workshop.report.map_drawing import draw_part\n"
        "from alignment_workshop.report.map_pages import map_area, split\n"
        "from alignment_workshop.report.map_split import MapScope\n"
        "from alignment_workshop.report.plan import PlanData\n"
        "from tests.support.generate import generate_workshop\n"
        "workshop = generate_workshop(nodes=100, seed=3)\n"
        "data = PlanData.build(workshop)\n"
        "scope = MapScope(data, {n.id for n in workshop.nodes}, map_area(770.0, 480.0))\n"
        "group, _ = draw_part(split(scope)[1], 770.0, 400.0)\n"
        "print(len(group.contents))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout) > 10
