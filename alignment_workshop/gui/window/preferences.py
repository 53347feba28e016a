"""Edit › Preferences…: the editor's language (system, or one with a catalogue).

The choice is saved in the settings file and applies from the next start, which the
dialog says; the dialogs, menus and docks are built once, in the language in effect.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QWidget

from alignment_workshop import formats, i18n
from alignment_workshop.i18n import _

from ..support.settings import save_language, saved_language


class PreferencesDialog(QDialog):
    """The language choice, with a note on when it takes effect."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Preferences"))
        self.setMinimumWidth(480)
        self.language = QComboBox(self)
        self.language.addItem(
            _("System language ({language})").format(language=_system_language_name()), ""
        )
        for code in i18n.available_languages():
            self.language.addItem(formats.language_name(code), code)
        index = self.language.findData(saved_language())
        self.language.setCurrentIndex(max(index, 0))
        self.note = QLabel(
            _("The new language applies when you start Alignment Workshop again."), self
        )
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(_("&Language:"), self.language)
        form.addRow(self.note)
        form.addRow(buttons)

    def chosen(self) -> str:
        """The language code chosen ("" follows the system)."""
        value = self.language.currentData()
        return value if isinstance(value, str) else ""

    def accept(self) -> None:
        save_language(self.chosen())
        super().accept()


def _system_language_name() -> str:
    from PySide6.QtCore import QLocale

    code = i18n.best_match([*QLocale.system().uiLanguages(), *i18n.system_preferences()])
    return formats.language_name(code)


def show_preferences(parent: QWidget | None) -> None:
    """Open the Preferences dialog; a choice is saved when the user presses OK."""
    PreferencesDialog(parent).exec()
