"""Capturing team goals quickly: a linked goal in three actions, a team in one.

"Add Supporting Team Goal" (Ctrl+Shift+G, also in a card's context menu) adds a team goal
under the selected objective, goal or key result, linked to it, with the team in hand
(`Document.team_in_hand`), as one undo step, and opens its title for typing: select,
shortcut, type. A card's context menu also has a "Team" submenu that sets the team of
every selected goal and key result in one step. Selecting a card that has a team makes
its team the one in hand.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QGraphicsView, QMainWindow, QMenu

from alignment_workshop.layout import ROW_PITCH, free_spot
from alignment_workshop.model import Link, LinkKind, Node, NodeKind, link_allowed, new_id
from alignment_workshop.model.rules import NODE_FIELDS

from ..canvas.interaction import clipped, new_title
from ..editing.commands import quoted
from ..editing.document import Document

if TYPE_CHECKING:
    from ..canvas.scene import MapScene

#: The shortcut of Add Supporting Team Goal.
SUPPORTING_GOAL_KEY = "Ctrl+Shift+G"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(14, 14)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class CaptureActions(QObject):
    """Add Supporting Team Goal, and the card menu's Team submenu."""

    def __init__(
        self,
        document: Document,
        scene: MapScene,
        view: QGraphicsView,
        window: QMainWindow,
        edit_teams: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view = document, scene, view
        self._edit_teams = edit_teams
        self.supporting_goal_action = QAction("Add Supporting Team &Goal", window)
        self.supporting_goal_action.setShortcut(QKeySequence(SUPPORTING_GOAL_KEY))
        self.supporting_goal_action.setStatusTip(
            "Add a team goal that serves the selected card, with the team used last"
        )
        self.supporting_goal_action.triggered.connect(lambda _=False: self.add_supporting_goal())
        window.addAction(self.supporting_goal_action)
        scene.selection_ids_changed.connect(self._on_selection)
        document.changed.connect(self._update_enabled)
        scene.interaction.add_context_provider(self._context)
        self._update_enabled()

    # ------------------------------------------------------------------ supporting goal

    def can_support(self, node_id: str) -> bool:
        """Whether a new team goal may serve `node_id` (an active objective, goal or KR)."""
        workshop = self.document.workshop
        if not workshop.has_node(node_id):
            return False
        node = workshop.node(node_id)
        return node.kind is not NodeKind.VISION and (
            node.is_active and link_allowed(LinkKind.SUPPORTS, NodeKind.GOAL, node.kind)
        )

    def add_supporting_goal(self, parent_id: str | None = None) -> str | None:
        """Add a team goal under `parent_id` (default: the one selected card), linked to it.

        The goal takes the parent's team if it has one, else the team in hand. The card
        and its link are one undo step; the new card is selected and opened for typing.
        """
        if parent_id is None:
            selected = self.scene.selected_node_ids()
            parent_id = selected[0] if len(selected) == 1 else None
        if parent_id is None or not self.can_support(parent_id):
            self.document.message.emit(
                "Select one objective, team goal or key result for the new goal to serve."
            )
            return None
        workshop = self.document.workshop
        parent = workshop.node(parent_id)
        x, y = parent.pos if parent.pos is not None else (0.0, 0.0)
        goal = Node(
            id=new_id(NodeKind.GOAL.value),
            kind=NodeKind.GOAL,
            title=new_title(NodeKind.GOAL),
            pos=free_spot(workshop, NodeKind.GOAL, (x, y + ROW_PITCH)),
            team=self.document.team_in_hand.for_new_goal([parent_id]),
        )
        link = Link(new_id("link"), LinkKind.SUPPORTS, goal.id, parent_id)
        text = f"Add team goal serving {quoted(parent.title)}"
        if not self.document.add_items([goal], [link], text, refusal="New goal refused"):
            return None
        self.scene.select_ids([goal.id])
        item = self.scene.item_for(goal.id)
        if item is not None:
            self.view.ensureVisible(item.sceneBoundingRect(), 40, 40)
        self.view.setFocus()
        self.scene.interaction.start_rename(goal.id)
        return goal.id

    # ------------------------------------------------------------------ teams

    def set_team(self, node_ids: list[str], team_id: str | None) -> bool:
        """Give every card of `node_ids` that has a team field `team_id`, as one step (a
        goal that `team_id` was helping keeps its other contributors)."""
        workshop = self.document.workshop
        ids = [i for i in node_ids if workshop.has_node(i) and _has_team(workshop.node(i).kind)]
        if not ids:
            return False
        name = workshop.team(team_id).name if team_id else "no team"
        what = quoted(workshop.node(ids[0]).title) if len(ids) == 1 else f"{len(ids)} cards"
        changes: dict[str, dict[str, object]] = {}
        for node_id in ids:  # a new lead team stops being one of the goal's contributors
            fields: dict[str, object] = {"team": team_id}
            helpers = workshop.node(node_id).contributors
            if team_id in helpers:
                fields["contributors"] = tuple(t for t in helpers if t != team_id)
            changes[node_id] = fields
        done = self.document.update_nodes(changes, f"Set team of {what} to {quoted(name)}")
        if done and team_id is not None:
            self.document.team_in_hand.remember(team_id)
        return done

    def team_menu(self, menu: QMenu, node_ids: list[str]) -> QMenu | None:
        """Add the "Team" submenu for `node_ids` to `menu` (None when none has a team field)."""
        workshop = self.document.workshop
        cards = [workshop.node(i) for i in node_ids if workshop.has_node(i)]
        cards = [card for card in cards if _has_team(card.kind)]
        if not cards:
            return None
        current = {card.team for card in cards}
        submenu = menu.addMenu("&Team")
        for team in workshop.teams:
            action = submenu.addAction(_swatch(team.color), clipped(team.name, 40))
            action.setCheckable(True)
            action.setChecked(current == {team.id})
            action.triggered.connect(lambda _=False, t=team.id: self.set_team(node_ids, t))
        if workshop.teams:
            submenu.addSeparator()
        none = submenu.addAction("&No Team")
        none.setCheckable(True)
        none.setChecked(current == {None})
        none.triggered.connect(lambda _=False: self.set_team(node_ids, None))
        edit_teams = self._edit_teams
        if edit_teams is not None:
            submenu.addSeparator()
            edit = submenu.addAction("&Edit Teams…")
            edit.triggered.connect(lambda _=False: edit_teams())
        return submenu

    # ------------------------------------------------------------------ wiring

    def _context(self, menu: QMenu, selected: list[str]) -> None:
        if len(selected) == 1 and self.can_support(selected[0]):
            menu.addAction(self.supporting_goal_action)
        self.team_menu(menu, selected)

    def _on_selection(self) -> None:
        selected = self.scene.selected_node_ids()
        workshop = self.document.workshop
        if len(selected) == 1 and workshop.has_node(selected[0]):
            self.document.team_in_hand.remember(workshop.node(selected[0]).team)
        self._update_enabled()

    def _update_enabled(self) -> None:
        selected = self.scene.selected_node_ids()
        self.supporting_goal_action.setEnabled(len(selected) == 1 and self.can_support(selected[0]))


def _has_team(kind: NodeKind) -> bool:
    return "team" in NODE_FIELDS[kind]
