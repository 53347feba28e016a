"""GUI test set-up: a modal dialog that nobody answers fails the test instead of hanging,
and the documents a test made wind down when it ends.

Offscreen, nobody can click a real message box or file dialog, so one left unanswered
would block the whole run until CI's time limit. Tests that expect a dialog patch the
call they expect (`monkeypatch.setattr(QMessageBox, "question", ...)`) or pass scripted
prompts; anything else raises here, and pytest-qt reports it as a failure. Likewise a
background operation still running when a test ends is cancelled and waited for, so
it never reports into the next test.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeVar

import pytest
from PySide6.QtWidgets import (
    QColorDialog,
    QDialog,
    QFileDialog,
    QGraphicsScene,
    QInputDialog,
    QMessageBox,
)
from pytestqt.qtbot import QtBot
from shiboken6 import Shiboken

from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.gui.support import background, paint_guard

if TYPE_CHECKING:
    from alignment_workshop.gui.window.main_window import MainWindow

T = TypeVar("T")

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


def _recording(monkeypatch: pytest.MonkeyPatch, cls: type[T]) -> list[T]:
    """Every instance of `cls` made from now until the test ends, in order."""
    made: list[T] = []
    original = cls.__init__

    def recording_init(self: T, *args: object, **kwargs: object) -> None:
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(cls, "__init__", recording_init)
    return made


@pytest.fixture(autouse=True)
def documents_wind_down_with_their_test(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """When a test ends, stop its autosaves and empty its documents' undo stacks and selections.

    A Document sits in reference cycles (the model's events hold its methods), so it
    outlives its test until the garbage collector reaches it. Until then an autosave timer
    could fire and write into the next test's private home. When the collector does reach
    it, the QUndoStack deletes its commands while their Python side is half torn down, and
    the process crashes: a random-order run ended in a segfault in pytest's own gc at exit.
    Likewise a scene deleted with selected items emits selectionChanged from its
    destructor. All of it is done here while everything is intact; a gc.collect() after
    each test would avoid it too, at about 0.1 s a test.
    """
    controllers = _recording(monkeypatch, AutosaveController)
    documents = _recording(monkeypatch, Document)
    yield
    for controller in controllers:
        if Shiboken.isValid(controller):
            controller.stop()
    for document in documents:
        if Shiboken.isValid(document):
            document.undo_stack.clear()
            for scene in document.findChildren(QGraphicsScene):
                # A selected item deleted with its scene makes the scene emit
                # selectionChanged from its destructor, into slots whose items the
                # collector may have half cleared (and once inside a compile() of
                # another test, which then failed with a SystemError).
                scene.clearSelection()
                scene.clearFocus()


@pytest.fixture(autouse=True)
def no_background_work_left(qtbot: QtBot) -> Iterator[None]:
    """A test's background operations end within it, so none reports into the next."""
    yield
    if background.busy():
        background.cancel_all()
        qtbot.waitUntil(lambda: not background.busy(), timeout=60_000)


@pytest.fixture(autouse=True)
def no_painting_errors() -> Iterator[None]:
    """A test fails on an error raised while painting, which the editor only logs."""
    paint_guard.forget()
    yield
    errors = paint_guard.errors()
    paint_guard.forget()
    assert errors == [], f"painting failed: {errors}"


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    """The editor with the bundled example open (a test module may define its own)."""
    from alignment_workshop.gui.window.main_window import MainWindow
    from alignment_workshop.paths import example_workshop
    from tests.support.prompts import discarding_prompts

    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    qtbot.addWidget(window)
    window.show()
    assert window.open_path(example_workshop())
    return window
