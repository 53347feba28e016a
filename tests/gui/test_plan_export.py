"""File › Export Action Plan… and Export Team Plan… write the PDF from the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from tests.support.background import wait_for_background


def _answer_save(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> None:
    answer = (str(target), "PDF document (*.pdf)") if target else ("", "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: answer))


def test_export_action_plan_writes_the_pdf(window, monkeypatch, tmp_path, qtbot) -> None:
    messages: list[str] = []
    window.document.message.connect(messages.append)
    _answer_save(monkeypatch, tmp_path / "plan")  # no suffix: .pdf is added
    window.action("export_plan").trigger()
    wait_for_background(qtbot)
    pdf = tmp_path / "plan.pdf"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Custom export for a key deal" in text and "Finance" in text
    assert messages[-1].startswith("Exported the action plan to plan.pdf (")


def test_team_plan_asks_for_the_team(window, monkeypatch, tmp_path, qtbot) -> None:
    offered: list[list[str]] = []

    def pick_finance(_parent, _title, _label, labels, *_rest):
        offered.append(list(labels))
        return "Finance", True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick_finance))
    _answer_save(monkeypatch, tmp_path / "finance.pdf")
    window.action("export_team_plan").trigger()
    wait_for_background(qtbot)
    assert offered[0][:2] == ["Product", "Engineering"]
    team_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "finance.pdf").pages)
    _answer_save(monkeypatch, tmp_path / "all.pdf")
    window.action("export_plan").trigger()
    wait_for_background(qtbot)
    full_text = "".join(page.extract_text() for page in PdfReader(tmp_path / "all.pdf").pages)
    assert "Automate invoicing and dunning" in team_text
    # Another team's goal is in the full plan but not in Finance's.
    assert "Run quarterly business reviews" in full_text
    assert "Run quarterly business reviews" not in team_text


def test_teams_with_the_same_name_can_each_be_chosen(window, monkeypatch) -> None:
    from alignment_workshop.gui.window.export_dialogs import choose_team

    window.document.update_team("finance", name="Product")
    labels: list[str] = []

    def pick_last(_parent, _title, _label, offered, *_rest):
        labels.extend(offered)
        return offered[-1], True

    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(pick_last))
    assert choose_team(window, window.document) == "finance"
    assert labels[0] == "Product (1)" and labels[-1] == "Product (6)"


def test_cancel_writes_nothing_and_a_failure_is_one_sentence(
    window, monkeypatch, tmp_path, qtbot
) -> None:
    _answer_save(monkeypatch, None)
    window.action("export_plan").trigger()
    assert list(tmp_path.iterdir()) == []
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: warnings.append(box.text()) or 0)
    _answer_save(monkeypatch, tmp_path / "missing-folder" / "plan.pdf")
    window.action("export_plan").trigger()
    wait_for_background(qtbot)
    assert len(warnings) == 1 and "could not be written" in warnings[0]


def test_the_paper_is_a_file_type_of_the_save_dialog(window, monkeypatch, tmp_path, qtbot) -> None:
    from alignment_workshop.gui.window.export_dialogs import paper_filters

    offered: list[tuple[str, str]] = []

    def save_as(paper: str):
        def answer(_parent, _title, _folder, filters, selected):
            offered.append((filters, selected))
            return str(tmp_path / f"{paper}.pdf"), paper_filters()[paper]

        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answer))

    for paper in ("letter", "a4"):
        save_as(paper)
        window.action("export_plan").trigger()
        wait_for_background(qtbot)
    letter = PdfReader(tmp_path / "letter.pdf").pages[0].mediabox
    a4 = PdfReader(tmp_path / "a4.pdf").pages[0].mediabox
    assert (float(letter.width), float(letter.height)) == (612, 792)
    assert (round(float(a4.width)), round(float(a4.height))) == (595, 842)
    filters, selected = offered[0]
    assert filters.split(";;") == list(paper_filters().values())
    assert selected in paper_filters().values()
