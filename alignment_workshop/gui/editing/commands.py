"""The undo commands: each one change to the workshop, made only through the model's edit API.

`redo()` applies the change and records what undo needs (the old record, the index it
sat at); `undo()` puts it back. A command never touches graphics items: the scene follows
the model's events. Compound edits (delete a node with its links, remove a team and
re-home its goals, paste) are one parent command whose children run in order on redo
and in reverse on undo, so they are one step on the stack and restore the order exactly.

The document asks the model's dry run (`Workshop.check_*`, or `Workshop.dry_run` for a
compound edit) before it builds a command, because `push()` runs `redo()` at once and a
refused edit must never land on the stack.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

from alignment_workshop.model import Link, Meta, Node, Position, Team, Workshop

if TYPE_CHECKING:
    from alignment_workshop.interchange import Imported

_TITLE_MAX = 40


def quoted(title: str) -> str:
    """A title as it appears in an undo text: quoted, shortened to one line."""
    line = " ".join(title.split())
    if len(line) > _TITLE_MAX:
        line = line[: _TITLE_MAX - 1] + "…"
    return f"'{line}'"


def _field_label(name: str) -> str:
    return {"pos": "position", "due": "due date"}.get(name, name)


def edit_text(title: str, fields: Iterable[str]) -> str:
    """ "Edit title of 'X'" for one field, "Edit 'X'" for several."""
    names = list(fields)
    if len(names) == 1:
        return f"Edit {_field_label(names[0])} of {quoted(title)}"
    return f"Edit {quoted(title)}"


class WorkshopCommand(QUndoCommand):
    """A command on one workshop, or one step of a compound command.

    A step is built with `parent=` a compound command. The parent keeps it in
    `steps` on the Python side rather than as a Qt child: Qt would delete children it
    does not own, and Python would delete them a second time.
    """

    def __init__(self, workshop: Workshop, text: str, parent: WorkshopCommand | None = None):
        super().__init__(text)
        self.workshop = workshop
        self.steps: list[WorkshopCommand] = []
        if parent is not None:
            parent.steps.append(self)

    def redo(self) -> None:
        """Run the steps in order (compound commands only)."""
        for step in self.steps:
            step.redo()

    def undo(self) -> None:
        """Undo the steps in reverse order (compound commands only)."""
        for step in reversed(self.steps):
            step.undo()


# ----------------------------------------------------------------------- nodes


class AddNodeCommand(WorkshopCommand):
    """Insert one node (appended unless `index` is given)."""

    def __init__(
        self,
        workshop: Workshop,
        node: Node,
        index: int | None = None,
        parent: WorkshopCommand | None = None,
    ):
        kind = node.kind.value.replace("_", " ")
        super().__init__(workshop, f"Add {kind} {quoted(node.title)}", parent)
        self.node = node
        self.index = index

    def redo(self) -> None:
        index = len(self.workshop.nodes) if self.index is None else self.index
        self.workshop.insert_node(index, self.node)

    def undo(self) -> None:
        self.workshop.remove_node(self.node.id)


class RemoveNodeCommand(WorkshopCommand):
    """Remove one node that no link touches, remembering where it stood."""

    def __init__(self, workshop: Workshop, node_id: str, parent: WorkshopCommand | None = None):
        node = workshop.node(node_id)
        super().__init__(workshop, f"Delete {quoted(node.title)}", parent)
        self.node_id = node_id
        self.index = -1
        self.node: Node = node

    def redo(self) -> None:
        self.index, self.node = self.workshop.remove_node(self.node_id)

    def undo(self) -> None:
        self.workshop.insert_node(self.index, self.node)


class UpdateNodeCommand(WorkshopCommand):
    """Change some fields of one node."""

    def __init__(
        self,
        workshop: Workshop,
        node_id: str,
        changes: Mapping[str, Any],
        text: str | None = None,
        parent: WorkshopCommand | None = None,
    ):
        title = workshop.node(node_id).title
        super().__init__(workshop, text or edit_text(title, changes), parent)
        self.node_id = node_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        old = self.workshop.update_node(self.node_id, **self.changes)
        self.old = {name: getattr(old, name) for name in self.changes}

    def undo(self) -> None:
        self.workshop.update_node(self.node_id, **self.old)


class MoveNodesCommand(WorkshopCommand):
    """Place several nodes at once: one drag, one layout run."""

    def __init__(
        self,
        workshop: Workshop,
        positions: Mapping[str, Position | None],
        text: str | None = None,
        parent: WorkshopCommand | None = None,
    ):
        if text is None:
            if len(positions) == 1:
                text = f"Move {quoted(workshop.node(next(iter(positions))).title)}"
            else:
                text = f"Move {len(positions)} items"
        super().__init__(workshop, text, parent)
        self.positions = dict(positions)
        self.old: dict[str, Position | None] = {}

    def redo(self) -> None:
        self.old = {}
        for node_id, pos in self.positions.items():
            self.old[node_id] = self.workshop.move_node(node_id, pos).pos

    def undo(self) -> None:
        for node_id, pos in reversed(self.old.items()):
            self.workshop.move_node(node_id, pos)


# ----------------------------------------------------------------------- links


class AddLinkCommand(WorkshopCommand):
    """Insert one link (appended unless `index` is given)."""

    def __init__(
        self,
        workshop: Workshop,
        link: Link,
        index: int | None = None,
        parent: WorkshopCommand | None = None,
    ):
        source = workshop.node(link.source).title if workshop.has_node(link.source) else "?"
        target = workshop.node(link.target).title if workshop.has_node(link.target) else "?"
        text = f"Link {quoted(source)} {link.kind.value} {quoted(target)}"
        super().__init__(workshop, text, parent)
        self.link = link
        self.index = index

    def redo(self) -> None:
        index = len(self.workshop.links) if self.index is None else self.index
        self.workshop.insert_link(index, self.link)

    def undo(self) -> None:
        self.workshop.remove_link(self.link.id)


class RemoveLinkCommand(WorkshopCommand):
    """Remove one link, remembering where it stood."""

    def __init__(self, workshop: Workshop, link_id: str, parent: WorkshopCommand | None = None):
        link = workshop.link(link_id)
        super().__init__(workshop, f"Delete {link.kind.value} link", parent)
        self.link_id = link_id
        self.index = -1
        self.link: Link = link

    def redo(self) -> None:
        self.index, self.link = self.workshop.remove_link(self.link_id)

    def undo(self) -> None:
        self.workshop.insert_link(self.index, self.link)


class UpdateLinkCommand(WorkshopCommand):
    """Change some fields of one link (note, resolved, resolution)."""

    def __init__(
        self,
        workshop: Workshop,
        link_id: str,
        changes: Mapping[str, Any],
        parent: WorkshopCommand | None = None,
    ):
        link = workshop.link(link_id)
        names = ", ".join(_field_label(name) for name in changes)
        super().__init__(workshop, f"Edit {names} of {link.kind.value} link", parent)
        self.link_id = link_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        old = self.workshop.update_link(self.link_id, **self.changes)
        self.old = {name: getattr(old, name) for name in self.changes}

    def undo(self) -> None:
        self.workshop.update_link(self.link_id, **self.old)


# ----------------------------------------------------------------------- compound


class DeleteCommand(WorkshopCommand):
    """Delete nodes and links as one step: the links first, then the nodes.

    The links of every deleted node go with it. Children record their indices as they
    run, and undo runs them in reverse, so every record returns to its old place.
    """

    def __init__(self, workshop: Workshop, node_ids: Iterable[str], link_ids: Iterable[str]):
        nodes = list(dict.fromkeys(node_ids))
        links = dict.fromkeys(link_ids)
        for node_id in nodes:
            links.update(dict.fromkeys(link.id for link in workshop.links_of(node_id)))
        if len(nodes) == 1 and not set(links) - {link.id for link in workshop.links_of(nodes[0])}:
            text = f"Delete {quoted(workshop.node(nodes[0]).title)}"
        elif not nodes and len(links) == 1:
            text = f"Delete {workshop.link(next(iter(links))).kind.value} link"
        else:
            text = f"Delete {len(nodes) + len(links)} items"
        super().__init__(workshop, text)
        for link_id in links:
            RemoveLinkCommand(workshop, link_id, parent=self)
        for node_id in nodes:
            RemoveNodeCommand(workshop, node_id, parent=self)


class AddItemsCommand(WorkshopCommand):
    """Add several nodes, then links between them, as one step (paste, duplicate).

    `updates` then change fields of nodes already on the map, in the same step (a 5 Whys
    answer writes the goal's why as it links the goal to its parent).
    """

    def __init__(
        self,
        workshop: Workshop,
        nodes: Iterable[Node],
        links: Iterable[Link],
        text: str,
        updates: Mapping[str, Mapping[str, Any]] | None = None,
    ):
        super().__init__(workshop, text)
        for node in nodes:
            AddNodeCommand(workshop, node, parent=self)
        for link in links:
            AddLinkCommand(workshop, link, parent=self)
        for node_id, fields in (updates or {}).items():
            UpdateNodeCommand(workshop, node_id, fields, parent=self)


class ImportCommand(WorkshopCommand):
    """Apply an import as one step: details, teams, updated cards, new cards, then links.

    `changes` come from `interchange.build`, worked out on a copy of this workshop, so
    each child applies a record the model has already accepted.
    """

    def __init__(self, workshop: Workshop, imported: Imported, text: str):
        super().__init__(workshop, text)
        if imported.meta is not None:
            meta = _differing(workshop.meta, imported.meta, Meta.__slots__)
            if meta:
                UpdateMetaCommand(workshop, meta, parent=self)
        for team in imported.teams_updated:
            old = workshop.team(team.id)
            UpdateTeamCommand(workshop, team.id, _differing(old, team, ("name", "color")), self)
        for team in imported.teams_added:
            AddTeamCommand(workshop, team, parent=self)
        for node in imported.nodes_updated:
            fields = [name for name in Node.__slots__ if name not in ("id", "kind", "pos")]
            changes = _differing(workshop.node(node.id), node, fields)
            UpdateNodeCommand(workshop, node.id, changes, parent=self)
        for node in imported.nodes_added:
            AddNodeCommand(workshop, node, parent=self)
        for link in imported.links_added:
            AddLinkCommand(workshop, link, parent=self)
        for link in imported.links_updated:
            old_link = workshop.link(link.id)
            changes = _differing(old_link, link, ("note", "resolved", "resolution"))
            UpdateLinkCommand(workshop, link.id, changes, parent=self)


def _differing(old: Any, new: Any, names: Iterable[str]) -> dict[str, Any]:
    return {name: getattr(new, name) for name in names if getattr(old, name) != getattr(new, name)}


class UpdateNodesCommand(WorkshopCommand):
    """Change fields of several nodes as one step (a voting round's totals)."""

    def __init__(
        self, workshop: Workshop, changes: Mapping[str, Mapping[str, Any]], text: str
    ) -> None:
        super().__init__(workshop, text)
        for node_id, fields in changes.items():
            UpdateNodeCommand(workshop, node_id, fields, parent=self)


# ----------------------------------------------------------------------- meta and teams


class UpdateMetaCommand(WorkshopCommand):
    """Change fields of the workshop's metadata."""

    def __init__(
        self,
        workshop: Workshop,
        changes: Mapping[str, Any],
        parent: WorkshopCommand | None = None,
    ):
        names = ", ".join(_field_label(name) for name in changes)
        super().__init__(workshop, f"Edit workshop {names}", parent)
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        old: Meta = self.workshop.update_meta(**self.changes)
        self.old = {name: getattr(old, name) for name in self.changes}

    def undo(self) -> None:
        self.workshop.update_meta(**self.old)


class AddTeamCommand(WorkshopCommand):
    """Append one team."""

    def __init__(self, workshop: Workshop, team: Team, parent: WorkshopCommand | None = None):
        super().__init__(workshop, f"Add team {quoted(team.name)}", parent)
        self.team = team

    def redo(self) -> None:
        self.workshop.add_team(self.team)

    def undo(self) -> None:
        self.workshop.remove_team(self.team.id)


class UpdateTeamCommand(WorkshopCommand):
    """Rename or recolour one team."""

    def __init__(
        self,
        workshop: Workshop,
        team_id: str,
        changes: Mapping[str, Any],
        parent: WorkshopCommand | None = None,
    ):
        name = workshop.team(team_id).name
        names = ", ".join(changes)
        super().__init__(workshop, f"Edit {names} of team {quoted(name)}", parent)
        self.team_id = team_id
        self.changes = dict(changes)
        self.old: dict[str, Any] = {}

    def redo(self) -> None:
        old = self.workshop.update_team(self.team_id, **self.changes)
        self.old = {name: getattr(old, name) for name in self.changes}

    def undo(self) -> None:
        self.workshop.update_team(self.team_id, **self.old)


class _RemoveTeamStep(WorkshopCommand):
    """Remove a team no goal refers to any more, remembering where it stood."""

    def __init__(self, workshop: Workshop, team_id: str, parent: WorkshopCommand):
        super().__init__(workshop, "", parent)
        self.team_id = team_id
        self.index = -1
        self.team: Team = workshop.team(team_id)

    def redo(self) -> None:
        self.index, self.team = self.workshop.remove_team(self.team_id)

    def undo(self) -> None:
        self.workshop.insert_team(self.index, self.team)


class RemoveTeamCommand(WorkshopCommand):
    """Remove a team; its goals and key results move to `move_goals_to`, or are left
    without a team, and goals it contributes to name `move_goals_to` instead, if any."""

    def __init__(self, workshop: Workshop, team_id: str, move_goals_to: str | None):
        super().__init__(workshop, f"Remove team {quoted(workshop.team(team_id).name)}")
        for node in workshop.team_references(team_id):
            changes = _without_team(node, team_id, move_goals_to)
            UpdateNodeCommand(workshop, node.id, changes, parent=self)
        _RemoveTeamStep(workshop, team_id, parent=self)


def _without_team(node: Node, team_id: str, replacement: str | None) -> dict[str, Any]:
    """The changes that make `node` name `replacement` wherever it named `team_id`."""
    lead = replacement if node.team == team_id else node.team
    changes: dict[str, Any] = {"team": lead} if node.team == team_id else {}
    if team_id in node.contributors or lead in node.contributors:
        helpers = [replacement if t == team_id else t for t in node.contributors]
        changes["contributors"] = tuple(
            dict.fromkeys(t for t in helpers if t is not None and t != lead)
        )
    return changes
