"""Export the whole map as an image: PNG at twice the screen scale, or SVG.

`export_image(workshop, path)` needs no window and no display: it builds a document and
a scene off screen, draws every card and link exactly as the editor does (with the
finding badges), and writes the file. The command line's `export` uses it with the
offscreen platform.

The file is made whole in memory first (`render_map`), every writer's result checked
(the painter starting, `QImage.save` into a buffer), then written by
`export_file.write_export`, atomically: a failure leaves the previous file as it was.
A PNG is at most `MAX_PNG_SIDE` pixels a side and `MAX_PNG_PIXELS` in all: a map too
large for that (two cards twenty million units apart fit in a 200-byte file) is scaled
down to fit, and `export_image` returns one line that says so. An SVG always parses as
XML (`xml_text.xml_safe`).
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem

from alignment_workshop.export_file import write_export
from alignment_workshop.model import Workshop

from ..editing.document import Document
from .scene import MapScene
from .xml_text import xml_safe

#: PNG pixels per scene unit.
PNG_SCALE = 2.0
#: Space around the map, in scene units.
MARGIN = 40.0
#: The largest PNG side, and the most pixels in all (400 MB while it is drawn).
MAX_PNG_SIDE = 16_384
MAX_PNG_PIXELS = 100_000_000


def _application() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def map_rect(scene: MapScene) -> QRectF:
    """The area to draw: every card and link, with a margin."""
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def png_scale(source: QRectF) -> float:
    """Pixels per scene unit: `PNG_SCALE`, or less so the image stays within both caps."""
    width, height = source.width(), source.height()
    return min(
        PNG_SCALE,
        MAX_PNG_SIDE / max(width, height),
        math.sqrt(MAX_PNG_PIXELS / (width * height)),
    )


def png_size(source: QRectF) -> QSize:
    """The PNG's pixel size for `source`: twice the scene, within the side and pixel caps."""
    scale = png_scale(source)
    width = min(MAX_PNG_SIDE, max(1, math.floor(source.width() * scale)))
    height = min(MAX_PNG_SIDE, max(1, math.floor(source.height() * scale)))
    return QSize(width, height)


def scaled_note(source: QRectF) -> str | None:
    """One line when the map had to be scaled down to fit a PNG; None otherwise."""
    scale = png_scale(source)
    if scale >= PNG_SCALE:
        return None
    size = png_size(source)
    share = scale / PNG_SCALE * 100
    percent = f"{share:.2g}" if share < 1 else f"{share:.0f}"
    return (
        f"The map is too large for an image at full size, so it was scaled to {percent} % "
        f"({size.width():,} × {size.height():,} pixels; at most {MAX_PNG_SIDE:,} a side "
        f"and {MAX_PNG_PIXELS // 1_000_000} megapixels)."
    )


def export_image(workshop: Workshop, path: Path | str) -> str | None:
    """Write the map of `workshop` to `path` (.png or .svg); returns a note, if any.

    The note is one line saying the map was scaled down to fit the image caps. Raises
    ValueError for another suffix and OSError when the file cannot be made or written;
    then the file at `path` is left as it was.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(f"'{path.name}': the map can be exported as .png or .svg only")
    data, note = render_map(workshop, suffix[1:])
    write_export(path, data)
    return note


def render_map(workshop: Workshop, kind: str) -> tuple[bytes, str | None]:
    """The map of `workshop` as the bytes of a `kind` ("png" or "svg") file, and its note."""
    _application()
    document = Document()
    document.replace(workshop.copy())
    scene = MapScene(document)
    try:
        document.refresh_analysis()
        for item in scene.node_items():  # draw vectors and text, not cached pixmaps
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        source = map_rect(scene)
        if kind == "png":
            return _png(scene, source), scaled_note(source)
        return xml_safe(_svg(scene, source)), None
    finally:
        scene.deleteLater()
        document.deleteLater()


def _png(scene: MapScene, source: QRectF) -> bytes:
    size = png_size(source)
    image = QImage(size, QImage.Format.Format_RGB32)  # opaque: a smaller, faster PNG
    if image.isNull():
        raise OSError(f"there is not enough memory for a {size.width()} × {size.height()} image")
    image.fill(QColor("#FFFFFF"))
    painter = QPainter()
    if not painter.begin(image):
        raise OSError("the map could not be drawn")
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), source)
    painter.end()
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    # The stubs type the format as bytes; PySide6 itself accepts only str.
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]
        raise OSError("the image could not be encoded as PNG")
    return bytes(buffer.data().data())


def _svg(scene: MapScene, source: QRectF) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle("Alignment map")
    generator.setDescription("Exported by Alignment Workshop")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("the SVG drawing could not be started")
    painter.fillRect(QRectF(0, 0, source.width(), source.height()), Qt.GlobalColor.white)
    scene.render(painter, QRectF(0, 0, source.width(), source.height()), source)
    if not painter.end():
        raise OSError("the SVG drawing could not be finished")
    data = bytes(buffer.data().data())
    if not data.rstrip().endswith(b"</svg>"):
        raise OSError("the SVG drawing is incomplete")
    return data
