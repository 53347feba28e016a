"""An unexpected error in the editor: traceback to the log file, one sentence to the user."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from alignment_workshop import logs
from alignment_workshop.gui import app as app_module
from alignment_workshop.gui.support import logs as gui_logs

TEAM = "-".join(["team", "42"])  # workshop content: it must not be in the source either


def _raised() -> BaseException:
    try:
        {}[TEAM]
    except KeyError as error:
        return error
    raise AssertionError("unreachable")


def test_excepthook_logs_the_traceback_and_shows_one_sentence(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(
        gui_logs, "show_message", lambda _parent, _title, text, _icon: shown.append(text)
    )
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    gui_logs.install_excepthook()
    error = _raised()
    sys.excepthook(type(error), error, error.__traceback__)  # returns: the app keeps running
    log = logs.log_file()
    assert shown == [f"Something went wrong: KeyError: 'team-42'. Details are in {log}."]
    assert log.is_relative_to(Path.home())
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "KeyError (its message" in text
    assert TEAM not in text, "the log records no workshop content"
    assert "_raised" in text, "the whole traceback, not just the message"


def test_run_starts_the_log_file_and_the_hook(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    class Window:
        def raise_(self) -> None:
            pass

    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    monkeypatch.setattr(app_module, "start_window", lambda *_a, **_k: Window())
    monkeypatch.setattr(app_module.QApplication, "exec", lambda _self: 0)
    assert app_module.run(None, ["alignment-workshop"]) == 0
    assert sys.excepthook is gui_logs.handle_exception
    logs.logger.error("a surprise from the file reader")
    assert "a surprise from the file reader" in logs.log_file().read_text(encoding="utf-8")
