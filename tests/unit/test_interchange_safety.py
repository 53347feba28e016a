"""Spreadsheets are written safely and hostile inputs are refused cleanly, in one line.

Formula-like text never becomes a formula: XLSX cells are text (no `<f>` element, and
openpyxl reads no formula back), CSV fields are guarded with `'`. Broken or hostile
files (not a zip, a zip bomb, a billion-laughs XML, a 10 MB cell, a million rows,
unknown kinds, dangling links, duplicate ids) end in one `InterchangeError` line.
"""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from alignment_workshop.interchange import InterchangeError, export_file, import_file
from alignment_workshop.interchange.limits import MAX_CELL_CHARS, MAX_ROWS
from alignment_workshop.model import Node, NodeKind, Workshop

FORMULAS = ['=HYPERLINK("http://evil.example","click")', "+1", "-2", "@SUM(A1)", "=1+1"]


def formula_workshop() -> Workshop:
    workshop = Workshop()
    for i, title in enumerate(FORMULAS):
        workshop.add_node(Node(f"o{i}", NodeKind.OBJECTIVE, title, description=title))
    return workshop


def test_formula_like_titles_survive_an_xlsx_round_trip_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "cards.xlsx"
    export_file(formula_workshop(), path)
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                assert b"<f>" not in archive.read(name) and b"<f " not in archive.read(name)
    workbook = load_workbook(path)  # not data_only: a formula would read back as one
    cards = workbook["Cards"]
    titles = [row[2].value for row in cards.iter_rows(min_row=2)]
    assert titles == FORMULAS
    for row in cards.iter_rows(min_row=2):
        assert row[2].data_type == "s" and row[2].quotePrefix
    back = import_file(path).workshop
    assert [node.title for node in back.iter_nodes()] == FORMULAS


def test_formula_like_titles_survive_a_csv_round_trip_guarded(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    export_file(formula_workshop(), path)
    text = path.read_text(encoding="utf-8-sig")
    for title in FORMULAS:
        assert f"'{title}" in text or f"\"'{title}" in text.replace('""', '"')
    lines = text.splitlines()[1:]
    assert all(line.split(",")[2].lstrip('"').startswith("'") for line in lines)
    back = import_file(path).workshop
    assert [node.title for node in back.iter_nodes()] == FORMULAS


def test_csv_import_removes_exactly_the_guard(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text(
        "kind,title\nvalue,'=A1\nvalue,''quoted\nvalue,'plain\nvalue,'\tTab\n", encoding="utf-8"
    )
    titles = [n.title for n in import_file(path).workshop.iter_nodes()]
    assert titles == ["=A1", "'quoted", "'plain", "\tTab"]


def refused(path: Path) -> str:
    with pytest.raises(InterchangeError) as caught:
        import_file(path)
    message = str(caught.value)
    assert "\n" not in message and len(message) <= 400
    return message


def test_a_file_that_is_not_a_zip_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fake.xlsx"
    path.write_text("id,kind,title\n", encoding="utf-8")
    assert "not a zip archive" in refused(path)


def test_a_truncated_workbook_is_refused(tmp_path: Path) -> None:
    good = tmp_path / "good.xlsx"
    export_file(formula_workshop(), good)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good.read_bytes()[:600])
    assert "damaged" in refused(bad) or "could not be read" in refused(bad)


def test_a_zip_bomb_is_refused_before_it_expands(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (40 * 1024 * 1024))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    assert path.stat().st_size < 100 * 1024
    started = time.perf_counter()
    assert "zip bomb" in refused(path)
    assert time.perf_counter() - started < 1


def test_an_archive_claiming_a_huge_size_is_refused_by_its_directory(tmp_path: Path) -> None:
    """The sizes the central directory states are checked before any entry is read."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as archive:
        for i in range(3):
            archive.writestr(f"xl/part{i}.xml", b"<x/>")
    data = bytearray(buffer.getvalue())
    start = 0
    while (start := data.find(b"PK\x01\x02", start)) >= 0:
        data[start + 24 : start + 28] = (200 * 1024 * 1024).to_bytes(4, "little")
        start += 4
    path = tmp_path / "claims.xlsx"
    path.write_bytes(bytes(data))
    assert "zip bomb" in refused(path) and "expands to 600 MB" in refused(path)


def test_a_dense_entry_is_refused_by_its_compression_ratio(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"a" * (50 * 1024 * 1024))
    path = tmp_path / "dense.xlsx"
    path.write_bytes(buffer.getvalue())
    assert "expands" in refused(path)


def _workbook_with_sheet(sheet_xml: str, path: Path) -> Path:
    """A minimal workbook whose one sheet is `sheet_xml`, written by hand."""
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats'
            '-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-'
            'officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/'
            'sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
            'worksheet+xml"/></Types>'
        ),
        "_rels/.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
            '2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Cards" sheetId="1" r:id="rId1"/></sheets>'
            "</workbook>"
        ),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
            '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return path


SHEET_HEAD = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'


def test_the_hand_made_workbook_is_read(tmp_path: Path) -> None:
    """The helper makes a workbook openpyxl reads, so the refusals below are meaningful."""
    rows = (
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kind</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>title</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>value</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>Candour</t></is></c></row>'
    )
    path = _workbook_with_sheet(
        f"{SHEET_HEAD}<sheetData>{rows}</sheetData></worksheet>", tmp_path / "ok.xlsx"
    )
    assert [n.title for n in import_file(path).workshop.iter_nodes()] == ["Candour"]


def test_a_billion_laughs_workbook_is_refused(tmp_path: Path) -> None:
    laughs = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)
    ]
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [{"".join(laughs)}]>{SHEET_HEAD}<sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    path = _workbook_with_sheet(xml, tmp_path / "laughs.xlsx")
    started = time.perf_counter()
    assert "entities" in refused(path)
    assert time.perf_counter() - started < 2


def test_a_ten_megabyte_cell_is_refused_with_its_place(tmp_path: Path) -> None:
    import base64
    import random

    noise = random.Random(7).randbytes(10 * 1024 * 1024 * 5 // 8)
    big = base64.b32encode(noise).decode("ascii")[: 10 * 1024 * 1024]
    xml = (
        f"{SHEET_HEAD}<sheetData>"
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kind</t></is></c>'
        '<c r="B1" t="inlineStr"><is><t>title</t></is></c></row>'
        '<row r="2"><c r="A2" t="inlineStr"><is><t>value</t></is></c>'
        f'<c r="B2" t="inlineStr"><is><t>{big}</t></is></c></row></sheetData></worksheet>'
    )
    path = _workbook_with_sheet(xml, tmp_path / "big.xlsx")
    message = refused(path)
    assert message.startswith("Cards, row 2, column title:") and f"{MAX_CELL_CHARS:,}" in message
    csv = tmp_path / "big.csv"
    csv.write_text(f"kind,title\nvalue,{big}\n", encoding="utf-8")
    assert refused(csv).startswith("row 2, column title: the field holds 10,485,760")


def test_a_million_row_sheet_is_refused_early(tmp_path: Path) -> None:
    rows = "".join(f'<row r="{r}"><c r="A{r}"><v>1</v></c></row>' for r in range(1, 1_000_001))
    xml = f'{SHEET_HEAD}<dimension ref="A1:A1000000"/><sheetData>{rows}</sheetData></worksheet>'
    path = _workbook_with_sheet(xml, tmp_path / "million.xlsx")
    started = time.perf_counter()
    message = refused(path)
    assert "1,000,000 rows" in message and f"{MAX_ROWS:,}" in message
    assert time.perf_counter() - started < 2, "refused by the declared dimension"


def test_rows_past_the_limit_are_refused_without_a_dimension(tmp_path: Path) -> None:
    far = MAX_ROWS + 5
    rows = f'<row r="1"><c r="A1"><v>1</v></c></row><row r="{far}"><c r="A{far}"><v>1</v></c></row>'
    xml = f"{SHEET_HEAD}<sheetData>{rows}</sheetData></worksheet>"
    path = _workbook_with_sheet(xml, tmp_path / "sparse.xlsx")
    assert "more than" in refused(path)


def test_a_million_row_csv_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "million.csv"
    path.write_bytes(b"kind,title\n" + b"v,a\n" * 1_000_000)
    started = time.perf_counter()
    assert "more than" in refused(path)
    assert time.perf_counter() - started < 3


def test_an_oversized_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    with path.open("wb") as file:
        file.truncate(21 * 1024 * 1024)
    assert "MB" in refused(path)


@pytest.mark.parametrize(
    ("csv", "expected"),
    [
        ("kind,title\nwish,Be nice\n", "row 2, column kind: must be a kind"),
        (
            "id,kind,title,supports\ng1,goal,A,missing\n",
            "row 2, column supports: refers to no card",
        ),
        (
            "id,kind,title\ng1,goal,A\ng1,goal,B\n",
            "row 3, column id: the card id 'g1' is also on row 2",
        ),
        (
            "kind,title,priority\nvision,V,high\n",
            "row 2, column priority: a vision has no priority",
        ),
        ("kind,title,impact\ngoal,G,9\n", "row 2, column impact:"),
        (
            "id,kind,title,upholds\nv,vision,V,\ng,goal,G,v\n",
            "row 3, column upholds: an upholds link cannot",
        ),
        ("kind\ngoal\n", "row 1: there is no title column"),
        ('kind,title\ngoal,"unclosed\n', "row 2: not valid CSV"),
    ],
)
def test_row_level_problems_name_their_row_and_column(
    csv: str, expected: str, tmp_path: Path
) -> None:
    path = tmp_path / "cards.csv"
    path.write_text(csv, encoding="utf-8")
    assert refused(path).startswith(expected), refused(path)


def test_every_problem_is_listed_not_only_the_first(tmp_path: Path) -> None:
    path = tmp_path / "cards.csv"
    path.write_text("kind,title,due\nwish,A,\ngoal,,\ngoal,C,tomorrow\n", encoding="utf-8")
    with pytest.raises(InterchangeError) as caught:
        import_file(path)
    places = [problem.place for problem in caught.value.problems]
    assert places == ["row 2, column kind", "row 3, column title", "row 4, column due"]
    assert str(caught.value).endswith("(and 2 more problems)")


def test_a_workbook_with_a_dangling_link_in_its_links_sheet_names_the_sheet(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from alignment_workshop import fileio
    from alignment_workshop.paths import example_workshop

    path = tmp_path / "cards.xlsx"
    export_file(fileio.load(example_workshop()), path)
    workbook = load_workbook(path)
    workbook["Links"].append(["l-extra", "supports", "g-brand", "nowhere"])
    workbook.save(path)
    assert refused(path).startswith("Links, row 58, column target: refers to no card")
    workbook["Teams"].append(["product", "Duplicate", "#123456"])
    workbook.save(path)
    assert refused(path).startswith(
        "Teams, row 8, column id: the team id 'product' is listed twice"
    )


def test_a_failed_import_leaves_the_workshop_imported_into_unchanged(tmp_path: Path) -> None:
    workshop = formula_workshop()
    before = (workshop.nodes, workshop.links, workshop.teams, workshop.meta)
    path = tmp_path / "cards.csv"
    path.write_text("id,kind,title\no0,objective,Changed\nnew,wish,X\n", encoding="utf-8")
    with pytest.raises(InterchangeError):
        import_file(path, into=workshop)
    assert (workshop.nodes, workshop.links, workshop.teams, workshop.meta) == before
