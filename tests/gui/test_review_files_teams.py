"""Edit › Teams… frees its dialog and its connections to the document after each use."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, QCoreApplication, QEvent
from pytestqt.qtbot import QtBot

from alignment_workshop.gui.docks.teams_dialog import TeamsDialog
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.paths import example_workshop


def _receivers(window: MainWindow) -> tuple[int, int]:
    document = window.document
    return document.receivers(SIGNAL("changed()")), document.receivers(
        SIGNAL("workshop_replaced()")
    )


def test_teams_dialogs_are_deleted_and_disconnected(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[TeamsDialog] = []

    def close_at_once(dialog: TeamsDialog) -> int:
        shown.append(dialog)
        dialog.reject()
        return 0

    monkeypatch.setattr(TeamsDialog, "exec", close_at_once)
    window = MainWindow(autosave=False)
    qtbot.addWidget(window)
    assert window.open_path(example_workshop())
    before = _receivers(window)
    for _ in range(2):
        window.show_teams()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(shown) == 2
    assert window.findChildren(TeamsDialog) == []
    assert _receivers(window) == before
