"""Waiting for the editor's background operations in GUI tests and benchmarks.

An export started from a menu returns at once and finishes on a worker thread; a test
that reads the file first lets the GUI thread's event loop run until the operation has
reported back (its success, failure or cancellation handled).
"""

from __future__ import annotations

from typing import Any

from alignment_workshop.gui.support import background


def wait_for_background(qtbot: Any, timeout_ms: int = 120_000) -> None:
    """Run the event loop until no background operation is left."""
    qtbot.waitUntil(lambda: not background.busy(), timeout=timeout_ms)
