"""The slides (report/slides.py), read back with pypdf: 16:9 pages of 1920 × 1080 points,
one per step, real text in at least 28 px-equivalent type, every active card's whole
title and every team's name on some slide; and `export --slides` on the command line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from alignment_workshop.fileio import load, save
from alignment_workshop.model import Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.report.slides import export_slides, slides_plan
from tests.support.generate import generate_workshop
from tests.support.long_titles import long_title_workshop
from tests.unit.test_cli import imported, run

EXAMPLE = Path("resources/examples/product-company.alignment")
#: Type of 28 px on a 1080 px screen is 28 points on a 1080-point page.
MIN_POINTS = 28 * 1080 / 1080


def hostile_workshop() -> Workshop:
    """Titles and a team name that would be markup if they reached reportlab unescaped."""
    team = Team("t", "R&D <core> team")
    nodes = [
        Node("v", NodeKind.VISION, "<b>Bold</b> & brave: a vision with <font size=2>markup"),
        Node("g", NodeKind.GOAL, "Ship <para> & &amp; literally", team="t"),
    ]
    return Workshop.from_records(Meta(title="<i>Hostile</i>"), [team], nodes, [])


WORKSHOPS = {
    "long titles (60 cards)": long_title_workshop,
    "example": lambda: load(EXAMPLE),
    "generated 120": lambda: generate_workshop(nodes=120, seed=4),
    "hostile text": hostile_workshop,
}


def squash(text: str) -> str:
    """Text without any white space: what survives line breaks and text extraction."""
    return re.sub(r"\s+", "", text)


def read_pages(path: Path) -> list[tuple[str, list[float]]]:
    """Each page's text and the sizes, in points, of every piece of text drawn on it."""
    pages = []
    for page in PdfReader(path).pages:
        sizes: list[float] = []
        text = page.extract_text(visitor_text=_sizes_into(sizes))
        pages.append((text, sizes))
    return pages


def _sizes_into(sizes: list[float]) -> object:
    """A pypdf text visitor that adds each drawn piece's size, in points, to `sizes`."""

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes.append(size * abs(tm[3]) * abs(cm[3]))

    return visit


@pytest.mark.parametrize("name", list(WORKSHOPS))
def test_slides_show_every_active_title_whole_in_large_type(name: str, tmp_path: Path) -> None:
    workshop = WORKSHOPS[name]()
    target = tmp_path / "slides.pdf"
    count = export_slides(workshop, target)
    reader = PdfReader(target)
    assert count == len(reader.pages) == len(slides_plan(workshop).steps)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == (1920.0, 1080.0)
    pages = read_pages(target)
    every = squash(" ".join(text for text, _ in pages))
    for node in workshop.iter_nodes():
        if node.is_active:
            assert squash(node.title) in every, f"{node.title!r} is not whole on any slide"
    for team in workshop.teams:
        if any(n.team == team.id and n.kind is NodeKind.GOAL for n in workshop.iter_nodes()):
            assert squash(team.name) in every
    sizes = [size for _, page_sizes in pages for size in page_sizes]
    assert sizes and min(sizes) >= MIN_POINTS


def test_a_title_is_on_the_slide_its_step_plans(tmp_path: Path) -> None:
    workshop = long_title_workshop()
    target = tmp_path / "slides.pdf"
    export_slides(workshop, target)
    pages = read_pages(target)
    for step, (text, _) in zip(slides_plan(workshop).steps, pages, strict=True):
        for box in step.boxes:
            assert squash(workshop.node(box.node_id).title) in squash(text)


def test_a_failed_slides_export_leaves_the_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "slides.pdf"
    export_slides(long_title_workshop(), target)
    good = target.read_bytes()

    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("alignment_workshop.safe_files.os.replace", refuse)
    with pytest.raises(OSError):
        export_slides(hostile_workshop(), target)
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["slides.pdf"]


def test_the_command_line_writes_slides_without_qt(tmp_path: Path) -> None:
    source = tmp_path / "long.alignment"
    save(long_title_workshop(), source)
    result = run("export", source, "-o", tmp_path / "slides.pdf", "--slides", importtime=True)
    assert result.returncode == 0, result.stderr[-500:]
    names = imported(result.stderr)
    assert "reportlab" in names and "PySide6" not in names and "shiboken6" not in names
    assert len(PdfReader(tmp_path / "slides.pdf").pages) == len(slides_plan(load(source)).steps)
    refused = run("export", source, "-o", tmp_path / "map.png", "--slides")
    assert refused.returncode == 2 and "--slides" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1


def test_votes_are_on_the_slides_as_on_the_screen(tmp_path: Path) -> None:
    team = Team("t", "Sales")
    nodes = [
        Node("v", NodeKind.VISION, "Be trusted"),
        Node("o", NodeKind.OBJECTIVE, "Grow retention", votes=7),
        Node("g", NodeKind.GOAL, "Ship the checklist", team="t", votes=3),
    ]
    workshop = Workshop.from_records(Meta(title="Votes"), [team], nodes, [])
    export_slides(workshop, tmp_path / "slides.pdf")
    (text, sizes), *_ = read_pages(tmp_path / "slides.pdf")
    assert "★ 7" in text and "★ 3" in text and min(sizes) >= MIN_POINTS
