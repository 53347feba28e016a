"""Scripted file prompts for GUI tests and benchmarks: nothing ever waits for a click.

Offscreen, a real "Save changes?" box would block until the run times out, so a window
that a test closes while modified gets these instead: unsaved work is discarded, file
choosers answer "cancel", and the caller says what an error box or a lock question does.
"""

from __future__ import annotations

from collections.abc import Callable

from alignment_workshop.gui.files.prompts import FilePrompts, UnsavedChoice


def _fail(_title: str, text: str) -> None:
    raise AssertionError(text)


def discarding_prompts(
    show_error: Callable[[str, str], None] | None = None, *, open_locked: bool = True
) -> FilePrompts:
    """Prompts that discard on close; `show_error` defaults to failing the test."""
    return FilePrompts(
        ask_unsaved=lambda _name: UnsavedChoice.DISCARD,
        choose_open_path=lambda _start: None,
        choose_save_path=lambda _suggested: None,
        show_error=show_error or _fail,
        confirm_locked=lambda _text: open_locked,
    )


def ignore_errors(_title: str, _text: str) -> None:
    """An error box nobody reads: for tests that check errors another way."""
