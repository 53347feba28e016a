"""The PDF action plan read back with pypdf: content, outline, fonts, team plans, determinism.

`plan_workshop()` builds a small but complete workshop with the model's edit API; the
safety tests in test_report_safety.py reuse it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Priority,
    Status,
    Team,
    Workshop,
)
from alignment_workshop.report import UnknownTeamError, export_pdf

SECTIONS = [
    "Vision and values",
    "Alignment map",
    "What to resolve",
    "Decisions",
    "Objectives",
    "Team plans",
    "Goals without a team",
]


def plan_workshop() -> Workshop:
    """A workshop with every kind of node, link, status and finding the plan prints."""
    w = Workshop(
        Meta(
            title="Ålesund offsite 2026",
            date=dt.date(2026, 3, 14),
            facilitator="Zoë Müller",
            participants=("Ana", "Bjørn", "Χρήστος"),
        )
    )
    for team in (
        Team("prod", "Product", "#3366CC"),
        Team("eng", "Engineering", "#DC3912"),
        Team("sales", "Продажи", "#109618"),
    ):
        w.add_team(team)
    nodes = [
        Node("v", NodeKind.VISION, "Every clinic runs on our platform", description="Ten years."),
        Node("val1", NodeKind.VALUE, "Customer obsession"),
        Node("val2", NodeKind.VALUE, "Unused value"),
        Node("o1", NodeKind.OBJECTIVE, "Grow enterprise revenue", metric="ARR +30 %"),
        Node("o2", NodeKind.OBJECTIVE, "Halve onboarding time", priority=Priority.HIGH),
        Node("o3", NodeKind.OBJECTIVE, "Open a Tokyo office", status=Status.DROPPED),
        _goal("g1", "Self-serve onboarding wizard", "prod", Priority.HIGH, impact=5),
        _goal("g2", "Migrate to the new auth stack", "eng", Priority.MEDIUM),
        _goal("g3", "Custom export for a key deal", "sales", Priority.HIGH, impact=4),
        _goal("g4", "Quarterly roadmap review", "prod", Priority.LOW),
        _goal("g5", "Nobody's goal yet", None, Priority.MEDIUM),
        _goal("g6", "Fax integration", "eng", Priority.LOW, status=Status.DROPPED),
    ]
    for node in nodes:
        w.add_node(node)
    for index, (kind, source, target) in enumerate(
        [
            (LinkKind.SUPPORTS, "o1", "v"),
            (LinkKind.SUPPORTS, "o2", "v"),
            (LinkKind.SUPPORTS, "g1", "o2"),
            (LinkKind.SUPPORTS, "g2", "g1"),
            (LinkKind.SUPPORTS, "g4", "o1"),
            (LinkKind.UPHOLDS, "o2", "val1"),
            (LinkKind.UPHOLDS, "g1", "val1"),
            (LinkKind.DEPENDS, "g1", "g2"),
            (LinkKind.CONFLICTS, "g3", "g4"),
        ]
    ):
        w.add_link(Link(f"l{index}", kind, source, target))
    w.add_link(
        Link("l-res", LinkKind.CONFLICTS, "g1", "g4", resolved=True, resolution="Wizard first.")
    )
    return w


def _goal(
    node_id: str,
    title: str,
    team: str | None,
    priority: Priority,
    impact: int = 3,
    status: Status = Status.AGREED,
) -> Node:
    return Node(
        node_id,
        NodeKind.GOAL,
        title,
        team=team,
        priority=priority,
        impact=impact,
        status=status,
        owner="Ana",
        why=f"Because {title.lower()} matters",
        due=dt.date(2026, 6, 30),
        metric="Done by the due date",
        actions=(Action(f"Plan {node_id}", owner="Bjørn"), Action("Kick-off", done=True)),
    )


def read(path: Path) -> tuple[PdfReader, str]:
    """The reader and the whole text of the PDF, whitespace collapsed."""
    reader = PdfReader(path)
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, " ".join(text.split())


def body(path: Path) -> str:
    """The text of the plan from "Vision and values" on, whitespace collapsed."""
    reader = PdfReader(path)
    entry = next(i for i in reader.outline if getattr(i, "title", "") == "Vision and values")
    first = reader.get_destination_page_number(entry)
    return " ".join(" ".join(p.extract_text() for p in reader.pages[first:]).split())


def outline_titles(reader: PdfReader) -> list[str]:
    """Every outline entry's title, depth first."""
    titles: list[str] = []

    def walk(items: list) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


@pytest.fixture(scope="module")
def plan(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, int]:
    path = tmp_path_factory.mktemp("plan") / "plan.pdf"
    return path, export_pdf(plan_workshop(), path)


def test_every_node_title_is_in_the_text(plan: tuple[Path, int]) -> None:
    _, text = read(plan[0])
    for node in plan_workshop().nodes:
        assert node.title in text, node.title


def test_title_page_has_score_teams_counts_and_first_three(plan: tuple[Path, int]) -> None:
    reader, _ = read(plan[0])
    first = " ".join(reader.pages[0].extract_text().split())
    for expected in ("Ålesund offsite 2026", "2026-03-14", "Zoë Müller", "Χρήστος", "Продажи"):
        assert expected in first
    assert "%" in first and "Team scores" in first
    assert "error" in first and "warning" in first
    assert "The three things to resolve first" in first


def test_team_sections_read_as_a_plan(plan: tuple[Path, int]) -> None:
    _, text = read(plan[0])
    # The why chain, one level per line.
    assert "So that Halve onboarding time so that Every clinic runs on our platform" in text
    assert "☐ Plan g1" in text and "☑ Kick-off" in text
    assert "Needs ‘Migrate to the new auth stack’ from Engineering" in text
    assert "Wizard first." in text and "What we decided not to do" in text


def test_every_section_and_team_is_bookmarked(plan: tuple[Path, int]) -> None:
    reader, _ = read(plan[0])
    titles = outline_titles(reader)
    for section in SECTIONS:
        assert any(t.startswith(section) for t in titles), section
    for team in ("Product", "Engineering", "Продажи"):
        assert f"Team: {team}" in titles


def test_page_count_is_sensible_and_matches_the_file(plan: tuple[Path, int]) -> None:
    reader, _ = read(plan[0])
    assert plan[1] == len(reader.pages)
    # Title, vision, map, resolve, decisions, objectives, three teams, no team.
    assert 10 <= plan[1] <= 20
    last = reader.pages[-1].extract_text()
    assert f"Page {plan[1]} of {plan[1]}" in " ".join(last.split())


def test_map_page_is_landscape_and_vector(plan: tuple[Path, int]) -> None:
    reader, _ = read(plan[0])
    landscape = [p for p in reader.pages if p.mediabox.width > p.mediabox.height]
    assert landscape
    for page in landscape:
        assert not page.images


def test_fonts_are_embedded_dejavu(plan: tuple[Path, int]) -> None:
    reader, _ = read(plan[0])
    names, embedded = set(), 0
    for page in reader.pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor is not None and "/FontFile2" in descriptor.get_object():
                    embedded += 1
    assert embedded > 0
    assert all("DejaVu" in name for name in names), names
    assert any("Bold" in name for name in names)


def test_metadata_names_title_author_subject(plan: tuple[Path, int]) -> None:
    meta = PdfReader(plan[0]).metadata
    assert meta.title == "Ålesund offsite 2026"
    assert meta.author == "Zoë Müller"
    assert "action plan" in meta.subject


def test_two_exports_are_byte_identical(tmp_path: Path) -> None:
    a, b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    export_pdf(plan_workshop(), a)
    export_pdf(plan_workshop(), b)
    assert a.read_bytes() == b.read_bytes()


def _team_section(path: Path, team: str) -> str:
    _, text = read(path)
    return text[text.index(f"Team: {team}") :]


OTHER_GOALS = ("Migrate to the new auth stack", "Custom export for a key deal", "Nobody's goal yet")


def test_team_plan_names_only_that_teams_goals_in_its_section(tmp_path: Path) -> None:
    workshop = plan_workshop()
    for cross_team in ("l3", "l7", "l8", "l-res"):
        workshop.remove_link(cross_team)
    path = tmp_path / "team.pdf"
    export_pdf(workshop, path, team_id="prod")
    section = _team_section(path, "Product")
    assert "Self-serve onboarding wizard" in section and "Quarterly roadmap review" in section
    for title in OTHER_GOALS:
        assert title not in section, title
    titles = outline_titles(PdfReader(path))
    assert "Team: Product" in titles and "Team: Engineering" not in titles
    assert "Alignment map" not in titles and "Goals without a team" not in titles


def test_team_plan_lists_other_teams_goals_only_as_needs_and_findings(tmp_path: Path) -> None:
    path = tmp_path / "team.pdf"
    export_pdf(plan_workshop(), path, team_id="prod")
    section = _team_section(path, "Product")
    assert "1. Self-serve onboarding wizard" in section
    assert "2. Quarterly roadmap review" in section
    assert "3. " not in section
    assert "Needs ‘Migrate to the new auth stack’ from Engineering" in section
    assert "Nobody's goal yet" not in section


def test_team_plan_keeps_only_the_objectives_the_team_serves(tmp_path: Path) -> None:
    path = tmp_path / "eng.pdf"
    export_pdf(plan_workshop(), path, team_id="eng")
    text = body(path)
    objectives = text[text.index("Objectives we serve") : text.index("Team: Engineering")]
    assert "Halve onboarding time" in objectives
    assert "Grow enterprise revenue" not in objectives


def test_unknown_team_raises_one_line_value_error(tmp_path: Path) -> None:
    with pytest.raises(UnknownTeamError) as caught:
        export_pdf(plan_workshop(), tmp_path / "x.pdf", team_id="nope")
    assert isinstance(caught.value, ValueError)
    assert "nope" in str(caught.value) and "\n" not in str(caught.value)
    assert not (tmp_path / "x.pdf").exists()


def test_empty_workshop_prints_a_dash_for_the_score(tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    pages = export_pdf(Workshop(), path)
    reader, _ = read(path)
    first = reader.pages[0].extract_text()
    assert "—" in first and "100" not in first
    assert pages == len(reader.pages)


def test_each_team_bookmark_opens_the_page_of_its_heading(plan: tuple[Path, int]) -> None:
    reader = PdfReader(plan[0])
    entries = [i for i in _flatten(reader.outline) if i.title.startswith("Team: ")]
    assert len(entries) == 3
    for entry in entries:
        page = reader.pages[reader.get_destination_page_number(entry)]
        assert entry.title in " ".join(page.extract_text().split())


def _flatten(items: list) -> list:
    out = []
    for item in items:
        out += _flatten(item) if isinstance(item, list) else [item]
    return out
