"""One open workshop: the model, its undo stack, its file path and its latest check.

The document is where editing logic lives. Every helper asks the model's dry run
(`Workshop.check_*`) whether the edit would pass, then builds one undo command and pushes
it; a refused edit emits `message` with the model's reason and pushes nothing. The
document keeps no copy of the model's rules. The undo stack's clean state is the
document's "modified" flag. The alignment check is rerun, debounced, after every change
to the model but a move: no check reads where a card stands, so moving cards changes no
finding.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alignment_workshop import fileio
from alignment_workshop.analysis import analyze
from alignment_workshop.analysis.findings import Report
from alignment_workshop.fileio.gcpause import collector_paused
from alignment_workshop.layout import auto_layout, chip_spot
from alignment_workshop.model import (
    Changed,
    Link,
    LinkKind,
    Node,
    NodeKind,
    Position,
    Team,
    ValidationError,
    Workshop,
    new_id,
)
from alignment_workshop.model.rules import COORD_MAX

from . import commands
from .team_in_hand import TeamInHand

if TYPE_CHECKING:
    from alignment_workshop.interchange import Imported

#: How long the check waits after the last change before it reruns, in milliseconds.
ANALYSIS_DELAY_MS = 50


def place_unplaced(workshop: Workshop) -> int:
    """Give every node without a position a place in open space; returns how many.

    This happens as a workshop is opened, before anyone watches it, so it is not an
    undoable edit: it completes the file rather than changing the user's work. A place
    the layout finds beyond the coordinates a file may hold is pulled back inside them.
    """
    unplaced = {node.id for node in workshop.iter_nodes() if node.pos is None}
    if unplaced:
        for node_id, (x, y) in auto_layout(workshop, only=unplaced).items():
            if node_id in unplaced:  # beside cards at the very edge, stay inside the map
                workshop.move_node(node_id, (_inside(x), _inside(y)))
    return len(unplaced)


def _inside(coordinate: float) -> float:
    """`coordinate` moved within the ±`COORD_MAX` a position may have."""
    return max(-COORD_MAX, min(COORD_MAX, coordinate))


class Document(QObject):
    """One open workshop with its undo stack, path and latest alignment report."""

    #: The whole workshop object was replaced (new, open, recover).
    workshop_replaced = Signal()
    #: A fresh analysis `Report` of the current workshop.
    analysis_updated = Signal(object)
    #: `path` changed (open, save as, new).
    path_changed = Signal()
    #: The modified flag changed; the argument is the new value.
    modified_changed = Signal(bool)
    #: A one-line message for the status bar, e.g. why a link was refused.
    message = Signal(str)
    #: The current workshop changed in any way (an edit, undo or redo).
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.undo_stack = QUndoStack(self)
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)
        self.path: Path | None = None
        #: What the file at `path` held when it was last read or written here.
        self.disk: fileio.DiskState | None = None
        self.report: Report | None = None
        self._workshop = Workshop()
        #: The team a new goal starts with when no selected card has one.
        self.team_in_hand = TeamInHand(lambda: self._workshop)
        self._moved_only = False
        self._follow(self._workshop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSIS_DELAY_MS)
        self._timer.timeout.connect(self.refresh_analysis)
        self._timer.start()

    def __del__(self) -> None:
        # A document nobody holds may die in a garbage collection, together with its
        # commands, in any order: clearing the stack first lets Qt delete them once
        # (tests/gui/test_document_collection.py).
        stack = getattr(self, "undo_stack", None)
        if stack is not None and shiboken6.isValid(self) and shiboken6.isValid(stack):
            stack.clear()

    # ------------------------------------------------------------------ state

    @property
    def workshop(self) -> Workshop:
        """The workshop being edited; replaced as a whole by new/open."""
        return self._workshop

    def is_modified(self) -> bool:
        """Whether there are changes since the last save (or since opening)."""
        return not self.undo_stack.isClean()

    def display_name(self) -> str:
        """The file name, or the workshop title for a document never saved."""
        return self.path.name if self.path is not None else self._workshop.meta.title

    def replace(
        self,
        workshop: Workshop,
        path: Path | None = None,
        *,
        modified: bool = False,
        disk: fileio.DiskState | None = None,
    ) -> None:
        """Make `workshop` the document's workshop, with a fresh undo stack.

        `modified=True` (a recovered autosave) leaves the document with no clean state,
        so it shows as modified until it is saved. `disk` is the state of the file at
        `path` that the workshop came from, to notice later changes made outside.
        """
        # Building the new map's check and scene makes objects that all stay alive:
        # the cyclic collector would scan them over and over and free nothing.
        with collector_paused():
            self._replace(workshop, path, modified, disk)

    def _replace(
        self,
        workshop: Workshop,
        path: Path | None,
        modified: bool,
        disk: fileio.DiskState | None,
    ) -> None:
        self._unfollow(self._workshop)
        place_unplaced(workshop)
        self._workshop = workshop
        self.team_in_hand.forget()  # team ids belong to the workshop they came from
        self._follow(workshop)
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self._set_path(path)
        self.disk = disk if path is not None else None
        self.report = None
        self.workshop_replaced.emit()
        self.refresh_analysis()

    def _set_path(self, path: Path | None) -> None:
        if path != self.path:
            self.path = path
            self.path_changed.emit()

    # ------------------------------------------------------------------ files

    def new(self) -> None:
        """Start an empty, unsaved workshop."""
        self.replace(Workshop(), None)

    def load(self, path: Path) -> None:
        """Open the workshop file at `path`; raises `fileio.WorkshopFileError` if it cannot."""
        workshop, disk = fileio.load_with_state(path)
        self.replace(workshop, Path(path), disk=disk)

    def save(self, path: Path | None = None) -> Path:
        """Save to `path` (or the current path) atomically; the document becomes clean.

        Raises `fileio.WorkshopFileError` (or `OSError`) and stays modified on failure.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the document has no path yet; give one to save it")
        self.disk = fileio.save(self._workshop, target)
        self.undo_stack.setClean()
        self._set_path(target)
        return target

    # ------------------------------------------------------------------ analysis

    def _follow(self, workshop: Workshop) -> None:
        workshop.events.node_changed.subscribe(self._on_node_changed)
        workshop.events.changed.subscribe(self._on_model_changed)

    def _unfollow(self, workshop: Workshop) -> None:
        workshop.events.node_changed.unsubscribe(self._on_node_changed)
        workshop.events.changed.unsubscribe(self._on_model_changed)

    def _on_node_changed(self, event: Changed[Node]) -> None:
        self._moved_only = event.fields <= {"pos"}

    def _on_model_changed(self, _payload: None) -> None:
        moved_only, self._moved_only = self._moved_only, False
        self.changed.emit()
        if not moved_only:  # positions change no finding: a move needs no new check
            self._timer.start()

    def refresh_analysis(self) -> Report:
        """Rerun the checks now, emit `analysis_updated` and return the report."""
        self._timer.stop()
        self.report = analyze(self._workshop)
        self.analysis_updated.emit(self.report)
        return self.report

    def _on_clean_changed(self, clean: bool) -> None:
        self.modified_changed.emit(not clean)

    # ------------------------------------------------------------------ editing

    def push(self, command: QUndoCommand) -> None:
        """Push a ready-made command (it runs at once)."""
        self.undo_stack.push(command)

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """Group the edits made inside the block into one undo step called `text`."""
        self.undo_stack.beginMacro(text)
        try:
            yield
        finally:
            self.undo_stack.endMacro()

    def _refuse(self, error: ValidationError | str) -> None:
        self.message.emit(str(error))

    def add_node(
        self, kind: NodeKind, title: str, pos: Position | None = None, *, team: str | None = None
    ) -> str | None:
        """Append a new node (a goal may start with a `team`); returns its id, or None
        (with a message) if refused."""
        kind = NodeKind(kind)
        node = Node(id=new_id(kind.value), kind=kind, title=title, pos=pos, team=team)
        try:
            node = self._workshop.check_new_node(node)
        except ValidationError as error:
            self._refuse(error)
            return None
        self.push(commands.AddNodeCommand(self._workshop, node))
        self.team_in_hand.note([node])
        return node.id

    def add_key_result(self, parent_id: str, title: str) -> str | None:
        """Add a key result that measures `parent_id`, with its link, as one undo step.

        The chip takes the first free slot under its card, and a goal's key result starts
        with the goal's team. Returns its id, or None (with the model's reason) if refused.
        """
        workshop = self._workshop
        if not workshop.has_node(parent_id):
            self._refuse("That card is no longer on the map.")
            return None
        parent = workshop.node(parent_id)
        team = parent.team if parent.kind is NodeKind.GOAL else None
        node = Node(
            id=new_id(NodeKind.KEY_RESULT.value),
            kind=NodeKind.KEY_RESULT,
            title=title,
            pos=chip_spot(workshop, parent_id),
            team=team,
        )
        link = Link(id=new_id("link"), kind=LinkKind.MEASURES, source=node.id, target=parent_id)
        text = f"Add key result {commands.quoted(title)} to {commands.quoted(parent.title)}"
        if not self.add_items([node], [link], text, refusal="Key result refused"):
            return None
        return node.id

    def add_link(
        self, kind: LinkKind, source_id: str, target_id: str, text: str | None = None
    ) -> str | None:
        """Link two nodes; returns the link id, or None (with the reason) if refused.

        `text` names the undo step when the caller knows better ("Why: … serves …").
        """
        link = Link(id=new_id("link"), kind=LinkKind(kind), source=source_id, target=target_id)
        try:
            link = self._workshop.check_new_link(link)
        except ValidationError as error:
            self._refuse(f"Link refused: {error.reason}")
            return None
        command = commands.AddLinkCommand(self._workshop, link)
        if text:
            command.setText(text)
        self.push(command)
        return link.id

    def update_node(self, node_id: str, **fields: Any) -> bool:
        """Change fields of a node as one undo step; False (with a message) if refused."""
        try:
            new = self._workshop.check_update_node(node_id, **fields)
        except ValidationError as error:
            self._refuse(error)
            return False
        changes = _changes(self._workshop.node(node_id), new, fields)
        if changes:
            self.push(commands.UpdateNodeCommand(self._workshop, node_id, changes))
            self.team_in_hand.note((), {node_id: changes})
        return True

    def update_nodes(self, changes: Mapping[str, Mapping[str, Any]], text: str) -> bool:
        """Change fields of several nodes as one undo step called `text`: all or nothing.

        Every node's change is dry-run first; one refusal refuses all, with its reason.
        Fields already at their new value are left out, and so is a node left unchanged.
        """
        planned: dict[str, dict[str, Any]] = {}
        try:
            for node_id, fields in changes.items():
                new = self._workshop.check_update_node(node_id, **fields)
                if diff := _changes(self._workshop.node(node_id), new, fields):
                    planned[node_id] = diff
        except ValidationError as error:
            self._refuse(error)
            return False
        if planned:
            self.push(commands.UpdateNodesCommand(self._workshop, planned, text))
            self.team_in_hand.note((), planned)
        return True

    def move_nodes(self, positions: Mapping[str, Position | None], text: str | None = None) -> bool:
        """Place several nodes as one undo step (a drag, a layout run).

        Ids of nodes no longer on the map are skipped; one refused position refuses all.
        """
        moves: dict[str, Position | None] = {}
        try:
            for node_id, pos in positions.items():
                if self._workshop.has_node(node_id):
                    moved = self._workshop.check_move_node(node_id, pos)
                    if moved.pos != self._workshop.node(node_id).pos:
                        moves[node_id] = moved.pos
        except ValidationError as error:
            self._refuse(error)
            return False
        if moves:
            self.push(commands.MoveNodesCommand(self._workshop, moves, text))
        return True

    def update_link(self, link_id: str, **fields: Any) -> bool:
        """Change the note, resolved flag or resolution of a link as one undo step.

        A link's kind and ends are what the link is: the document never changes them in
        place (the scene draws a link between fixed ends); delete it and add another.
        """
        try:
            new = self._workshop.check_update_link(link_id, **fields)
            old = self._workshop.link(link_id)
            if (new.kind, new.source, new.target) != (old.kind, old.source, old.target):
                raise ValidationError("kind", "cannot be changed; delete the link and add another")
        except ValidationError as error:
            self._refuse(error)
            return False
        changes = _changes(old, new, fields)
        if changes:
            self.push(commands.UpdateLinkCommand(self._workshop, link_id, changes))
        return True

    def update_meta(self, **fields: Any) -> bool:
        """Change the workshop's title, date, facilitator, participants or notes."""
        try:
            new = self._workshop.check_update_meta(**fields)
        except ValidationError as error:
            self._refuse(error)
            return False
        changes = _changes(self._workshop.meta, new, fields)
        if changes:
            self.push(commands.UpdateMetaCommand(self._workshop, changes))
        return True

    def add_team(self, name: str, color: str) -> str | None:
        """Append a team; returns its id, or None (with a message) if refused."""
        try:
            team = self._workshop.check_new_team(Team(id=new_id("team"), name=name, color=color))
        except ValidationError as error:
            self._refuse(error)
            return None
        self.push(commands.AddTeamCommand(self._workshop, team))
        return team.id

    def update_team(self, team_id: str, **fields: Any) -> bool:
        """Rename or recolour a team as one undo step."""
        try:
            new = self._workshop.check_update_team(team_id, **fields)
        except ValidationError as error:
            self._refuse(error)
            return False
        changes = _changes(self._workshop.team(team_id), new, fields)
        if changes:
            self.push(commands.UpdateTeamCommand(self._workshop, team_id, changes))
        return True

    def remove_team(self, team_id: str, move_goals_to: str | None = None) -> bool:
        """Remove a team; its goals move to `move_goals_to`, or are left without a team.

        The whole compound edit is dry-run first, each step seeing the ones before it.
        """
        if not self._workshop.has_team(team_id):
            self._refuse("No such team.")
            return False

        def remove(workshop: Workshop) -> None:
            commands.RemoveTeamCommand(workshop, team_id, move_goals_to).redo()

        try:
            self._workshop.dry_run(remove)
        except ValidationError as error:
            self._refuse(error)
            return False
        self.push(commands.RemoveTeamCommand(self._workshop, team_id, move_goals_to))
        return True

    def delete(self, node_ids: Iterable[str] = (), link_ids: Iterable[str] = ()) -> bool:
        """Delete nodes (with all their links) and links as one undo step."""
        nodes = [n for n in node_ids if self._workshop.has_node(n)]
        links = [k for k in link_ids if self._workshop.has_link(k)]
        if not nodes and not links:
            return False
        self.push(commands.DeleteCommand(self._workshop, nodes, links))
        return True

    def add_items(
        self,
        nodes: Iterable[Node],
        links: Iterable[Link],
        text: str,
        *,
        refusal: str = "",
        updates: Mapping[str, Mapping[str, Any]] | None = None,
    ) -> bool:
        """Add whole nodes and links (paste, duplicate, a new 5 Whys card) as one undo step.

        The records must carry fresh ids. `updates` change fields of cards already on the
        map in the same step. The model dry-runs the whole batch first, each link seeing
        the nodes before it, so a refused batch pushes nothing; the message is the model's
        reason, after `refusal` ("New card refused") when one is given.
        """
        updates = {node_id: dict(fields) for node_id, fields in (updates or {}).items()}
        try:
            nodes, links = self._workshop.check_new_items(nodes, links)
            if updates:
                self._workshop.dry_run(
                    lambda trial: commands.AddItemsCommand(trial, nodes, links, "", updates).redo()
                )
        except ValidationError as error:
            self._refuse(f"{refusal}: {error.reason}" if refusal else error)
            return False
        if nodes or links or updates:
            self.push(commands.AddItemsCommand(self._workshop, nodes, links, text, updates))
            self.team_in_hand.note(nodes, updates)
        return True

    def apply_import(self, imported: Imported, text: str) -> bool:
        """Apply an import worked out by `interchange` as one undo step; False if empty.

        The import was built on a copy of this workshop (the model checked every record
        there), so it applies as it was previewed. Nothing is deleted.
        """
        if not (
            imported.nodes_added
            or imported.nodes_updated
            or imported.teams_added
            or imported.teams_updated
            or imported.links_added
            or imported.links_updated
            or (imported.meta is not None and imported.meta != self._workshop.meta)
        ):
            self.message.emit("The file holds nothing new: nothing was imported")
            return False
        self.push(commands.ImportCommand(self._workshop, imported, text))
        return True


def _changes(old: Any, new: Any, names: Iterable[str]) -> dict[str, Any]:
    """The named fields whose checked value in `new` differs from the one in `old`."""
    return {name: getattr(new, name) for name in names if getattr(old, name) != getattr(new, name)}
