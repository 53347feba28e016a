"""Export the whole map as an image: PNG at twice the screen scale, or SVG.

`export_image(workshop, path)` needs no window and no display: it builds a document and
a scene off screen, draws every card and link exactly as the editor does (with the
finding badges), and writes the file. The command line's `export` uses it with the
offscreen platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from alignment_workshop.model import Workshop

from ..editing.document import Document
from .scene import MapScene

#: PNG pixels per scene unit.
PNG_SCALE = 2.0
#: Space around the map, in scene units.
MARGIN = 40.0
#: The largest PNG side, so a huge map cannot exhaust memory.
MAX_PNG_SIDE = 16_000


def _application() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def map_rect(scene: MapScene) -> QRectF:
    """The area to draw: every card and link, with a margin."""
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def export_image(workshop: Workshop, path: Path | str) -> None:
    """Write the map of `workshop` to `path` (.png or .svg); raises OSError or ValueError."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"'{path.name}': the map can be exported as .png or .svg only")
    _application()
    document = Document()
    document.replace(workshop.copy())
    scene = MapScene(document)
    document.refresh_analysis()
    for item in scene.node_items():  # draw vectors and text, not cached pixmaps
        item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
    source = map_rect(scene)
    if suffix == ".png":
        _write_png(scene, source, path)
    else:
        _write_svg(scene, source, path)
    scene.deleteLater()
    document.deleteLater()


def _write_png(scene: MapScene, source: QRectF, path: Path) -> None:
    scale = min(PNG_SCALE, MAX_PNG_SIDE / max(source.width(), source.height()))
    size = QSize(max(1, round(source.width() * scale)), max(1, round(source.height() * scale)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    # The stubs type the format as bytes; PySide6 itself accepts only str.
    if not image.save(str(path), "PNG"):  # type: ignore[call-overload]
        raise OSError(f"could not write {path}")


def _write_svg(scene: MapScene, source: QRectF, path: Path) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Alignment map")
    generator.setDescription("Exported by Alignment Workshop")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write {path}")
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), Qt.GlobalColor.white)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    painter.end()
    if not path.exists():
        raise OSError(f"could not write {path}")
