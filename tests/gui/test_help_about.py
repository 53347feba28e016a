"""Help › About: version, the three licences, link-free credits, and the app icon."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from alignment_workshop import __version__
from alignment_workshop.gui.window.about import AboutDialog, app_icon, credits_html, licences_html
from tests.support.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]


def test_about_shows_version_and_licences(qtbot) -> None:
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    header = dialog.findChild(QLabel, "aboutTitle")
    assert header is not None and __version__ in header.text()
    titles = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert titles == ["Credits", "Licences"]
    licences = dialog.tabs.widget(1).toPlainText()
    assert "MIT License" in licences and "Permission is hereby granted" in licences
    assert "LGPL" in licences and "Lesser General Public License" in licences
    assert "Bitstream Vera" in licences and "DejaVu" in licences


def test_shipped_licence_matches_the_repository_licence() -> None:
    shipped = ROOT / "resources" / "guide" / "LICENSE.txt"
    assert shipped.read_text() == (ROOT / "LICENSE").read_text()
    assert "Alignment Workshop maintainers" in shipped.read_text()


def test_credits_hold_no_links_and_nothing_is_clickable() -> None:
    assert "http" not in credits_html() and "www." not in credits_html()
    for text in (credits_html(), licences_html()):
        assert "<a " not in text


def test_app_icon_has_every_size(qtbot) -> None:
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert {(16, 16), (32, 32), (256, 256)} <= sizes
    image = icon.pixmap(16, 16).toImage()
    pixels = [image.pixelColor(x, y) for x in range(16) for y in range(16)]
    # Legible at 16 px: the dark tile, the white nodes and the yellow star all survive.
    assert any(c.blue() > 110 and c.red() < 60 for c in pixels), "no dark blue tile"
    assert any(min(c.red(), c.green(), c.blue()) > 220 for c in pixels), "no white nodes"
    assert any(c.red() > 220 and c.green() > 160 and c.blue() < 110 for c in pixels), "no star"


def test_committed_icon_pngs_match_the_svg(qapp) -> None:
    """Run packaging/make_icons.py after editing resources/icons/app.svg."""
    tool = load_script(ROOT / "packaging" / "make_icons.py")
    for size in (16, 48, 256):
        fresh = QImage.fromData(tool.render_png(ROOT / "resources/icons/app.svg", size))
        path = ROOT / f"resources/icons/hicolor/{size}x{size}/apps/alignment-workshop.png"
        committed = QImage(str(path))
        assert fresh.size() == committed.size()
        step = max(1, size // 32)
        worst = max(
            abs(a - b)
            for x in range(0, size, step)
            for y in range(0, size, step)
            for a, b in zip(
                fresh.pixelColor(x, y).getRgb(), committed.pixelColor(x, y).getRgb(), strict=True
            )
        )
        assert worst <= 8, f"{path.name} at {size} px is stale: run packaging/make_icons.py"
