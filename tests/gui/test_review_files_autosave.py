"""A failed autosave says so in the status bar instead of failing silently."""

from __future__ import annotations

import errno

import pytest

from alignment_workshop.gui.files import autosave as autosave_module
from alignment_workshop.gui.window.main_window import MainWindow
from tests.support.prompts import discarding_prompts, ignore_errors

#: Closing the window at teardown discards instead of opening a modal question.
DISCARDING = discarding_prompts(ignore_errors, open_locked=False)


def test_a_failed_autosave_shows_one_sentence_in_the_status_bar(
    qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object, **_kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(autosave_module, "write_autosave", full_disk)
    window = MainWindow(prompts=DISCARDING)
    qtbot.addWidget(window)
    window.files.new()
    window.document.update_meta(title="Edited, not saved")
    assert window.autosave is not None and not window.autosave.write_now()
    message = window.statusBar().currentMessage()
    assert message == "Autosave failed (No space left on device); save your work to keep it safe."
    assert message.count(". ") == 0 and message.endswith(".")
