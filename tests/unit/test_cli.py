"""The command line as a user runs it: whole processes, exit codes, one-line errors.

Also proves the layering promise that `check`, `upgrade`, `--version` and the PDF
`export` never import PySide6, nor the room's server and QR code (aiohttp, segno), and
that `check`/`upgrade`/`--version` skip reportlab.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from alignment_workshop.fileio import save
from alignment_workshop.paths import example_workshop
from tests.support.generate import generate_workshop

EXAMPLE = example_workshop()
#: The libraries only spreadsheet and outline import and export may load.
INTERCHANGE_LIBRARIES = {"openpyxl", "markdown_it", "defusedxml", "et_xmlfile"}


def run(
    *args: str | Path, importtime: bool = False, locale: str | None = None
) -> subprocess.CompletedProcess[str]:
    flags = ["-X", "importtime"] if importtime else []
    env = {k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"}
    if locale is not None:
        env = {k: v for k, v in env.items() if not k.startswith("LC_")} | {"LANG": locale}
    return subprocess.run(
        [sys.executable, *flags, "-m", "alignment_workshop", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )


def imported_modules(stderr: str) -> set[str]:
    """Every module name in `-X importtime` output."""
    return {
        line.rsplit("|", 1)[1].strip()
        for line in stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }


def imported(stderr: str) -> set[str]:
    """Top-level package names from `-X importtime` output."""
    return {name.split(".")[0] for name in imported_modules(stderr)}


#: What only the editor's room may load: its web server, its QR code and the room itself.
ROOM_ONLY = {"aiohttp", "segno", "qasync", "yarl", "multidict"}


def assert_no_room(stderr: str) -> None:
    assert not imported(stderr) & ROOM_ONLY
    assert not any(name.startswith("alignment_workshop.room") for name in imported_modules(stderr))


@pytest.mark.parametrize(
    "args",
    [
        ("--version",),
        ("check", EXAMPLE),
        ("check", "--json", EXAMPLE),
        ("upgrade", EXAMPLE, "-o", "{tmp}/up.alignment"),
    ],
)
def test_commands_without_qt_or_reportlab(args: tuple[str | Path, ...], tmp_path: Path) -> None:
    result = run(*(str(a).format(tmp=tmp_path) for a in args), importtime=True)
    assert result.returncode in (0, 1), result.stderr[-500:]
    names = imported(result.stderr)
    assert "alignment_workshop" in names or args == ("--version",)
    assert "PySide6" not in names and "shiboken6" not in names
    assert "reportlab" not in names
    assert not names & INTERCHANGE_LIBRARIES
    assert_no_room(result.stderr)


def test_pdf_export_does_not_import_qt(tmp_path: Path) -> None:
    result = run("export", EXAMPLE, "-o", tmp_path / "plan.pdf", importtime=True)
    assert result.returncode == 0, result.stderr[-500:]
    names = imported(result.stderr)
    assert "reportlab" in names
    assert "PySide6" not in names and "shiboken6" not in names
    assert not names & INTERCHANGE_LIBRARIES
    assert_no_room(result.stderr)
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_spreadsheet_export_and_import_do_not_import_qt(suffix: str, tmp_path: Path) -> None:
    sheet = tmp_path / f"cards{suffix}"
    result = run("export", EXAMPLE, "-o", sheet, importtime=True)
    assert result.returncode == 0, result.stderr[-500:]
    names = imported(result.stderr)
    assert "PySide6" not in names and "shiboken6" not in names and "reportlab" not in names
    assert ("openpyxl" in names) is (suffix == ".xlsx")
    result = run("import", sheet, "-o", tmp_path / "back.alignment", importtime=True)
    assert result.returncode == 0, result.stderr[-500:]
    names = imported(result.stderr)
    assert "PySide6" not in names and "shiboken6" not in names and "reportlab" not in names
    assert ("defusedxml" in names) is (suffix == ".xlsx"), "XLSX XML is read through defusedxml"


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0 and result.stdout.startswith("alignment-workshop 0.")


def test_check_json_shape_and_exit_code(tmp_path: Path) -> None:
    result = run("check", "--json", EXAMPLE)
    assert result.returncode == 1, "the example has error findings"
    data = json.loads(result.stdout)
    assert list(data) == ["score", "teams", "findings"]
    assert [t["id"] for t in data["teams"]][:2] == ["product", "engineering"]
    for team in data["teams"]:
        assert set(team) == {"id", "name", "goals", "aligned", "score"}
    order = {"error": 0, "warning": 1, "info": 2}
    keys = [(order[f["severity"]], f["rule"], f["nodes"]) for f in data["findings"]]
    assert keys == sorted(keys)
    for finding in data["findings"]:
        assert set(finding) <= {"rule", "severity", "nodes", "message", "link", "team"}


def test_check_clean_workshop_exits_zero(tmp_path: Path) -> None:
    from alignment_workshop.model import Link, LinkKind, Node, NodeKind, Workshop

    workshop = Workshop()
    workshop.add_node(Node("v", NodeKind.VISION, "Vision"))
    workshop.add_node(Node("o", NodeKind.OBJECTIVE, "Objective"))
    workshop.add_link(Link("l", LinkKind.SUPPORTS, "o", "v"))
    path = tmp_path / "clean.alignment"
    save(workshop, path)
    result = run("check", path)
    assert result.returncode == 0, result.stdout
    assert "Alignment score: —" in result.stdout


def test_check_human_output_names_score_teams_and_findings() -> None:
    result = run("check", EXAMPLE)
    assert result.returncode == 1
    assert result.stdout.startswith("Alignment score: ")
    assert "Teams" in result.stdout and "Errors (" in result.stdout
    assert "Custom export for a key deal" in result.stdout


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda d: d / "missing.alignment", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "bad.alignment", b"{not json"), "bad.alignment: "),
        (lambda d: _write(d / "bad.alignment", b'{"format": "x", "version": 1}'), "format"),
        (lambda d: _write(d / "f", b"x") / "inside.alignment", "inside.alignment: "),
    ],
)
@pytest.mark.parametrize("command", ["check", "upgrade", "export"])
def test_bad_input_is_exit_2_and_one_line(
    tmp_path: Path, make, expected: str, command: str
) -> None:
    path = make(tmp_path)
    extra = ["-o", str(tmp_path / "out.pdf")] if command == "export" else []
    result = run(command, path, *extra)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ") and expected in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_upgrade_rewrites_in_place_and_keeps_bak(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    original = EXAMPLE.read_bytes().replace(b'  "generator"', b'  "generator"', 1)
    path.write_bytes(b"\xef\xbb\xbf" + original)
    result = run("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "plan.alignment.bak").read_bytes() == b"\xef\xbb\xbf" + original
    assert path.read_bytes() == original


FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.mark.parametrize("name", ["every-field", "defaults", "minimal", "with-bom"])
def test_upgrade_of_a_v1_file_writes_version_2_and_keeps_the_findings(
    tmp_path: Path, name: str
) -> None:
    path = tmp_path / "old.alignment"
    path.write_bytes((FIXTURES / "v1" / f"{name}.alignment").read_bytes())
    before = run("check", "--json", path)
    result = run("upgrade", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Wrote {path} in format version 2."
    assert json.loads(path.read_bytes())["version"] == 2
    after = run("check", "--json", path)
    assert (after.returncode, after.stdout) == (before.returncode, before.stdout)


def test_a_newer_version_file_is_refused_by_every_command(tmp_path: Path) -> None:
    newer = FIXTURES / "hostile" / "newer-version.alignment"
    for command in ("check", "upgrade"):
        result = run(command, newer)
        assert result.returncode == 2
        assert "format version 3" in result.stderr and "format version 2" in result.stderr
        assert result.stderr.count("\n") == 1


def test_export_rejects_unknown_type_and_team(tmp_path: Path) -> None:
    result = run("export", EXAMPLE, "-o", tmp_path / "plan.docx")
    assert result.returncode == 2 and "use .pdf, .png, .svg, .xlsx or .csv" in result.stderr
    result = run("export", EXAMPLE, "-o", tmp_path / "plan.pdf", "--team", "nobody")
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "nobody" in result.stderr
    assert not (tmp_path / "plan.pdf").exists()


def _paper(path: Path) -> tuple[int, int]:
    box = PdfReader(path).pages[0].mediabox
    return (round(float(box.width)), round(float(box.height)))


def test_export_paper_follows_the_option_else_the_locale(tmp_path: Path) -> None:
    sizes = {}
    for name, extra, locale in (
        ("us", (), "en_US.UTF-8"),
        ("ca", (), "fr_CA.UTF-8"),
        ("de", (), "de_DE.UTF-8"),
        ("c", (), "C"),
        ("us-a4", ("--paper", "a4"), "en_US.UTF-8"),
        ("de-letter", ("--paper", "letter"), "de_DE.UTF-8"),
    ):
        result = run("export", EXAMPLE, "-o", tmp_path / f"{name}.pdf", *extra, locale=locale)
        assert result.returncode == 0, result.stderr
        sizes[name] = _paper(tmp_path / f"{name}.pdf")
    letter, a4 = (612, 792), (595, 842)
    assert sizes == {
        "us": letter,
        "ca": letter,
        "de": a4,
        "c": a4,
        "us-a4": a4,
        "de-letter": letter,
    }


def test_export_language_is_set_and_checked(tmp_path: Path) -> None:
    result = run("export", EXAMPLE, "-o", tmp_path / "de.pdf", "--lang", "de-CH")
    assert result.returncode == 0, result.stderr
    assert PdfReader(tmp_path / "de.pdf").trailer["/Root"]["/Lang"] == "de-CH"
    result = run("export", EXAMPLE, "-o", tmp_path / "en.pdf")
    assert PdfReader(tmp_path / "en.pdf").trailer["/Root"]["/Lang"] == "en"
    result = run("export", EXAMPLE, "-o", tmp_path / "bad.pdf", "--lang", "de<CH")
    assert result.returncode == 2 and result.stderr.count("\n") == 1, result.stderr
    result = run("export", EXAMPLE, "-o", tmp_path / "bad.pdf", "--paper", "a3")
    assert result.returncode == 2 and "invalid choice: 'a3'" in result.stderr
    result = run("export", EXAMPLE, "-o", tmp_path / "map.png", "--paper", "letter")
    assert result.returncode == 2 and "PDF action plan only" in result.stderr
    result = run("export", EXAMPLE, "-o", tmp_path / "bad.pdf", "--slides", "--paper", "a4")
    assert result.returncode == 2 and "not to --slides" in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert not (tmp_path / "bad.pdf").exists()


def test_check_on_generated_workshop(tmp_path: Path) -> None:
    path = tmp_path / "big.alignment"
    save(generate_workshop(nodes=500, seed=3), path)
    result = run("check", "--json", path)
    assert result.returncode in (0, 1)
    assert json.loads(result.stdout)["score"] is not None


def test_output_closed_early_is_no_traceback(tmp_path: Path) -> None:
    path = tmp_path / "big.alignment"
    save(generate_workshop(nodes=3000, seed=5), path)
    child = subprocess.Popen(
        [sys.executable, "-m", "alignment_workshop", "check", str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.readline()
    child.stdout.close()  # like `check FILE | head -1`
    stderr = child.stderr.read().decode()
    child.wait(timeout=60)
    assert "Traceback" not in stderr and "BrokenPipe" not in stderr


def test_import_writes_a_workshop_and_says_what_it_made(tmp_path: Path) -> None:
    outline = tmp_path / "okrs.md"
    outline.write_text(
        "# Q3 OKRs\n\n## Company\n\n1. Grow revenue\n   - ARR to $2m\n\n"
        "## Sales\n\n- Close 10 deals\n  - 10 signed contracts\n",
        encoding="utf-8",
    )
    out = tmp_path / "okrs.alignment"
    result = run("import", outline, "-o", out)
    assert result.returncode == 0, result.stderr
    assert "1 objective, 1 team goal, 2 key results, 1 team" in result.stdout
    check = run("check", "--json", out)
    assert check.returncode in (0, 1) and json.loads(check.stdout)["teams"][0]["name"] == "Sales"


def test_import_error_is_one_line_with_its_place_and_writes_nothing(tmp_path: Path) -> None:
    sheet = tmp_path / "cards.csv"
    sheet.write_text("id,kind,title,due\ng1,goal,Ship it,2026-02-30\n", encoding="utf-8")
    out = tmp_path / "out.alignment"
    result = run("import", sheet, "-o", out)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"error: {sheet}: row 2, column due: is not a real calendar date (got '2026-02-30')"
    ]
    assert not out.exists()


def test_import_refuses_an_output_that_is_not_a_workshop_file(tmp_path: Path) -> None:
    sheet = tmp_path / "cards.csv"
    sheet.write_text("kind,title\ngoal,A\n", encoding="utf-8")
    result = run("import", sheet, "-o", tmp_path / "out.xlsx")
    assert result.returncode == 2 and "must be a .alignment file" in result.stderr
    result = run("import", tmp_path / "notes.txt", "-o", tmp_path / "out.alignment")
    assert result.returncode == 2 and result.stderr.count("\n") == 1


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_spreadsheet_export_round_trips_through_the_command_line(
    suffix: str, tmp_path: Path
) -> None:
    sheet = tmp_path / f"cards{suffix}"
    assert run("export", EXAMPLE, "-o", sheet).returncode == 0
    back = tmp_path / "back.alignment"
    assert run("import", sheet, "-o", back).returncode == 0
    assert run("check", "--json", back).stdout == run("check", "--json", EXAMPLE).stdout
