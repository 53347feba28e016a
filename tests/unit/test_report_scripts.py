"""Every script in the PDF: fallback fonts, bidi and shaping, read back with pypdf.

Titles in Japanese, Chinese, Korean, Greek, Cyrillic and with emoji come out of the PDF
exactly; Arabic and Hebrew phrases come out in logical order; every font is embedded,
the outline and metadata keep the real text, and re-export is byte-identical, in this
process and in a fresh one.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from alignment_workshop.model import Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.report import export_pdf
from alignment_workshop.report.scripts import runs, visual

TITLES = {
    "ja": "東京チームの売上目標を達成する",
    "zh-Hans": "提高客户满意度",
    "zh-Hant": "擴大亞洲業務",
    "ko": "서울 사무소 개설",
    "el": "Ανάπτυξη στην Ελλάδα",
    "ru": "Расширение продаж",
    "emoji": "🚀 Launch with 🎯 focus",
}
ARABIC = "تحسين تجربة العملاء"
HEBREW = "הרחבת צוות המכירות"
VALUE = "الشفافية في كل قرار"
#: Twenty different words, three times over: long enough to wrap over several lines.
_WORDS = (
    "شمس قمر نجم بحر نهر جبل سهل وادي غابة صحراء مدينة قرية شارع بيت باب نافذة كتاب قلم ورقة حبر"
)
LONG_ARABIC = " ".join([_WORDS] * 3)


def global_workshop() -> Workshop:
    """A workshop whose vision, objectives, goals, teams and meta are in many scripts."""
    w = Workshop(Meta(title="東京 · دبي 🌍 offsite", facilitator="Ренат 김"))
    w.add_team(Team("tokyo", "東京チーム", "#3366CC"))
    w.add_team(Team("dubai", "فريق دبي", "#DC3912"))
    w.add_node(Node("v", NodeKind.VISION, "世界中のチームが一つの地図で動く"))
    w.add_node(Node("val", NodeKind.VALUE, VALUE, description=LONG_ARABIC))
    for index, (key, title) in enumerate(TITLES.items()):
        w.add_node(Node(f"o{index}", NodeKind.OBJECTIVE, title, description=f"{key}: {title}"))
    w.add_node(Node("ar", NodeKind.GOAL, ARABIC, team="dubai"))
    w.add_node(Node("he", NodeKind.GOAL, HEBREW, team="tokyo"))
    w.add_node(Node("hi", NodeKind.GOAL, "ग्राहक संतुष्टि बढ़ाना", team="tokyo"))
    return w


@pytest.fixture(scope="module")
def pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("scripts") / "global.pdf"
    export_pdf(global_workshop(), path)
    return path


def _text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("script", sorted(TITLES))
def test_titles_in_every_script_come_out_exactly(pdf: Path, script: str) -> None:
    assert TITLES[script] in _text(pdf)


def test_no_replacement_character_for_covered_text(pdf: Path) -> None:
    text = _text(pdf)
    assert "\ufffd" not in text
    assert "東京チーム" in text and "فريق دبي" in text


def test_arabic_and_hebrew_come_out_in_logical_order_with_words_in_order(pdf: Path) -> None:
    text = _text(pdf)
    assert ARABIC in text
    assert HEBREW in text
    # Not the letters backwards, nor the words swapped.
    assert ARABIC[::-1] not in text and " ".join(reversed(ARABIC.split())) not in text


def test_every_font_is_embedded(pdf: Path) -> None:
    names, missing = set(), []
    for page in PdfReader(pdf).pages:
        for ref in page["/Resources"].get("/Font", {}).values():
            font = ref.get_object()
            name = str(font["/BaseFont"])
            names.add(name.rsplit("+", maxsplit=1)[-1])
            descriptor = font.get("/FontDescriptor")
            if descriptor is None or "/FontFile2" not in descriptor.get_object():
                missing.append(name)
    assert not missing
    expected = {"DroidSansFallbackWorkshop", "NotoSansArabic-Regular", "NotoSansHebrew-Regular"}
    assert expected | {"NotoEmoji-Regular", "NotoSansDevanagari-Regular"} <= names


def test_metadata_and_outline_keep_the_real_text(pdf: Path) -> None:
    reader = PdfReader(pdf)
    assert reader.metadata.title == "東京 · دبي 🌍 offsite"
    assert reader.metadata.author == "Ренат 김"

    def walk(items: list) -> list[str]:
        out: list[str] = []
        for item in items:
            out += walk(item) if isinstance(item, list) else [item.title]
        return out

    titles = walk(reader.outline)
    assert "Team: 東京チーム" in titles and "Team: فريق دبي" in titles


def test_reexport_is_byte_identical_in_this_process_and_a_fresh_one(
    pdf: Path, tmp_path: Path
) -> None:
    # Shape other words first, so this process numbers its shaped glyphs differently.
    export_pdf(_other_workshop(), tmp_path / "other.pdf")
    again = tmp_path / "again.pdf"
    export_pdf(global_workshop(), again)
    assert again.read_bytes() == pdf.read_bytes()
    # Fresh processes, one of which shapes other words before the plan: however a
    # process numbered its shaped glyphs, the file is the same.
    for first in ("", "export_pdf(_other_workshop(), sys.argv[1]);"):
        fresh = tmp_path / "fresh.pdf"
        code = (
            "import sys; sys.path.insert(0, sys.argv[2]);"
            "from test_report_scripts import global_workshop, _other_workshop;"
            "from alignment_workshop.report import export_pdf;"
            f"{first}export_pdf(global_workshop(), sys.argv[1])"
        )
        here = str(Path(__file__).parent)
        subprocess.run([sys.executable, "-c", code, str(fresh), here], check=True, timeout=120)
        assert fresh.read_bytes() == pdf.read_bytes(), first or "fresh"


def test_glyphs_after_the_first_of_a_cluster_copy_out_as_nothing(pdf: Path) -> None:
    # "ष्टि" is two glyphs, the vowel sign drawn first; the second must add no character.
    text = _text(pdf)
    assert "ग्राहक संतुष्टि बढ़ाना" in text
    assert not any(0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000 for c in text)


def _other_workshop() -> Workshop:
    w = Workshop(Meta(title="Other"))
    w.add_node(Node("v", NodeKind.VISION, "مرحبا بالعالم شكرا لكم क्षत्रिय कार्यक्रम स्त्री"))
    return w


def test_visual_order_reverses_words_not_letters() -> None:
    assert visual("abc אבג דהו xyz") == "abc דהו אבג xyz"
    assert visual("plain text") == "plain text"


def test_runs_pick_a_face_per_script_and_keep_spaces_out_of_rtl_runs() -> None:
    faces = [(run.face, run.text) for run in runs("Plan 東京 and 🚀")]
    assert faces == [
        (None, "Plan "),
        ("DroidSansFallback", "東京"),
        (None, " and "),
        (
            "NotoEmoji",
            "🚀",
        ),
    ]
    arabic = runs(f"x {ARABIC} y")
    assert [run.face for run in arabic] == [None, "NotoSansArabic", None]
    assert not arabic[1].text.endswith(" ")


def test_characters_no_font_has_become_replacement_characters() -> None:
    # U+10FFFD is private use: no shipped face draws it.
    assert "".join(run.text for run in runs("a\U0010fffdb")) == "a\ufffdb"


def test_a_right_to_left_paragraph_is_aligned_right(pdf: Path) -> None:
    lefts: list[float] = []

    def visit(text, cm, tm, font, size) -> None:
        if "الشفافية" in text:
            lefts.append(tm[4] * cm[0] + cm[4])

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
        if lefts:
            width = float(page.mediabox.width)
            break
    assert lefts and min(lefts) > width / 2


def test_a_wrapped_right_to_left_paragraph_keeps_its_words_in_order(pdf: Path) -> None:
    words = set(LONG_ARABIC.split())
    lines = [line for line in _text(pdf).splitlines() if words & set(line.split())]
    assert len(lines) > 1  # it wrapped
    assert " ".join(lines).split() == LONG_ARABIC.split()


def test_shaped_glyphs_beyond_the_bmp_private_area_still_copy_out(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfgen.canvas import Canvas

    from alignment_workshop.report.fonts import glyphs

    glyphs("NotoSansArabic")  # registered, as an export would
    font = pdfmetrics.getFont("NotoSansArabic")
    saved = (font._free, font._private, font._words)
    # As if the BMP's private area were used up: new codes come from plane 15.
    font._free, font._private, font._words = iter(range(0xF0000, 0xF0400)), {}, {}
    try:
        shaped = font.shape("العملاء")
        assert any(ord(c) >= 0xF0000 for c in shaped)
        path = tmp_path / "plane15.pdf"
        canvas = Canvas(str(path), invariant=1)
        canvas.setFont("NotoSansArabic", 14)
        canvas.drawString(72, 720, shaped)
        canvas.save()
    finally:
        font._free, font._private, font._words = saved
    assert "العملاء" in PdfReader(path).pages[0].extract_text()


def test_slides_carry_every_script_and_embed_their_fonts(tmp_path: Path) -> None:
    from alignment_workshop.report.slides import export_slides

    path = tmp_path / "slides.pdf"
    export_slides(global_workshop(), path)
    text = " ".join(_text(path).split())
    for title in (TITLES["ja"], TITLES["ko"], TITLES["emoji"], ARABIC, HEBREW):
        assert title in text, title
    assert "\ufffd" not in text
    fonts = {
        str(ref.get_object()["/BaseFont"]).rsplit("+", maxsplit=1)[-1]
        for page in PdfReader(path).pages
        for ref in page["/Resources"].get("/Font", {}).values()
    }
    assert {"DroidSansFallbackWorkshop", "NotoSansArabic-Regular"} <= fonts
