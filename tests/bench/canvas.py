"""Canvas figures as ratios to a bare Qt scene of the same cards and lines.

The floor is what QGraphicsView does with no effort: one `QGraphicsRectItem` per card
with its title in a `QGraphicsSimpleTextItem`, and one straight antialiased
`QGraphicsLineItem` per link, centre to centre. Ours and the floor are built from the
same laid-out workshop and measured in the same run, in views of the same size, so the
ratios hold on any machine. The floor is built twice, with Qt's default BSP index and
with no index, and each figure takes the faster of the two: with long lines the BSP
index makes a 10,000-card first paint last tens of seconds, a floor nobody should beat.

- pan frame: the view at 100 % zoom steps across the middle of the map; each step is one
  full repaint of the viewport (`grab()`). The views take their steps in turn, so a
  busy machine slows them alike; the median step is reported.
- open and first paint: from reading the file to the first painted frame fitted to the
  window. The floor reads the same file, builds its items and paints them fitted.
- drag step: one mouse step of a card being dragged at 100 % zoom (its links follow),
  and the repaint the event loop then makes of what changed; compared with the floor's
  pan frame.

`make bench` prints these lines at the end of `bench_gui.py`; to measure the canvas
alone, run `QT_QPA_PLATFORM=offscreen .venv/bin/python tests/bench/canvas.py`.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsLineItem,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
)

from alignment_workshop.layout import card_rect
from alignment_workshop.model import Workshop

#: The size of the map's viewport in every measurement, in pixels.
VIEWPORT = (1600, 1000)
#: Pixels per pan step, right and down, as a quick drag of the middle button moves.
PAN_STEP = (37, 23)
PAN_STEPS = 24
WARM_UP = 4
#: One frame at 60 Hz, in seconds.
FRAME = 1 / 60
#: The targets: our pan frame and our open, as multiples of the bare scene's.
PAN_RATIO = 1.5
OPEN_RATIO = 2.0


def _view_settings(view: QGraphicsView) -> None:
    view.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    view.resize(*VIEWPORT)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)


def bare_scene(workshop: Workshop, indexed: bool = True) -> QGraphicsScene:
    """Rectangles with their titles, and straight antialiased lines between centres."""
    scene = QGraphicsScene()
    if not indexed:
        scene.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
    font = QFont("DejaVu Sans")
    font.setPixelSize(15)
    line_pen = QPen(QColor("#37474F"), 2.5)
    card_pen = QPen(QColor("#A39E93"), 1.5)
    centres = {}
    for node in workshop.iter_nodes():
        pos = node.pos or (0.0, 0.0)
        rect = card_rect(node.kind, pos)
        item = QGraphicsRectItem(rect.left, rect.top, rect.width, rect.height)
        item.setBrush(QBrush(QColor("#F4F1EA")))
        item.setPen(card_pen)
        item.setZValue(1.0)
        text = QGraphicsSimpleTextItem(node.title, item)
        text.setFont(font)
        text.setPos(rect.left + 10, rect.top + 28)
        scene.addItem(item)
        centres[node.id] = pos
    for link in workshop.iter_links():
        (x1, y1), (x2, y2) = centres[link.source], centres[link.target]
        line = QGraphicsLineItem(x1, y1, x2, y2)
        line.setPen(line_pen)
        scene.addItem(line)
    return scene


def _show(view: QGraphicsView, app: QApplication) -> None:
    _view_settings(view)
    view.show()
    app.processEvents()


def pan_frames(views: list[QGraphicsView], app: QApplication) -> list[float]:
    """Median seconds to repaint each view after one pan step at 100 % zoom."""
    starts = []
    for view in views:
        view.resetTransform()
        rect = view.scene().itemsBoundingRect()
        view.setSceneRect(rect)
        starts.append(
            rect.center() - QPointF(PAN_STEP[0] * PAN_STEPS / 2, PAN_STEP[1] * PAN_STEPS / 2)
        )
    times: list[list[float]] = [[] for _ in views]
    for step in range(PAN_STEPS + WARM_UP):
        k = max(0, step - WARM_UP)
        for view, start, taken in zip(views, starts, times, strict=True):
            view.centerOn(start + QPointF(PAN_STEP[0] * k, PAN_STEP[1] * k))
            app.processEvents()
            began = time.perf_counter()
            view.viewport().grab()
            if step >= WARM_UP:
                taken.append(time.perf_counter() - began)
    return [statistics.median(taken) for taken in times]


def fit_and_paint(view: QGraphicsView) -> None:
    """Fit the whole map in the view and paint one frame."""
    view.fitInView(view.scene().itemsBoundingRect(), Qt.AspectRatioMode.KeepAspectRatio)
    view.viewport().grab()


def bare_open(path: Path, app: QApplication, indexed: bool) -> float:
    """Seconds to read `path`, build the bare scene and paint it fitted."""
    from alignment_workshop import fileio

    view = QGraphicsView()
    _show(view, app)
    began = time.perf_counter()
    scene = bare_scene(fileio.load(path), indexed)
    view.setScene(scene)
    fit_and_paint(view)
    elapsed = time.perf_counter() - began
    view.close()
    view.setScene(None)
    scene.deleteLater()
    view.deleteLater()
    app.processEvents()
    return elapsed


def our_view(workshop: Workshop, app: QApplication):
    """The editor's own canvas (document, scene, view) showing `workshop`."""
    from alignment_workshop.gui.canvas.scene import MapScene
    from alignment_workshop.gui.canvas.view import MapView
    from alignment_workshop.gui.editing.document import Document

    document = Document()
    document.replace(workshop)
    view = MapView(MapScene(document))
    _show(view, app)
    return document, view


def our_open(path: Path, app: QApplication) -> float:
    """Seconds to read `path` into the editor's canvas and paint it fitted."""
    from alignment_workshop import fileio
    from alignment_workshop.gui.canvas.scene import MapScene
    from alignment_workshop.gui.canvas.view import MapView
    from alignment_workshop.gui.editing.document import Document

    document = Document()
    view = MapView(MapScene(document))
    _show(view, app)
    began = time.perf_counter()
    document.replace(fileio.load(path), path)
    view.fit_all()
    view.viewport().grab()
    elapsed = time.perf_counter() - began
    view.close()
    view.deleteLater()
    document.deleteLater()
    app.processEvents()
    return elapsed


def drag_step(view, app: QApplication) -> float:
    """Median seconds for one step of dragging the card nearest the middle, with a repaint."""
    scene = view.map_scene
    centre = scene.itemsBoundingRect().center()
    item = min(
        scene.node_items(),
        key=lambda i: (i.x() - centre.x()) ** 2 + (i.y() - centre.y()) ** 2,
    )
    view.resetTransform()
    view.centerOn(item)
    scene.select_ids([item.node_id])
    scene.interaction.begin_move()
    app.processEvents()
    times = []
    for step in range(PAN_STEPS + WARM_UP):
        began = time.perf_counter()
        item.setPos(item.pos() + QPointF(3.0, 2.0))  # what a mouse move does to the card
        app.processEvents()  # the event loop repaints what changed, as it would on screen
        if step >= WARM_UP:
            times.append(time.perf_counter() - began)
    scene.interaction.end_move()
    app.processEvents()
    return statistics.median(times)


def laid_out(workshop: Workshop) -> Workshop:
    """`workshop` with every node at its auto-layout position, as a saved map has."""
    from alignment_workshop.layout import auto_layout

    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop


def ratio_line(label: str, ours: float, bare: float, unit: str) -> str:
    """One line in the issue's form: ours, the floor, and their ratio."""
    scale, digits = (1000.0, 1) if unit == "ms" else (1.0, 2)
    return (
        f"{label}: {ours * scale:.{digits}f} {unit} (bare Qt scene of the same cards and "
        f"lines: {bare * scale:.{digits}f} {unit}, {ours / bare:.2f}×)"
    )


def laid_out_file(nodes: int, folder: Path) -> Path:
    """A generated workshop of `nodes` nodes saved with its auto-layout, freshly made."""
    from alignment_workshop.fileio import save
    from tests.support.generate import generate_workshop

    path = folder / f"generated-{nodes}-laid-out.alignment"
    save(laid_out(generate_workshop(nodes=nodes, seed=7)), path)
    return path


def _pans(path: Path, app: QApplication) -> tuple[float, float, float]:
    """Our pan frame, the floor's, and our drag step (seconds) for the map at `path`."""
    from alignment_workshop import fileio

    workshop = fileio.load(path)
    scenes = [bare_scene(workshop, indexed) for indexed in (True, False)]
    views = [QGraphicsView(scene) for scene in scenes]
    for view in views:
        _show(view, app)
    document, ours = our_view(fileio.load(path), app)
    mine, *bare = pan_frames([ours, *views], app)
    for view, scene in zip(views, scenes, strict=True):
        view.close()
        view.setScene(None)
        scene.deleteLater()
    drag = drag_step(ours, app)
    ours.close()
    document.deleteLater()
    app.processEvents()
    return mine, min(bare), drag


def canvas_lines(app: QApplication, folder: Path, sizes=(200, 2_000, 10_000)) -> list[str]:
    """Print and return the pan, open and drag lines of the map issue, measured now.

    A last line says whether every ratio meets its target (SLOW names those that miss).
    """
    lines, bare_pans, drags, slow = [], {}, {}, []
    for nodes in sizes:
        ours, bare_pans[nodes], drags[nodes] = _pans(laid_out_file(nodes, folder), app)
        lines.append(ratio_line(f"pan frame, {nodes:,} nodes", ours, bare_pans[nodes], "ms"))
        print(lines[-1], flush=True)
        if ours > PAN_RATIO * bare_pans[nodes]:
            slow.append(f"pan {nodes:,}")
    big = laid_out_file(sizes[-1], folder)
    opens: dict[str, list[float]] = {"ours": [], "bare": []}
    for indexed in (False, True, False):  # in turn, so that a busy machine slows both
        opens["ours"].append(our_open(big, app))
        opens["bare"].append(bare_open(big, app, indexed))
    ours_open, bare_open_s = min(opens["ours"]), min(opens["bare"])
    lines.append(
        ratio_line(f"open and first paint, {sizes[-1]:,} nodes", ours_open, bare_open_s, "s")
    )
    print(lines[-1], flush=True)
    if ours_open > OPEN_RATIO * bare_open_s:
        slow.append("open")
    middle = sizes[len(sizes) // 2]
    lines.append(f"drag step, {middle:,} nodes: {drags[middle] * 1000:.1f} ms")
    print(lines[-1], flush=True)
    limit = bare_pans[middle] + FRAME
    if drags[middle] > limit:
        slow.append("drag")
    print(
        f"  targets: pan ≤ {PAN_RATIO:g}×, open ≤ {OPEN_RATIO:g}×, drag ≤ the bare pan frame "
        f"+ one 60 Hz frame ({limit * 1000:.1f} ms): {'SLOW ' + ', '.join(slow) if slow else 'OK'}",
        flush=True,
    )
    return lines


if __name__ == "__main__":
    from alignment_workshop.gui.app import application
    from tests.bench.common import OUT

    OUT.mkdir(exist_ok=True)
    canvas_lines(application(sys.argv[:1]), OUT)
