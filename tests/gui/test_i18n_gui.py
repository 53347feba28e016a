"""The editor in German: menus, docks and Qt's own buttons, chosen by --lang or by
Preferences (saved for the next start), and the language follows the system otherwise."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from alignment_workshop import i18n
from alignment_workshop.gui.support.language import apply_language
from alignment_workshop.gui.support.settings import saved_language
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.gui.window.preferences import PreferencesDialog
from alignment_workshop.paths import example_workshop


@pytest.fixture
def app_language() -> Iterator[None]:
    """Put the app back as it was (English, no Qt translator, the default locale)."""
    previous = QLocale()
    yield
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_language(app, "en")
    QLocale.setDefault(previous)


def _menus(window: MainWindow) -> list[str]:
    return [action.text() for action in window.menuBar().actions()]


def test_the_window_speaks_german_with_lang_de(qtbot, app_language: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, "de") == "de"
    window = MainWindow()
    qtbot.addWidget(window)
    window.show_welcome()
    assert window.open_path(example_workshop())
    assert _menus(window)[:5] == ["&Datei", "&Bearbeiten", "&Ansicht", "A&nordnen", "&Hilfe"]
    assert window.inspector.windowTitle() == "Eigenschaften"
    assert window.check_dock.windowTitle() == "Alignment-Prüfung"
    assert window.action("preferences").text() == "&Einstellungen …"
    assert window.score_label.text().startswith("Ausrichtung: ")
    assert window.score_label.text().endswith("\u00a0%")  # Babel's German percent
    # Qt's own buttons come from qtbase_de.qm, shipped with PySide6.
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    window.document.new()
    assert window.document.workshop.meta.title == "Unbenannter Workshop"


def test_preferences_save_the_language_for_the_next_start(qtbot, app_language: None) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.itemData(0) == ""  # the system's language comes first
    assert dialog.language.findText("Deutsch") > 0
    dialog.language.setCurrentIndex(dialog.language.findText("Deutsch"))
    dialog.accept()
    assert saved_language() == "de"
    assert apply_language(app) == "de"  # the next start, without --lang
    assert apply_language(app, "en") == "en"  # --lang wins over Preferences
    dialog = PreferencesDialog()
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "de"


def test_without_a_choice_the_language_follows_the_system(
    qtbot, app_language: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    monkeypatch.setattr(
        "alignment_workshop.gui.support.language.QLocale.system",
        lambda: _Locale(["de-DE", "en-US"]),
    )
    assert apply_language(app) == "de"
    assert i18n.language() == "de"


class _Locale:
    def __init__(self, languages: list[str]) -> None:
        self.languages = languages

    def uiLanguages(self) -> list[str]:
        return self.languages


def test_a_dock_width_saved_in_english_cuts_no_german_palette_label(
    qtbot, app_language: None
) -> None:
    """A window state saved in English, restored in German, cut "Schlüsselergebnis"."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert apply_language(app, "de") == "de"
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.resizeDocks([window.palette_dock], [60], Qt.Orientation.Horizontal)
    qtbot.wait(20)
    buttons = window.palette_dock.buttons.values()
    assert "Schlüsselergebnis" in [button.text() for button in buttons]
    for button in buttons:
        assert button.width() >= button.sizeHint().width(), button.text()
