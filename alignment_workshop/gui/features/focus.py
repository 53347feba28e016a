"""Focus: show one objective with its chain to the vision and everything that supports it.

Select an objective (or a team goal or key result) and choose Focus: every other card and
link is hidden until Esc, or Focus again. An objective's key results measure it, so they
stay in view with it. The visible set follows edits, so a goal linked to
the focused objective while focused appears at once, and a card added while focused
stays visible (it is being worked on) even before it is linked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from alignment_workshop.analysis.graphs import MapGraphs, closure
from alignment_workshop.i18n import _
from alignment_workshop.model import NodeKind, Workshop

from ..editing.document import Document
from .why import FOCUS_LAYER, EscapeChain

if TYPE_CHECKING:
    from ..canvas.scene import MapScene

_FOCUSABLE = (NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT)


def focus_ids(workshop: Workshop, node_id: str) -> set[str]:
    """`node_id`, the active nodes it supports up to the vision, and all that support it.

    The reach is the checks' own: `closure` over S, the supports and measures links
    between active nodes, upwards and downwards.
    """
    graphs = MapGraphs.build(workshop)
    return {node_id} | closure(graphs.succ, (node_id,)) | closure(graphs.pred, (node_id,))


class FocusMode(QObject):
    """View › Focus: hide everything outside one objective's chain and support."""

    #: Focus was switched on (True) or off (False).
    active_changed = Signal(bool)

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view = document, scene, view
        self.node_id: str | None = None
        self.visible_ids: set[str] = set()
        self._known_ids: set[str] = set()  # the cards that existed when Focus began
        self.action = QAction(_("&Focus"), window)
        self.action.setCheckable(True)
        self.action.setShortcut(QKeySequence("F"))
        self.action.setStatusTip(
            _("Show only the selected objective, its chain to the vision and what supports it")
        )
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        self.escape = EscapeChain.of(window)
        self.escape.add(FOCUS_LAYER, self.is_active, self.clear)
        document.workshop_replaced.connect(self.clear)
        document.analysis_updated.connect(self._follow_edit)

    def is_active(self) -> bool:
        return self.node_id is not None

    def toggle(self) -> None:
        """Focus on the selected card, or leave Focus when it is on."""
        if self.is_active():
            self.clear()
        else:
            self.focus()

    def focus(self, node_id: str | None = None) -> bool:
        """Focus on `node_id` (default: the one selected objective, goal or key result)."""
        workshop = self.document.workshop
        if node_id is None:
            selected = self.scene.selected_node_ids()
            node_id = selected[0] if len(selected) == 1 else None
        if node_id is None or workshop.node(node_id).kind not in _FOCUSABLE:
            self.document.message.emit(
                _("Select one objective, team goal or key result, then choose Focus.")
            )
            self.action.setChecked(self.is_active())
            return False
        self.node_id = node_id
        self._known_ids = {node.id for node in workshop.iter_nodes()}
        self._show(focus_ids(workshop, node_id))
        self._frame(self.visible_ids)
        self.action.setChecked(True)
        self.escape.refresh()
        self.active_changed.emit(True)
        return True

    def clear(self) -> None:
        """Show the whole map again."""
        if self.node_id is None:
            return
        self.node_id = None
        self.visible_ids = set()
        self._known_ids = set()
        self.scene.set_visible_ids(None)
        self.action.setChecked(False)
        self.escape.refresh()
        self.active_changed.emit(False)

    def _show(self, ids: set[str]) -> None:
        self.visible_ids = ids
        self.scene.set_visible_ids(ids)

    def _frame(self, ids: Iterable[str]) -> None:
        center_on_ids = getattr(self.view, "center_on_ids", None)
        if callable(center_on_ids):
            center_on_ids(list(ids))

    def _follow_edit(self, _report: object = None) -> None:
        if self.node_id is None:
            return
        workshop = self.document.workshop
        if workshop.has_node(self.node_id):
            added = {n.id for n in workshop.iter_nodes() if n.id not in self._known_ids}
            self._show(focus_ids(workshop, self.node_id) | added)
        else:
            self.clear()
