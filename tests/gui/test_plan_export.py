"""File › Export Action Plan… and Export Team Plan… write the PDF from the editor."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from alignment_workshop.gui.main_window import MainWindow
from alignment_workshop.paths import example_workshop


@pytest.fixture
def window(qtbot) -> MainWindow:
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(example_workshop())
    return window


def _answer_save(monkeypatch: pytest.MonkeyPatch, target: Path | None) -> None:
    answer = (str(target), "PDF document (*.pdf)") if target else ("", "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: answer))


def test_export_action_plan_writes_the_pdf(window, monkeypatch, tmp_path) -> None:
    messages: list[str] = []
    window.document.message.connect(messages.append)
    _answer_save(monkeypatch, tmp_path / "plan")  # no suffix: .pdf is added
    window.action("export_plan").trigger()
    pdf = tmp_path / "plan.pdf"
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Custom export for a key deal" in text and "Finance" in text
    assert messages[-1].startswith("Exported the action plan to plan.pdf (")


def test_team_plan_asks_for_the_team(window, monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a, **k: ("Finance", True)))
    _answer_save(monkeypatch, tmp_path / "finance.pdf")
    window.action("export_team_plan").trigger()
    reader = PdfReader(tmp_path / "finance.pdf")
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Automate invoicing and dunning" in text


def test_cancel_writes_nothing_and_a_failure_is_one_sentence(window, monkeypatch, tmp_path) -> None:
    _answer_save(monkeypatch, None)
    window.action("export_plan").trigger()
    assert list(tmp_path.iterdir()) == []
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda _w, _t, text: warnings.append(text))
    )
    _answer_save(monkeypatch, tmp_path / "missing-folder" / "plan.pdf")
    window.action("export_plan").trigger()
    assert len(warnings) == 1 and "could not be written" in warnings[0]
