"""What the mouse does on the map: move, link, add, rename and the context menu.

`SceneInteraction` is one object that the scene owns and forwards its mouse, key and
context-menu events to; it reaches the scene only through the small `MapSurface`
protocol. Every change goes through the document as one command: a drag becomes one
Move on release, a link drag one Add-link (or a refusal with the reason in the status
bar), a double-click on empty canvas one Add-goal followed by in-place renaming, and
"Add Key Result" on an objective or goal one step that adds the chip under it and links
it. Other features add entries to the context menu with `add_context_provider`. Esc cancels a
link drag or a rename first; only then does the window's Esc chain run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from PySide6.QtCore import QEvent, QLineF, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsLineItem,
    QGraphicsSceneContextMenuEvent,
    QGraphicsSceneMouseEvent,
    QMenu,
)

from alignment_workshop.model import (
    LinkKind,
    NodeKind,
    allowed_link_kinds,
    link_allowed,
    natural_link_kind,
)

from ..editing.document import Document
from . import style
from .items.link_item import LinkItem
from .items.node_item import NodeItem
from .title_editor import TitleEditor, claims_escape


def new_title(kind: NodeKind) -> str:
    """The title a new card gets ("New objective"); it opens straight into renaming."""
    return f"New {kind.label.lower()}"


def clipped(title: str, limit: int = 30) -> str:
    """`title` on one line for a menu: at most `limit` characters, a cut one ending in "…"."""
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - 1].rstrip() + "…"


_LINK_VERBS = {
    LinkKind.SUPPORTS: "supports",
    LinkKind.UPHOLDS: "upholds",
    LinkKind.CONFLICTS: "conflicts with",
    LinkKind.DEPENDS: "depends on",
    LinkKind.MEASURES: "measures",
}

#: A context-menu provider gets the menu and the ids of the selected nodes.
ContextProvider = Callable[[QMenu, list[str]], None]
#: Qt's own handling of a mouse event, which the interaction runs when it does not claim it.
MouseDefault = Callable[[QGraphicsSceneMouseEvent], None]


class MapSurface(Protocol):
    """What the interaction needs from the scene it works on (a `MapScene`)."""

    def node_at(self, pos: QPointF) -> NodeItem | None: ...
    def link_at(self, pos: QPointF) -> LinkItem | None: ...
    def item_for(self, node_id: str) -> NodeItem | None: ...
    def selected_node_ids(self) -> list[str]: ...
    def selected_link_ids(self) -> list[str]: ...
    def select_ids(self, node_ids: Iterable[str], link_ids: Iterable[str] = ()) -> None: ...
    def addItem(self, item: QGraphicsItem, /) -> None: ...
    def removeItem(self, item: QGraphicsItem, /) -> None: ...


class SceneInteraction:
    """The mouse and keyboard on one map scene, and the gestures they make."""

    def __init__(self, scene: MapSurface, document: Document) -> None:
        self.scene = scene
        self.document = document
        self._link_source: NodeItem | None = None
        self._link_line: QGraphicsLineItem | None = None
        self._press_positions: dict[str, QPointF] = {}
        self._editor: TitleEditor | None = None
        self._providers: list[ContextProvider] = []

    # ------------------------------------------------------------------ state

    @property
    def title_editor(self) -> TitleEditor | None:
        """The in-place title editor while a card is being renamed, else None."""
        return self._editor

    def is_linking(self) -> bool:
        """Whether a link drag (with its dashed line) is under way."""
        return self._link_source is not None or self._link_line is not None

    # ------------------------------------------------------------------ gestures

    def add_context_provider(self, provider: ContextProvider) -> None:
        """Let another feature add entries to the context menu of nodes."""
        self._providers.append(provider)

    def add_node_at(
        self, kind: NodeKind, pos: tuple[float, float], *, rename: bool = True
    ) -> str | None:
        """Add a card of `kind` centred at `pos`, select it and open its title for editing.

        A key result dropped on an objective or goal measures it and joins its stack. A
        team goal takes the team of the selected card, or else the team used last.
        """
        if kind is NodeKind.KEY_RESULT:
            card = self.scene.node_at(QPointF(*pos))
            if card is not None and self.can_measure(card.node_id):
                return self.add_key_result(card.node_id, rename=rename)
        team = None
        if kind is NodeKind.GOAL:  # a team goal starts with the team in hand
            team = self.document.team_in_hand.for_new_goal(self.scene.selected_node_ids())
        node_id = self.document.add_node(kind, new_title(kind), pos, team=team)
        if node_id is not None:
            self.scene.select_ids([node_id])
            if rename:
                self.start_rename(node_id)
        return node_id

    def can_measure(self, node_id: str) -> bool:
        """Whether a key result may measure the card `node_id` (an objective or a goal)."""
        workshop = self.document.workshop
        return workshop.has_node(node_id) and link_allowed(
            LinkKind.MEASURES, NodeKind.KEY_RESULT, workshop.node(node_id).kind
        )

    def add_key_result(self, parent_id: str, *, rename: bool = True) -> str | None:
        """Add a key result under `parent_id`, linked to it (one undo step), and rename it."""
        node_id = self.document.add_key_result(parent_id, new_title(NodeKind.KEY_RESULT))
        if node_id is not None:
            self.scene.select_ids([node_id])
            if rename:
                self.start_rename(node_id)
        return node_id

    def link_nodes(
        self, source_id: str, target_id: str, kind: LinkKind | None = None
    ) -> str | None:
        """Link two cards with `kind`, or the kind their pair implies; None if refused."""
        workshop = self.document.workshop
        source, target = workshop.node(source_id), workshop.node(target_id)
        if kind is None:
            kind = natural_link_kind(source.kind, target.kind)
        if kind is None and natural_link_kind(target.kind, source.kind) is not None:
            self.document.message.emit("Linked the other way round, as the pair only allows.")
            return self.link_nodes(target_id, source_id)
        link_id = self.document.add_link(kind or LinkKind.SUPPORTS, source_id, target_id)
        if link_id is not None:
            verb = _LINK_VERBS[self.document.workshop.link(link_id).kind]
            self.document.message.emit(f"Linked: '{source.title}' {verb} '{target.title}'.")
        return link_id

    def add_link_actions(self, menu: QMenu, source_id: str, target_id: str) -> None:
        """Add one "Link: …" entry to `menu` for every kind the pair of cards allows."""
        workshop = self.document.workshop
        source, target = workshop.node(source_id), workshop.node(target_id)
        for kind in allowed_link_kinds(source.kind, target.kind):
            text = f"Link: '{clipped(source.title)}' {_LINK_VERBS[kind]} '{clipped(target.title)}'"
            action = menu.addAction(text)
            action.triggered.connect(
                lambda _=False, k=kind: self.document.add_link(k, source_id, target_id)
            )

    def delete_selection(self) -> None:
        """Delete the selected cards and links (cards take their links with them)."""
        self.document.delete(self.scene.selected_node_ids(), self.scene.selected_link_ids())

    def start_rename(self, node_id: str) -> None:
        """Edit the title of `node_id` in place (Enter commits, Esc cancels)."""
        item = self.scene.item_for(node_id)
        if item is None:
            return
        self.finish_rename()
        editor = TitleEditor(item)
        editor.committed.connect(lambda text, nid=node_id: self._commit_title(nid, text))
        editor.finished.connect(self._editor_closed)
        self.scene.addItem(editor)
        editor.begin()
        self._editor = editor

    def finish_rename(self) -> None:
        """Commit a title being edited, if any."""
        if self._editor is not None:
            self._editor.commit()

    def begin_move(self) -> None:
        """Note where the selected cards are: a drag that moves them may follow."""
        self._press_positions = {}
        for node_id in self.scene.selected_node_ids():
            item = self.scene.item_for(node_id)
            if item is not None:
                self._press_positions[node_id] = item.pos()

    def end_move(self) -> None:
        """Push one Move for the cards that moved since `begin_move`, if any did."""
        moved = {}
        for node_id, start in self._press_positions.items():
            item = self.scene.item_for(node_id)
            if item is not None and item.pos() != start:
                moved[node_id] = (item.x(), item.y())
        self._press_positions = {}
        if moved:
            self.document.move_nodes(moved)

    def cancel(self) -> None:
        """Drop a link drag, a title edit or a move in progress."""
        if self._editor is not None:
            self._editor.cancel()
        self._end_link_drag()
        self._press_positions = {}

    def forget_item(self, item: QGraphicsItem) -> None:
        """An item is leaving the scene: stop whatever used it."""
        if item is self._link_source or (self._editor is not None and self._editor.card is item):
            self.cancel()
        self._press_positions.pop(getattr(item, "node_id", ""), None)

    def _commit_title(self, node_id: str, text: str) -> None:
        title = " ".join(text.split())
        workshop = self.document.workshop
        if not workshop.has_node(node_id) or title == workshop.node(node_id).title:
            return
        if not title:
            self.document.message.emit("A title cannot be blank; the old title was kept.")
            return
        self.document.update_node(node_id, title=title)

    def _editor_closed(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            self.scene.removeItem(editor)
            editor.deleteLater()

    # ------------------------------------------------------------------ events from the scene

    def mouse_press(self, event: QGraphicsSceneMouseEvent, default: MouseDefault) -> None:
        """A press on a card's handle (or with Shift) starts a link drag; else Qt's press."""
        node = self.scene.node_at(event.scenePos())
        if event.button() == Qt.MouseButton.LeftButton and node is not None:
            wants_link = node.on_handle(node.mapFromScene(event.scenePos()))
            wants_link |= bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if wants_link:
                self._start_link_drag(node, event.scenePos())
                event.accept()
                return
        default(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self.begin_move()

    def mouse_move(self, event: QGraphicsSceneMouseEvent, default: MouseDefault) -> None:
        """A link drag draws its dashed line; anything else is Qt's (moving cards)."""
        if self._link_line is not None and self._link_source is not None:
            self._link_line.setLine(QLineF(self._link_source.pos(), event.scenePos()))
            event.accept()
            return
        default(event)

    def mouse_release(self, event: QGraphicsSceneMouseEvent, default: MouseDefault) -> None:
        """A link drag ends on its target card; a move ends as one Move command."""
        if self._link_source is not None:
            source = self._link_source
            self._end_link_drag()
            target = self.scene.node_at(event.scenePos())
            if target is not None and target is not source:
                self._drop_link(source, target, event.screenPos())
            event.accept()
            return
        default(event)
        self.end_move()

    def mouse_double_click(self, event: QGraphicsSceneMouseEvent, default: MouseDefault) -> None:
        """On a card: rename it; on empty canvas: add a team goal there."""
        if event.button() != Qt.MouseButton.LeftButton:
            default(event)
            return
        node = self.scene.node_at(event.scenePos())
        if node is not None:
            self.start_rename(node.node_id)
        elif self.scene.link_at(event.scenePos()) is None:
            pos = event.scenePos()
            self.add_node_at(NodeKind.GOAL, (pos.x(), pos.y()))
        event.accept()

    def claims_shortcut(self, event: QEvent) -> bool:
        """Whether a link drag claims this key before the window's shortcuts (Esc does)."""
        return (
            event.type() == QEvent.Type.ShortcutOverride
            and self._link_source is not None
            and claims_escape(event)
        )

    def key_press(self, event: QKeyEvent) -> bool:
        """Esc ends a link drag; True when the key was used."""
        if event.key() == Qt.Key.Key_Escape and self._link_source is not None:
            self._end_link_drag()
            self.document.message.emit("Link cancelled.")
            event.accept()
            return True
        return False

    def context_menu(self, event: QGraphicsSceneContextMenuEvent) -> None:
        """The menu of a card, a link, or empty canvas (add a card there)."""
        pos = event.scenePos()
        node = self.scene.node_at(pos)
        menu = QMenu()
        if node is not None:
            if not node.isSelected():
                self.scene.select_ids([node.node_id])
            self._node_menu(menu, node)
        else:
            link = self.scene.link_at(pos)
            if link is not None:
                self.scene.select_ids([], [link.link_id])
                self._link_menu(menu, link)
            else:
                for kind in NodeKind:
                    action = menu.addAction(f"Add {kind.label.lower()} here")
                    action.triggered.connect(
                        lambda _=False, k=kind: self.add_node_at(k, (pos.x(), pos.y()))
                    )
        if not menu.isEmpty():
            menu.exec(event.screenPos())
        event.accept()

    # ------------------------------------------------------------------ link drag

    def _start_link_drag(self, source: NodeItem, pos: QPointF) -> None:
        self._link_source = source
        line = QGraphicsLineItem(QLineF(source.pos(), pos))
        pen = QPen(QColor(style.SELECTION), 3.0, Qt.PenStyle.DashLine)
        line.setPen(pen)
        line.setZValue(10.0)
        self.scene.addItem(line)
        self._link_line = line
        self.document.message.emit("Drop on another card to link them.")

    def _end_link_drag(self) -> None:
        if self._link_line is not None:
            self.scene.removeItem(self._link_line)
        self._link_line = None
        self._link_source = None

    def _drop_link(self, source: NodeItem, target: NodeItem, screen_pos: QPoint) -> None:
        kinds = allowed_link_kinds(source.node.kind, target.node.kind)
        natural = natural_link_kind(source.node.kind, target.node.kind)
        if natural is None and kinds:
            menu = QMenu()
            self.add_link_actions(menu, source.node_id, target.node_id)
            menu.exec(screen_pos)
            return
        self.link_nodes(source.node_id, target.node_id)

    # ------------------------------------------------------------------ context menu

    def _node_menu(self, menu: QMenu, node: NodeItem) -> None:
        _add(menu, "Rename", lambda: self.start_rename(node.node_id))
        if self.can_measure(node.node_id):
            _add(menu, "Add Key Result", lambda: self.add_key_result(node.node_id))
        selected = self.scene.selected_node_ids()
        others = [i for i in selected if i != node.node_id]
        if len(others) == 1:
            menu.addSeparator()
            self.add_link_actions(menu, others[0], node.node_id)
        for provider in self._providers:
            menu.addSeparator()
            provider(menu, selected)
        menu.addSeparator()
        _add(menu, "Delete", self.delete_selection)

    def _link_menu(self, menu: QMenu, item: LinkItem) -> None:
        link = item.link
        if link.kind is LinkKind.CONFLICTS:
            label = "Mark unresolved" if link.resolved else "Mark resolved"
            _add(
                menu, label, lambda: self.document.update_link(link.id, resolved=not link.resolved)
            )
        _add(menu, "Delete link", lambda: self.document.delete([], [link.id]))


def _add(menu: QMenu, text: str, slot: Callable[[], object]) -> None:
    action = menu.addAction(text)
    action.triggered.connect(lambda _=False: slot())
