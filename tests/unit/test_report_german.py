"""The PDF in German: its fixed texts, dates and numbers follow the language in effect
(the editor's, or --lang), and its /Lang says so."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from alignment_workshop import i18n
from alignment_workshop.fileio import load
from alignment_workshop.report import export_pdf

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/product-company.alignment"


def _text(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_the_plan_in_german(tmp_path: Path) -> None:
    i18n.set_language("de")
    path = tmp_path / "plan.pdf"
    export_pdf(load(EXAMPLE), path)
    reader = PdfReader(path)
    first = " ".join(reader.pages[0].extract_text().split())
    assert "alignment workshop · Maßnahmenplan" in first  # the running header
    assert "Seite 1 von" in first
    assert "Die drei Punkte, die zuerst zu klären sind" in first
    assert "24.11.2026" in first  # the workshop's date, German style
    assert "%" in first and "," in first.split("%")[0][-6:]  # "69,6 %"
    text = _text(reader)
    for heading in ("Vision und Werte", "Was zu klären ist", "Ziele", "Teampläne"):
        assert heading in text
    assert "What to resolve" not in text and "Team plans" not in text
    assert reader.trailer["/Root"]["/Lang"] == "de"


def test_an_english_plan_says_lang_en(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    export_pdf(load(EXAMPLE), path)
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "en"


def test_export_with_lang_de_on_the_command_line(tmp_path: Path) -> None:
    out = tmp_path / "plan.pdf"
    command = ["export", str(EXAMPLE), "-o", str(out), "--lang", "de"]
    done = subprocess.run(
        [sys.executable, "-m", "alignment_workshop", *command],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"{out} geschrieben")
    reader = PdfReader(out)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    assert "Teampläne" in _text(reader)


def test_the_slides_in_german(tmp_path: Path) -> None:
    from alignment_workshop.report.slides import slides_pdf

    i18n.set_language("de")
    data, pages = slides_pdf(load(EXAMPLE))
    path = tmp_path / "slides.pdf"
    path.write_bytes(data)
    reader = PdfReader(path)
    assert reader.trailer["/Root"]["/Lang"] == "de"
    first = " ".join(reader.pages[0].extract_text().split())
    assert f"Schritt 1 von {pages}" in first
    assert "Vision, Ziele und Werte" in first


def test_a_team_plan_names_its_team_and_declines_the_others_in_german(tmp_path: Path) -> None:
    """The subject and header say "für {team}", and the goals of other teams are counted
    in one German sentence ("von 2 Teamzielen"), not glued from English-ordered parts."""
    from alignment_workshop.paths import example_workshop

    i18n.set_language("de")
    path = tmp_path / "team.pdf"
    export_pdf(load(example_workshop()), path, team_id="product")
    reader = PdfReader(path)
    assert reader.metadata["/Subject"] == "Maßnahmenplan des Alignment-Workshops für Product"
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Maßnahmenplan für Product" in text
    assert "Teamzielen anderer Teams." in text and "Teamziele anderer Teams" not in text
