"""GUI test set-up: a modal dialog that nobody answers fails the test instead of hanging,
and no autosave outlives the test that started it.

Offscreen, nobody can click a real message box or file dialog, so one left unanswered
would block the whole run until CI's time limit. Tests that expect a dialog patch the
call they expect (`monkeypatch.setattr(QMessageBox, "question", ...)`) or pass scripted
prompts; anything else raises here, and pytest-qt reports it as a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QInputDialog,
    QMessageBox,
)
from shiboken6 import Shiboken

from alignment_workshop.gui.files.autosave import AutosaveController

_BLOCKING: dict[type, tuple[str, ...]] = {
    QDialog: ("exec",),
    QMessageBox: ("exec", "question", "warning", "information", "critical", "about"),
    QFileDialog: ("exec", "getOpenFileName", "getSaveFileName", "getExistingDirectory"),
    QInputDialog: ("exec", "getItem", "getText", "getInt"),
    QColorDialog: ("exec", "getColor"),
}


def _refuse(where: str) -> Callable[..., object]:
    def refuse(*_args: object, **_kwargs: object) -> object:
        raise AssertionError(f"a test opened a modal {where} that nobody can answer")

    return refuse


@pytest.fixture(autouse=True)
def no_unanswered_modal_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    for cls, names in _BLOCKING.items():
        for name in names:
            monkeypatch.setattr(cls, name, _refuse(f"{cls.__name__}.{name}"))


@pytest.fixture(autouse=True)
def autosaves_stop_with_their_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Stop every autosave controller a test starts, when that test ends.

    A Document sits in reference cycles, so it outlives its test, with its controller's
    timers, until the garbage collector gets to it; a timer firing then would write an
    autosave into the next test's private home (and a forced gc.collect() between tests
    can crash PySide). Stopping is what closing the window does.
    """
    started: list[AutosaveController] = []
    original = AutosaveController.__init__

    def recording_init(self: AutosaveController, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        started.append(self)

    monkeypatch.setattr(AutosaveController, "__init__", recording_init)
    yield
    for controller in started:
        if Shiboken.isValid(controller):
            controller.stop()
