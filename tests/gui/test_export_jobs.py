"""The editor's exports run in the background: the window keeps going, Cancel keeps files.

A deliberately slow export blocks inside the report until the GUI thread's event loop
has done something (a timer fired, the test pressed Cancel): were the export on the GUI
thread, these tests would deadlock and fail on their timeouts instead.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog, QInputDialog, QMessageBox

from alignment_workshop import cli, logs
from alignment_workshop.gui.support.background import Task
from alignment_workshop.gui.support.progress_dialog import ProgressDialog
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.paths import example_workshop
from alignment_workshop.report import export as report_export
from tests.support.background import wait_for_background

WAIT_S = 60


@pytest.fixture
def messages(window: MainWindow) -> list[str]:
    said: list[str] = []
    window.document.message.connect(said.append)
    return said


def answer_save(monkeypatch: pytest.MonkeyPatch, target: Path) -> None:
    answer = (str(target), "")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: answer))


def slowed(function: Callable, until: threading.Event) -> Callable:
    """`function`, made to wait (on the worker) until `until` is set from elsewhere."""

    def wait_then_call(*args, **kwargs):
        entered.set()
        assert until.wait(WAIT_S), "the GUI thread never let the export go on"
        return function(*args, **kwargs)

    entered = threading.Event()
    wait_then_call.entered = entered  # type: ignore[attr-defined]
    return wait_then_call


def progress_box(window: MainWindow, qtbot) -> ProgressDialog:
    qtbot.waitUntil(lambda: window.findChild(ProgressDialog) is not None, timeout=10_000)
    box = window.findChild(ProgressDialog)
    qtbot.waitUntil(box.isVisible, timeout=10_000)
    return box


def test_the_window_keeps_running_while_the_plan_is_written(
    window, qtbot, monkeypatch, tmp_path, messages
) -> None:
    ticks: list[int] = []
    enough = threading.Event()

    def tick() -> None:
        ticks.append(1)
        if len(ticks) >= 5:
            enough.set()

    timer = QTimer()
    timer.timeout.connect(tick)
    timer.start(10)
    hook = slowed(report_export.vision_and_values, enough)
    monkeypatch.setattr(report_export, "vision_and_values", hook)
    answer_save(monkeypatch, tmp_path / "plan.pdf")
    window.action("export_plan").trigger()
    assert not (tmp_path / "plan.pdf").exists()  # the action returned before the plan
    wait_for_background(qtbot)
    timer.stop()
    assert hook.entered.is_set() and len(ticks) >= 5
    assert (tmp_path / "plan.pdf").read_bytes().startswith(b"%PDF")
    assert messages[-1].startswith("Exported the action plan to plan.pdf (")


def test_progress_rises_through_every_stage_and_shows_in_the_box(
    window, qtbot, monkeypatch, tmp_path
) -> None:
    reports: list[tuple[int, int, str]] = []
    report = Task.__call__

    def recording(task: Task, done: int, total: int, label: str) -> None:
        reports.append((done, total, label))
        report(task, done, total, label)

    monkeypatch.setattr(Task, "__call__", recording)
    go = threading.Event()
    monkeypatch.setattr(report_export, "objectives", slowed(report_export.objectives, go))
    answer_save(monkeypatch, tmp_path / "plan.pdf")
    window.action("export_plan").trigger()
    box = progress_box(window, qtbot)
    qtbot.waitUntil(lambda: box.label.text() == report_export.OBJECTIVES, timeout=10_000)
    assert 0 < box.bar.value() < box.bar.maximum() == 1000
    go.set()
    wait_for_background(qtbot)
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and reports[-1][:2] == (1000, 1000)
    assert {t for _, t, _ in reports} == {1000}
    labels = {label for _, _, label in reports}
    for stage in (report_export.ANALYSING, report_export.MAP, report_export.TEAMS):
        assert stage in labels
    assert any(label.startswith("Laying out page ") for label in labels)
    assert report_export.WRITING in labels


def test_cancel_leaves_the_previous_plan_byte_for_byte(
    window, qtbot, monkeypatch, tmp_path, messages
) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 the plan from last week\n")
    before = target.read_bytes()
    go = threading.Event()
    monkeypatch.setattr(report_export, "team_sections", slowed(report_export.team_sections, go))
    answer_save(monkeypatch, target)
    window.action("export_plan").trigger()
    box = progress_box(window, qtbot)
    box.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    go.set()
    wait_for_background(qtbot)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf"]  # no temporary left
    assert messages[-1] == "Export cancelled: nothing was written to plan.pdf"


def test_a_failed_export_is_one_sentence_with_the_traceback_in_the_log(
    window, qtbot, monkeypatch, tmp_path
) -> None:
    def broken(_data):
        raise RuntimeError("objectives exploded")

    monkeypatch.setattr(report_export, "objectives", broken)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    answer_save(monkeypatch, tmp_path / "plan.pdf")
    window.action("export_plan").trigger()
    wait_for_background(qtbot)
    assert len(shown) == 1 and "\n" not in shown[0]
    assert "objectives exploded" in shown[0] and str(logs.log_file()) in shown[0]
    log = logs.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and "in broken" in log
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("team", [None, "finance"])
def test_the_plan_equals_the_command_lines_byte_for_byte(
    window, qtbot, monkeypatch, tmp_path, team
) -> None:
    from_cli = tmp_path / "cli.pdf"
    argv = ["export", str(example_workshop()), "-o", str(from_cli)]
    assert cli.main([*argv, "--team", team] if team else argv) == 0
    from_gui = tmp_path / "gui.pdf"
    answer_save(monkeypatch, from_gui)
    if team:
        name = window.document.workshop.team(team).name
        monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *_a: (name, True)))
        window.action("export_team_plan").trigger()
    else:
        window.action("export_plan").trigger()
    wait_for_background(qtbot)
    assert from_gui.read_bytes() == from_cli.read_bytes()


def test_the_map_is_drawn_in_the_background_from_a_copy(
    window, qtbot, monkeypatch, tmp_path, qtlog, messages
) -> None:
    scene = window.scene
    qtbot.waitUntil(lambda: scene.near_pending() == 0)  # the view's own drawing settled
    shown_before = [item.isVisible() for item in scene.items()]
    for name in ("map.png", "map.svg"):
        answer_save(monkeypatch, tmp_path / name)
        window.action("export_map").trigger()
        wait_for_background(qtbot)
        assert messages[-1] == f"Exported the map to {name}"
    image = QImage(str(tmp_path / "map.png"))
    assert not image.isNull() and image.width() > 1000
    assert ">Customers first<" in (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert [item.isVisible() for item in scene.items()] == shown_before  # live scene untouched
    thread_warnings = [
        r.message
        for r in qtlog.records
        if "thread" in r.message.lower() or "timer" in r.message.lower()
    ]
    assert thread_warnings == []


def test_cancelling_the_map_keeps_the_old_image(
    window, qtbot, monkeypatch, tmp_path, messages
) -> None:
    from alignment_workshop.gui.canvas import image_export

    target = tmp_path / "map.png"
    target.write_bytes(b"old image bytes")
    image_export.prime()  # on the GUI thread, before map_rect is made to wait
    go = threading.Event()
    monkeypatch.setattr(image_export, "map_rect", slowed(image_export.map_rect, go))
    answer_save(monkeypatch, target)
    window.action("export_map").trigger()
    box = progress_box(window, qtbot)
    box.reject()  # Escape
    go.set()
    wait_for_background(qtbot)
    assert target.read_bytes() == b"old image bytes"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]
    assert messages[-1] == "Export cancelled: nothing was written to map.png"


def test_the_first_map_export_primes_pyside_on_the_gui_thread(
    window, qtbot, monkeypatch, tmp_path
) -> None:
    from alignment_workshop.gui.canvas import image_export

    made_on: list[int] = []
    primer = image_export.primer_workshop

    def recording_primer():
        made_on.append(threading.get_ident())
        return primer()

    monkeypatch.setattr(image_export, "_primed", [])
    monkeypatch.setattr(image_export, "primer_workshop", recording_primer)
    for name in ("one.png", "two.svg"):
        answer_save(monkeypatch, tmp_path / name)
        window.action("export_map").trigger()
        wait_for_background(qtbot)
    assert made_on == [threading.get_ident()]  # once, and on this (the GUI) thread


def test_export_slides_runs_in_the_background_with_progress(
    window, qtbot, monkeypatch, tmp_path, messages
) -> None:
    from pypdf import PdfReader

    from alignment_workshop.report import slides

    reports: list[str] = []
    report = Task.__call__

    def recording(task: Task, done: int, total: int, label: str) -> None:
        reports.append(label)
        report(task, done, total, label)

    monkeypatch.setattr(Task, "__call__", recording)
    go = threading.Event()
    monkeypatch.setattr(slides, "draw_step", slowed(slides.draw_step, go))
    target = tmp_path / "slides.pdf"
    target.write_bytes(b"%PDF-1.4 last week's slides\n")
    answer_save(monkeypatch, tmp_path / "slides")  # the .pdf is added
    window.action("export_slides").trigger()
    box = progress_box(window, qtbot)
    qtbot.waitUntil(lambda: box.label.text() == slides.DRAWING, timeout=10_000)
    assert target.read_bytes() == b"%PDF-1.4 last week's slides\n"  # nothing half-written
    go.set()
    wait_for_background(qtbot)
    pages = PdfReader(target).pages
    assert len(pages) == len(slides.slides_plan(window.document.workshop).steps)
    assert (float(pages[0].mediabox.width), float(pages[0].mediabox.height)) == (1920, 1080)
    assert messages[-1] == f"Exported the slides to slides.pdf ({len(pages)} slides)"
    assert slides.PLANNING in reports and slides.WRITING in reports
