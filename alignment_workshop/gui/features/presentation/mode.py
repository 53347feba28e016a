"""Presentation mode (F5): the map alone, full screen, legible from the back of the room.

Entering hides the docks, toolbars, menu and status bar, goes full screen, gives every
card a high-contrast face (`cards.py`) whose titles show at least 28 px tall
at the fitted zoom, and floats the score, an optional findings list, the Why sentence
and an optional countdown over the map (`overlays.py`). Why (W) and Focus
keep working. With a card selected, + and - change its votes (undoable). T sets the
timer, I shows the findings, and Esc (after clearing Why and Focus) leaves.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QKeySequence, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsView,
    QInputDialog,
    QMainWindow,
    QToolBar,
    QWidget,
)

from alignment_workshop.model import NodeKind
from alignment_workshop.model.rules import INT_LIMITS

from ...editing.document import Document
from ..why import PRESENTATION_LAYER, EscapeChain, WhyHighlighter
from .cards import PresentationFaces, title_pixels
from .overlays import PresentationOverlays
from .theme import THEME

if TYPE_CHECKING:
    from ...canvas.scene import MapScene

#: The fitted zoom never goes above this, so a tiny map is not blown up absurdly.
MAX_FIT_ZOOM = 2.5
#: Extra room around the map when it is fitted, in screen pixels.
FIT_PADDING = 16
_VOTABLE = (NodeKind.OBJECTIVE, NodeKind.GOAL)


@dataclass
class _Saved:
    """What presentation mode changed, to put back when it ends."""

    window_state: Qt.WindowState
    geometry: QByteArray
    hidden: list[QWidget]
    background: QBrush
    transform: QTransform
    center: QPointF


def fitted_zoom(width: float, height: float, view_width: int, view_height: int) -> float:
    """The zoom that shows a `width` × `height` map whole in a view of that size."""
    room_w = view_width - 2 * FIT_PADDING
    room_h = view_height - 2 * FIT_PADDING
    if width <= 0 or height <= 0 or room_w <= 0 or room_h <= 0:
        return 1.0
    return min(room_w / width, room_h / height, MAX_FIT_ZOOM)


class PresentationMode(QObject):
    """View › Presentation Mode: enter(), leave(), is_active(), and its actions."""

    #: Presentation mode was switched on (True) or off (False).
    active_changed = Signal(bool)

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view, self.window = document, scene, view, window
        self.faces = PresentationFaces(scene, THEME)
        self.overlays = PresentationOverlays(view, THEME)
        self.zoom = 1.0
        #: Screen pixels at the right edge that a panel of another feature keeps.
        self.reserved_right = 0
        self._saved: _Saved | None = None
        self._why: WhyHighlighter | None = None
        self._make_actions()
        self.escape = EscapeChain.of(window)
        self.escape.add(PRESENTATION_LAYER, self.is_active, self.leave)
        self._sync_timer = QTimer(self)
        self._sync_timer.setSingleShot(True)
        self._sync_timer.setInterval(0)
        self._sync_timer.timeout.connect(self.faces.sync)
        document.changed.connect(self._sync_timer.start)
        document.workshop_replaced.connect(self._on_replaced)
        document.analysis_updated.connect(self._on_report)
        scene.selection_ids_changed.connect(self._sync_timer.start)
        scene.selection_ids_changed.connect(self._show_caption)
        view.installEventFilter(self)

    def _action(self, text: str, keys: list[str], slot: object, tip: str) -> QAction:
        action = QAction(text, self.window)
        action.setShortcuts([QKeySequence(key) for key in keys])
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    def _make_actions(self) -> None:
        self.action = self._action(
            "&Presentation Mode", ["F5"], self.toggle, "Show the map full screen for the room"
        )
        self.action.setCheckable(True)
        self.vote_up_action = self._action(
            "Vote &Up", ["+", "=", "Num++"], self._vote_up, "Give the selected card one vote"
        )
        self.vote_down_action = self._action(
            "Vote &Down", ["-", "Num+-"], self._vote_down, "Take one vote from the selected card"
        )
        self.timer_action = self._action(
            "Set &Timer…", ["T"], self.ask_timer, "Start a countdown the room can see"
        )
        self.findings_action = self._action(
            "Show &Findings", ["I"], self.toggle_findings, "Float the errors and warnings"
        )
        self.findings_action.setCheckable(True)
        self._enable_presenting_actions(False)

    def actions(self) -> list[QAction]:
        """The actions for the View menu, in order."""
        return [
            self.action,
            self.findings_action,
            self.timer_action,
            self.vote_up_action,
            self.vote_down_action,
        ]

    def _enable_presenting_actions(self, on: bool) -> None:
        for action in (
            self.vote_up_action,
            self.vote_down_action,
            self.timer_action,
            self.findings_action,
        ):
            action.setEnabled(on)

    # ------------------------------------------------------------------ on and off

    def is_active(self) -> bool:
        return self._saved is not None

    def toggle(self) -> None:
        if self.is_active():
            self.leave()
        else:
            self.enter()

    def enter(self) -> None:
        """Go full screen with the map alone, in the high-contrast theme."""
        if self.is_active():
            return
        window = self.window
        chrome: list[QWidget] = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
        chrome += [window.menuBar(), window.statusBar()]
        center = self.view.mapToScene(self.view.viewport().rect().center())
        self._saved = _Saved(
            window.windowState(),
            window.saveGeometry(),
            [widget for widget in chrome if widget.isVisible()],
            self.scene.backgroundBrush(),
            self.view.transform(),
            center,
        )
        for widget in self._saved.hidden:
            widget.hide()
        self.scene.setBackgroundBrush(QColor(THEME.background))
        self.faces.show()
        self.overlays.show(self.document.report, self._titles())
        self._follow_why(True)
        self._show_caption()
        window.showFullScreen()
        QTimer.singleShot(300, self._cover_screen)
        self._scrollbars(False)
        self._switched(True)
        self.fit()
        QTimer.singleShot(0, self.fit)  # again once the window is really full screen

    def leave(self) -> None:
        """Put the window, the map and its theme back as they were."""
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        self._follow_why(False)
        self.overlays.hide()
        self.faces.hide()
        self.scene.setBackgroundBrush(saved.background)
        self.window.setWindowState(saved.window_state)
        self.window.restoreGeometry(saved.geometry)
        self._scrollbars(True)
        for widget in saved.hidden:
            widget.show()
        self.view.setSceneRect(QRectF())
        self.view.setTransform(saved.transform)
        self.view.centerOn(saved.center)
        self._switched(False)

    def _cover_screen(self) -> None:
        """Without a window manager (e.g. Xvfb) full screen does nothing: cover it by hand."""
        screen = self.window.screen()
        wrong = screen is not None and self.window.geometry() != screen.geometry()
        if self.is_active() and wrong:
            self.window.setGeometry(screen.geometry())

    def _scrollbars(self, on: bool) -> None:
        policy = (
            Qt.ScrollBarPolicy.ScrollBarAsNeeded if on else Qt.ScrollBarPolicy.ScrollBarAlwaysOff
        )
        self.view.setHorizontalScrollBarPolicy(policy)
        self.view.setVerticalScrollBarPolicy(policy)

    def _switched(self, on: bool) -> None:
        self.action.setChecked(on)
        self._enable_presenting_actions(on)
        self.escape.refresh()
        self.active_changed.emit(on)

    def _follow_why(self, on: bool) -> None:
        why = self.window.findChild(WhyHighlighter)
        if on and why is not None:
            why.sentence_changed.connect(self._on_sentence)
            self._on_sentence(why.sentence)
            self._why = why
        elif not on and self._why is not None:
            self._why.sentence_changed.disconnect(self._on_sentence)
            self._why = None

    def _on_sentence(self, sentence: str) -> None:
        self.overlays.set_sentence(sentence)
        self.faces.refresh()  # faces paint the highlight's dimming themselves

    # ------------------------------------------------------------------ the map

    def reserve_right(self, pixels: int) -> None:
        """Keep `pixels` at the view's right edge clear of the map (the room's panel)."""
        self.reserved_right = max(0, pixels)
        self.fit()

    def fit(self) -> float:
        """Fit the visible map below the panels; titles grow to stay 28 px on screen."""
        if not self.is_active():
            return self.zoom
        rect = self.scene.items_rect()
        viewport, kept = self.view.viewport(), self.reserved_right
        zoom = fitted_zoom(rect.width(), rect.height(), viewport.width() - kept, viewport.height())
        self.view.setTransform(QTransform.fromScale(zoom, zoom))
        if kept:  # the map centred in the room left of the kept strip
            width, height = viewport.width() / zoom, viewport.height() / zoom
            left = rect.center().x() - (viewport.width() - kept) / 2 / zoom
            self.view.setSceneRect(QRectF(left, rect.center().y() - height / 2, width, height))
        else:
            self.view.setSceneRect(QRectF())
        self.view.centerOn(rect.center() + QPointF(kept / 2 / zoom, 0))
        self.zoom = zoom
        self.faces.set_pixels(title_pixels(zoom))
        self.overlays.place()
        return zoom

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.is_active():
            QTimer.singleShot(0, self.fit)
        return False

    def _titles(self) -> dict[str, str]:
        return {node.id: node.title for node in self.document.workshop.iter_nodes()}

    def _show_caption(self) -> None:
        """While presenting, the one selected card's whole title (cards may elide it)."""
        if not self.is_active():
            return
        selected = self.scene.selected_node_ids()
        caption = ""
        if len(selected) == 1:
            node = self.document.workshop.node(selected[0])
            caption = f"{node.kind.label}: {node.title}"
            if node.votes:
                caption += f"   ★ {node.votes}"
        self.overlays.set_caption(caption)

    def _on_replaced(self) -> None:
        self.faces.hide()
        if self.is_active():
            self.faces.show()
            QTimer.singleShot(0, self.fit)

    def _on_report(self, report: object) -> None:
        if self.is_active():
            self.overlays.set_report(self.document.report, self._titles())
            self.faces.sync()
            self._show_caption()

    # ------------------------------------------------------------------ room tools

    def _vote_up(self) -> None:
        self.vote(+1)

    def _vote_down(self) -> None:
        self.vote(-1)

    def vote(self, delta: int) -> bool:
        """Add `delta` votes to each selected objective or goal, within bounds: one undo step."""
        workshop = self.document.workshop
        chosen = [i for i in self.scene.selected_node_ids() if workshop.node(i).kind in _VOTABLE]
        if not chosen:
            self.document.message.emit("Select an objective or team goal to vote on it.")
            return False
        low, high = INT_LIMITS["node.votes"]
        changes = {i: min(high, max(low, workshop.node(i).votes + delta)) for i in chosen}
        changes = {i: votes for i, votes in changes.items() if votes != workshop.node(i).votes}
        if not changes:
            return False
        word = "Vote for" if delta > 0 else "Take a vote from"
        with self.document.macro(f"{word} {len(changes)} card{'s' * (len(changes) != 1)}"):
            for node_id, votes in changes.items():
                self.document.update_node(node_id, votes=votes)
        return True

    def start_timer(self, seconds: int) -> None:
        """Start (or with 0, stop) the countdown shown to the room."""
        if seconds > 0:
            self.overlays.timer.start(seconds)
        else:
            self.overlays.timer.stop()

    def ask_timer(self) -> None:
        """T: ask for the minutes of a timebox (0 stops the timer)."""
        current = self.overlays.timer.remaining() / 60 or 5.0
        minutes, ok = QInputDialog.getDouble(
            self.window, "Timer", "Minutes (0 stops the timer):", current, 0.0, 180.0, 1
        )
        if ok:
            self.start_timer(round(minutes * 60))

    def toggle_findings(self) -> None:
        self.findings_action.setChecked(self.overlays.toggle_findings())
