"""The plan treats workshop text as plain text, stays offline and survives extremes.

Markup-like text prints literally and makes no links or images; a 200-character word
and a 10,000-character description wrap and split without leaving the page; and
Hypothesis fuzzes every text field with arbitrary Unicode: every export succeeds.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth

from alignment_workshop.model import Action, Link, LinkKind, Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.report import export_pdf
from alignment_workshop.report.fonts import register_fonts
from tests.conftest import examples
from tests.support.strategies import workshops
from tests.unit.test_report_content import plan_workshop, read

HOSTILE = [
    '<img src="/etc/passwd"/> picture',
    '<font name="Courier" color="red">font tag</font>',
    '<a href="https://example.com/x">a link</a>',
    '<link href="file:///etc/hosts">link tag</link>',
    "Fish & chips < 3 > 2 &amp; &lt; &#60;",
    "<para>para</para> <br/> <seq id='s'/> <onDraw name='x'/> ]]> <!-- c -->",
]


def hostile_workshop() -> Workshop:
    """Every text field of a workshop filled with markup-like text."""
    w = plan_workshop()
    w.update_meta(title=HOSTILE[0], facilitator=HOSTILE[1], participants=tuple(HOSTILE))
    w.update_team("prod", name=HOSTILE[2])
    for index, node in enumerate(w.nodes):
        text = HOSTILE[index % len(HOSTILE)]
        changes: dict[str, object] = {"title": f"{text} #{index}", "description": text}
        if node.kind is NodeKind.GOAL:
            changes.update(why=text, owner=text, metric=text)
            changes["actions"] = (Action(text, owner=text),)
        w.update_node(node.id, **changes)
    for link in w.links:
        changes = {"note": HOSTILE[3]}
        if link.kind is LinkKind.CONFLICTS:
            changes["resolution"] = HOSTILE[4]
        w.update_link(link.id, **changes)
    return w


def test_markup_like_text_prints_literally(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    workshop = hostile_workshop()
    export_pdf(workshop, path)
    _, text = read(path)
    for node in workshop.nodes:
        assert node.title in text, node.title
    for fragment in HOSTILE:
        assert fragment in text, fragment


def test_only_internal_links_no_images_no_external_references(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    export_pdf(hostile_workshop(), path)
    reader = PdfReader(path)
    pages = [page.indirect_reference for page in reader.pages]
    for page in reader.pages:
        for ref in page.get("/Annots", []):
            annot = ref.get_object()
            # The contents page and map stubs link to pages of the plan, nothing else.
            assert annot["/Subtype"] == "/Link" and "/A" not in annot
            assert annot["/Dest"][0] in pages
        assert not page.images
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            assert ref.get_object().get("/Subtype") != "/Image"
    raw = path.read_bytes()
    for marker in (b"/URI", b"/Launch", b"/GoToR", b"/JavaScript", b"/EmbeddedFile"):
        assert marker not in raw


def test_hostile_names_in_outline_and_metadata_are_literal(tmp_path: Path) -> None:
    path = tmp_path / "hostile.pdf"
    export_pdf(hostile_workshop(), path)
    reader = PdfReader(path)
    assert reader.metadata.title == HOSTILE[0]
    assert reader.metadata.author == HOSTILE[1]
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    nested = [i.title for group in reader.outline if isinstance(group, list) for i in group]
    assert f"Team: {HOSTILE[2]}" in titles + nested


def _text_extents(path: Path) -> list[tuple[float, float, float, str]]:
    """(page width, left, right) of every text run, from pypdf's text visitor."""
    register_fonts()
    runs: list[tuple[float, float, float, str]] = []
    for page in PdfReader(path).pages:
        width = float(page.mediabox.width)

        def visit(text, cm, tm, font, size, width=width):
            if not text.strip() or font is None:
                return
            name = str(font.get("/BaseFont", "")).split("+")[-1]
            if not name.startswith("DejaVuSans"):
                return
            scale = tm[0] * cm[0]
            left = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            right = left + stringWidth(text, name, size) * scale
            runs.append((width, left, right, text))

        page.extract_text(visitor_text=visit)
    return runs


def test_long_words_and_huge_descriptions_wrap_inside_the_page(tmp_path: Path) -> None:
    w = plan_workshop()
    word = "W" * 200
    w.update_node("g1", title=word, description=("Lorem ipsum dolor " * 600)[:10_000])
    w.update_node("o1", title="x" * 200, description="Y" * 10_000, metric="M" * 500)
    w.update_node("v", description="Ж" * 10_000)
    w.update_team("prod", name="T" * 100)
    w.update_meta(title="H" * 200, facilitator="F" * 200)
    path = tmp_path / "long.pdf"
    pages = export_pdf(w, path)
    assert pages > 10
    runs = _text_extents(path)
    assert runs
    for page_width, left, right, text in runs:
        assert left >= 0 and right <= page_width + 0.5, (left, right, text[:30])
    _, text = read(path)
    assert text.count("W") >= 200


@st.composite
def fuzzed_workshops(draw: st.DrawFn) -> Workshop:
    """A fixed shape of workshop whose every text field is arbitrary Unicode."""
    any_text = st.text(max_size=300)
    title = st.text(min_size=1, max_size=200).filter(lambda t: bool(t.strip()))
    w = Workshop(
        Meta(
            title=draw(title),
            facilitator=draw(st.text(max_size=200)),
            participants=tuple(draw(st.lists(st.text(max_size=60), max_size=3))),
            notes=draw(any_text),
        )
    )
    w.add_team(Team("t1", draw(st.text(min_size=1, max_size=100).filter(str.strip))))
    w.add_team(Team("t2", draw(st.text(min_size=1, max_size=100).filter(str.strip))))
    kinds = [NodeKind.VISION, NodeKind.VALUE, NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.GOAL]
    for index, kind in enumerate(kinds):
        extra: dict[str, object] = {}
        if kind is NodeKind.GOAL:
            extra = {
                "team": f"t{index - 2}",
                "why": draw(any_text),
                "owner": draw(st.text(max_size=200)),
                "actions": (Action(draw(title), owner=draw(st.text(max_size=50))),),
            }
        if kind in (NodeKind.GOAL, NodeKind.OBJECTIVE):
            extra["metric"] = draw(st.text(max_size=100))
        w.add_node(Node(f"n{index}", kind, draw(title), description=draw(any_text), **extra))
    for index, (kind, source, target) in enumerate(
        [
            (LinkKind.SUPPORTS, "n2", "n0"),
            (LinkKind.SUPPORTS, "n3", "n2"),
            (LinkKind.UPHOLDS, "n2", "n1"),
            (LinkKind.DEPENDS, "n3", "n4"),
        ]
    ):
        w.add_link(Link(f"l{index}", kind, source, target, note=draw(any_text)))
    resolved = draw(st.booleans())
    w.add_link(
        Link(
            "c",
            LinkKind.CONFLICTS,
            "n3",
            "n4",
            note=draw(any_text),
            resolved=resolved,
            resolution=draw(any_text),
        )
    )
    return w


@settings(max_examples=examples(ci=300, dev=15))
@given(workshop=fuzzed_workshops(), team=st.sampled_from([None, "t1", "t2"]))
def test_fuzzed_text_always_exports(workshop: Workshop, team: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.pdf"
        pages = export_pdf(workshop, path, team_id=team)
        assert pages == len(PdfReader(path).pages) >= 3


@settings(max_examples=examples(ci=100, dev=10))
@given(workshop=workshops(max_nodes=25))
def test_random_workshops_always_export(workshop: Workshop) -> None:
    """Any valid shape: cycles, dropped nodes, scattered or missing positions, no vision."""
    teams = [None, *(t.id for t in workshop.teams[:1])]
    with tempfile.TemporaryDirectory() as folder:
        for team in teams:
            path = Path(folder) / "random.pdf"
            pages = export_pdf(workshop, path, team_id=team)
            assert pages == len(PdfReader(path).pages)


def test_reportlab_may_fetch_nothing() -> None:
    from reportlab import rl_config

    import alignment_workshop.report  # noqa: F401  (importing the package sets the limits)

    assert list(rl_config.trustedHosts) == []
    assert list(rl_config.trustedSchemes) == []
