"""Guard against the PySide6 release that drops a reference to None on every void call.

PySide6-Essentials 6.12.0 on Python 3.11 lowers None's reference count on each call of a
void Qt method; after a few thousand calls the interpreter aborts ("none_dealloc").
pyproject.toml excludes that release. This test fails if the installed PySide6 has the
same bug, so a future release that brings it back is caught before users hit it.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QTimer


def test_void_qt_calls_keep_none_alive(qtbot: object) -> None:
    timer = QTimer()
    before = sys.getrefcount(None)
    for _ in range(2000):
        timer.stop()
    assert sys.getrefcount(None) - before > -100, "this PySide6 leaks references to None"
