"""File › Import…, Import into This Workshop… and Export Spreadsheet… in the editor.

An import is previewed before anything changes, applied as one undoable step (do →
undo → redo checks the model, the scene and the clean state), and places its cards by
the auto-layout; the export writes a workbook that imports back as the same workshop.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog

from alignment_workshop import fileio
from alignment_workshop.gui.window import import_dialogs
from alignment_workshop.gui.window.import_dialogs import ImportPreviewDialog
from alignment_workshop.interchange import import_file
from alignment_workshop.paths import example_workshop
from tests.support.sameness import check_json, without_positions

OUTLINES = Path(__file__).resolve().parents[1] / "fixtures" / "outlines"


def accept_preview(monkeypatch: pytest.MonkeyPatch, seen: list[ImportPreviewDialog]) -> None:
    def exec_(dialog: ImportPreviewDialog) -> int:
        seen.append(dialog)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(ImportPreviewDialog, "exec", exec_)


def test_import_into_the_workshop_is_one_undo_step(window, monkeypatch, tmp_path) -> None:
    sheet = tmp_path / "more.csv"
    sheet.write_text(
        "id,kind,title,team,supports\n"
        "g-brand,goal,Refresh the brand again,Marketing,\n"
        "g-new,goal,Run a customer day,Marketing,obj-retention\n"
        "g-other,goal,Open an office,Legal,\n",
        encoding="utf-8",
    )
    document, scene = window.document, window.scene
    before = document.workshop.copy()
    nodes_before, links_before = len(scene.node_items()), len(scene.link_items())
    seen: list[ImportPreviewDialog] = []
    accept_preview(monkeypatch, seen)
    assert import_dialogs.import_dialog(window, document, window.files, into=True, path=sheet)
    assert "Adds 2 team goals, 1 team." in seen[0].summary.text()
    after = document.workshop.copy()
    assert after.node("g-brand").title == "Refresh the brand again"
    assert after.node("g-brand").pos == before.node("g-brand").pos, "updated cards stay put"
    assert after.node("g-new").pos is not None and len(after.links) == len(before.links) + 1
    assert len(scene.node_items()) == nodes_before + 2
    assert document.undo_stack.count() == 1 and document.is_modified()
    assert document.undo_stack.undoText() == "Import more.csv into the workshop"
    document.undo_stack.undo()
    assert document.workshop == before and not document.is_modified()
    assert (len(scene.node_items()), len(scene.link_items())) == (nodes_before, links_before)
    document.undo_stack.redo()
    assert document.workshop == after and len(scene.node_items()) == nodes_before + 2


def test_import_makes_a_new_workshop_and_undo_empties_it(window, monkeypatch) -> None:
    seen: list[ImportPreviewDialog] = []
    accept_preview(monkeypatch, seen)
    outline = OUTLINES / "sourcegraph-fy22-q1.md"
    assert window.action("import").isEnabled()
    assert import_dialogs.import_dialog(
        window, window.document, window.files, into=False, path=outline
    )
    workshop = window.document.workshop
    assert window.document.path is None and workshop.meta.title == "FY22-Q1 OKRs"
    assert len(workshop.nodes) == 89 and len(window.scene.node_items()) == 89
    assert all(node.pos is not None for node in workshop.nodes)
    assert window.document.undo_stack.count() == 1
    window.document.undo_stack.undo()
    assert not window.document.workshop.nodes and not window.scene.node_items()


def test_the_preview_lists_row_problems_and_cannot_import(qtbot, tmp_path) -> None:
    sheet = tmp_path / "bad.csv"
    sheet.write_text("kind,title,due\ngoal,A,someday\nwish,B,\n", encoding="utf-8")
    dialog = ImportPreviewDialog(None, sheet, None)
    qtbot.addWidget(dialog)
    rows = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert rows == [
        "row 2, column due: must be a date written YYYY-MM-DD (got 'someday')",
        "row 3, column kind: must be a kind: goal, key_result, objective, value, vision "
        "(got 'wish')",
    ]
    assert not dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dialog.preview.imported is None


def test_the_preview_shows_findings_and_the_objectives_section(qtbot) -> None:
    dialog = ImportPreviewDialog(None, OUTLINES / "sourcegraph-fy21-q1.md", None)
    qtbot.addWidget(dialog)
    assert "Adds 29 team goals, 73 key results, 6 teams." in dialog.summary.text(), "CEO: a team"
    dialog.section.setText("CEO")
    dialog.refresh()
    assert "Adds 2 objectives, 27 team goals, 73 key results, 5 teams." in dialog.summary.text()
    findings = [dialog.findings.item(i).text() for i in range(dialog.findings.count())]
    assert any("[no-vision]" in text for text in findings)
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_cancelling_the_preview_changes_nothing(window, monkeypatch, tmp_path) -> None:
    sheet = tmp_path / "more.csv"
    sheet.write_text("kind,title\ngoal,Something new\n", encoding="utf-8")
    monkeypatch.setattr(ImportPreviewDialog, "exec", lambda _d: QDialog.DialogCode.Rejected.value)
    before = window.document.workshop.copy()
    assert not import_dialogs.import_dialog(
        window, window.document, window.files, into=True, path=sheet
    )
    assert window.document.workshop == before and window.document.undo_stack.count() == 0


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_export_spreadsheet_writes_a_file_that_imports_back(
    window, monkeypatch, tmp_path, suffix
) -> None:
    target = tmp_path / f"cards{suffix}"
    answer = (str(target.with_suffix("")), f"x (*{suffix})")
    monkeypatch.setattr(import_dialogs, "export_filters", lambda: {f"x (*{suffix})": suffix})
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: answer))
    messages: list[str] = []
    window.document.message.connect(messages.append)
    window.action("export_spreadsheet").trigger()
    assert messages[-1] == f"Exported the workshop to cards{suffix}"
    back = import_file(target).workshop
    original = fileio.load(example_workshop())
    assert without_positions(back) == without_positions(original)
    assert check_json(back) == check_json(original)


def test_the_file_is_read_on_a_worker_and_the_window_waits_for_it(
    window, monkeypatch, tmp_path
) -> None:
    import threading

    from alignment_workshop.interchange import preview as preview_module

    sheet = tmp_path / "one.csv"
    sheet.write_text("id,kind,title,team,supports\ng-x,goal,Run a day,Sales,\n", encoding="utf-8")
    threads: list[threading.Thread] = []
    real = preview_module.prepare_import

    def spying(*args, **kwargs):
        threads.append(threading.current_thread())
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialogs, "prepare_import", spying)
    seen: list[ImportPreviewDialog] = []
    accept_preview(monkeypatch, seen)
    assert import_dialogs.import_dialog(
        window, window.document, window.files, into=True, path=sheet
    )
    assert threads and threads[0] is not threading.main_thread()
    assert "Adds 1 team goal" in seen[0].summary.text()


def test_a_cancelled_read_opens_no_preview_and_changes_nothing(
    window, monkeypatch, tmp_path
) -> None:
    from alignment_workshop.gui.support import background

    sheet = tmp_path / "one.csv"
    sheet.write_text("id,kind,title\ng-x,goal,Run a day\n", encoding="utf-8")
    started = background.BackgroundOp.run_in_background

    def cancel_at_once(op) -> None:
        op.task.cancel()  # as a click on Cancel would
        started(op)

    monkeypatch.setattr(background.BackgroundOp, "run_in_background", cancel_at_once)
    seen: list[ImportPreviewDialog] = []
    accept_preview(monkeypatch, seen)
    before = window.document.workshop.copy()
    assert not import_dialogs.import_dialog(
        window, window.document, window.files, into=True, path=sheet
    )
    assert seen == [] and window.document.workshop == before


def test_an_export_into_a_folder_that_cannot_be_written_says_so_in_one_sentence(
    window, monkeypatch, tmp_path
) -> None:
    from alignment_workshop.gui.support import background

    target = tmp_path / "missing-folder" / "cards.xlsx"
    answer = (str(target), "Excel workbook (*.xlsx)")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: answer))
    shown: list[str] = []
    monkeypatch.setattr(
        background, "show_message", lambda _parent, _title, text, *_a: shown.append(text)
    )
    assert import_dialogs.export_spreadsheet_dialog(window, window.document) is None
    assert len(shown) == 1 and shown[0].startswith("Could not write"), shown
    assert shown[0].endswith("try another folder.")
    assert "\n" not in shown[0] and "Traceback" not in shown[0]
    assert not target.exists()
