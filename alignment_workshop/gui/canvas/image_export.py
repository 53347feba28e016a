"""Export the whole map as an image: PNG at twice the screen scale, or SVG.

`export_image(workshop, path, progress=None)` needs no window and no display: it builds
a document and a scene of its own, draws every card and link exactly as the editor does
(with the finding badges), and writes the file through `export_file`, so a failed or
cancelled export leaves the previous file as it was. The command line's `export` uses
it with the offscreen platform; the editor runs it on a worker thread (see
`window/export_jobs.py`).

Why a worker thread is safe here: everything the export draws with (the `Document`, the
`MapScene` and its items, the `QImage` bands, the `QSvgGenerator`) is created in the
thread that calls `export_image`, from a copy of the workshop, and deleted there before
it returns. Qt allows painting on a QImage or an SVG generator outside the GUI thread,
and fonts are thread-safe since Qt 4.4. The live scene and document are never touched.
What is shared, and how each is kept safe:
- PySide creates its Python types and enums on first use, which is not safe against
  another thread's use: `prime()` draws a small map on the GUI thread first
  (`image_primer.py` has the crash rate this removed);
- a QPen fills in its dash pattern lazily, inside data its copies share: each thread
  gets pens of its own (`style.link_pen`);
- Qt's list of every scene in the application, which a scene joins when made and
  leaves when deleted: background jobs run one at a time, so no two workers change it
  together, and the GUI thread walks it only when the application's palette, font or
  style changes; a theme change at the very moment an export starts or ends is the one
  race left.
The tests watch Qt's messages for thread and timer warnings during a background export.

Drawing is sliced so that it reports progress and can stop. A PNG is drawn in bands of
`BAND_ROWS` rows, each into an image of its own, and each band is compressed as soon as
it is drawn (`png_stream.py`). Measured on the generated 500-goal map (13,480 × 8,620
pixels), on 2 busy cores: one `scene.render` into a whole image then `QImage.save` took
58 s and a 465 MB image; bands take 9 to 13 s and the process grows by about 100 MB,
because Qt strokes only the dashes that fall inside a band's own small image. An SVG
is drawn in batches of cards and links, in their stacking order, each batch appended
to the same drawing.

A PNG is at most `MAX_PNG_SIDE` pixels a side and `MAX_PNG_PIXELS` in all: a map too
large for that (two cards twenty million units apart fit in a 200-byte file) is scaled
down to fit, and `export_image` returns one line that says so. An SVG always parses as
XML (`xml_text.xml_safe`), and a drawing that did not finish is an error, never a file.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QGraphicsScene

from alignment_workshop import formats
from alignment_workshop.export_file import write_export
from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Workshop
from alignment_workshop.progress import Progress, Stages

from ..editing.document import Document
from .image_primer import primer_workshop
from .png_stream import PngStream
from .scene import MapScene
from .xml_text import xml_safe

#: PNG pixels per scene unit.
PNG_SCALE = 2.0
#: Space around the map, in scene units.
MARGIN = 40.0
#: The largest PNG side, and the most pixels in all, so a huge map cannot exhaust memory.
MAX_PNG_SIDE = 16_384
MAX_PNG_PIXELS = 100_000_000
#: Rows of PNG pixels drawn at a time: a step of progress, and a chance to stop.
BAND_ROWS = 256
#: Cards and links drawn at a time into an SVG.
SVG_BATCH = 200

BUILDING = N_("Preparing the map")
DRAWING = N_("Drawing the map")
#: Shares of the bar, from timing the 500-goal map.
STAGES = ((BUILDING, 5), (DRAWING, 95))

Step = Callable[[int, int], object]
_primed: list[bool] = []


def _application() -> QApplication:
    app = QApplication.instance()
    return app if isinstance(app, QApplication) else QApplication([])


def map_rect(scene: MapScene) -> QRectF:
    """The area to draw: every card and link, with a margin."""
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = QRectF(0, 0, 400, 300)
    return rect.adjusted(-MARGIN, -MARGIN, MARGIN, MARGIN)


def export_image(
    workshop: Workshop, path: Path | str, progress: Progress | None = None
) -> str | None:
    """Write the map of `workshop` to `path` (.png or .svg); returns a note, if any.

    The note is one line saying the map was scaled down to fit the image caps. Raises
    ValueError for another suffix, OSError when the file cannot be made or written, and
    whatever `progress` raises (`Cancelled`); then the file at `path` is left as it was.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError(
            _("'{name}': the map can be exported as .png or .svg only").format(name=path.name)
        )
    data, note = render_map(workshop, suffix[1:], progress)
    write_export(path, data)
    return note


def render_map(
    workshop: Workshop, kind: str, progress: Progress | None = None
) -> tuple[bytes, str | None]:
    """The map of `workshop` as the bytes of a `kind` ("png" or "svg") file, and its note."""
    stages = Stages(progress, STAGES)
    stages.begin(BUILDING)
    with map_scene(workshop) as (scene, source):
        stages.begin(DRAWING)
        if kind == "png":
            data, note = _png(scene, source, stages.advance), scaled_note(source)
        else:
            data, note = xml_safe(_svg(scene, source, stages.advance)), None
    stages.finish()
    return data, note


@contextmanager
def map_scene(workshop: Workshop) -> Iterator[tuple[MapScene, QRectF]]:
    """A document and scene of their own for `workshop`, with the area to draw.

    Both are deleted on leaving, in the thread that made them.
    """
    _application()
    document = Document()
    try:
        document.replace(workshop.copy())
        scene = MapScene(document)
        # Drawn once per band, never searched: a BSP index would cost 0.9 GB on the
        # 10,000-node map, as each long link sits in every cell it crosses.
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        document.refresh_analysis()
        scene.set_far(False)  # every link with its dashes and arrow head,
        scene.set_fine(True)  # at full width: the picture is drawn once
        for item in scene.node_items():  # draw vectors and text, not cached pixmaps
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        yield scene, map_rect(scene)
    finally:
        shiboken6.delete(document)


def prime() -> None:
    """Draw a small map once, on the calling thread, before any worker draws one.

    Call it on the GUI thread before starting an export on a worker: see
    `image_primer.py` for why. Near (text) and far (plain cards) drawing, PNG and SVG.
    """
    if _primed:
        return
    with map_scene(primer_workshop()) as (scene, source):
        _png(scene, source, _no_step)
        _svg(scene, source, _no_step)
        _band(scene, source, 64, 32)  # so small that every item draws its far version
    _primed.append(True)


def _no_step(_done: int, _total: int) -> None:
    """A step that reports nothing."""


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
    percent = formats.percent(share / 100, digits=0 if share >= 1 else 2 if share < 0.1 else 1)
    return _(
        "The map is too large for an image at full size, so it was scaled to {percent} ({width}"
        " × {height} pixels; at most {side} a side and {megapixels} megapixels)."
    ).format(
        percent=percent,
        width=formats.decimal(size.width()),
        height=formats.decimal(size.height()),
        side=formats.decimal(MAX_PNG_SIDE),
        megapixels=formats.decimal(MAX_PNG_PIXELS // 1_000_000),
    )


def _png(scene: MapScene, source: QRectF, step: Step) -> bytes:
    size = png_size(source)
    width, height = size.width(), size.height()
    per_row = source.height() / height  # scene units a pixel row covers
    out = PngStream(width, height)
    for top in range(0, height, BAND_ROWS):
        step(top, height)
        rows = min(BAND_ROWS, height - top)
        part = QRectF(source.x(), source.y() + top * per_row, source.width(), rows * per_row)
        band = _band(scene, part, width, rows)
        rgb = band.convertToFormat(QImage.Format.Format_RGB888)
        out.add_rows(rgb.constBits(), rgb.bytesPerLine(), rows)
    return out.finish()


def _band(scene: MapScene, part: QRectF, width: int, rows: int) -> QImage:
    """`part` of the scene drawn into an image of its own, `width` × `rows` pixels."""
    band = QImage(width, rows, QImage.Format.Format_RGB32)
    band.fill(QColor("#FFFFFF"))
    painter = QPainter()
    if not painter.begin(band):
        raise MemoryError(
            _("could not draw a {width} × {rows} band of the map").format(width=width, rows=rows)
        )
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        target = QRectF(0, 0, width, rows)
        scene.render(painter, target, part, Qt.AspectRatioMode.IgnoreAspectRatio)
    finally:
        painter.end()
    return band


def _svg(scene: MapScene, source: QRectF, step: Step) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(QRectF(0, 0, source.width(), source.height()))
    generator.setTitle(_("Alignment map"))
    generator.setDescription(_("Exported by Alignment Workshop"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(_("could not start the SVG drawing"))
    try:  # end the painter before the generator and its buffer go, even when cancelled
        _svg_batches(scene, painter, source, step)
    finally:
        finished = painter.end()
    data = bytes(buffer.data().data())
    if not finished or not data.rstrip().endswith(b"</svg>"):
        raise OSError(_("the SVG drawing could not be finished"))
    return data


def _svg_batches(scene: MapScene, painter: QPainter, source: QRectF, step: Step) -> None:
    """Draw the scene in batches of items, each a step that may stop the drawing."""
    target = QRectF(0, 0, source.width(), source.height())
    painter.fillRect(target, Qt.GlobalColor.white)
    # Bottom first, the order they paint in; an item hidden on purpose stays hidden. Only
    # top-level items are shown and hidden: a child follows its parent, and one shown in
    # a later batch than its parent would be drawn under a hidden parent, so not at all.
    items = [
        i
        for i in scene.items(Qt.SortOrder.AscendingOrder)
        if i.parentItem() is None and i.isVisible()
    ]
    for item in items:
        item.setVisible(False)
    scene.render(painter, target, source)  # the background alone
    scene.setBackgroundBrush(Qt.BrushStyle.NoBrush)
    for first in range(0, len(items), SVG_BATCH):
        step(first, len(items))
        batch = items[first : first + SVG_BATCH]
        for item in batch:
            item.setVisible(True)
        scene.render(painter, target, source)
        for item in batch:
            item.setVisible(False)
