"""One open workshop: the model, its undo stack, its file path and its latest check.

The document is where editing logic lives. Every helper validates the edit first, then
builds one undo command and pushes it; a refused edit emits `message` with the reason and
pushes nothing. The undo stack's clean state is the document's "modified" flag. The
alignment check is rerun, debounced, after every change to the model but a move: no
check reads where a card stands, so moving cards changes no finding.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from alignment_workshop import fileio
from alignment_workshop.analysis import analyze
from alignment_workshop.analysis.findings import Report
from alignment_workshop.fileio.gcpause import collector_paused
from alignment_workshop.layout import auto_layout
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
    rules,
)
from alignment_workshop.model.validation import (
    replace_checked,
    validate_link,
    validate_meta,
    validate_node,
    validate_team,
)

from . import commands

#: How long the check waits after the last change before it reruns, in milliseconds.
ANALYSIS_DELAY_MS = 50


def place_unplaced(workshop: Workshop) -> int:
    """Give every node without a position a place in open space; returns how many.

    This happens as a workshop is opened, before anyone watches it, so it is not an
    undoable edit: it completes the file rather than changing the user's work.
    """
    unplaced = {node.id for node in workshop.iter_nodes() if node.pos is None}
    if unplaced:
        for node_id, pos in auto_layout(workshop, only=unplaced).items():
            if node_id in unplaced:
                workshop.move_node(node_id, pos)
    return len(unplaced)


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
        self.report: Report | None = None
        self._workshop = Workshop()
        self._moved_only = False
        self._follow(self._workshop)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(ANALYSIS_DELAY_MS)
        self._timer.timeout.connect(self.refresh_analysis)
        self._timer.start()

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
        self, workshop: Workshop, path: Path | None = None, *, modified: bool = False
    ) -> None:
        """Make `workshop` the document's workshop, with a fresh undo stack.

        `modified=True` (a recovered autosave) leaves the document with no clean state,
        so it shows as modified until it is saved.
        """
        # Building the new map's check and scene makes objects that all stay alive:
        # the cyclic collector would scan them over and over and free nothing.
        with collector_paused():
            self._replace(workshop, path, modified)

    def _replace(self, workshop: Workshop, path: Path | None, modified: bool) -> None:
        self._unfollow(self._workshop)
        place_unplaced(workshop)
        self._workshop = workshop
        self._follow(workshop)
        self.undo_stack.clear()
        if modified:
            self.undo_stack.resetClean()
        else:
            self.undo_stack.setClean()
        self._set_path(path)
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
        workshop = fileio.load(path)
        self.replace(workshop, Path(path))

    def save(self, path: Path | None = None) -> Path:
        """Save to `path` (or the current path) atomically; the document becomes clean.

        Raises `fileio.WorkshopFileError` (or `OSError`) and stays modified on failure.
        """
        target = Path(path) if path is not None else self.path
        if target is None:
            raise ValueError("the document has no path yet; give one to save it")
        fileio.save(self._workshop, target)
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

    def _check_room(self, what: str) -> None:
        """Raise `ValidationError` if one more node/link/team would pass the model's limit.

        The model refuses such an add inside the command's redo, which would leave a
        broken command on the undo stack, so the helpers ask before they push.
        """
        workshop = self._workshop
        count, limit = {
            "nodes": (len(workshop.nodes), rules.MAX_NODES),
            "links": (len(workshop.links), rules.MAX_LINKS),
            "teams": (len(workshop.teams), rules.MAX_TEAMS),
        }[what]
        if count >= limit:
            raise ValidationError("", f"a workshop holds at most {limit:,} {what}")

    def add_node(self, kind: NodeKind, title: str, pos: Position | None = None) -> str | None:
        """Append a new node; returns its id, or None (with a message) if refused."""
        node = Node(id=new_id(NodeKind(kind).value), kind=NodeKind(kind), title=title, pos=pos)
        try:
            node = validate_node(node)
            self._check_room("nodes")
        except ValidationError as error:
            self._refuse(error)
            return None
        self.push(commands.AddNodeCommand(self._workshop, node))
        return node.id

    def add_link(self, kind: LinkKind, source_id: str, target_id: str) -> str | None:
        """Link two nodes; returns the link id, or None (with the reason) if refused."""
        link = Link(id=new_id("link"), kind=LinkKind(kind), source=source_id, target=target_id)
        try:
            self._workshop.check_new_link(link)
            self._check_room("links")
        except ValidationError as error:
            self._refuse(f"Link refused: {error.reason}")
            return None
        self.push(commands.AddLinkCommand(self._workshop, link))
        return link.id

    def update_node(self, node_id: str, **fields: Any) -> bool:
        """Change fields of a node as one undo step; False (with a message) if refused."""
        try:
            old = self._workshop.node(node_id)
            new = validate_node(replace_checked(old, fields))
            if new.team is not None and not self._workshop.has_team(new.team):
                raise ValidationError("team", f"there is no team with id {new.team!r}")
            if "kind" in fields and new.kind != old.kind:
                raise ValidationError("kind", "cannot be changed; add a new node instead")
        except (KeyError, ValidationError) as error:
            self._refuse(error if isinstance(error, ValidationError) else "No such node.")
            return False
        changes = {
            name: getattr(new, name) for name in fields if getattr(old, name) != getattr(new, name)
        }
        if changes:
            self.push(commands.UpdateNodeCommand(self._workshop, node_id, changes))
        return True

    def move_nodes(self, positions: Mapping[str, Position | None], text: str | None = None) -> bool:
        """Place several nodes as one undo step (a drag, a layout run)."""
        moves = {
            node_id: (None if pos is None else (float(pos[0]), float(pos[1])))
            for node_id, pos in positions.items()
            if self._workshop.has_node(node_id) and self._workshop.node(node_id).pos != pos
        }
        try:
            for node_id, pos in moves.items():
                validate_node(replace_checked(self._workshop.node(node_id), {"pos": pos}))
        except ValidationError as error:
            self._refuse(error)
            return False
        if moves:
            self.push(commands.MoveNodesCommand(self._workshop, moves, text))
        return True

    def update_link(self, link_id: str, **fields: Any) -> bool:
        """Change the note, resolved flag or resolution of a link as one undo step."""
        try:
            old = self._workshop.link(link_id)
            new = validate_link(replace_checked(old, fields))
            if (new.kind, new.source, new.target) != (old.kind, old.source, old.target):
                raise ValidationError("kind", "cannot be changed; delete the link and add another")
        except (KeyError, ValidationError) as error:
            self._refuse(error if isinstance(error, ValidationError) else "No such link.")
            return False
        changes = {
            name: getattr(new, name) for name in fields if getattr(old, name) != getattr(new, name)
        }
        if changes:
            self.push(commands.UpdateLinkCommand(self._workshop, link_id, changes))
        return True

    def update_meta(self, **fields: Any) -> bool:
        """Change the workshop's title, date, facilitator, participants or notes."""
        old = self._workshop.meta
        try:
            new = validate_meta(replace_checked(old, fields))
        except ValidationError as error:
            self._refuse(error)
            return False
        changes = {
            name: getattr(new, name) for name in fields if getattr(old, name) != getattr(new, name)
        }
        if changes:
            self.push(commands.UpdateMetaCommand(self._workshop, changes))
        return True

    def add_team(self, name: str, color: str) -> str | None:
        """Append a team; returns its id, or None (with a message) if refused."""
        try:
            team = validate_team(Team(id=new_id("team"), name=name, color=color))
            self._check_room("teams")
        except ValidationError as error:
            self._refuse(error)
            return None
        self.push(commands.AddTeamCommand(self._workshop, team))
        return team.id

    def update_team(self, team_id: str, **fields: Any) -> bool:
        """Rename or recolour a team as one undo step."""
        try:
            old = self._workshop.team(team_id)
            new = validate_team(replace_checked(old, fields))
        except (KeyError, ValidationError) as error:
            self._refuse(error if isinstance(error, ValidationError) else "No such team.")
            return False
        changes = {
            name: getattr(new, name) for name in fields if getattr(old, name) != getattr(new, name)
        }
        if changes:
            self.push(commands.UpdateTeamCommand(self._workshop, team_id, changes))
        return True

    def remove_team(self, team_id: str, move_goals_to: str | None = None) -> bool:
        """Remove a team; its goals move to `move_goals_to`, or are left without a team."""
        if not self._workshop.has_team(team_id):
            self._refuse("No such team.")
            return False
        if move_goals_to is not None and (
            move_goals_to == team_id or not self._workshop.has_team(move_goals_to)
        ):
            self._refuse("Choose another existing team to move the goals to.")
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

    def add_items(self, nodes: Iterable[Node], links: Iterable[Link], text: str) -> bool:
        """Add whole nodes and links (paste, duplicate) as one undo step.

        The records must carry fresh ids; they are checked against a copy first, so a
        refused batch changes nothing.
        """
        nodes, links = list(nodes), list(links)
        trial = self._workshop.copy()
        try:
            for node in nodes:
                trial.add_node(node)
            for link in links:
                trial.add_link(link)
        except ValidationError as error:
            self._refuse(error)
            return False
        if nodes or links:
            self.push(commands.AddItemsCommand(self._workshop, nodes, links, text))
        return True
