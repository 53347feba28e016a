"""Cut, copy, paste and duplicate of cards, with the links between them.

The clipboard holds a small workshop file: the copied nodes, the links among them and
the teams they name, written by `fileio.dumps`. Pasting reads it back with the strict
loader, so a pasted record is as valid as an opened one, then gives every node and link
a fresh id, moves the cards a little so they do not hide the originals, and keeps a
card's team and a goal's contributing teams when the target workshop has them (by id,
else by name).

A key result copied without the card it measures keeps its `measures` link: the copy
notes which card that was (its id and title, beside the file), and the pasted key result
measures the same card, in a free slot of its stack, wherever that card is on the map.
"""

from __future__ import annotations

import atexit
import dataclasses
import functools
import json
from collections.abc import Iterable, Mapping

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from alignment_workshop import fileio
from alignment_workshop.i18n import _, ngettext
from alignment_workshop.layout import chip_spot
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Workshop, new_id

from ..canvas.scene import MapScene
from ..editing.document import Document

MIME_TYPE = "application/x-alignment-workshop"
#: Beside the cards: the card each copied key result measures, when that card was not copied.
ANCHORS_MIME_TYPE = "application/x-alignment-workshop-measures"
#: A copied key result's card: its id and title, as {key result id: [card id, title]}.
Anchors = dict[str, tuple[str, str]]
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


def measured_outside(workshop: Workshop, node_ids: Iterable[str]) -> Anchors:
    """The card each of these key results measures, when that card is not among them."""
    ids = [i for i in dict.fromkeys(node_ids) if workshop.has_node(i)]
    chosen = set(ids)
    anchors: Anchors = {}
    for node_id in ids:
        if workshop.node(node_id).kind is not NodeKind.KEY_RESULT:
            continue
        for link in workshop.links_of(node_id):
            if (
                link.kind is LinkKind.MEASURES
                and link.source == node_id
                and link.target not in chosen
            ):
                anchors[node_id] = (link.target, workshop.node(link.target).title)
    return anchors


def anchors_to_bytes(anchors: Anchors) -> bytes:
    """The clipboard form of `anchors`: a small JSON object."""
    return json.dumps({k: list(v) for k, v in sorted(anchors.items())}).encode("utf-8")


def anchors_from_bytes(data: bytes) -> Anchors:
    """The anchors another copy wrote; anything malformed is ignored (it is only a hint)."""
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return {}
    if not isinstance(raw, dict):
        return {}
    return {
        key: (value[0], value[1])
        for key, value in raw.items()
        if isinstance(value, list) and len(value) == 2 and all(isinstance(v, str) for v in value)
    }


def _anchor_links(
    nodes: list[Node], links: list[Link], anchors: Mapping[str, str], target: Workshop
) -> None:
    """Link each pasted key result of `anchors` (new id → card id) to its card, under it."""
    measuring = {link.source for link in links if link.kind is LinkKind.MEASURES}
    stacked: list[tuple[float, float]] = []
    for index, node in enumerate(nodes):
        card = anchors.get(node.id)
        if card is None or node.id in measuring:
            continue
        links.append(Link(new_id("link"), LinkKind.MEASURES, node.id, card))
        spot = chip_spot(target, card, stacked)
        if spot is not None:
            stacked.append(spot)
            nodes[index] = dataclasses.replace(node, pos=spot)


def pasted_records(
    payload: bytes, target: Workshop, shift: float, anchors: Anchors | None = None
) -> tuple[list[Node], list[Link]]:
    """Fresh copies of the clipboard's records for `target`; raises `WorkshopFileError`.

    A key result named in `anchors` measures its card again, if `target` has that card
    (same id and title) and the copy holds no `measures` link of its own.
    """
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
    found = {
        new_ids[old]: card
        for old, (card, title) in (anchors or {}).items()
        if old in new_ids and target.has_node(card) and target.node(card).title == title
    }
    _anchor_links(nodes, links, found, target)
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
        data.setData(ANCHORS_MIME_TYPE, anchors_to_bytes(measured_outside(workshop, ids)))
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
            self.document.message.emit(_("There are no cards on the clipboard to paste."))
            return False
        self._pastes += 1
        anchors = anchors_from_bytes(bytes(data.data(ANCHORS_MIME_TYPE).data()))
        payload = bytes(data.data(MIME_TYPE).data())
        return self._add(payload, self._pastes * PASTE_OFFSET, "paste", anchors)

    def duplicate(self) -> bool:
        """Copy and paste the selection in one go, without touching the clipboard."""
        ids = self.scene.selected_node_ids()
        if not ids:
            return False
        workshop = self.document.workshop
        payload = copy_payload(workshop, ids)
        return self._add(payload, PASTE_OFFSET, "duplicate", measured_outside(workshop, ids))

    def _add(self, payload: bytes, shift: float, verb: str, anchors: Anchors) -> bool:
        try:
            nodes, links = pasted_records(payload, self.document.workshop, shift, anchors)
        except fileio.WorkshopFileError as error:
            self.document.message.emit(
                _("The clipboard could not be pasted: {error}").format(error=error)
            )
            return False
        count = len(nodes) + len(links)
        if verb == "paste":
            text = ngettext("Paste {count} item", "Paste {count} items", count)
        else:
            text = ngettext("Duplicate {count} item", "Duplicate {count} items", count)
        text = text.format(count=count)
        if not self.document.add_items(nodes, links, text):
            return False
        self.scene.select_ids([n.id for n in nodes], [k.id for k in links])
        return True
