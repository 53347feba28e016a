"""The map scene: one item per node and link, following the model's events.

`MapScene` subscribes to the current workshop's events in one place (`_attach`) and
unsubscribes in one place (`_detach`); it rebuilds itself when the document replaces
the workshop. It never edits the model itself: every change the user makes with the
mouse goes through the document by way of its `interaction` (see `interaction.py`),
which it owns and forwards its mouse, key and context-menu events to.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
)

from alignment_workshop.analysis.findings import Report
from alignment_workshop.model import (
    Added,
    Changed,
    Event,
    Link,
    Node,
    NodeKind,
    Removed,
    Team,
    Workshop,
)

from ..editing.document import Document
from . import style
from .interaction import SceneInteraction
from .items.key_result_item import KeyResultItem
from .items.link_item import LinkItem
from .items.node_item import NodeItem

_MARGIN = 400.0


class MapScene(QGraphicsScene):
    """The alignment map of one document."""

    #: The set of selected nodes or links changed.
    selection_ids_changed = Signal()

    def __init__(self, document: Document) -> None:
        super().__init__(document)
        self.document = document
        #: What the mouse and keyboard do on the map: renaming, linking, moving, menus.
        self.interaction = SceneInteraction(self, document)
        self.setBackgroundBrush(QColor("#FAFAF7"))
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self._nodes: dict[str, NodeItem] = {}
        self._links: dict[str, LinkItem] = {}
        self._workshop: Workshop | None = None
        self._highlight: tuple[set[str], set[str]] | None = None
        self._visible: set[str] | None = None
        self.selectionChanged.connect(self.selection_ids_changed)
        document.workshop_replaced.connect(self._rebuild)
        document.analysis_updated.connect(self._show_report)
        self._rebuild()

    # ------------------------------------------------------------------ reading

    def item_for(self, node_id: str) -> NodeItem | None:
        """The card of `node_id`, or None."""
        return self._nodes.get(node_id)

    def link_item_for(self, link_id: str) -> LinkItem | None:
        """The line of `link_id`, or None."""
        return self._links.get(link_id)

    def node_at(self, pos: QPointF) -> NodeItem | None:
        """The visible card under the scene point `pos`, topmost first, or None."""
        for item in self.items(pos):
            if isinstance(item, NodeItem) and item.isVisible():
                return item
        return None

    def link_at(self, pos: QPointF) -> LinkItem | None:
        """The link under the scene point `pos`, topmost first, or None."""
        for item in self.items(pos):
            if isinstance(item, LinkItem):
                return item
        return None

    def node_items(self) -> list[NodeItem]:
        return list(self._nodes.values())

    def link_items(self) -> list[LinkItem]:
        return list(self._links.values())

    def selected_node_ids(self) -> list[str]:
        """The ids of the selected cards, in model order."""
        chosen = {i.node_id for i in self.selectedItems() if isinstance(i, NodeItem)}
        return [node_id for node_id in self._nodes if node_id in chosen]

    def selected_link_ids(self) -> list[str]:
        """The ids of the selected links, in model order."""
        chosen = {i.link_id for i in self.selectedItems() if isinstance(i, LinkItem)}
        return [link_id for link_id in self._links if link_id in chosen]

    def select_ids(self, node_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None:
        """Select exactly these nodes and links (unknown ids are ignored)."""
        wanted: list[QGraphicsItem] = [self._nodes[i] for i in node_ids if i in self._nodes]
        wanted += [self._links[i] for i in link_ids if i in self._links]
        self.blockSignals(True)
        try:
            self.clearSelection()
            for item in wanted:
                item.setSelected(True)
        finally:
            self.blockSignals(False)
        self.selection_ids_changed.emit()

    def select_all(self) -> None:
        """Select every card and link."""
        self.select_ids(self._nodes, self._links)

    def items_rect(self, ids: Iterable[str] | None = None) -> QRectF:
        """The rectangle around the given cards (all cards when None), or an empty rect."""
        items = (
            self._nodes.values()
            if ids is None
            else [self._nodes[i] for i in ids if i in self._nodes]
        )
        rect = QRectF()
        for item in items:
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        return rect

    # ------------------------------------------------------------------ highlight and focus

    def set_highlight(self, node_ids: set[str] | None, link_ids: set[str] | None = None) -> None:
        """Highlight these nodes and links and dim the rest; None clears it."""
        self._highlight = None if node_ids is None else (set(node_ids), set(link_ids or ()))
        self._apply_emphasis()

    def set_visible_ids(self, ids: set[str] | None) -> None:
        """Show only these nodes and the links between them; None shows everything."""
        self._visible = None if ids is None else set(ids)
        self._apply_emphasis()

    def _apply_emphasis(self) -> None:
        lit_nodes, lit_links = self._highlight or (None, None)
        for node_id, item in self._nodes.items():
            item.setVisible(self._visible is None or node_id in self._visible)
            dim = lit_nodes is not None and node_id not in lit_nodes
            item.setOpacity(style.DIMMED_OPACITY if dim else 1.0)
        for link_id, link_item in self._links.items():
            link = link_item.link
            link_item.setVisible(
                self._nodes[link.source].isVisible() and self._nodes[link.target].isVisible()
            )
            dim = lit_links is not None and link_id not in lit_links
            link_item.setOpacity(style.DIMMED_OPACITY if dim else 1.0)

    # ------------------------------------------------------------------ following the model

    def _rebuild(self) -> None:
        self._detach()
        self.interaction.cancel()
        self.clear()
        self.setSceneRect(QRectF())
        self._nodes.clear()
        self._links.clear()
        self._highlight = self._visible = None
        workshop = self.document.workshop
        for node in workshop.iter_nodes():
            self._add_node_item(node)
        for link in workshop.iter_links():
            self._add_link_item(link)
        self._attach(workshop)
        if self.document.report is not None:
            self._show_report(self.document.report)
        self._grow_scene_rect()
        self.selection_ids_changed.emit()

    def _subscriptions(self, workshop: Workshop) -> list[tuple[Event[Any], Callable[[Any], None]]]:
        """Every model channel the scene follows, with its handler: one table for both ways."""
        events = workshop.events
        return [
            (events.node_added, self._on_node_added),
            (events.node_removed, self._on_node_removed),
            (events.node_changed, self._on_node_changed),
            (events.link_added, self._on_link_added),
            (events.link_removed, self._on_link_removed),
            (events.link_changed, self._on_link_changed),
            (events.team_added, self._on_teams_changed),
            (events.team_removed, self._on_teams_changed),
            (events.team_changed, self._on_teams_changed),
        ]

    def _attach(self, workshop: Workshop) -> None:
        for channel, handler in self._subscriptions(workshop):
            channel.subscribe(handler)
        self._workshop = workshop

    def _detach(self) -> None:
        if self._workshop is None:
            return
        for channel, handler in self._subscriptions(self._workshop):
            channel.unsubscribe(handler)
        self._workshop = None

    def _team_of(self, node: Node) -> Team | None:
        workshop = self.document.workshop
        return workshop.team(node.team) if node.team and workshop.has_team(node.team) else None

    def _contributors_of(self, node: Node) -> tuple[Team, ...]:
        workshop = self.document.workshop
        return tuple(workshop.team(t) for t in node.contributors if workshop.has_team(t))

    def _add_node_item(self, node: Node) -> NodeItem:
        item_class = KeyResultItem if node.kind is NodeKind.KEY_RESULT else NodeItem
        item = item_class(node, self._team_of(node), self._contributors_of(node))
        item.setPos(*(node.pos or (0.0, 0.0)))
        self._nodes[node.id] = item
        self.addItem(item)
        return item

    def _add_link_item(self, link: Link) -> None:
        item = LinkItem(link, self._nodes[link.source], self._nodes[link.target])
        self._links[link.id] = item
        self.addItem(item)
        self._respread(item)

    @staticmethod
    def _respread(item: LinkItem) -> None:
        """Redraw the links that share both ends with `item` (they sit side by side)."""
        ends = {item.source, item.target}
        for twin in item.source.links:
            if twin is not item and {twin.source, twin.target} == ends:
                twin.update_path()

    def _on_node_added(self, event: Added[Node]) -> None:
        self._add_node_item(event.item)
        self._grow_scene_rect()

    def _on_node_removed(self, event: Removed[Node]) -> None:
        item = self._nodes.pop(event.item.id)
        self.interaction.forget_item(item)
        self.removeItem(item)

    def _on_node_changed(self, event: Changed[Node]) -> None:
        item = self._nodes[event.new.id]
        item.set_node(event.new, self._team_of(event.new), self._contributors_of(event.new))
        if "pos" in event.fields and event.new.pos is not None:
            item.setPos(*event.new.pos)
            self._grow_scene_rect()
        if "title" in event.fields:
            for link in item.links:
                link.update_path()

    def _on_link_added(self, event: Added[Link]) -> None:
        self._add_link_item(event.item)

    def _on_link_removed(self, event: Removed[Link]) -> None:
        item = self._links.pop(event.item.id)
        item.detach()
        self.removeItem(item)
        self._respread(item)

    def _on_link_changed(self, event: Changed[Link]) -> None:
        self._links[event.new.id].set_link(event.new)

    def _on_teams_changed(self, _event: object) -> None:
        for item in self._nodes.values():
            node = item.node
            if node.team is not None or item.team is not None or node.contributors:
                item.set_node(node, self._team_of(node), self._contributors_of(node))

    def _show_report(self, report: Report) -> None:
        by_node: dict[str, list] = {}
        for finding in report.findings:
            for node_id in finding.nodes:
                by_node.setdefault(node_id, []).append(finding)
        for node_id, item in self._nodes.items():
            item.set_findings(by_node.get(node_id, []))

    def _grow_scene_rect(self) -> None:
        rect = self.itemsBoundingRect().adjusted(-_MARGIN, -_MARGIN, _MARGIN, _MARGIN)
        current = self.sceneRect()
        self.setSceneRect(rect if current.isEmpty() else current.united(rect))

    # ------------------------------------------------------------------ events, to the interaction

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_press(event, super().mousePressEvent)

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_move(event, super().mouseMoveEvent)

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_release(event, super().mouseReleaseEvent)

    def mouseDoubleClickEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.interaction.mouse_double_click(event, super().mouseDoubleClickEvent)

    def contextMenuEvent(self, event: QGraphicsSceneContextMenuEvent) -> None:
        self.interaction.context_menu(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.interaction.key_press(event):
            super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # A link drag claims Esc before the window's shortcuts see it (key_press ends it).
        if self.interaction.claims_shortcut(event):
            event.accept()
            return True
        return super().event(event)
