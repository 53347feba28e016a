"""Wait for a background job where the caller needs its answer before going on.

`run_and_wait(parent, job, title=…)` runs `job` on a worker through `BackgroundOp` (its
progress box, Cancel and one-sentence failures) and returns its result, or None when the
user cancelled or the job failed (the failure was already shown). The caller reads as
straight-line code, as a dialog's `exec()` does.

While the job is short the window takes no input (a click would start a second job);
once the progress box is up, it is window-modal and Qt keeps input from the window.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtWidgets import QWidget

from .background import SHOW_AFTER_MS, BackgroundOp, Task

T = TypeVar("T")

#: How long one round of the input-free wait lets events run, in ms.
_SLICE_MS = 20


def run_and_wait(
    parent: QWidget,
    job: Callable[[Task], T],
    *,
    title: str,
    explain: Callable[[BaseException], str | None] | None = None,
) -> T | None:
    """Run `job` in the background, wait for it, and return its result (None: no result)."""
    results: list[T] = []
    finished: list[bool] = []
    loop = QEventLoop()

    def done() -> None:
        finished.append(True)
        loop.quit()

    op = BackgroundOp(
        parent,
        job,
        title=title,
        on_success=results.append,
        explain=explain,
        on_finished=done,
    )
    op.run_in_background()
    quiet_until = time.monotonic() + SHOW_AFTER_MS / 1000
    while not finished and time.monotonic() < quiet_until:
        QCoreApplication.processEvents(
            QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents, _SLICE_MS
        )
        time.sleep(0.002)
    if not finished:
        loop.exec()
    if op.task.cancelled() or not results:
        return None
    return results[0]
