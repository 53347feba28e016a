"""The Arrange menu: auto-layout of the whole map, and tidying nodes that have no place.

Both run the pure layout (`layout.auto_layout`) and push its positions through
`Document.move_nodes`, so each is one undoable command and the scene follows the model.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from alignment_workshop.i18n import _, ngettext
from alignment_workshop.layout import auto_layout

from ..editing.document import Document

if TYPE_CHECKING:
    from ..canvas.scene import MapScene


class ArrangeActions(QObject):
    """Arrange › Auto-layout and Arrange › Tidy new nodes, for MainWindow's menu."""

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view = document, scene, view
        self.auto_layout_action = QAction(_("&Auto-layout"), window)
        self.auto_layout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.auto_layout_action.setStatusTip(
            _("Place every card again: vision on top, objectives, then team goals by team")
        )
        self.auto_layout_action.triggered.connect(self.auto_layout)
        self.tidy_action = QAction(_("&Tidy New Nodes"), window)
        self.tidy_action.setStatusTip(_("Place the cards that have no position yet, in open space"))
        self.tidy_action.triggered.connect(self.tidy_new_nodes)
        window.addAction(self.auto_layout_action)
        window.addAction(self.tidy_action)

    def actions(self) -> list[QAction]:
        """The actions in menu order."""
        return [self.auto_layout_action, self.tidy_action]

    def auto_layout(self) -> bool:
        """Re-place every node as one undo step; True when anything moved."""
        workshop = self.document.workshop
        if not workshop.nodes:
            self.document.message.emit(_("There is nothing to lay out yet."))
            return False
        before = self.document.undo_stack.count()
        self.document.move_nodes(auto_layout(workshop), "Auto-layout")
        self._fit()
        return self.document.undo_stack.count() != before

    def tidy_new_nodes(self) -> bool:
        """Place only the nodes without a position, as one undo step."""
        workshop = self.document.workshop
        new = {node.id for node in workshop.iter_nodes() if node.pos is None}
        if not new:
            self.document.message.emit(_("Every card already has a place."))
            return False
        text = ngettext("Tidy {count} new node", "Tidy {count} new nodes", len(new)).format(
            count=len(new)
        )
        return self.document.move_nodes(auto_layout(workshop, only=new), text)

    def _fit(self) -> None:
        fit_all = getattr(self.view, "fit_all", None)
        if callable(fit_all):
            fit_all()
