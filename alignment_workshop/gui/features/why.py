"""The "Why?" highlight, and the window's one Esc key that clears highlights.

Select a card and press W: every chain of supports links from it up to the vision lights
up, the rest of the map dims, and the status bar reads the chain as a sentence,
"<goal> → so that <objective> → so that <vision>". Esc clears it.

Several layers answer Esc (the Why highlight, Focus, presentation mode). A window has a
single `EscapeChain`, enabled only while one of them is on, so Esc never reaches two
layers at once and never steals Esc from the rest of the window otherwise.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QGraphicsView, QMainWindow

from alignment_workshop.analysis import why_paths, why_sentence
from alignment_workshop.i18n import _, ngettext
from alignment_workshop.model import LinkKind, Workshop

from ..editing.document import Document

if TYPE_CHECKING:
    from ..canvas.scene import MapScene

#: Esc priorities: the lowest active one is cleared first.
WHY_LAYER, FOCUS_LAYER, PRESENTATION_LAYER = 0, 1, 2


class EscapeChain(QObject):
    """The Esc shortcut of one window, shared by the layers that Esc clears in turn."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("escapeChain")
        self._layers: list[tuple[int, Callable[[], bool], Callable[[], object]]] = []
        self.shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.setEnabled(False)
        self.shortcut.activated.connect(self.escape)

    @classmethod
    def of(cls, window: QMainWindow) -> EscapeChain:
        """The window's chain, made on first use."""
        chain = window.findChild(EscapeChain, "escapeChain")
        return chain if chain is not None else cls(window)

    def add(
        self, priority: int, is_active: Callable[[], bool], clear: Callable[[], object]
    ) -> None:
        """Register a layer: Esc calls `clear` while `is_active()` and no lower layer is."""
        self._layers.append((priority, is_active, clear))
        self._layers.sort(key=lambda layer: layer[0])

    def refresh(self) -> None:
        """Enable Esc exactly while some layer is active; call after any layer changes."""
        self.shortcut.setEnabled(any(is_active() for _, is_active, _ in self._layers))

    def escape(self) -> bool:
        """Clear the first active layer; False when none was active."""
        for _name, is_active, clear in self._layers:
            if is_active():
                clear()
                self.refresh()
                return True
        self.refresh()
        return False


def why_link_ids(workshop: Workshop, paths: list[tuple[str, ...]]) -> set[str]:
    """The supports and measures links along `paths`."""
    ids = set()
    for path in paths:
        for source, target in itertools.pairwise(path):
            link = workshop.find_link(LinkKind.SUPPORTS, source, target) or workshop.find_link(
                LinkKind.MEASURES, source, target
            )
            if link is not None:
                ids.add(link.id)
    return ids


def why_text(workshop: Workshop, node_id: str, paths: list[tuple[str, ...]]) -> str:
    """The status-bar sentence for the Why highlight of `node_id`."""
    node = workshop.node(node_id)
    if not paths:
        return _("'{title}' does not lead to the vision yet. Use Ask why… to link it.").format(
            title=node.title
        )
    if len(paths[0]) == 1:
        return _("'{title}' is the vision.").format(title=node.title)
    text = why_sentence(workshop, paths[0])
    if len(paths) > 1:
        more = len(paths) - 1
        text += "   " + ngettext(
            "(and {count} more path, highlighted)", "(and {count} more paths, highlighted)", more
        ).format(count=more)
    return text


class WhyHighlighter(QObject):
    """Press W on a card to light up its chains to the vision; Esc clears."""

    #: The sentence of the current highlight; "" when it is cleared.
    sentence_changed = Signal(str)

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.view, self.window = document, scene, view, window
        self.node_id: str | None = None
        self.sentence = ""
        self.highlighted_nodes: set[str] = set()
        self.highlighted_links: set[str] = set()
        self.action = QAction(_("Show &Why"), window)
        self.action.setShortcut(QKeySequence("W"))
        self.action.setStatusTip(_("Light up every chain from the selected card to the vision"))
        self.action.triggered.connect(self.toggle)
        window.addAction(self.action)
        self.escape = EscapeChain.of(window)
        self.escape.add(WHY_LAYER, self.is_active, self.clear)
        document.workshop_replaced.connect(self.clear)
        document.analysis_updated.connect(self._follow_edit)  # debounced after edits

    def is_active(self) -> bool:
        return self.node_id is not None

    def toggle(self) -> None:
        """W: show the Why of the selected card, or clear it when it is already shown."""
        selected = self.scene.selected_node_ids()
        if self.is_active() and (not selected or selected == [self.node_id]):
            self.clear()
        else:
            self.show_why()

    def show_why(self, node_id: str | None = None) -> str:
        """Highlight the chains from `node_id` (default: the one selected card)."""
        if node_id is None:
            selected = self.scene.selected_node_ids()
            if len(selected) != 1:
                self.document.message.emit(
                    _("Select one card, then press W to see why it matters.")
                )
                return ""
            node_id = selected[0]
        workshop = self.document.workshop
        paths = why_paths(workshop, node_id)
        self.node_id = node_id
        self.highlighted_nodes = {n for path in paths for n in path} | {node_id}
        self.highlighted_links = why_link_ids(workshop, paths)
        self.scene.set_highlight(self.highlighted_nodes, self.highlighted_links)
        self._say(why_text(workshop, node_id, paths))
        self.escape.refresh()
        return self.sentence

    def clear(self) -> None:
        """Remove the highlight and its sentence."""
        if self.node_id is None:
            return
        self.node_id = None
        self.highlighted_nodes, self.highlighted_links = set(), set()
        self.scene.set_highlight(None, None)
        self._say("")
        self.escape.refresh()

    def _say(self, sentence: str) -> None:
        bar = self.window.statusBar()
        if sentence:
            bar.showMessage(sentence)
        elif bar.currentMessage() == self.sentence:
            bar.clearMessage()
        self.sentence = sentence
        self.sentence_changed.emit(sentence)

    def _follow_edit(self, _report: object = None) -> None:
        """After an edit, show the new chains of the same card, or clear if it is gone."""
        if self.node_id is None:
            return
        if self.document.workshop.has_node(self.node_id):
            self.show_why(self.node_id)
        else:
            self.clear()
