"""GUI test set-up: a modal dialog that nobody answers fails the test instead of hanging.

Offscreen, nobody can click a real message box or file dialog, so one left unanswered
would block the whole run until CI's time limit. Tests that expect a dialog patch the
call they expect (`monkeypatch.setattr(QMessageBox, "question", ...)`) or pass scripted
prompts; anything else raises here, and pytest-qt reports it as a failure. Likewise a
background operation still running when a test ends is cancelled and waited for, so
it never reports into the next test.
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
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.support import background

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
def no_background_work_left(qtbot: QtBot) -> Iterator[None]:
    """A test's background operations end within it, so none reports into the next."""
    yield
    if background.busy():
        background.cancel_all()
        qtbot.waitUntil(lambda: not background.busy(), timeout=60_000)
