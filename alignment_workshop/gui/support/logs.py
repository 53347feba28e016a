"""The editor's last resort: an unexpected error is logged and told in one sentence.

`install_excepthook()` replaces `sys.excepthook`, which PySide6 calls for an exception
that escapes a slot or an event handler. The traceback goes to the log file
(alignment_workshop/logs.py); the user sees one sentence naming that file, and the
editor keeps running, so unsaved work can still be saved.
"""

from __future__ import annotations

import sys
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox

from alignment_workshop import logs
from alignment_workshop.i18n import N_, _

from .plain_text import show_message

_TITLE = N_("Alignment Workshop")
_showing: list[bool] = []  # non-empty while the message box is up: no box on a box


def crash_sentence(error: BaseException, log: str) -> str:
    """The one sentence the user sees: what went wrong, and where the details are."""
    return _("Something went wrong: {one_line}. Details are in {log}.").format(
        one_line=logs.one_line(error), log=log
    )


def handle_exception(
    kind: type[BaseException], error: BaseException, traceback: TracebackType | None
) -> None:
    """Log the traceback and tell the user in one sentence; the event loop goes on."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, error, traceback)
        return
    log = logs.where(logs.log_unexpected((kind, error, traceback)))
    tell(crash_sentence(error, log))


def tell(sentence: str) -> None:
    """Show the one sentence about an unexpected error, unless one is showing already."""
    if _showing:
        return  # an error while telling about an error: it is in the log already
    _showing.append(True)
    try:
        parent = QApplication.activeWindow()
        show_message(parent, _(_TITLE), sentence, QMessageBox.Icon.Critical)
    finally:
        _showing.clear()


def install_excepthook() -> None:
    """Route every uncaught exception to `handle_exception`."""
    sys.excepthook = handle_exception
