"""The canvas: zoom with Ctrl+wheel, pan with the middle button or Space-drag, fit to view.

Fit to View never makes titles smaller than 12 px on screen (it shows the top of a map
too large for that), and Larger Text writes card text a quarter larger for a projector.

`MapView` shows a `MapScene`. Left-drag on empty canvas draws a rubber band; zoom keeps
the point under the mouse still; `fit_all` and `center_on_ids` frame cards; a palette
button dropped on the canvas adds its kind of card there, and `add_card` adds one in
free space near the middle of the view.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPixmapCache,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsView, QWidget

from alignment_workshop.layout import free_spot
from alignment_workshop.model import NodeKind

from . import style
from .kind_drag import kind_from_mime
from .scene import FAR_ZOOM, MapScene

MIN_ZOOM = 0.05
MAX_ZOOM = 4.0
ZOOM_STEP = 1.2
_FIT_MARGIN = 40.0
#: Room for the cards' and links' cached pictures, in KiB (Qt's default is 10 MiB,
#: about seventy cards at 100 %, too few to pan a full screen without redrawing).
PIXMAP_CACHE_KIB = 96 * 1024
#: Fit to View zooms out no further than keeps every card title this tall on screen.
MIN_SCREEN_TITLE_PX = style.READABLE_PIXELS
#: How much larger card text is with View › Larger Text.
LARGER_TEXT_SCALE = 1.25


class MapView(QGraphicsView):
    """The view of the map, with zoom and pan."""

    #: The zoom changed; the argument is the new scale (1.0 = 100 %).
    zoom_changed = Signal(float)
    #: View › Larger Text was turned on or off.
    larger_text_changed = Signal(bool)

    def __init__(self, scene: MapScene, parent: QWidget | None = None) -> None:
        super().__init__(scene, parent)
        self.map_scene = scene
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontSavePainterState)
        QPixmapCache.setCacheLimit(max(QPixmapCache.cacheLimit(), PIXMAP_CACHE_KIB))
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAcceptDrops(True)
        self._space_down = False
        self._panning = False
        self._pan_from: QPointF | None = None

    # ------------------------------------------------------------------ zoom

    def zoom(self) -> float:
        """The current scale (1.0 = 100 %)."""
        return self.transform().m11()

    def set_zoom(self, factor: float) -> None:
        """Scale to `factor`, kept within the allowed range."""
        factor = min(max(factor, MIN_ZOOM), MAX_ZOOM)
        self.scale(factor / self.zoom(), factor / self.zoom())
        self.zoom_changed.emit(self.zoom())

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom() * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom() / ZOOM_STEP)

    def reset_zoom(self) -> None:
        self.set_zoom(1.0)

    def fit_rect(self, rect: QRectF, *, max_zoom: float = 1.5) -> None:
        """Show `rect` whole, no closer than `max_zoom`."""
        if rect.isEmpty():
            return
        rect = rect.adjusted(-_FIT_MARGIN, -_FIT_MARGIN, _FIT_MARGIN, _FIT_MARGIN)
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom() > max_zoom:
            self.set_zoom(max_zoom)
        elif self.zoom() < MIN_ZOOM:
            self.set_zoom(MIN_ZOOM)
        self.centerOn(rect.center())
        self.zoom_changed.emit(self.zoom())

    def readable_zoom(self) -> float:
        """The smallest zoom at which every card title is `MIN_SCREEN_TITLE_PX` tall on screen."""
        return MIN_SCREEN_TITLE_PX / self.map_scene.smallest_title_pixels()

    def fit_all(self) -> None:
        """Show every visible card, or as much of the map as fits with readable titles.

        When the whole map would make titles smaller than `MIN_SCREEN_TITLE_PX`, the view
        stops at the readable zoom and shows the top of the map, centred on its topmost
        card (the vision); Ctrl+wheel and Zoom Out still go further.
        """
        rect = self.map_scene.items_rect()
        self.fit_rect(rect)
        floor = self.readable_zoom()
        if rect.isEmpty() or self.zoom() >= floor - 1e-9:
            return
        self.set_zoom(floor)
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        shown = [item for item in self.map_scene.node_items() if item.isVisible()]
        top = min(shown, key=lambda item: item.scene_card_rect().top())
        self.centerOn(top.x(), rect.top() - _FIT_MARGIN + visible.height() / 2)

    def set_larger_text(self, on: bool) -> None:
        """Write card text larger (for a projector) or at its normal size."""
        self.map_scene.set_text_scale(LARGER_TEXT_SCALE if on else 1.0)
        self.larger_text_changed.emit(on)

    def center_on_ids(self, ids: Iterable[str]) -> None:
        """Centre the view on these cards, zooming out if they do not fit."""
        rect = self.map_scene.items_rect(list(ids))
        if rect.isEmpty():
            return
        visible = self.mapToScene(self.viewport().rect()).boundingRect()
        if rect.width() > visible.width() or rect.height() > visible.height():
            self.fit_rect(rect, max_zoom=self.zoom())
        else:
            self.centerOn(rect.center())

    def paintEvent(self, event: QPaintEvent) -> None:
        # Links turn to hairlines when the map is seen from far away, however it got there
        # (zoom, fit, presentation); the scene changes them only when the side changes.
        self.map_scene.set_far(self.zoom() < FAR_ZOOM)
        # and every link that may show in this frame has its route and its drawing
        self.map_scene.settle_sight()
        super().paintEvent(event)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom() * ZOOM_STEP**steps)
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------ cards

    def add_card(self, kind: NodeKind) -> str | None:
        """Add a card of `kind` near the middle of the view, where it covers no other card.

        A key result added while one objective or goal is selected measures that card and
        goes under it.
        """
        interaction = self.map_scene.interaction
        selected = self.map_scene.selected_node_ids()
        self.setFocus()
        if (
            kind is NodeKind.KEY_RESULT
            and len(selected) == 1
            and interaction.can_measure(selected[0])
        ):
            node_id = interaction.add_key_result(selected[0])
        else:
            center = self.mapToScene(self.viewport().rect().center())
            workshop = self.map_scene.document.workshop
            x, y = free_spot(workshop, kind, (center.x(), center.y()))
            node_id = interaction.add_node_at(kind, (x, y))
        item = None if node_id is None else self.map_scene.item_for(node_id)
        if item is not None:
            self.ensureVisible(item.sceneBoundingRect(), 40, 40)
        return node_id

    def rename_selected(self) -> None:
        """Bring the first selected card into view and edit its title in place."""
        ids = self.map_scene.selected_node_ids()
        if ids:
            self.center_on_ids(ids[:1])
            self.setFocus()
            self.map_scene.interaction.start_rename(ids[0])

    # ------------------------------------------------------------------ pan

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.scene() is not None and self.scene().focusItem() is not None
        if event.key() == Qt.Key.Key_Space and not editing and not event.isAutoRepeat():
            self._space_down = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat() and self._space_down:
            self._space_down = False
            self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        middle = event.button() == Qt.MouseButton.MiddleButton
        space = event.button() == Qt.MouseButton.LeftButton and self._space_down
        if middle or space:
            self._panning = True
            self._pan_from = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning and self._pan_from is not None:
            delta = event.position() - self._pan_from
            self._pan_from = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning:
            self._panning = False
            self._pan_from = None
            if self._space_down:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    # ------------------------------------------------------------------ palette drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if kind_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragEnterEvent(event)

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if kind_from_mime(event.mimeData()) is not None:
            event.acceptProposedAction()
        else:
            super().dragMoveEvent(event)

    def dropEvent(self, event: QDropEvent) -> None:
        kind = kind_from_mime(event.mimeData())
        if kind is None:
            super().dropEvent(event)
            return
        pos = self.mapToScene(event.position().toPoint())
        event.acceptProposedAction()
        self.setFocus()
        self.map_scene.interaction.add_node_at(kind, (pos.x(), pos.y()))
