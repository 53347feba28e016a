"""Help › User Guide: the shipped guide renders, covers every check, and jumps to a section."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWidget

from alignment_workshop import i18n
from alignment_workshop.gui.window.help import (
    UserGuideDialog,
    guide_markdown,
    guide_parts,
    headings,
    show_user_guide,
)

ANALYSIS = Path(__file__).resolve().parents[2] / "alignment_workshop" / "analysis"
RULES = (
    "no-vision multiple-visions orphan unsupported-objective circular-support conflict "
    "split-support silo priority-inversion depends-cycle depends-on-dropped level-skip "
    "when-without-why unowned-goal unused-value duplicate unmeasured-objective "
    "key-result-without-target due-outside-period"
).split()


def rules_in_analysis() -> set[str]:
    """Every rule name the analysis code can emit, read from its Finding(...) calls."""
    pattern = re.compile(r'Finding\(\s*"([a-z-]+)"')
    return {m for f in ANALYSIS.glob("*.py") for m in pattern.findall(f.read_text())}


#: Each translation of the guide, with the words its sections and tables use.
LANGUAGES = {
    "en": {
        "steps": ("Prepare", "Capture", "Check", "Resolve", "Export"),
        "means": "What it means:", "fix": "How to fix it:", "table": "| Action |",
        "keys": {}, "names": {}, "joins": (" or ", " and "),
    },
    "de": {
        "steps": ("Vorbereiten", "Erfassen", "Prüfen", "Klären", "Exportieren"),
        "means": "Was es bedeutet:", "fix": "So behebt ihr es:", "table": "| Aktion |",
        # the key names Qt's German translation shows in the menus
        "keys": {"Strg": "Ctrl", "Umschalt": "Shift", "Entf": "Delete"},
        "names": {
            "Pfeil rechts": "Right", "Pfeil links": "Left", "Leertaste": "Space",
            "Bild ab": "PgDown", "Bild auf": "PgUp", "Pos1": "Home", "Ende": "End",
        },
        "joins": (" oder ", " und "),
    },
}  # fmt: skip
in_every_language = pytest.mark.parametrize("language", sorted(LANGUAGES))


@pytest.fixture
def speaking(language: str):  # type: ignore[no-untyped-def]
    i18n.set_language(language)
    yield LANGUAGES[language]
    i18n.set_language("en")


def test_the_guide_follows_the_language_and_falls_back_to_english() -> None:
    assert guide_parts("en") == ("guide", "user-guide.md")
    assert guide_parts("de") == guide_parts("de_AT") == ("guide", "de", "user-guide.md")
    assert guide_parts("fr") == ("guide", "user-guide.md")
    i18n.set_language("de")
    assert guide_markdown().startswith("# Alignment Workshop: Benutzerhandbuch")
    i18n.set_language("en")
    assert guide_markdown().startswith("# Alignment Workshop: User Guide")


def test_every_translation_has_the_originals_outline() -> None:
    """The same headings at the same levels, the rule names verbatim (a finding opens its
    section by them), the same shortcut rows and the same code."""

    def outline(text: str) -> list[str]:
        return [line.split(" ", 1)[0] for line in text.splitlines() if line.startswith("#")]

    english = guide_markdown("en")
    rules = re.findall(r"^#### (.+)$", english, flags=re.MULTILINE)
    for language in set(LANGUAGES) - {"en"}:
        text = guide_markdown(language)
        assert outline(text) == outline(english), language
        assert re.findall(r"^#### (.+)$", text, flags=re.MULTILINE) == rules, language
        rows = [line for line in text.splitlines() if line.startswith("|")]
        assert len(rows) == len([line for line in english.splitlines() if line.startswith("|")])
        code = {span for span in re.findall(r"`[^`]+`", english) if "<" not in span}
        assert code <= set(re.findall(r"`[^`]+`", text)), language


@in_every_language
def test_guide_explains_every_rule_the_checks_can_report(qtbot, speaking) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    titles = {h.text for h in headings(dialog.browser.document()) if h.level == 4}
    assert set(RULES) <= titles
    assert rules_in_analysis() <= titles, "a new rule needs a section in the user guide"


@in_every_language
def test_guide_covers_the_workshop_steps_and_shortcuts(qtbot, speaking) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for step in speaking["steps"]:
        assert any(h.text.endswith(step) for h in dialog.headings), step
    native = {english: word for word, english in speaking["keys"].items()}
    for keys in ("Ctrl+N", "Ctrl+Z", "F2", "F5", "Ctrl+0", "Ctrl+F", "Delete"):
        shown = keys
        for english, word in native.items():
            shown = shown.replace(english, word)
        assert shown in text, shown
    assert speaking["table"] not in text, "the shortcut table must render as a table"


@in_every_language
def test_each_rule_section_says_what_it_means_and_how_to_fix_it(speaking) -> None:
    sections = re.split(r"^#### ", guide_markdown(), flags=re.MULTILINE)[1:]
    assert len(sections) == len(RULES)
    for section in sections:
        name = section.splitlines()[0]
        assert speaking["means"] in section and speaking["fix"] in section, name


def test_contents_list_jumps_to_a_heading(qtbot) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    bar = dialog.browser.verticalScrollBar()
    assert bar.value() == 0
    item = next(
        dialog.contents.item(i)
        for i in range(dialog.contents.count())
        if dialog.contents.item(i).text().strip() == "unused-value"
    )
    dialog.contents.itemClicked.emit(item)
    assert bar.value() > 0


@in_every_language
def test_show_section_by_rule_name_and_unknown_name(qtbot, speaking) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 400)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.show_section("Silo")
    first = dialog.browser.verticalScrollBar().value()
    assert first > 0
    assert dialog.show_section("unused-value")
    assert dialog.browser.verticalScrollBar().value() > first
    assert not dialog.show_section("no-such-rule")


def test_show_user_guide_reuses_the_open_dialog(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    first = show_user_guide(window)
    second = show_user_guide(window, section="orphan")
    assert first is second
    assert first.isVisible()
    assert first.browser.verticalScrollBar().value() > 0
    first.close()


@in_every_language
def test_guide_lists_a_shortcut_of_every_action_the_window_has(qtbot, speaking) -> None:
    """The shortcut table must not drift from the editor's real key bindings, in any
    translation (whose key names are Qt's own translations: "Strg+Umschalt+S")."""
    from PySide6.QtGui import QAction, QKeySequence

    from alignment_workshop.gui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    either, both = speaking["joins"]
    table = guide_markdown()
    for word, english in speaking["keys"].items():
        table = table.replace(word, english)
    cells = {
        part.strip()
        for line in table.splitlines()
        if line.startswith("|")
        for cell in line.strip("|").split("|")[1:]
        for part in cell.replace(either, ",").replace(both, ",").split(",")
    }
    cells = {speaking["names"].get(cell, cell) for cell in cells}
    portable = QKeySequence.SequenceFormat.PortableText
    missing = []
    for action in window.findChildren(QAction):
        keys = {k.toString(portable).replace("Del", "Delete") for k in action.shortcuts()}
        if keys and not keys & cells:
            missing.append(f"{action.text()}: {sorted(keys)}")
    assert not missing, f"add these to the guide's shortcut table: {missing}"


def test_every_contents_entry_is_whole_and_the_title_names_the_app_once(qtbot) -> None:
    """Seen in the walkthrough: "What each check means and how to fi…" with a scroll bar
    under the contents, and "Alignment Workshop User Guide — Alignment Workshop"."""
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    contents = dialog.contents
    metrics = contents.fontMetrics()
    room = contents.viewport().width()
    for row in range(contents.count()):
        text = contents.item(row).text()
        assert metrics.horizontalAdvance(text) + 8 <= room, text
    assert dialog.windowTitle() == "User Guide"
