"""The Inspector dock: edit everything about the selection, one command per commit.

With one node selected it shows that node's fields by kind; with one link, the link's
note (and resolution, for a conflict); with nothing selected, the workshop's metadata.
It reads the model afresh after every change (edits, undo, redo, replacing the workshop),
scrolls back to the top of the form whenever the selection changes, and keeps no copy of
its own: each committed field goes through `document.update_*`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QScrollArea, QStackedWidget, QWidget

from ...canvas.scene import MapScene
from ...editing.document import Document
from ...support.plain_text import plain_label
from .pages import LinkPage, MetaPage, NodePage, Page

META, NODE, LINK, MANY = "meta", "node", "link", "many"


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


class InspectorDock(QDockWidget):
    """Shows and edits the selected node or link, or the workshop when nothing is selected."""

    def __init__(self, document: Document, scene: MapScene, parent: QWidget | None = None):
        super().__init__("Inspector", parent)
        self.setObjectName("inspector-dock")
        self.document = document
        self.scene = scene
        self._target: tuple[str, str | None] = (META, None)
        self._shown = document.workshop  # the workshop the editors were loaded from
        self.meta_page, self.node_page, self.link_page = MetaPage(), NodePage(), LinkPage()
        self.many_label = plain_label()
        self.many_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.many_label.setWordWrap(True)
        self.stack = QStackedWidget()
        for widget in (self.meta_page, self.node_page, self.link_page, self.many_label):
            self.stack.addWidget(widget)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.stack)
        self.setWidget(self.scroll_area)
        self.meta_page.edited.connect(self._edit_meta)
        self.node_page.edited.connect(self._edit_node)
        self.link_page.edited.connect(self._edit_link)
        document.changed.connect(self.refresh)
        document.workshop_replaced.connect(self._selection_changed)
        scene.selection_ids_changed.connect(self._selection_changed)
        self._selection_changed()

    @property
    def target(self) -> tuple[str, str | None]:
        """What is shown: ("node", id), ("link", id), ("meta", None) or ("many", None)."""
        return self._target

    def current_page(self) -> Page | None:
        """The form on show, or None when several items are selected."""
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def flush(self) -> None:
        """Commit whatever the user is in the middle of typing into the form on show."""
        page = self.current_page()
        if page is not None and self.document.workshop is self._shown:
            page.flush()  # after new/open the form still shows the old workshop: drop it

    def _selection_changed(self) -> None:
        self.flush()  # a half-typed edit belongs to the item that was selected
        self._shown = self.document.workshop  # after new/open, a stale edit is dropped
        nodes, links = self.scene.selected_node_ids(), self.scene.selected_link_ids()
        if len(nodes) + len(links) > 1:
            self._target = (MANY, None)
            self.many_label.setText(
                f"{_count(len(nodes), 'card')} and {_count(len(links), 'link')} selected.\n"
                "Select one item to edit it."
            )
        elif nodes:
            self._target = (NODE, nodes[0])
        elif links:
            self._target = (LINK, links[0])
        else:
            self._target = (META, None)
        self.refresh()
        self.scroll_area.verticalScrollBar().setValue(0)  # a new item's form starts at its top

    def refresh(self) -> None:
        """Show the target as the model has it now."""
        workshop = self.document.workshop
        kind, item_id = self._target
        if kind == NODE and item_id is not None and workshop.has_node(item_id):
            self.node_page.show_node(workshop.node(item_id), workshop.teams)
            self.stack.setCurrentWidget(self.node_page)
        elif kind == LINK and item_id is not None and workshop.has_link(item_id):
            link = workshop.link(item_id)
            self.link_page.show_link(link, workshop.node(link.source), workshop.node(link.target))
            self.stack.setCurrentWidget(self.link_page)
        elif kind == MANY:
            self.stack.setCurrentWidget(self.many_label)
        else:
            self._target = (META, None)
            self.meta_page.show_meta(workshop.meta)
            self.stack.setCurrentWidget(self.meta_page)

    def _edit_node(self, fields: dict[str, Any]) -> None:
        kind, node_id = self._target
        if (
            kind == NODE
            and node_id is not None
            and not self.document.update_node(node_id, **fields)
        ):
            self.refresh()  # refused: show the model's value again

    def _edit_link(self, fields: dict[str, Any]) -> None:
        kind, link_id = self._target
        if (
            kind == LINK
            and link_id is not None
            and not self.document.update_link(link_id, **fields)
        ):
            self.refresh()

    def _edit_meta(self, fields: dict[str, Any]) -> None:
        if self._target[0] == META and not self.document.update_meta(**fields):
            self.refresh()
