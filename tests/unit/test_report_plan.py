"""The action plan as a participant holds it, read back with pypdf (issue 12's acceptance).

Every active card is on the map pages; the contents page links to every team; a team's
plan names no unrelated goal of another team and says only true things about values;
no page is blank; the paper follows the option; re-exports are byte-identical; no text
is smaller than 7 points.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PageObject, PdfReader

from alignment_workshop import formats
from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import load
from alignment_workshop.model import LinkKind, Meta, NodeKind, Workshop
from alignment_workshop.paths import example_workshop
from alignment_workshop.report import export_pdf
from tests.support.generate import generate_workshop
from tests.unit.test_report_content import plan_workshop
from tests.unit.test_report_map import on_map, text_sizes

#: generate_workshop(64) has 59 goals; generate_workshop(428) has 400.
SIXTY_GOALS, FOUR_HUNDRED_GOALS = 64, 428
#: The example's teams: each has its own plan.
TEAMS = ["product", "engineering", "marketing", "sales", "success", "finance"]


def flat(text: str) -> str:
    return " ".join(text.split())


def page_text(page: PageObject) -> str:
    return flat(page.extract_text())


def outline(reader: PdfReader) -> Iterator:
    """Every outline entry, depth first."""
    stack = list(reversed(reader.outline))
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        else:
            yield item


def entry_page(reader: PdfReader, title: str) -> int:
    """The index of the page the outline entry `title` opens."""
    entry = next(e for e in outline(reader) if e.title == title)
    return reader.get_destination_page_number(entry)


def link_targets(reader: PdfReader, page: PageObject) -> list[int]:
    """The page index each internal link on `page` opens."""
    pages = [p.indirect_reference for p in reader.pages]
    return [pages.index(ref.get_object()["/Dest"][0]) for ref in page.get("/Annots", [])]


def map_text(reader: PdfReader) -> str:
    """The text of the landscape (map) pages."""
    pages = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    return " ".join(page_text(p) for p in pages)


@pytest.fixture(scope="module")
def example() -> Workshop:
    workshop = load(example_workshop())
    assert [t.id for t in workshop.teams] == TEAMS
    return workshop


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory, example: Workshop) -> dict[str, Path]:
    """The example's plan, each team's, and the 60- and 400-goal workshops' plans."""
    folder = tmp_path_factory.mktemp("plans")
    paths = {"example": folder / "example.pdf"}
    export_pdf(example, paths["example"])
    for team in example.teams:
        paths[team.id] = folder / f"{team.id}.pdf"
        export_pdf(example, paths[team.id], team_id=team.id)
    for nodes in (SIXTY_GOALS, FOUR_HUNDRED_GOALS):
        paths[str(nodes)] = folder / f"{nodes}.pdf"
        export_pdf(generate_workshop(nodes=nodes), paths[str(nodes)])
    return paths


# ------------------------------------------------------------------ the map


@pytest.mark.parametrize("nodes", [SIXTY_GOALS, FOUR_HUNDRED_GOALS])
def test_every_active_card_is_on_the_map_pages(exported: dict[str, Path], nodes: int) -> None:
    workshop = generate_workshop(nodes=nodes)
    text = map_text(PdfReader(exported[str(nodes)]))
    missing = [n.title for n in workshop.nodes if n.is_active and not on_map(n.title, text)]
    assert not missing, missing[:5]


def test_the_example_map_shows_every_active_card(
    exported: dict[str, Path], example: Workshop
) -> None:
    text = map_text(PdfReader(exported["example"]))
    # A long title may be cut with an ellipsis on its card; its first words are there.
    missing = [
        n.title for n in example.nodes if n.is_active and " ".join(n.title.split()[:3]) not in text
    ]
    assert not missing


def test_each_split_page_leads_to_the_vision_and_shows_its_conflicts(
    exported: dict[str, Path], example: Workshop
) -> None:
    reader = PdfReader(exported["example"])
    maps = [page_text(p) for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert len(maps) > 1, "the example's map is split"
    vision = next(n for n in example.nodes if n.kind is NodeKind.VISION)
    for text in maps:
        # Each page leads up: to the vision, or to an objective on another page.
        assert vision.title[:20] in text or "VISION · page" in text or "OBJECTIVE · page" in text
    conflicts = [
        link
        for link in example.links
        if link.kind is LinkKind.CONFLICTS
        and not link.resolved
        and example.node(link.source).is_active
        and example.node(link.target).is_active
    ]
    assert conflicts
    for link in conflicts:
        a, b = (" ".join(example.node(n).title.split()[:2]) for n in (link.source, link.target))
        with_a = [t for t in maps if a in t]
        assert with_a and all(b in t for t in with_a), (a, b)


def test_a_stub_names_the_page_it_links_to(exported: dict[str, Path]) -> None:
    reader = PdfReader(exported["example"])
    for index, page in enumerate(reader.pages):
        for target in link_targets(reader, page):
            assert target != index
            if page.mediabox.width > page.mediabox.height:
                # The number is a form filled in at save; pypdf reads it apart.
                assert str(target + 1) in page_text(page).split()


def test_an_empty_workshop_has_no_map_page(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    export_pdf(Workshop(Meta(title="Nothing yet")), path)
    reader = PdfReader(path)
    assert all(p.mediabox.width < p.mediabox.height for p in reader.pages)
    assert "Alignment map" not in [e.title for e in outline(reader)]


# ------------------------------------------------------------------ contents


def test_the_contents_page_links_to_every_section_and_team(
    exported: dict[str, Path], example: Workshop
) -> None:
    reader = PdfReader(exported["example"])
    contents = entry_page(reader, "Contents")
    assert contents == 1, "the contents page follows the title page"
    targets = set(link_targets(reader, reader.pages[contents]))
    headings = [f"Team: {t.name}" for t in example.teams]
    headings += ["Vision and values", "Alignment map", "What to resolve", "Objectives"]
    for heading in headings:
        page = entry_page(reader, heading)
        assert page in targets, heading
        assert heading in page_text(reader.pages[page])
        assert f"{heading.removeprefix('Team: ')}" in page_text(reader.pages[contents])
        assert str(page + 1) in page_text(reader.pages[contents])


def test_the_running_header_names_the_team_or_section(
    exported: dict[str, Path], example: Workshop
) -> None:
    reader = PdfReader(exported["example"])
    starts = sorted(
        (entry_page(reader, title), title)
        for title in ["Objectives", *(f"Team: {t.name}" for t in example.teams)]
    )
    ends = [page for page, _ in starts[1:]] + [entry_page(reader, "Goals without a team")]
    for (start, title), end in zip(starts, ends, strict=True):
        for page in reader.pages[start:end]:
            assert title in [line.strip() for line in page.extract_text().splitlines()], title


# ------------------------------------------------------------------ team plans


def related_goals(workshop: Workshop, team_id: str) -> set[str]:
    """Goals a team's plan may name: its own, those linked to them, those it helps with,
    and those a finding about its goals names."""
    own = {n.id for n in workshop.nodes if n.kind is NodeKind.GOAL and n.team == team_id}
    own = {n for n in own if workshop.node(n).is_active}
    allowed = set(own)
    for link in workshop.links:
        ends = {link.source, link.target}
        if ends & own and all(workshop.node(e).is_active for e in ends):
            allowed |= ends
    allowed |= {n.id for n in workshop.nodes if team_id in n.contributors and n.is_active}
    for finding in analyze(workshop).findings:
        if finding.team == team_id or own.intersection(finding.nodes):
            allowed.update(finding.nodes)
    return allowed


@pytest.mark.parametrize("team", TEAMS)
def test_a_team_plan_names_no_unrelated_goal_of_another_team(
    exported: dict[str, Path], example: Workshop, team: str
) -> None:
    text = flat(" ".join(p.extract_text() for p in PdfReader(exported[team]).pages))
    allowed = related_goals(example, team)
    # Two goals may share a title (a duplicate finding); a related one may be named.
    titles = {example.node(n).title for n in allowed}
    named = [
        n.title
        for n in example.nodes
        if n.kind is NodeKind.GOAL
        and n.team != team
        and n.id not in allowed
        and n.title not in titles
        and n.title in text
    ]
    assert not named
    own = [n.title for n in example.nodes if n.team == team and n.kind is NodeKind.GOAL]
    assert all(title in text for title in own)


@pytest.mark.parametrize("plan", ["example", *TEAMS])
def test_what_the_plan_says_about_each_value_is_true(
    exported: dict[str, Path], example: Workshop, plan: str
) -> None:
    reader = PdfReader(exported[plan])
    start = entry_page(reader, "Vision and values")
    text = page_text(reader.pages[start]) + " " + page_text(reader.pages[start + 1])
    text = text[text.index("Values") :]
    values = [n for n in example.nodes if n.kind is NodeKind.VALUE]
    for value, following in zip(values, [*values[1:], None], strict=True):
        part = text[text.index(value.title) :]
        if following is not None:
            part = part[: part.index(following.title)]
        upheld = any(
            link.kind is LinkKind.UPHOLDS
            and link.target == value.id
            and example.node(link.source).is_active
            for link in example.links
        )
        assert ("Nothing upholds this value yet." in part) is not upheld, value.title


def test_a_team_plan_headlines_the_team_score_and_maps_its_work(
    exported: dict[str, Path], example: Workshop
) -> None:
    report = analyze(example)
    marketing = next(t for t in report.teams if t.id == "marketing")
    reader = PdfReader(exported["marketing"])
    first = page_text(reader.pages[0])
    assert formats.score(marketing.score) in first
    assert "Team scores" not in first
    for other in report.teams:
        if other.id != "marketing":
            assert other.name + ":" not in first
    titles = [e.title for e in outline(reader)]
    assert "Map of our work" in titles and "Alignment map" not in titles
    maps = map_text(reader)
    for node in example.nodes:
        if node.team == "marketing" and node.kind is NodeKind.GOAL and node.is_active:
            assert " ".join(node.title.split()[:3]) in maps


@pytest.mark.parametrize("team", TEAMS)
def test_a_team_map_shows_every_active_goal_of_the_team(
    exported: dict[str, Path], example: Workshop, team: str
) -> None:
    maps = map_text(PdfReader(exported[team]))
    own = [n for n in example.nodes if n.team == team and n.kind is NodeKind.GOAL and n.is_active]
    assert own
    missing = [n.title for n in own if " ".join(n.title.split()[:3]) not in maps]
    assert not missing


def test_contributing_teams_see_the_goals_they_contribute_to(
    exported: dict[str, Path], example: Workshop
) -> None:
    shared = next(n for n in example.nodes if n.contributors)
    for team in shared.contributors:
        text = flat(" ".join(p.extract_text() for p in PdfReader(exported[team]).pages))
        part = text[text.index("Goals we contribute to") :]
        assert shared.title in part
    lead = flat(" ".join(p.extract_text() for p in PdfReader(exported[shared.team]).pages))
    names = ", ".join(example.team(t).name for t in shared.contributors)
    assert f"With help from: {names}" in lead


# ------------------------------------------------------------------ pages and paper


@pytest.mark.parametrize("plan", ["example", *TEAMS, str(SIXTY_GOALS), str(FOUR_HUNDRED_GOALS)])
def test_no_page_is_blank(exported: dict[str, Path], plan: str) -> None:
    reader = PdfReader(exported[plan])
    for index, page in enumerate(reader.pages):
        lines = [line for line in page.extract_text().splitlines() if line.strip()]
        body = [line for line in lines if not line.startswith(("Page ", "Generated", "Bright"))]
        assert len(body) >= 2, f"page {index + 1} is blank: {lines}"


def test_no_page_of_an_empty_workshop_is_blank(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    export_pdf(Workshop(Meta(title="Nothing yet")), path)
    for page in PdfReader(path).pages:
        assert len(page_text(page)) > 40


@pytest.mark.parametrize(("paper", "size"), [("a4", (595, 842)), ("letter", (612, 792))])
def test_every_page_is_on_the_chosen_paper(tmp_path: Path, paper: str, size: tuple) -> None:
    path = tmp_path / f"{paper}.pdf"
    export_pdf(plan_workshop(), path, paper=paper)
    for page in PdfReader(path).pages:
        box = sorted((round(float(page.mediabox.width)), round(float(page.mediabox.height))))
        assert tuple(box) == size


def test_an_unknown_paper_is_a_one_line_value_error(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown paper 'a3'"):
        export_pdf(plan_workshop(), tmp_path / "x.pdf", paper="a3")
    assert not (tmp_path / "x.pdf").exists()


def test_re_exports_are_byte_identical_and_dated_by_the_workshop(
    tmp_path: Path, example: Workshop
) -> None:
    for options in ({}, {"team_id": "sales", "paper": "letter"}):
        a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
        export_pdf(example, a, **options)
        export_pdf(load(example_workshop()), b, **options)
        assert a.read_bytes() == b.read_bytes()
    meta = PdfReader(a).metadata
    assert meta["/CreationDate"] == meta["/ModDate"] == "D:20261124000000+00'00'"
    assert PdfReader(a).trailer["/Root"]["/Lang"] == "en"


def test_a_workshop_without_a_date_has_no_date_in_the_file(tmp_path: Path) -> None:
    path = tmp_path / "undated.pdf"
    export_pdf(Workshop(Meta(title="Undated")), path)
    meta = PdfReader(path).metadata
    assert "/CreationDate" not in meta and "/ModDate" not in meta


@pytest.mark.parametrize("plan", ["example", *TEAMS, str(SIXTY_GOALS), str(FOUR_HUNDRED_GOALS)])
def test_no_text_is_smaller_than_seven_points(exported: dict[str, Path], plan: str) -> None:
    sizes = text_sizes(exported[plan], landscape_only=False)
    smallest = min(size for size, _ in sizes)
    assert smallest >= 7 - 0.01, [t for s, t in sizes if s < 7][:5]


def last_line(page: PageObject) -> tuple[float, str]:
    """The size and text of the lowest run on `page` above its footer."""
    runs: list[tuple[float, float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip() and not text.startswith("Page ") and not text.strip().isdigit():
            y = cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
            runs.append((y, abs(size * tm[3] * cm[3]), text.strip()))

    page.extract_text(visitor_text=visit)
    _, size, text = min(runs, key=lambda run: run[0])
    return size, text


@pytest.mark.parametrize("plan", ["example", "marketing", str(FOUR_HUNDRED_GOALS)])
def test_no_page_ends_with_a_heading(exported: dict[str, Path], plan: str) -> None:
    heading_sizes = (10.5, 12.5, 17.0)
    reader = PdfReader(exported[plan])
    contents = reader.pages[entry_page(reader, "Contents")]
    portrait = [p for p in reader.pages if p.mediabox.width < p.mediabox.height]
    lonely = []
    # The contents page lists headings; the last page may end anywhere.
    for page in portrait[:-1]:
        if page.indirect_reference == contents.indirect_reference:
            continue
        size, text = last_line(page)
        if any(abs(size - h) < 0.01 for h in heading_sizes):
            lonely.append(text)
    assert not lonely


# ------------------------------------------------------------------ the rest of the content


def test_notes_period_key_results_and_why_chains_are_printed(
    exported: dict[str, Path], example: Workshop
) -> None:
    reader = PdfReader(exported["example"])
    first = page_text(reader.pages[0])
    assert "Period: 2027 (1 Jan – 31 Dec 2027)" in first
    assert "Workshop notes" in first and example.meta.notes[:60] in first
    start = entry_page(reader, "Objectives")
    objectives = " ".join(page_text(p) for p in reader.pages[start : start + 3])
    assert "Median minutes to first saved dashboard" in objectives
    assert "42 min → 35 min → 20 min" in objectives and "32%" in objectives
    assert "Priya Natarajan · Product" in objectives
    team = reader.pages[entry_page(reader, "Team: Product")]
    lines = [line.strip() for line in team.extract_text().splitlines()]
    chain = next(i for i, line in enumerate(lines) if line.startswith("So that "))
    assert lines[chain + 1].startswith("so that ")


def test_a_clean_team_in_a_workshop_with_findings_is_not_told_there_are_none(
    tmp_path: Path,
) -> None:
    from alignment_workshop.model import Link, Node, Team

    w = Workshop(Meta(title="Two teams"))
    w.add_team(Team("a", "Alpha"))
    w.add_team(Team("b", "Beta"))
    w.add_node(Node("v", NodeKind.VISION, "The vision"))
    w.add_node(Node("o", NodeKind.OBJECTIVE, "The objective"))
    w.add_node(Node("ga", NodeKind.GOAL, "Alpha's clean goal", team="a"))
    w.add_node(Node("gb", NodeKind.GOAL, "Beta's orphan goal", team="b"))
    w.add_node(Node("gb2", NodeKind.GOAL, "Beta's linked goal", team="b"))
    w.add_link(Link("l1", LinkKind.SUPPORTS, "o", "v"))
    w.add_link(Link("l2", LinkKind.SUPPORTS, "ga", "o"))
    w.add_link(Link("l3", LinkKind.SUPPORTS, "gb2", "o"))
    assert [f.nodes for f in analyze(w).findings] == [("gb",)]
    path = tmp_path / "alpha.pdf"
    export_pdf(w, path, team_id="a")
    text = flat(" ".join(p.extract_text() for p in PdfReader(path).pages))
    assert "The checks found nothing to resolve in this team's goals." in text
    assert "The checks found nothing to resolve." not in text
    assert "the checks found no problem with this team's goals" in text
    assert "Beta's orphan goal" not in text
