"""The map image, exported safely (issue 9, items 5, 7, 13 and 14).

An SVG always parses as XML, whatever text the loader accepted; a PNG never passes
16,384 pixels a side or 100 megapixels, and says in one line when the map was scaled
down to fit; a failed export prints one line and nothing of Qt's; the editor refuses to
export onto the workshop's own file.
"""

from __future__ import annotations

import logging
import os
import struct
import subprocess
import sys
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRectF, qWarning
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from alignment_workshop import fileio
from alignment_workshop.gui.canvas.image_export import export_image
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Node, NodeKind, Team, Workshop
from tests.conftest import examples
from tests.support.prompts import discarding_prompts
from tests.support.strategies import texts, workshops

ROOT = Path(__file__).resolve().parents[2]
#: The caps the issue asks for (image_export.MAX_PNG_SIDE and MAX_PNG_PIXELS).
MAX_PNG_SIDE, MAX_PNG_PIXELS = 16_384, 100_000_000
#: Characters the loader accepts in a title but XML 1.0 forbids.
NOT_XML = ["\x08", "\x01", "\x0b", "\x1f", "\ufffe", "\uffff", "\ud800", "\udfff", "\x00"]


def _png_dimensions(path: Path) -> tuple[int, int]:
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", header[16:24])


def test_xml_safe_replaces_raw_characters_and_references() -> None:
    from alignment_workshop.gui.canvas.xml_text import xml_safe

    svg = "<svg><text>A\x08B\ufffeC&#x8;D&#65535;E&#x41;&#10;</text></svg>".encode()
    assert xml_safe(svg) == "<svg><text>A�B�C&#xFFFD;D&#xFFFD;E&#x41;&#10;</text></svg>".encode()
    assert xml_safe(b"<a>\xed\xa0\x80</a>") == "<a>���</a>".encode()  # a UTF-8 surrogate


_hostile_text = st.lists(st.one_of(st.sampled_from(NOT_XML), texts(8, surrogates=True)), min_size=1)


@st.composite
def _hostile_workshops(draw: st.DrawFn) -> Workshop:
    """Any workshop the loader accepts, with titles and team names full of non-XML text."""
    workshop = draw(workshops(max_nodes=6, max_links=6))
    for node in workshop.nodes:
        title = "".join(draw(_hostile_text)) + "x"
        workshop.update_node(node.id, title=title[:200])
    for team in workshop.teams:
        workshop.update_team(team.id, name=("".join(draw(_hostile_text)) + "t")[:100])
    return fileio.loads(fileio.dumps(workshop))  # exactly what a file gives the app


@settings(max_examples=examples(ci=300, dev=25))
@given(workshop=_hostile_workshops())
def test_every_loadable_workshop_exports_an_svg_that_parses(
    qapp: object, tmp_path_factory: pytest.TempPathFactory, workshop: Workshop
) -> None:
    target = tmp_path_factory.mktemp("svg") / "map.svg"
    export_image(workshop, target)
    xml.dom.minidom.parse(str(target))  # raises ExpatError if not well-formed


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_a_key_result_whose_share_overflows_is_drawn(
    qapp: object, tmp_path: Path, suffix: str
) -> None:
    # A denormal gap between baseline and target made the share infinite, its label
    # raised in paint, and the SVG export died of a segmentation fault.
    workshop = Workshop()
    workshop.add_node(
        Node("k", NodeKind.KEY_RESULT, "Churn", baseline=5e-324, target=-0.0, current=-525.0)
    )
    target = tmp_path / f"map{suffix}"
    export_image(workshop, target)
    assert target.stat().st_size > 0


def _far_apart(dx: float, dy: float) -> Workshop:
    """Two cards as far apart as the format allows: a file of about 200 bytes."""
    nodes = [
        Node(id="a", kind=NodeKind.VISION, title="A", pos=(-dx, -dy)),
        Node(id="b", kind=NodeKind.VALUE, title="B", pos=(dx, dy)),
    ]
    return Workshop.from_records(Workshop().meta, [], nodes, [])


@pytest.mark.parametrize(
    ("width", "height"),
    [(20e6, 20e6), (20e6, 100.0), (100.0, 20e6), (12_000.0, 9_000.0), (400.0, 300.0)],
)
def test_png_size_stays_within_both_caps(width: float, height: float) -> None:
    from alignment_workshop.gui.canvas.image_export import png_size

    size = png_size(QRectF(0, 0, width, height))
    assert 1 <= size.width() <= MAX_PNG_SIDE and 1 <= size.height() <= MAX_PNG_SIDE
    assert size.width() * size.height() <= MAX_PNG_PIXELS
    if width * height * 4 <= MAX_PNG_PIXELS and max(width, height) * 2 <= MAX_PNG_SIDE:
        assert (size.width(), size.height()) == (round(width * 2), round(height * 2))


def test_two_cards_twenty_million_units_apart_make_a_bounded_png(
    qtbot: QtBot, tmp_path: Path
) -> None:
    from alignment_workshop.gui.canvas import image_export

    assert (image_export.MAX_PNG_SIDE, image_export.MAX_PNG_PIXELS) == (
        MAX_PNG_SIDE,
        MAX_PNG_PIXELS,
    )
    workshop = _far_apart(1e7, 1e7)
    source = tmp_path / "far.alignment"
    fileio.save(workshop, source)
    assert len(source.read_bytes()) < 2_000
    target = tmp_path / "far.png"
    note = export_image(workshop, target)
    width, height = _png_dimensions(target)
    assert max(width, height) <= MAX_PNG_SIDE and width * height <= MAX_PNG_PIXELS
    assert note is not None and "\n" not in note
    assert note.startswith("The map is too large for an image at full size, so it was scaled")
    assert f"({width:,} × {height:,} pixels;" in note


def test_the_command_line_says_so_in_one_line(tmp_path: Path) -> None:
    source = tmp_path / "wide.alignment"
    fileio.save(_far_apart(1e7, 0.0), source)
    target = tmp_path / "wide.png"
    result = _cli("export", source, "-o", target)
    assert result.returncode == 0, result.stderr
    wrote, note = result.stdout.splitlines()
    assert wrote == f"Wrote {target}." and note.startswith("The map is too large")
    assert _png_dimensions(target)[0] == MAX_PNG_SIDE
    assert export_image(_far_apart(100.0, 50.0), tmp_path / "small.png") is None


def _cli(*args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run(
        [sys.executable, "-m", "alignment_workshop", *map(str, args)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.parametrize("suffix", [".svg", ".png"])
def test_a_failed_image_export_is_one_line_and_nothing_of_qts(tmp_path: Path, suffix: str) -> None:
    source = tmp_path / "plan.alignment"
    fileio.save(_far_apart(100.0, 50.0), source)
    target = tmp_path / "missing-folder" / f"map{suffix}"
    result = _cli("export", source, "-o", target)
    assert result.returncode == 2
    assert result.stderr == f"error: {target}: cannot write the file (No such file or directory)\n"


def test_qt_messages_go_to_the_log_not_stderr(
    qtbot: QtBot, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from alignment_workshop.gui.support.qt_messages import qt_messages_to_log

    secret = "-".join(["Q3", "pricing"])
    with caplog.at_level(logging.INFO), qt_messages_to_log():
        qWarning(f"QFont: cannot draw {secret}")
    assert capfd.readouterr().err == ""
    assert "Qt reported a Warning" in caplog.text and secret not in caplog.text


def test_the_editor_never_exports_onto_the_workshop_itself(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop_file = tmp_path / "plan.svg"  # a workshop saved under an image's name
    workshop = Workshop.from_records(
        Workshop().meta, [Team(id="t", name="T")],
        [Node(id="v", kind=NodeKind.VISION, title="V", pos=(0.0, 0.0))], [],
    )  # fmt: skip
    fileio.save(workshop, workshop_file)
    before = workshop_file.read_bytes()
    window = MainWindow(prompts=discarding_prompts())
    qtbot.addWidget(window)
    assert window.open_path(workshop_file)
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(workshop_file), "SVG (*.svg)")
    )
    told: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: told.append(box.text()) or 0)
    window.action("export_map").trigger()
    assert told == [
        "'plan.svg' is the workshop being exported; choose another name for the export."
    ]
    assert workshop_file.read_bytes() == before


def test_a_card_without_a_place_beside_one_at_the_edge_still_opens(qtbot: QtBot) -> None:
    """Found by the property above: the layout placed it beyond ±1e7, and opening failed."""
    edge = Node(id="v", kind=NodeKind.VISION, title="V", pos=(0.0, 1e7))
    loose = Node(id="o", kind=NodeKind.OBJECTIVE, title="O")
    workshop = Workshop.from_records(Workshop().meta, [], [edge, loose], [])
    window = MainWindow(prompts=discarding_prompts())
    qtbot.addWidget(window)
    window.document.replace(workshop)
    x, y = window.document.workshop.node("o").pos
    assert abs(x) <= 1e7 and abs(y) <= 1e7


def test_a_conflict_across_the_whole_map_stays_a_small_path() -> None:
    """Found by the SVG property: a zigzag 20 million units long had 1.4 million corners."""
    from alignment_workshop.layout.zigzag import zigzag

    assert len(zigzag((-1e7, -1e7), (1e7, 1e7), 14.0, 4.0)) <= 1_001
    assert len(zigzag((0, 0), (140, 0), 14.0, 4.0)) == 11  # as before, up close
