"""`BackgroundOp`: a job on a worker thread, its progress box, Cancel and its one outcome."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox, QWidget

from alignment_workshop import logs
from alignment_workshop.gui.support import background
from alignment_workshop.gui.support.background import BackgroundOp, Task
from alignment_workshop.progress import Cancelled
from tests.support.background import wait_for_background

WAIT_S = 30


@pytest.fixture
def parent(qtbot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


class Outcome:
    """What came back on the GUI thread, and on which thread."""

    def __init__(self) -> None:
        self.results: list[object] = []
        self.cancelled = 0
        self.threads: list[int] = []

    def success(self, result: object) -> None:
        self.results.append(result)
        self.threads.append(threading.get_ident())

    def cancel(self) -> None:
        self.cancelled += 1
        self.threads.append(threading.get_ident())


def start(parent: QWidget, job, outcome: Outcome, **kwargs) -> BackgroundOp:
    op = BackgroundOp(
        parent,
        job,
        title="Test work",
        on_success=outcome.success,
        on_cancelled=outcome.cancel,
        **kwargs,
    )
    op.run_in_background()
    return op


def test_the_job_runs_on_a_worker_while_the_event_loop_goes_on(parent, qtbot) -> None:
    ticked = threading.Event()
    job_thread: list[int] = []

    def job(task: Task) -> str:
        job_thread.append(threading.get_ident())
        # Only the GUI thread's event loop can set this: the job waits for it.
        assert ticked.wait(WAIT_S), "the GUI thread's timer never fired during the job"
        return "done"

    QTimer.singleShot(50, ticked.set)
    outcome = Outcome()
    start(parent, job, outcome)
    assert background.busy()
    wait_for_background(qtbot)
    gui = threading.get_ident()
    assert outcome.results == ["done"] and outcome.threads == [gui]
    assert job_thread and job_thread[0] != gui


def test_progress_shows_in_a_box_after_a_moment(parent, qtbot) -> None:
    reported, release = threading.Event(), threading.Event()

    def job(task: Task) -> int:
        task(3, 10, "Step <b>three</b>")
        reported.set()
        assert release.wait(WAIT_S)
        return 7

    outcome = Outcome()
    op = start(parent, job, outcome)
    assert not op.dialog.isVisible()  # a quick job never shows a box
    assert reported.wait(WAIT_S)
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    qtbot.waitUntil(lambda: op.dialog.bar.value() == 3, timeout=5000)
    assert op.dialog.bar.maximum() == 10
    assert op.dialog.label.text() == "Step <b>three</b>"  # plain text, never markup
    assert op.dialog.isModal()
    release.set()
    wait_for_background(qtbot)
    assert outcome.results == [7]
    assert not shiboken6.isValid(op.dialog)  # the box is gone with the work


def test_cancel_stops_the_job_at_its_next_report(parent, qtbot) -> None:
    started = threading.Event()
    reports_after_cancel: list[int] = []

    def job(task: Task) -> str:
        started.set()
        for step in range(100_000):
            task(step, 100_000, "Working")
            if task.cancelled():
                reports_after_cancel.append(step)
            threading.Event().wait(0.001)
        return "finished anyway"

    outcome = Outcome()
    op = start(parent, job, outcome)
    assert started.wait(WAIT_S)
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    op.dialog.buttons.rejected.emit()  # the Cancel button
    assert op.dialog.label.text() == "Cancelling…"
    wait_for_background(qtbot)
    assert outcome.cancelled == 1 and outcome.results == []
    assert reports_after_cancel == []  # the report after Cancel raised


def test_escape_and_closing_the_box_cancel_too(parent, qtbot) -> None:
    def job(task: Task) -> None:
        while True:
            task(0, 1, "Waiting for Cancel")
            threading.Event().wait(0.005)

    outcome = Outcome()
    op = start(parent, job, outcome)
    qtbot.waitUntil(op.dialog.isVisible, timeout=5000)
    op.dialog.close()  # the title bar's close button: the box stays, the job stops
    assert op.dialog.isVisible() and op.dialog.cancelling
    wait_for_background(qtbot)
    assert outcome.cancelled == 1


def test_a_failure_is_one_sentence_and_the_traceback_goes_to_the_log(
    parent, qtbot, monkeypatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0
    )

    def job(task: Task) -> None:
        raise RuntimeError("the flux capacitor is\nout of flux")

    outcome = Outcome()
    start(parent, job, outcome, failure_title="Work not done")
    wait_for_background(qtbot)
    assert outcome.results == [] and outcome.cancelled == 0
    assert len(shown) == 1
    title, text = shown[0]
    assert title == "Work not done"
    assert "\n" not in text and "flux capacitor" in text and "Traceback" not in text
    log = logs.log_file().read_text(encoding="utf-8")
    assert "Traceback" in log and "RuntimeError" in log
    assert "flux capacitor is" not in log.split("Traceback")[-1].splitlines()[-1]  # private
    assert "in job" in log  # the worker's frames are kept


def test_an_error_the_user_can_act_on_gets_its_own_sentence(parent, qtbot, monkeypatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)

    def job(task: Task) -> None:
        raise PermissionError(13, "Permission denied")

    def explain(error: BaseException) -> str | None:
        return "The folder cannot be written; try another." if isinstance(error, OSError) else None

    start(parent, job, Outcome(), explain=explain)
    wait_for_background(qtbot)
    assert shown == ["The folder cannot be written; try another."]
    assert "PermissionError" in logs.log_file().read_text(encoding="utf-8")


def test_closing_the_parent_cancels_and_calls_nobody(qtbot) -> None:
    parent = QWidget()
    parent.show()
    stopped = threading.Event()

    def job(task: Task) -> None:
        try:
            while True:
                task(0, 1, "")
                threading.Event().wait(0.005)
        except Cancelled:
            stopped.set()
            raise

    outcome = Outcome()
    start(parent, job, outcome)
    parent.deleteLater()
    qtbot.waitUntil(stopped.is_set, timeout=10_000)
    wait_for_background(qtbot)
    assert outcome.results == [] and outcome.cancelled == 0


def test_a_job_that_ignores_cancel_still_reports_its_result(parent, qtbot) -> None:
    release = threading.Event()

    def job(task: Task) -> Path:
        assert release.wait(WAIT_S)
        return Path("written.pdf")  # past its last report: the file was written

    outcome = Outcome()
    op = start(parent, job, outcome)
    op.task.cancel()
    release.set()
    wait_for_background(qtbot)
    assert outcome.results == [Path("written.pdf")] and outcome.cancelled == 0


def test_the_interpreter_is_tuned_only_while_jobs_run(parent, qtbot) -> None:
    import gc
    import sys

    idle_switch = sys.getswitchinterval()
    seen: list[tuple[int, float]] = []

    def job(task: Task) -> None:
        seen.append((gc.get_freeze_count(), sys.getswitchinterval()))

    start(parent, job, Outcome())
    start(parent, job, Outcome())
    wait_for_background(qtbot)
    assert len(seen) == 2
    for frozen, switch in seen:
        assert frozen > 0 and switch == background.BUSY_SWITCH_S
    assert gc.get_freeze_count() == 0 and sys.getswitchinterval() == idle_switch


def test_jobs_run_one_at_a_time_in_order(parent, qtbot) -> None:
    events: list[str] = []
    release = threading.Event()

    def first(task: Task) -> None:
        events.append("first starts")
        assert release.wait(WAIT_S)
        events.append("first ends")

    def second(task: Task) -> None:
        events.append("second starts")

    start(parent, first, Outcome())
    start(parent, second, Outcome())
    qtbot.waitUntil(lambda: events == ["first starts"], timeout=10_000)
    qtbot.wait(100)
    assert events == ["first starts"]  # the second waits its turn
    release.set()
    wait_for_background(qtbot)
    assert events == ["first starts", "first ends", "second starts"]
