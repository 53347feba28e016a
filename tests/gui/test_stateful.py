"""Random editing sessions through the document, checked after every step.

A Hypothesis state machine adds, links, edits, moves and deletes cards, undoes, redoes
and saves, in any order. After every step:

- the scene has exactly one item per model node and link, showing the current record;
- the window's modified marker equals "the undo stack is not clean";
- undoing everything gives back the starting file byte for byte, and redoing everything
  gives back the current file byte for byte.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from PySide6.QtWidgets import QApplication

from alignment_workshop import fileio
from alignment_workshop.gui.canvas.items.link_item import LinkItem
from alignment_workshop.gui.canvas.items.node_item import NodeItem
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import LinkKind, NodeKind, Priority, Status
from tests.conftest import examples
from tests.gui.test_commands import small_workshop
from tests.support.prompts import discarding_prompts, ignore_errors

_TITLES = st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
    lambda t: t.strip()
)
_COORDS = st.floats(min_value=-5000, max_value=5000, allow_nan=False).map(lambda v: round(v, 1))


class EditingSession(RuleBasedStateMachine):
    """One window, one document, a random sequence of edits."""

    def __init__(self) -> None:
        super().__init__()
        self.app = QApplication.instance() or QApplication([])
        self.folder = Path(tempfile.mkdtemp(prefix="stateful-"))
        self.window = MainWindow(prompts=discarding_prompts(ignore_errors), autosave=False)
        self.doc = self.window.document
        self.doc.replace(small_workshop())
        self.start_bytes = fileio.dumps(self.doc.workshop)

    def teardown(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _node_ids(self) -> list[str]:
        return [n.id for n in self.doc.workshop.iter_nodes()]

    def _has_nodes(self) -> bool:
        return bool(self._node_ids())

    # ------------------------------------------------------------------ rules

    @rule(kind=st.sampled_from(NodeKind), title=_TITLES, x=_COORDS, y=_COORDS)
    def add(self, kind: NodeKind, title: str, x: float, y: float) -> None:
        assert self.doc.add_node(kind, title, (x, y)) is not None

    @precondition(_has_nodes)
    @rule(data=st.data(), kind=st.none() | st.sampled_from(LinkKind))
    def link(self, data: st.DataObject, kind: LinkKind | None) -> None:
        ids = self._node_ids()
        source, target = data.draw(st.sampled_from(ids)), data.draw(st.sampled_from(ids))
        links_before = len(self.doc.workshop.links)
        made = self.window.scene.interaction.link_nodes(source, target, kind)
        assert len(self.doc.workshop.links) == links_before + (made is not None)

    @precondition(_has_nodes)
    @rule(data=st.data(), title=_TITLES, votes=st.integers(0, 50))
    def edit(self, data: st.DataObject, title: str, votes: int) -> None:
        node = self.doc.workshop.node(data.draw(st.sampled_from(self._node_ids())))
        changes: dict[str, object] = {"title": title}
        if node.kind in (NodeKind.OBJECTIVE, NodeKind.GOAL):
            changes["votes"] = votes
            changes["priority"] = data.draw(st.sampled_from(Priority))
            changes["status"] = data.draw(st.sampled_from(Status))
        assert self.doc.update_node(node.id, **changes)

    @precondition(_has_nodes)
    @rule(data=st.data(), dx=_COORDS, dy=_COORDS)
    def move(self, data: st.DataObject, dx: float, dy: float) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._node_ids()), min_size=1, unique=True))
        self.doc.move_nodes({i: (dx, dy) for i in ids})

    @precondition(_has_nodes)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        ids = data.draw(st.lists(st.sampled_from(self._node_ids()), max_size=3, unique=True))
        link_ids = [k.id for k in self.doc.workshop.iter_links()]
        links = (
            data.draw(st.lists(st.sampled_from(link_ids), max_size=2, unique=True))
            if link_ids
            else []
        )
        self.window.scene.select_ids(ids, links)
        self.window.scene.interaction.delete_selection()
        assert not any(self.doc.workshop.has_node(i) for i in ids)

    @rule()
    def undo(self) -> None:
        self.window.action("undo").trigger()

    @rule()
    def redo(self) -> None:
        self.window.action("redo").trigger()

    @rule()
    def save(self) -> None:
        self.doc.save(self.folder / "session.alignment")
        assert not self.window.isWindowModified()

    # ------------------------------------------------------------------ invariants

    @invariant()
    def scene_matches_model(self) -> None:
        scene = self.window.scene
        items = scene.items()
        workshop = self.doc.workshop
        assert sum(isinstance(i, NodeItem) for i in items) == len(workshop.nodes)
        assert sum(isinstance(i, LinkItem) for i in items) == len(workshop.links)
        for node in workshop.iter_nodes():
            assert scene.item_for(node.id).node == node
        for link in workshop.iter_links():
            assert scene.link_item_for(link.id).link == link

    @invariant()
    def marker_follows_clean_state(self) -> None:
        assert self.window.isWindowModified() == (not self.doc.undo_stack.isClean())
        assert self.doc.is_modified() == (not self.doc.undo_stack.isClean())

    @invariant()
    def undo_all_then_redo_all_is_byte_identical(self) -> None:
        stack = self.doc.undo_stack
        now, index = fileio.dumps(self.doc.workshop), stack.index()
        stack.setIndex(0)
        assert fileio.dumps(self.doc.workshop) == self.start_bytes
        stack.setIndex(stack.count())
        stack.setIndex(index)
        assert fileio.dumps(self.doc.workshop) == now


EditingSession.TestCase.settings = settings(
    max_examples=examples(ci=200, dev=15), stateful_step_count=25, deadline=None
)
TestEditingSession = EditingSession.TestCase
