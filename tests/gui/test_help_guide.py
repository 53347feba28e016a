"""Help › User Guide: the shipped guide renders, covers every check, and jumps to a section."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QWidget

from alignment_workshop.gui.window.help import (
    UserGuideDialog,
    guide_markdown,
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


def test_guide_explains_every_rule_the_checks_can_report(qtbot) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    titles = {h.text for h in headings(dialog.browser.document()) if h.level == 4}
    assert set(RULES) <= titles
    assert rules_in_analysis() <= titles, "a new rule needs a section in the user guide"


def test_guide_covers_the_workshop_steps_and_shortcuts(qtbot) -> None:
    dialog = UserGuideDialog()
    qtbot.addWidget(dialog)
    text = dialog.browser.toPlainText()
    for step in ("Prepare", "Capture", "Check", "Resolve", "Export"):
        assert any(h.text.endswith(step) for h in dialog.headings), step
    for keys in ("Ctrl+N", "Ctrl+Z", "F2", "F5", "Ctrl+0", "Ctrl+F", "Delete"):
        assert keys in text, keys
    assert "| Action |" not in text, "the shortcut table must render as a table"


def test_each_rule_section_says_what_it_means_and_how_to_fix_it() -> None:
    sections = re.split(r"^#### ", guide_markdown(), flags=re.MULTILINE)[1:]
    assert len(sections) == len(RULES)
    for section in sections:
        name = section.splitlines()[0]
        assert "What it means:" in section and "How to fix it:" in section, name


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


def test_show_section_by_rule_name_and_unknown_name(qtbot) -> None:
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


def test_guide_lists_a_shortcut_of_every_action_the_window_has(qtbot) -> None:
    """The shortcut table must not drift from the editor's real key bindings."""
    from PySide6.QtGui import QAction, QKeySequence

    from alignment_workshop.gui.window.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    cells = {
        part.strip()
        for line in guide_markdown().splitlines()
        if line.startswith("|")
        for cell in line.strip("|").split("|")[1:]
        for part in cell.replace(" or ", ",").replace(" and ", ",").split(",")
    }
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
