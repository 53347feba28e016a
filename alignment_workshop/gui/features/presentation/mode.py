"""Presentation mode (F5): the map for the room, full screen, step by step.

Entering hides the docks, toolbars, menu and status bar, goes full screen and shows the
stage (`stage.py`) in the map view in place of the map: the steps of the presentation,
each card's whole title in type 2.8 % of the screen's height (30 px at 1080p). → / Space
/ Page Down go to the next step, ← / Page Up back, Home and End to the ends; the room
reads "Step n of m" at the top. The score, counter, timer, findings (I) and the Why
sentence live in bands and a column the steps keep free of cards (`overlays.py`). Why
(W) and Focus keep working within a step; with a card selected, + and - change its
votes (undoable). T sets the timer, and Esc (after clearing Why and Focus) leaves,
putting back exactly the zoom, scroll position, selection, window and docks there were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QTransform
from PySide6.QtWidgets import (
    QDockWidget,
    QFrame,
    QGraphicsView,
    QMainWindow,
    QMenuBar,
    QStatusBar,
    QToolBar,
    QWidget,
)

from alignment_workshop.layout.steps import PAGE_HEIGHT
from alignment_workshop.model import NodeKind
from alignment_workshop.model.rules import INT_LIMITS

from ...editing.document import Document
from ..why import PRESENTATION_LAYER, EscapeChain, WhyHighlighter
from .overlays import PresentationOverlays
from .stage import PresentationStage
from .theme import THEME
from .timer_dialog import ask_minutes

if TYPE_CHECKING:
    from ...canvas.scene import MapScene

_VOTABLE = (NodeKind.OBJECTIVE, NodeKind.GOAL)
#: How long after leaving presentation mode the window manager may take to restore the
#: window's size; resizes after that are the user's and keep their dock sizes.
_SETTLE_MS = 1500
#: The timer's question on the projector, in page pixels (a 1080-row page).
TIMER_QUESTION_PX = 24


@dataclass
class _Saved:
    """What presentation mode changed, to put back when it ends."""

    window_state: Qt.WindowState
    geometry: QByteArray
    rect: QRect
    docks: QByteArray
    hidden: list[QWidget]
    transform: QTransform
    scroll: tuple[int, int]
    alignment: Qt.AlignmentFlag
    frame: QFrame.Shape
    selection: tuple[list[str], list[str]]


class PresentationMode(QObject):
    """View › Presentation Mode: enter(), leave(), is_active(), its steps and actions."""

    #: Presentation mode was switched on (True) or off (False).
    active_changed = Signal(bool)

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view, self.window = document, scene, view, window
        self.stage = PresentationStage(document, scene, THEME)
        self.stage.setParent(self)
        self.overlays = PresentationOverlays(view, THEME)
        #: Screen pixels per page pixel: the page's 1080 rows fill the view's height.
        self.zoom = 1.0
        #: Screen pixels at the right edge that a panel of another feature keeps.
        self.reserved_right = 0
        self._saved: _Saved | None = None
        #: What leave() put back, until the window is back at its size (see _settle).
        self._settling: _Saved | None = None
        self._why: WhyHighlighter | None = None
        self._make_actions()
        self.escape = EscapeChain.of(window)
        self.escape.add(PRESENTATION_LAYER, self.is_active, self.leave)
        self._replan_timer = QTimer(self)
        self._replan_timer.setSingleShot(True)
        self._replan_timer.setInterval(0)
        self._replan_timer.timeout.connect(self.layout)
        document.changed.connect(self._on_changed)
        document.workshop_replaced.connect(self._replan_timer.start)
        document.analysis_updated.connect(self._on_report)
        scene.selection_ids_changed.connect(self._on_selection)
        scene.emphasis_changed.connect(self._on_emphasis)
        self.stage.step_changed.connect(self._on_step)
        view.installEventFilter(self)
        window.installEventFilter(self)

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
        self.next_action = self._action(
            "&Next Step", ["Right", "Space", "PgDown"], self.next_step, "Show the next step"
        )
        self.previous_action = self._action(
            "P&revious Step", ["Left", "PgUp"], self.previous_step, "Show the previous step"
        )
        self.first_action = self._action("First Step", ["Home"], self.first_step, "")
        self.last_action = self._action("Last Step", ["End"], self.last_step, "")
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
            "Show &Findings", ["I"], self.toggle_findings, "Show the errors and warnings"
        )
        self.findings_action.setCheckable(True)
        self._enable_presenting_actions(False)

    def actions(self) -> list[QAction]:
        """The actions for the View menu, in order."""
        return [
            self.action,
            self.next_action,
            self.previous_action,
            self.findings_action,
            self.timer_action,
            self.vote_up_action,
            self.vote_down_action,
        ]

    def _enable_presenting_actions(self, on: bool) -> None:
        for action in (
            self.next_action,
            self.previous_action,
            self.first_action,
            self.last_action,
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
        """Go full screen with the steps alone, in the high-contrast theme."""
        if self.is_active():
            return
        window, view = self.window, self.view
        chrome: list[QWidget] = [*window.findChildren(QDockWidget), *window.findChildren(QToolBar)]
        # menuBar() and statusBar() would make bars the window does not have.
        chrome += [w for w in window.children() if isinstance(w, QMenuBar | QStatusBar)]
        self._saved = _Saved(
            window.windowState(),
            window.saveGeometry(),
            window.geometry(),
            window.saveState(),
            [widget for widget in chrome if widget.isVisible()],
            view.transform(),
            (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
            view.alignment(),
            view.frameShape(),
            (self.scene.selected_node_ids(), self.scene.selected_link_ids()),
        )
        for widget in self._saved.hidden:
            widget.hide()
        self._scrollbars(False)
        view.setScene(self.stage)
        view.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        view.setFrameShape(QFrame.Shape.NoFrame)
        self.overlays.show(self.document.report, self._titles())
        self._follow_why(True)
        window.showFullScreen()
        QTimer.singleShot(300, self._cover_screen)
        self._switched(True)
        self.layout()
        self._show_caption()
        QTimer.singleShot(0, self.layout)  # again once the window is really full screen

    def leave(self) -> None:
        """Put the window, its docks, the map, its zoom, scroll and selection back."""
        saved = self._saved
        if saved is None:
            return
        self._saved = None
        self._follow_why(False)
        self.overlays.hide()
        self.view.setScene(self.scene)
        self.view.setAlignment(saved.alignment)
        self.view.setFrameShape(saved.frame)
        self.window.setWindowState(saved.window_state)
        if saved.window_state & (Qt.WindowState.WindowMaximized | Qt.WindowState.WindowFullScreen):
            self.window.restoreGeometry(saved.geometry)
        else:  # exactly where it was (restoreGeometry would pull it inside the screen)
            self.window.setGeometry(saved.rect)
        for widget in saved.hidden:
            widget.show()
        self.window.restoreState(saved.docks)
        self._scrollbars(True)
        self.scene.select_ids(*saved.selection)
        self._restore_view(saved)
        self._settling = saved
        QTimer.singleShot(0, self._settle)  # once the window settled
        QTimer.singleShot(_SETTLE_MS, self._stop_settling)  # later resizes are the user's
        self._switched(False)

    def _stop_settling(self) -> None:
        self._settling = None

    def _settle(self) -> None:
        """Put the docks and the view back again once the window has its old size: a window
        manager leaves full screen later than leave() runs, and docks restored in the full
        screen window would keep their full-screen heights when it shrinks."""
        saved = self._settling
        if saved is None or self.is_active():
            self._settling = None
            return
        self.window.restoreState(saved.docks)
        self._restore_view(saved)
        if self.window.size() == saved.rect.size():
            self._settling = None

    def _restore_view(self, saved: _Saved) -> None:
        if self.is_active():
            return
        self.view.setTransform(saved.transform)
        self.view.horizontalScrollBar().setValue(saved.scroll[0])
        self.view.verticalScrollBar().setValue(saved.scroll[1])

    def _cover_screen(self) -> None:
        """Without a window manager (e.g. Xvfb) full screen does nothing: cover it by hand."""
        screen = self.window.screen()
        wrong = screen is not None and self.window.geometry() != screen.geometry()
        if self.is_active() and wrong and self.window.isFullScreen():
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

    # ------------------------------------------------------------------ the steps

    def reserve_right(self, pixels: int) -> None:
        """Keep `pixels` at the view's right edge clear of the steps (the room's panel)."""
        self.reserved_right = max(0, pixels)
        self.layout()

    def layout(self) -> float:
        """Scale the page to the view's height and plan the steps for the width left
        beside the kept strip and the findings column; returns the scale."""
        if not self.is_active():
            return self.zoom
        viewport = self.view.viewport()
        zoom = max(viewport.height(), 1) / PAGE_HEIGHT
        self.overlays.set_geometry(zoom, self.reserved_right)
        room = viewport.width() - self.reserved_right - self.overlays.findings_width()
        self.stage.replan(float(max(1, round(room / zoom))))
        self.view.setTransform(QTransform.fromScale(zoom, zoom))
        self.view.horizontalScrollBar().setValue(self.view.horizontalScrollBar().minimum())
        self.view.verticalScrollBar().setValue(self.view.verticalScrollBar().minimum())
        self.zoom = zoom
        self.overlays.place()
        return zoom

    def next_step(self) -> bool:
        return self.is_active() and self.stage.go(+1)

    def previous_step(self) -> bool:
        return self.is_active() and self.stage.go(-1)

    def first_step(self) -> bool:
        return self.is_active() and self.stage.go(-self.stage.index)

    def last_step(self) -> bool:
        return self.is_active() and self.stage.go(self.stage.count())

    def _on_step(self) -> None:
        """A new step: keep selected only the cards it shows, and tell the room."""
        if not self.is_active():
            return
        selected = self.scene.selected_node_ids()
        kept = [node_id for node_id in selected if node_id in self.stage.cards]
        if kept != selected:
            self.scene.select_ids(kept)
        self.overlays.set_step(self.stage.step_text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        resized = event.type() == QEvent.Type.Resize
        if watched is self.view and resized and self.is_active():
            self._replan_timer.start()
        if watched is self.window and resized and self._settling is not None:
            QTimer.singleShot(0, self._settle)
        return False

    def _titles(self) -> dict[str, str]:
        return {node.id: node.title for node in self.document.workshop.iter_nodes()}

    def _show_caption(self) -> None:
        """While presenting, what the one selected card is, and its votes."""
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

    def _on_selection(self) -> None:
        if self.is_active():
            self.stage.mirror()
            self._show_caption()

    def _on_emphasis(self) -> None:
        """Why or Focus changed the map: mirror it, and undo any framing of the map."""
        if self.is_active():
            self.stage.mirror()
            self._replan_timer.start()

    def _on_changed(self) -> None:
        if self.is_active():
            self.stage.mirror()
            self._replan_timer.start()

    def _on_report(self, report: object) -> None:
        if self.is_active():
            self.overlays.set_report(self.document.report, self._titles())
            self._replan_timer.start()
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
        """T: ask for the minutes of a timebox (0 stops the timer), in type the room reads."""
        current = self.overlays.timer.remaining() / 60 or 5.0
        minutes = ask_minutes(self.window, current, round(TIMER_QUESTION_PX * self.zoom))
        if minutes is not None:
            self.start_timer(round(minutes * 60))

    def toggle_findings(self) -> None:
        """I: show or hide the findings column; the steps make room for it."""
        self.findings_action.setChecked(self.overlays.toggle_findings())
        self.layout()
