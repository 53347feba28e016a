"""Painting that never lets an exception go back into Qt: `@guarded` on every `paint`.

An exception raised in a Python `paint` override goes back through PySide into Qt's
drawing code. PySide reports it, and the traceback it keeps holds the painter and the
style option that Qt made on its stack for that one call; when the traceback is
collected later, those are freed a second time and the process dies far from the cause.
That is how a key result whose progress overflowed (a denormal gap between baseline and
target) crashed the SVG export with a segmentation fault instead of an error. A message
box shown from inside `paint` would be worse still: a nested event loop mid-frame.

`guarded` catches the error inside the override, so nothing of the call outlives it:
the item stays drawn as far as it got, the traceback goes to the log as text, and the
user is told once per kind of error, after the frame, in one sentence. The errors are
also kept (`errors()`) so that the tests fail on a painting error they would otherwise
never see.

Event handlers need no such guard: PySide marks the event it passed as deleted when the
call returns, so a traceback kept after an error in `mousePressEvent` holds a dead
wrapper, not freed memory (tried: 300 presses that raise, every traceback kept and its
event touched afterwards, end in "already deleted" errors, never a crash).
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import ParamSpec

from PySide6.QtCore import QTimer

from alignment_workshop import logs

from .logs import crash_sentence, tell

P = ParamSpec("P")

_log = logging.getLogger(__name__)
#: One line per error met while painting ("NodeItem.paint: KeyError: …"), in order.
_errors: list[str] = []


def guarded(paint: Callable[P, None]) -> Callable[P, None]:
    """`paint`, with any exception it raises logged and told instead of raised."""

    @functools.wraps(paint)
    def safe_paint(*args: P.args, **kwargs: P.kwargs) -> None:
        try:
            paint(*args, **kwargs)
        except Exception as error:  # the last line of defence: logged and told
            _report(type(args[0]).__name__, error)

    return safe_paint


def errors() -> list[str]:
    """One line for each kind of painting error met so far (cleared by `forget`)."""
    return list(_errors)


def forget() -> None:
    """Clear the errors met so far, so they are logged and told again."""
    _errors.clear()


def _report(owner: str, error: Exception) -> None:
    said = logs.one_line(error)
    if any(line.endswith(said) for line in _errors):
        return  # told already: a map repaints many times a second, card after card
    _errors.append(f"{owner}.paint: {said}")
    path = logs.start_log_file()
    # As text, so that no log record keeps the traceback and the frames it holds.
    _log.error("painting failed\n%s", logs.traceback_without_messages(error))
    sentence = crash_sentence(error, logs.where(path))
    QTimer.singleShot(0, lambda: tell(sentence))
