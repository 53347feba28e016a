"""Export of the whole map as PNG (2x) and SVG, in process and from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage

from alignment_workshop import fileio
from alignment_workshop.gui.canvas.image_export import export_image
from alignment_workshop.gui.canvas.style import CARDS
from alignment_workshop.model import NodeKind
from tests.gui.test_commands import small_workshop


def colours(image: QImage, step: int = 7) -> set[int]:
    return {
        image.pixel(x, y) & 0xFFFFFF
        for x in range(0, image.width(), step)
        for y in range(0, image.height(), step)
    }


def test_png_is_the_whole_map_at_twice_the_scale(qtbot, tmp_path):
    workshop = small_workshop()
    before = fileio.dumps(workshop)
    target = tmp_path / "map.png"
    export_image(workshop, target)
    image = QImage(str(target))
    assert not image.isNull()
    # cards span x -310..510 and y -70..455 (centres ± half sizes) plus badges and margin
    assert image.width() >= 2 * (820 + 80)
    assert image.height() >= 2 * (525 + 80)
    seen = colours(image, step=3)
    assert QColor(CARDS[NodeKind.VISION].fill).rgb() & 0xFFFFFF in seen
    assert QColor(CARDS[NodeKind.OBJECTIVE].fill).rgb() & 0xFFFFFF in seen
    assert fileio.dumps(workshop) == before  # the caller's workshop is untouched


def test_svg_holds_the_titles(qtbot, tmp_path):
    target = tmp_path / "map.svg"
    export_image(small_workshop(), target)
    root = ET.parse(target).getroot()
    assert root.tag.endswith("svg")
    text = target.read_text(encoding="utf-8")
    assert "Grow retention" in text
    assert "Redesign onboarding" in text


def test_svg_drawn_in_batches_holds_every_link_piece(qtbot, monkeypatch):
    # Batches of three split the links from their pieces and arrow heads: each child
    # must still be drawn with its parent, not hidden with it in another batch.
    from alignment_workshop.gui.canvas import image_export
    from alignment_workshop.paths import example_workshop

    workshop = fileio.load(example_workshop())
    whole, _ = image_export.render_map(workshop, "svg")
    monkeypatch.setattr(image_export, "SVG_BATCH", 3)
    batched, _ = image_export.render_map(workshop, "svg")
    assert whole.count(b"<path") > 100
    assert batched.count(b"<path") == whole.count(b"<path")
    assert batched.count(b"<text") == whole.count(b"<text")


def test_unknown_suffix_is_refused(qtbot, tmp_path):
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        export_image(small_workshop(), tmp_path / "map.gif")


def test_command_line_export_runs_headless(tmp_path):
    source = tmp_path / "plan.alignment"
    fileio.save(small_workshop(), source)
    target = tmp_path / "map.png"
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-m", "alignment_workshop", "export", str(source), "-o", str(target)],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert not image.isNull() and len(colours(image)) > 10


def test_png_stream_is_read_back_pixel_for_pixel(qtbot, tmp_path):
    from alignment_workshop.gui.canvas.png_stream import PngStream

    width, height, stride = 3, 4, 12  # rows padded to 12 bytes, as QImage pads them
    rows = [bytes([10 * y, 20 * x, 255 - y]) for y in range(height) for x in range(width)]
    pixels = b"".join(b"".join(rows[y * width : (y + 1) * width]) + b"\xee" * 3 for y in range(4))
    stream = PngStream(width, height)
    stream.add_rows(pixels[: 2 * stride], stride, 2)
    stream.add_rows(pixels[2 * stride :], stride, 2)
    (tmp_path / "tiny.png").write_bytes(stream.finish())
    image = QImage(str(tmp_path / "tiny.png"))
    assert (image.width(), image.height()) == (3, 4)
    for y in range(height):
        for x in range(width):
            colour = QColor(image.pixel(x, y))
            assert (colour.red(), colour.green(), colour.blue()) == (10 * y, 20 * x, 255 - y)


def test_png_stream_refuses_the_wrong_number_of_rows():
    from alignment_workshop.gui.canvas.png_stream import PngStream

    stream = PngStream(2, 2)
    stream.add_rows(b"\0" * 6, 6, 1)
    with pytest.raises(ValueError, match="only 1 of 2 rows"):
        stream.finish()
    with pytest.raises(ValueError, match="3 rows given"):
        stream.add_rows(b"\0" * 12, 6, 2)


def test_bands_meet_without_seams(qtbot, tmp_path, monkeypatch):
    from alignment_workshop.gui.canvas import image_export

    whole, banded = tmp_path / "whole.png", tmp_path / "banded.png"
    monkeypatch.setattr(image_export, "BAND_ROWS", 100_000)
    export_image(small_workshop(), whole)
    monkeypatch.setattr(image_export, "BAND_ROWS", 37)  # many bands, cut mid-card
    export_image(small_workshop(), banded)
    a = QImage(str(whole)).convertToFormat(QImage.Format.Format_RGB888)
    b = QImage(str(banded)).convertToFormat(QImage.Format.Format_RGB888)
    assert a.size() == b.size() and a.bytesPerLine() == b.bytesPerLine()
    pairs = zip(bytes(a.constBits()), bytes(b.constBits()), strict=True)
    differences = [abs(p - q) for p, q in pairs]
    assert max(differences) <= 8  # antialiasing may round differently at a band's edge
    assert sum(1 for d in differences if d) < len(differences) / 1000


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_progress_rises_and_cancel_keeps_the_old_file(qtbot, tmp_path, suffix):
    from alignment_workshop.progress import Cancelled

    reports: list[tuple[int, int, str]] = []
    export_image(small_workshop(), tmp_path / f"map{suffix}", progress=lambda *r: reports.append(r))
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and reports[-1][:2] == (1000, 1000) and len(reports) > 3
    target = tmp_path / f"old{suffix}"
    target.write_bytes(b"old")
    for stop_at in (0, len(reports) // 2, len(reports) - 1):
        calls: list[int] = []

        def cancel_at(*_report, stop_at=stop_at, calls=calls):
            calls.append(1)
            if len(calls) > stop_at:
                raise Cancelled()

        with pytest.raises(Cancelled):
            export_image(small_workshop(), target, progress=cancel_at)
        assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == [f"map{suffix}", f"old{suffix}"]


def test_each_thread_draws_with_pens_of_its_own(qtbot):
    import threading

    from alignment_workshop.gui.canvas import style
    from alignment_workshop.model import LinkKind

    here = style.link_pen(LinkKind.UPHOLDS)
    assert style.link_pen(LinkKind.UPHOLDS) is here  # shared within a thread
    there: list[object] = []
    worker = threading.Thread(target=lambda: there.append(style.link_pen(LinkKind.UPHOLDS)))
    worker.start()
    worker.join()
    assert there and there[0] is not here and there[0] == here  # equal, never the same
