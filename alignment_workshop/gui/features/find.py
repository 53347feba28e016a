"""Find (Ctrl+F): type part of a title, press Enter, and the view jumps to the card.

`FindBar` sits in the toolbar. Titles complete as you type; Enter selects the next
card whose title contains the text (ignoring case) and centres the view on it, so
pressing Enter again walks through every match.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from alignment_workshop.i18n import _

from ..canvas.scene import MapScene
from ..canvas.view import MapView
from ..editing.document import Document


def matching_ids(document: Document, text: str) -> list[str]:
    """The ids of the cards whose title contains `text`, exact matches first."""
    needle = " ".join(text.split()).casefold()
    if not needle:
        return []
    nodes = [n for n in document.workshop.iter_nodes() if needle in n.title.casefold()]
    nodes.sort(key=lambda n: n.title.casefold() != needle)
    return [n.id for n in nodes]


class FindBar(QLineEdit):
    """A search field that jumps to cards by title."""

    def __init__(
        self, document: Document, scene: MapScene, view: MapView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.document, self.scene, self.view = document, scene, view
        self.setPlaceholderText(_("Find a card…  (Ctrl+F)"))
        self.setClearButtonEnabled(True)
        self.setMaximumWidth(280)
        self._titles = QStringListModel(self)
        completer = QCompleter(self._titles, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        self._last: tuple[str, int] = ("", -1)
        self.returnPressed.connect(self.find_next)
        document.workshop_replaced.connect(self._refresh_titles)
        document.changed.connect(self._mark_stale)
        self._stale = True

    def focus(self) -> None:
        """Take the focus with the text selected, ready to type."""
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.selectAll()

    def _mark_stale(self) -> None:
        self._stale = True

    def _refresh_titles(self) -> None:
        titles = sorted({n.title for n in self.document.workshop.iter_nodes()}, key=str.casefold)
        self._titles.setStringList(titles)
        self._stale = False

    def focusInEvent(self, event: object) -> None:
        if self._stale:
            self._refresh_titles()
        super().focusInEvent(event)  # type: ignore[arg-type]

    def find_next(self) -> str | None:
        """Select and show the next card matching the text; returns its id."""
        text = self.text()
        ids = matching_ids(self.document, text)
        if not ids:
            self.document.message.emit(
                _("No card's title contains '{strip}'.").format(strip=text.strip())
            )
            return None
        previous_text, previous = self._last
        index = (previous + 1) % len(ids) if previous_text == text else 0
        self._last = (text, index)
        node_id = ids[index]
        self.scene.select_ids([node_id])
        self.view.center_on_ids([node_id])
        count = (
            _(" ({value} of {count})").format(value=index + 1, count=len(ids))
            if len(ids) > 1
            else ""
        )
        self.document.message.emit(
            _("Found '{title}'{count}.").format(
                title=self.document.workshop.node(node_id).title, count=count
            )
        )
        return node_id
