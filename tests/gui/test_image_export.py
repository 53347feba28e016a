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
