"""Help › User Guide: the guide shipped with the app, rendered from its Markdown.

The guide is `resources/guide/user-guide.md` in English, and
`resources/guide/<lang>/user-guide.md` in each language it is translated into; the
dialog shows the one for the language in effect, else English. It shows it in a QTextBrowser
(Qt's own Markdown renderer), with a contents list of its headings on the left. Each
check has a heading named after its rule (`orphan`, `silo`, …), so a finding can open
the guide at the right place: `show_user_guide(window, section="orphan")`.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop import i18n
from alignment_workshop.i18n import _

from .about import app_icon, read_resource, resource_path

GUIDE_FOLDER, GUIDE_NAME = "guide", "user-guide.md"
#: Headings deeper than this stay out of the contents list (rule names are level 4).
CONTENTS_DEPTH = 4
#: Space above a heading, in pixels, by heading level.
HEADING_SPACE = {1: 0, 2: 22, 3: 16, 4: 12}


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading of the rendered guide: its level, its text and where it starts."""

    level: int
    text: str
    position: int


def guide_parts(language: str | None = None) -> tuple[str, ...]:
    """Where the guide in `language` (None: the language in effect) is shipped: its own
    translation ("de_AT" finds "de"), else the English original."""
    code = language or i18n.language()
    for candidate in dict.fromkeys((code, code.split("_", 1)[0])):
        if (
            candidate != i18n.SOURCE_LANGUAGE
            and resource_path(GUIDE_FOLDER, candidate, GUIDE_NAME).is_file()
        ):
            return (GUIDE_FOLDER, candidate, GUIDE_NAME)
    return (GUIDE_FOLDER, GUIDE_NAME)


def guide_markdown(language: str | None = None) -> str:
    """The user guide's Markdown text in `language` (None: the language in effect), as
    shipped with the app."""
    return read_resource(*guide_parts(language))


def headings(document: QTextDocument) -> list[Heading]:
    """Every heading in a document rendered from Markdown, in order."""
    found = []
    block: QTextBlock = document.begin()
    while block.isValid():
        level = block.blockFormat().headingLevel()
        if level > 0:
            found.append(Heading(level, block.text().strip(), block.position()))
        block = block.next()
    return found


def space_headings(document: QTextDocument, found: list[Heading]) -> None:
    """Give headings room above them: Qt's Markdown import sets them tight to the text."""
    for heading in found:
        cursor = QTextCursor(document.findBlock(heading.position))
        block_format = cursor.blockFormat()
        block_format.setTopMargin(HEADING_SPACE.get(heading.level, 8))
        cursor.setBlockFormat(block_format)


class UserGuideDialog(QDialog):
    """A non-modal window with the guide and a contents list that jumps to a heading."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("User Guide"))  # Qt adds " — Alignment Workshop"
        self.setWindowIcon(app_icon())
        self.resize(900, 700)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setMarkdown(guide_markdown())
        self.headings = headings(self.browser.document())
        space_headings(self.browser.document(), self.headings)
        self.contents = QListWidget(self)
        for heading in self.headings:
            if heading.level <= CONTENTS_DEPTH and heading.level > 1:
                item = QListWidgetItem("    " * (heading.level - 2) + heading.text)
                item.setData(Qt.ItemDataRole.UserRole, heading.position)
                self.contents.addItem(item)
        self.contents.itemActivated.connect(self._jump)
        self.contents.itemClicked.connect(self._jump)
        splitter = QSplitter(self)
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        # Wide enough for the longest entry ("What each check means and how to fix it").
        frame = (
            2 * self.contents.frameWidth() + self.contents.verticalScrollBar().sizeHint().width()
        )
        wide = self.contents.sizeHintForColumn(0) + frame + 8
        splitter.setSizes([wide, max(500, 900 - wide)])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

    def show_section(self, name: str) -> bool:
        """Scroll so the heading called `name` (case-insensitive) is at the top."""
        wanted = name.strip().casefold()
        for heading in self.headings:
            if heading.text.casefold() == wanted:
                self._scroll_to(heading.position)
                return True
        return False

    def _jump(self, item: QListWidgetItem) -> None:
        self._scroll_to(int(item.data(Qt.ItemDataRole.UserRole)))

    def _scroll_to(self, position: int) -> None:
        document = self.browser.document()
        block = document.findBlock(position)
        top = document.documentLayout().blockBoundingRect(block).top()
        self.browser.verticalScrollBar().setValue(int(top))


def show_user_guide(parent: QWidget | None = None, section: str | None = None) -> UserGuideDialog:
    """Show the guide (reusing the one already open for `parent`), at `section` if given."""
    dialog = parent.findChild(UserGuideDialog) if parent is not None else None
    if dialog is None:
        dialog = UserGuideDialog(parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    if section:
        dialog.show_section(section)
    return dialog
