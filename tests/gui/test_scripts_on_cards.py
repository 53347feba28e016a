"""Every script on the cards: shipped fonts registered, words never split, RTL aligned right.

The map PNG once broke "with" after an emoji: Qt's layout counts UTF-16 units, an emoji
is two, and the lines were cut at Python indices.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QFontMetricsF, QRawFont

from alignment_workshop.gui.canvas import style
from alignment_workshop.gui.canvas.items.node_item import line_alignment, wrap_text
from alignment_workshop.gui.support.fonts import FALLBACK_FAMILIES, register_fonts

WORDS_WITH_EMOJI = "🚀 Launch 🎯 with focus and 🧭 direction together 🙂 for everyone"


@pytest.mark.usefixtures("qapp")
def test_every_fallback_family_is_registered() -> None:
    registered = register_fonts()
    assert set(FALLBACK_FAMILIES) <= set(registered)
    assert set(FALLBACK_FAMILIES) <= set(QFontDatabase.families())


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("東", "Droid Sans Fallback Workshop"),
        ("한", "Droid Sans Fallback Workshop"),
        ("ب", "Noto Sans Arabic"),
        ("क", "Noto Sans Devanagari"),
        ("🚀", "Noto Emoji"),
    ],
)
def test_a_shipped_face_draws_each_script(text: str, family: str) -> None:
    register_fonts()
    assert family in style.font(16).families()
    fallback = QRawFont.fromFont(_only(family))
    assert fallback.familyName() == family  # ours, not a system substitute
    assert fallback.supportsCharacter(ord(text)), family


def _only(family: str):
    font = style.font(16)
    font.setFamilies([family])
    return font


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize("width", [60.0, 90.0, 120.0, 160.0, 220.0])
def test_wrapping_with_emoji_never_splits_a_word(width: float) -> None:
    lines = wrap_text(WORDS_WITH_EMOJI, style.font(16), width, 20)
    assert " ".join(lines).split() == WORDS_WITH_EMOJI.split()


@pytest.mark.usefixtures("qapp")
def test_wrapping_fits_each_line_and_elides_the_last() -> None:
    font = style.font(16)
    lines = wrap_text(WORDS_WITH_EMOJI, font, 120.0, 2)
    assert len(lines) == 2 and lines[-1].endswith("…")
    assert all(QFontMetricsF(font).horizontalAdvance(line) <= 121 for line in lines)


@pytest.mark.usefixtures("qapp")
def test_rtl_titles_wrap_at_words_and_align_right() -> None:
    title = "تحسين تجربة العملاء في كل فرع من فروعنا"
    lines = wrap_text(title, style.font(16), 110.0, 6)
    assert len(lines) > 1 and " ".join(lines).split() == title.split()
    assert all(line_alignment(line, centred=False) == Qt.AlignmentFlag.AlignRight for line in lines)
    assert line_alignment("Plan تحسين", centred=False) == Qt.AlignmentFlag.AlignLeft
    assert line_alignment("תכנית", centred=True) == Qt.AlignmentFlag.AlignHCenter


@pytest.mark.usefixtures("qapp")
def test_wrapping_survives_a_lone_surrogate_next_to_emoji() -> None:
    lines = wrap_text("a\udfff 🚀 with words", style.font(16), 400.0, 3)
    assert lines == ["a\udfff 🚀 with words"]


_NO_SYSTEM_FONTS = """
import sys
from PySide6.QtGui import QGuiApplication, QTextLayout
app = QGuiApplication([])
from alignment_workshop.gui.canvas import style
for text in sys.argv[1:]:
    layout = QTextLayout(text, style.font(16))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    families = {run.rawFont().familyName() for run in runs}
    missing = sum(1 for run in runs for glyph in run.glyphIndexes() if glyph == 0)
    print(text, "|", ",".join(sorted(families)), "|", missing)
"""


def test_cards_draw_every_script_on_a_machine_without_fonts(tmp_path) -> None:
    """With fontconfig pointed at an empty folder, the shipped faces draw every glyph.

    The families say the glyphs come from our files: there are no others to come from.
    """
    import os
    import subprocess
    import sys

    (tmp_path / "none").mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        f"<?xml version='1.0'?><fontconfig><dir>{tmp_path / 'none'}</dir>"
        f"<cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>"
    )
    env = dict(os.environ, FONTCONFIG_FILE=str(config), QT_QPA_PLATFORM="offscreen")
    samples = {
        "東京": "Droid Sans Fallback Workshop",
        "한국어": "Droid Sans Fallback Workshop",
        "تحسين": "DejaVu Sans",  # DejaVu itself has Arabic and Hebrew
        "עברית": "DejaVu Sans",
        "हिंदी": "Noto Sans Devanagari",
        "ไทย": "Noto Sans Thai",
        "🚀": "Noto Emoji",
    }
    result = subprocess.run(
        [sys.executable, "-c", _NO_SYSTEM_FONTS, *samples],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    lines = [line.split(" | ") for line in result.stdout.splitlines()]
    assert len(lines) == len(samples), result.stderr
    for text, families, missing in lines:
        assert samples[text] in families.split(","), (text, families)
        assert missing == "0", text
