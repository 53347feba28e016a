"""Cut, copy, paste and duplicate of cards, with the links between them.

The clipboard holds a small workshop file: the copied nodes, the links among them and
the teams they name, written by `fileio.dumps`. Pasting reads it back with the strict
loader, so a pasted record is as valid as an opened one, then gives every node and link
a fresh id, moves the cards a little so they do not hide the originals, and keeps a
card's team and a goal's contributing teams when the target workshop has them (by id,
else by name).
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
from collections.abc import Iterable

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from alignment_workshop import fileio
from alignment_workshop.model import Link, Meta, Node, Workshop, new_id

from ..canvas.scene import MapScene
from ..editing.document import Document

MIME_TYPE = "application/x-alignment-workshop"
#: How far each paste moves the cards from where they were copied.
PASTE_OFFSET = 40.0


def copy_payload(workshop: Workshop, node_ids: Iterable[str]) -> bytes:
    """The clipboard bytes for these nodes, the links among them and their teams."""
    ids = [i for i in dict.fromkeys(node_ids) if workshop.has_node(i)]
    chosen = set(ids)
    nodes = [workshop.node(i) for i in ids]
    links = [k for k in workshop.iter_links() if k.source in chosen and k.target in chosen]
    team_ids = {n.team for n in nodes if n.team is not None}
    team_ids.update(t for n in nodes for t in n.contributors)
    teams = [t for t in workshop.teams if t.id in team_ids]
    return fileio.dumps(Workshop.from_records(Meta(), teams, nodes, links))


def pasted_records(payload: bytes, target: Workshop, shift: float) -> tuple[list[Node], list[Link]]:
    """Fresh copies of the clipboard's records for `target`; raises `WorkshopFileError`."""
    source = fileio.loads(payload)
    names = {team.name: team.id for team in target.teams}

    def team_in_target(team: str) -> str | None:
        return team if target.has_team(team) else names.get(source.team(team).name)

    new_ids = {node.id: new_id(node.kind.value) for node in source.iter_nodes()}
    nodes = []
    for node in source.iter_nodes():
        team = None if node.team is None else team_in_target(node.team)
        helpers = (team_in_target(t) for t in node.contributors)
        contributors = tuple(dict.fromkeys(t for t in helpers if t is not None and t != team))
        pos = None if node.pos is None else (node.pos[0] + shift, node.pos[1] + shift)
        nodes.append(
            dataclasses.replace(
                node, id=new_ids[node.id], team=team, contributors=contributors, pos=pos
            )
        )
    links = [
        dataclasses.replace(
            link, id=new_id("link"), source=new_ids[link.source], target=new_ids[link.target]
        )
        for link in source.iter_links()
    ]
    return nodes, links


@functools.cache
def _release_offscreen_clipboard_at_exit() -> None:
    """Clear our cards off an offscreen clipboard before Python shuts down.

    Qt's offscreen platform (tests, command-line exports) crashes at exit while freeing
    clipboard data the process still owns. Real platforms hand the data to the desktop's
    clipboard manager on exit instead, so they are left alone.
    """

    def release() -> None:
        app = QApplication.instance()
        if app is None or QGuiApplication.platformName() != "offscreen":
            return
        board = QGuiApplication.clipboard()
        data = board.mimeData()
        if data is not None and data.hasFormat(MIME_TYPE):
            board.clear()

    atexit.register(release)


class ClipboardActions(QObject):
    """The Edit menu's cut, copy, paste and duplicate for one document and scene."""

    def __init__(self, document: Document, scene: MapScene) -> None:
        super().__init__(document)
        self.document = document
        self.scene = scene
        self._pastes = 0

    def copy(self) -> bool:
        """Put the selected cards on the system clipboard."""
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        workshop = self.document.workshop
        data = QMimeData()
        data.setData(MIME_TYPE, copy_payload(workshop, ids))
        data.setText("\n".join(workshop.node(i).title for i in ids))
        QApplication.clipboard().setMimeData(data)
        _release_offscreen_clipboard_at_exit()
        self._pastes = 0
        return True

    def cut(self) -> bool:
        """Copy the selected cards, then delete them with their links (one undo step)."""
        if not self.copy():
            return False
        return self.document.delete(self.scene.selected_node_ids(), self.scene.selected_link_ids())

    def can_paste(self) -> bool:
        data = QApplication.clipboard().mimeData()
        return data is not None and data.hasFormat(MIME_TYPE)

    def paste(self) -> bool:
        """Add the clipboard's cards with new ids, a little offset, and select them."""
        data = QApplication.clipboard().mimeData()
        if data is None or not data.hasFormat(MIME_TYPE):
            self.document.message.emit("There are no cards on the clipboard to paste.")
            return False
        self._pastes += 1
        return self._add(bytes(data.data(MIME_TYPE).data()), self._pastes * PASTE_OFFSET, "Paste")

    def duplicate(self) -> bool:
        """Copy and paste the selection in one go, without touching the clipboard."""
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        payload = copy_payload(self.document.workshop, ids)
        return self._add(payload, PASTE_OFFSET, "Duplicate")

    def _add(self, payload: bytes, shift: float, verb: str) -> bool:
        try:
            nodes, links = pasted_records(payload, self.document.workshop, shift)
        except fileio.WorkshopFileError as error:
            self.document.message.emit(f"The clipboard could not be pasted: {error}")
            return False
        count = len(nodes) + len(links)
        text = f"{verb} {count} item{'s' if count != 1 else ''}"
        if not self.document.add_items(nodes, links, text):
            return False
        self.scene.select_ids([n.id for n in nodes], [k.id for k in links])
        return True
