"""The main window with the bundled example open renders to a PNG that is not blank."""

from __future__ import annotations

from PySide6.QtGui import QColor, QImage

from alignment_workshop import paths
from alignment_workshop.gui.canvas.style import CARDS
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import NodeKind
from tests.support.prompts import discarding_prompts


def test_main_window_with_the_example_renders(qtbot, tmp_path):
    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    qtbot.addWidget(window)
    window.resize(1600, 1000)
    window.show()
    assert window.open_path(paths.example_workshop())
    window.document.refresh_analysis()
    window.view.fit_all()
    target = tmp_path / "editor.png"
    assert window.grab().save(str(target))
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1600, 1000)
    pixels = [image.pixel(x, y) & 0xFFFFFF for x in range(0, 1600, 5) for y in range(0, 1000, 5)]
    background = max(set(pixels), key=pixels.count)
    assert sum(p != background for p in pixels) > len(pixels) * 0.15
    assert len(set(pixels)) > 50
    for kind in NodeKind:
        assert QColor(CARDS[kind].fill).rgb() & 0xFFFFFF in pixels, kind
    assert window.score_label.text().startswith("Alignment: ")
    assert window.windowTitle().startswith("Brightpath 2027 alignment workshop · 2027[*]")  # a copy
    assert len(window.scene.node_items()) == len(window.document.workshop.nodes) > 20
    window.files.may_close()
