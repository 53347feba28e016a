"""The streamed sheet reader gives every row exactly as openpyxl reads it, only faster.

Each workbook here is read twice: by `sheet_rows` (what imports use) and by openpyxl's
own read-only `iter_rows(values_only=True)`, each value turned into text the same way.
The workbooks cover what spreadsheets write: shared and inline strings, rich text with
phonetic runs, numbers, dates by style, booleans, errors, formulas with and without a
cached value, cells and rows without references, gaps, and a DOCTYPE to refuse.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from alignment_workshop.interchange import InterchangeError, import_file
from alignment_workshop.interchange.sheet_rows import cell_text, column_index, sheet_rows

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
#: The hand-made styles are only what dates need; openpyxl says it adds its default style.
pytestmark = pytest.mark.filterwarnings("ignore:Workbook contains no default style")


def hand_made(sheet_xml: str, shared: list[str]) -> bytes:
    """A workbook as Excel writes one: shared strings, and style 1 a date format."""
    items = "".join(f"<si>{item}</si>" for item in shared)
    parts = {
        "[Content_Types].xml": (
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{OFFICE}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{OFFICE}.worksheet+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{OFFICE}.sharedStrings+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{OFFICE}.styles+xml"/></Types>'
        ),
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" Type="{REL}/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
            '<sheet name="Cards" sheetId="1" r:id="rId1"/></sheets></workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">{items}</sst>',
        "xl/styles.xml": (
            f'<styleSheet xmlns="{MAIN}"><cellXfs count="2"><xf numFmtId="0"/>'
            '<xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'
        ),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def both_readings(data: bytes) -> tuple[list[list[str]], list[list[str]]]:
    """The rows of the first sheet as `sheet_rows` reads them, and as openpyxl does."""
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        ws = workbook[workbook.sheetnames[0]]
        ours = list(sheet_rows(workbook, ws, ws.title))
        theirs = []
        for values in ws.iter_rows(values_only=True):
            row = [cell_text(value) for value in values]
            while row and not row[-1]:
                row.pop()
            theirs.append(row)
    finally:
        workbook.close()
    while theirs and not theirs[-1]:
        theirs.pop()
    return ours, theirs


SHARED = [
    "<t>kind</t>",
    "<t>title</t>",
    '<t xml:space="preserve">  spaced  </t>',
    '<r><rPr><b/></rPr><t>Bold</t></r><r><t xml:space="preserve"> and plain</t></r>'
    '<rPh sb="0" eb="1"><t>ふりがな</t></rPh>',
    "<t>line one\nline two &amp; more</t>",
    "<t>_x0007_bell</t>",
]
ROWS = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
    '<row r="2"><c r="A2" t="s"><v>2</v></c><c r="C2" t="s"><v>3</v></c></row>'
    '<row r="4"><c r="A4"><v>42</v></c><c r="B4"><v>-0.5</v></c><c r="C4"><v>1E+16</v></c>'
    '<c r="D4" s="1"><v>46000</v></c><c r="E4" t="b"><v>1</v></c><c r="F4" t="e"><v>#N/A</v>'
    '</c><c r="G4" t="str"><f>A1&amp;B1</f><v>kindtitle</v></c><c r="H4"><f>1+1</f></c></row>'
    '<row><c t="s"><v>4</v></c><c t="inlineStr"><is><t>inline</t></is></c><c/>'
    '<c t="d"><v>2027-03-09T00:00:00</v></c></row>'
    '<row r="9"><c r="B9" t="s"><v>5</v></c><c r="C9" t="inlineStr"><is><r><t>A</t></r>'
    '<r><t>B</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c><c r="D9" t="b"><v>0</v></c></row>'
)


def test_a_workbook_as_excel_writes_it_reads_as_openpyxl_reads_it() -> None:
    data = hand_made(f'<worksheet xmlns="{MAIN}"><sheetData>{ROWS}</sheetData></worksheet>', SHARED)
    ours, theirs = both_readings(data)
    assert ours == theirs
    assert ours[0] == ["kind", "title"] and ours[1] == ["  spaced  ", "", "Bold and plain"]
    assert ours[2] == [] and ours[3][:5] == ["42", "-0.5", "1e+16", "2025-12-09", "yes"]
    assert ours[3][5:] == ["#N/A", "kindtitle"], "a formula's value, never the formula"
    assert ours[4] == ["line one\nline two & more", "inline", "", "2027-03-09"]
    assert ours[8] == ["", "\abell", "AB", "no"]


def test_a_workbook_openpyxl_wrote_reads_as_openpyxl_reads_it() -> None:
    workbook = Workbook()
    ws = workbook.active
    ws.append(["id", "kind", "title", "due", "votes", "impact"])
    ws.append(["g1", "goal", "=NOT A FORMULA", dt.date(2027, 1, 31), 3, 4.5])
    ws.append([None, None, "  ", dt.datetime(2027, 1, 31, 12, 30), True, None])
    ws["H7"] = "far away"
    ws["A7"].value = "row seven"
    ws["C3"].data_type = "s"
    buffer = io.BytesIO()
    workbook.save(buffer)
    ours, theirs = both_readings(buffer.getvalue())
    assert ours == theirs and ours[6][0] == "row seven" and ours[6][7] == "far away"


def test_a_doctype_is_refused(tmp_path: Path) -> None:
    """openpyxl (through defusedxml) lets a DOCTYPE without entities through; this does not."""
    xml = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet><worksheet xmlns="{MAIN}"><sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>kind</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    workbook = load_workbook(io.BytesIO(hand_made(xml, SHARED[:1])), read_only=True)
    with pytest.raises(InterchangeError, match="document type"):
        list(sheet_rows(workbook, workbook["Cards"], "Cards"))
    path = tmp_path / "doctype.xlsx"
    path.write_bytes(hand_made(xml, SHARED[:1]))
    with pytest.raises(InterchangeError, match="document type"):
        import_file(path)


def test_a_row_past_the_limit_is_refused_before_empty_rows_are_made_up() -> None:
    xml = f'<worksheet xmlns="{MAIN}"><sheetData><row r="999999999999"><c><v>1</v></c></row>'
    data = hand_made(xml + "</sheetData></worksheet>", SHARED[:1])
    workbook = load_workbook(io.BytesIO(data), read_only=True)
    with pytest.raises(InterchangeError, match="more than"):
        list(sheet_rows(workbook, workbook["Cards"], "Cards"))


@pytest.mark.parametrize(
    ("letters", "index"), [("A", 1), ("Z", 26), ("AA", 27), ("xfd", 16384), ("", 0), ("A$", 0)]
)
def test_column_letters(letters: str, index: int) -> None:
    assert column_index(letters) == index
