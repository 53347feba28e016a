"""The editor's language at start-up: the catalogue, Qt's own translations, the locale.

The language is `--lang` if given, else the one chosen in Preferences, else the first of
the desktop's languages (Qt's `QLocale.system().uiLanguages()`, then the environment) that
has a catalogue. Qt's standard dialogs and buttons (file dialogs, "Cancel", colour picker)
are translated by the `qtbase_<lang>.qm` files that PySide6 ships, loaded with QTranslator.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from alignment_workshop import i18n

from .settings import saved_language

#: The translators in use, kept alive as long as the application (Qt does not own them).
_INSTALLED: list[QTranslator] = []


def apply_language(app: QApplication, requested: str | None = None) -> str:
    """Choose the language (see the module's docstring), install Qt's translations for it
    and make it the default locale; returns the language now in effect."""
    chosen = requested or saved_language() or None
    code = i18n.set_language(chosen, system=QLocale.system().uiLanguages())
    QLocale.setDefault(QLocale(code))
    for translator in _INSTALLED:
        app.removeTranslator(translator)
    _INSTALLED.clear()
    if code != i18n.SOURCE_LANGUAGE:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{code}", folder):
            app.installTranslator(translator)
            _INSTALLED.append(translator)
    return code
