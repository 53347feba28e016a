"""Long work off the GUI thread: `BackgroundOp(...).run_in_background()`.

Modelled on Anki's `QueryOp`. The work is a plain function, `job(task) -> result`,
that runs on a worker thread of a `QThreadPool`:

    BackgroundOp(window, lambda task: export_pdf(snapshot, path, progress=task),
                 title="Export Action Plan", on_success=tell_pages).run_in_background()

`task` is a `Task`. Calling it, `task(done, total, label)`, reports progress; it is a
`progress.Progress`, so the report and the image export take it as is. It raises
`Cancelled` once the user has asked to stop, and `task.cancelled()` asks without
reporting. The job gets what it needs as arguments made on the GUI thread (a
`Workshop.copy()`, never the live document or scene) and touches no widget.

Back on the GUI thread, exactly one of three things happens:
- success: `on_success(result)`;
- failure: one sentence in a message box, `explain(error)` for an error the user can act
  on (a folder that cannot be written) or else "Something went wrong…"; the traceback
  goes to the log file either way (`alignment_workshop/logs.py`);
- cancellation: `on_cancelled()`, if given. The job stopped at its next report.

Jobs run one at a time, in the order they were started: Qt's graphics classes keep a
few process-wide structures (the application's list of every scene, for one) that two
workers drawing at once would change together. A job that waits its turn shows its
box with the title it was given until it starts.

A window-modal `ProgressDialog` appears if the work lasts more than `SHOW_AFTER_MS`;
it is filled in from the task's latest report every `POLL_MS`, so a job may report as
often as it likes for the price of storing a tuple. If the parent widget is destroyed
(the window closed), the job is cancelled and nothing is called back; when the
application quits, running jobs are cancelled and waited for.

The worker holds Python's GIL while it runs Python code (reportlab is pure Python), and
the GUI thread needs it for every card it paints. While jobs run, two settings keep the
window responsive (tests/bench/bench_gui.py measures both on a 500-goal PDF export):
- the GIL switch interval drops from 5 ms to `BUSY_SWITCH_S`, so the GUI thread waits
  less each time it needs the GIL: a repaint of the map takes about 0.1 s instead of
  0.2 s (0.03 s with nothing running), and the export's own time is unchanged within
  the noise of 2 busy cores;
- the objects that exist when the first job starts are frozen out of garbage
  collections (`gc.freeze`): a full collection set off by the job's allocations would
  otherwise walk every object of the editor while holding the GIL, 70 to 130 ms.
Both are restored when the last job ends.
"""

from __future__ import annotations

import gc
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from alignment_workshop import logs
from alignment_workshop.progress import Cancelled

from .logs import crash_sentence
from .plain_text import show_message
from .progress_dialog import ProgressDialog

T = TypeVar("T")

#: The progress box appears only for work that lasts longer than this.
SHOW_AFTER_MS = 500
#: How often the box reads the job's latest report.
POLL_MS = 100
#: A worker's stack: secondary threads get as little as 512 KB on macOS, too little for
#: deep reportlab or networkx calls on a large workshop.
STACK_BYTES = 16 * 1024 * 1024
#: How long quitting waits for cancelled jobs to reach their next report.
QUIT_WAIT_MS = 10_000
#: Python's GIL switch interval while jobs run (the default is 5 ms).
BUSY_SWITCH_S = 0.001

_log = logging.getLogger(__name__)
_running: set[BackgroundOp[Any]] = set()
_pools: list[QThreadPool] = []
_idle_switch: list[float] = []


class Task:
    """What a job sees of its operation: a progress reporter and the Cancel button.

    Thread-safe: the job calls it on the worker; the GUI thread reads `latest` and
    calls `cancel()`.
    """

    def __init__(self) -> None:
        self._cancel = threading.Event()
        #: The last report: done, total, label.
        self.latest: tuple[int, int, str] = (0, 0, "")

    def __call__(self, done: int, total: int, label: str) -> None:
        """Report progress; raises `Cancelled` once the user has asked to stop."""
        self.latest = (done, total, label)  # one assignment: atomic under the GIL
        if self._cancel.is_set():
            raise Cancelled()

    def cancelled(self) -> bool:
        """Whether the user has asked to stop."""
        return self._cancel.is_set()

    def cancel(self) -> None:
        """Ask the job to stop at its next report."""
        self._cancel.set()


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits `done` on it to come back there."""

    #: The job returned or raised; the outcome is on the operation.
    done = Signal()

    def __init__(self, deliver: Callable[[], None]) -> None:
        super().__init__()
        self._deliver = deliver
        # Queued, always: the slot runs on this object's thread, the GUI thread.
        self.done.connect(self.deliver, Qt.ConnectionType.QueuedConnection)

    @Slot()
    def deliver(self) -> None:
        self._deliver()


def _pool() -> QThreadPool:
    """The pool background jobs run on, made with the application and cleared on quit."""
    if _pools and shiboken6.isValid(_pools[0]):
        return _pools[0]
    app = QCoreApplication.instance()
    pool = QThreadPool(app)
    pool.setStackSize(STACK_BYTES)
    pool.setMaxThreadCount(1)  # one job at a time (see the module's docstring)
    if app is not None:
        app.aboutToQuit.connect(_stop_all)
    _pools[:] = [pool]
    return pool


def cancel_all() -> None:
    """Ask every running job to stop; each still reports back, as cancelled."""
    for op in list(_running):
        op.task.cancel()


def _stop_all() -> None:
    """Cancel every running job and wait for them, so none outlives the application."""
    cancel_all()
    if _pools and shiboken6.isValid(_pools[0]):
        _pools[0].waitForDone(QUIT_WAIT_MS)


def _first_started() -> None:
    """Tune the interpreter for sharing with a worker (see the module's docstring)."""
    gc.freeze()
    _idle_switch[:] = [sys.getswitchinterval()]
    sys.setswitchinterval(min(BUSY_SWITCH_S, _idle_switch[0]))


def _last_finished() -> None:
    gc.unfreeze()
    if _idle_switch:
        sys.setswitchinterval(_idle_switch.pop())


def busy() -> bool:
    """Whether some background operation has not yet reported back."""
    return bool(_running)


class BackgroundOp(Generic[T]):
    """One job run on a worker thread, with progress, Cancel and one outcome."""

    def __init__(
        self,
        parent: QWidget,
        job: Callable[[Task], T],
        *,
        title: str,
        on_success: Callable[[T], object],
        on_cancelled: Callable[[], object] | None = None,
        explain: Callable[[BaseException], str | None] | None = None,
        failure_title: str | None = None,
        on_finished: Callable[[], object] | None = None,
    ) -> None:
        self.parent = parent
        self.task = Task()
        self._job = job
        self._title = title
        self._on_success = on_success
        self._on_cancelled = on_cancelled
        self._explain = explain
        self._failure_title = failure_title or title
        self._on_finished = on_finished
        self._outcome: tuple[str, object] = ("running", None)
        self._relay = _Relay(self._finish)
        self._poll = QTimer(self._relay)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._show_progress)
        self.dialog = ProgressDialog(parent, title, f"{title}…")
        self.dialog.cancel_requested.connect(self.task.cancel)

    def run_in_background(self) -> None:
        """Start the job; its outcome comes back later on the GUI thread."""
        if not _running:
            _first_started()
        _running.add(self)  # kept alive until it reports back
        self.parent.destroyed.connect(self.task.cancel)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        QTimer.singleShot(SHOW_AFTER_MS, self._relay, self._show_dialog)
        self._poll.start()
        _pool().start(self._run)

    # ------------------------------------------------------------------ worker thread

    def _run(self) -> None:
        try:
            self._outcome = ("ok", self._job(self.task))
        except Cancelled:
            self._outcome = ("cancelled", None)
        except BaseException as error:  # reported on the GUI thread, never raised here
            self._outcome = ("failed", error)
        self._relay.done.emit()

    # ------------------------------------------------------------------ GUI thread

    def _show_dialog(self) -> None:
        if self in _running and shiboken6.isValid(self.dialog):
            self._show_progress()
            self.dialog.show()

    def _show_progress(self) -> None:
        if shiboken6.isValid(self.dialog):
            self.dialog.show_progress(*self.task.latest)

    def _finish(self) -> None:
        try:
            self._report()
        finally:
            if self._on_finished is not None:
                self._on_finished()

    def _report(self) -> None:
        _running.discard(self)
        if not _running:
            _last_finished()
        self._poll.stop()
        QGuiApplication.restoreOverrideCursor()
        if shiboken6.isValid(self.dialog):
            self.dialog.finish()
            self.dialog.deleteLater()
        self._relay.deleteLater()
        if not shiboken6.isValid(self.parent):
            return  # the window is gone: nobody to tell
        self.parent.destroyed.disconnect(self.task.cancel)
        kind, value = self._outcome
        if kind == "ok":
            self._on_success(value)  # type: ignore[arg-type]
        elif kind == "cancelled":
            if self._on_cancelled is not None:
                self._on_cancelled()
        elif isinstance(value, BaseException):
            self._fail(value)

    def _fail(self, error: BaseException) -> None:
        """One sentence for the user; the traceback in the log."""
        info = (type(error), error, error.__traceback__)
        sentence = self._explain(error) if self._explain is not None else None
        if sentence is None:
            sentence = crash_sentence(error, logs.where(logs.log_unexpected(info)))
        else:
            logs.start_log_file()
            _log.warning("%s: %s", self._title, sentence, exc_info=info)
        show_message(self.parent, self._failure_title, sentence)
