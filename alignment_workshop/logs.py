"""Where tracebacks go: one rotating log file in the app's log folder, never a dialog.

`start_log_file()` sends everything the `alignment_workshop` loggers report (the file
reader logs its surprises there) to `paths.log_dir()/alignment-workshop.log`, rotated at
1 MB with three old files kept. The editor and the command line call it on start, then
show the user one line that names the file. No Qt here: the command line uses it too.

The log records no workshop content. A traceback is written with its frames (file, line,
function and source line: code, never data) and each exception's type, but not the
exception's message, which may quote a title or a note (`KeyError: 'Q3 pricing'`); the
user sees the message once, in the one line that points to the log.
"""

from __future__ import annotations

import logging
import traceback
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from . import paths

LOG_FILE_NAME = "alignment-workshop.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

#: The package's logger; every module's `logging.getLogger(__name__)` reports to it.
logger = logging.getLogger("alignment_workshop")
_handlers: list[RotatingFileHandler] = []

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]
_LEFT_OUT = "(its message is left out of the log: it may quote the workshop)"


def _chain(error: BaseException | None) -> list[BaseException]:
    """`error` and the exceptions it was raised from or during, oldest first."""
    chain: list[BaseException] = []
    while error is not None and all(error is not seen for seen in chain):
        chain.append(error)
        error = error.__cause__ or (None if error.__suppress_context__ else error.__context__)
    return chain[::-1]


def traceback_without_messages(error: BaseException) -> str:
    """The traceback of `error` (and its chain) with every exception message left out."""
    parts: list[str] = []
    for link in _chain(error):
        parts.append("Traceback (most recent call last):\n")
        parts.extend(traceback.format_list(traceback.extract_tb(link.__traceback__)))
        kind = type(link)
        name = (
            kind.__qualname__
            if kind.__module__ == "builtins"
            else (f"{kind.__module__}.{kind.__qualname__}")
        )
        parts.append(f"{name} {_LEFT_OUT}\n")
    return "".join(parts).rstrip("\n")


class _NoContentFormatter(logging.Formatter):
    """Formats records with tracebacks that leave out exception messages."""

    def formatException(self, ei: object) -> str:  # logging's camelCase override
        error = ei[1] if isinstance(ei, tuple) else None
        if isinstance(error, BaseException):
            return traceback_without_messages(error)
        return super().formatException(ei)  # type: ignore[arg-type]


def log_file() -> Path:
    """The current log file (it exists once something was logged)."""
    return paths.log_dir() / LOG_FILE_NAME


def start_log_file() -> Path | None:
    """Log to the rotating file; idempotent. None if the log folder cannot be made."""
    try:
        path = log_file()
    except OSError:
        return None
    if any(Path(h.baseFilename) == path for h in _handlers):
        return path
    for old in _handlers:  # the log folder moved (a test's private HOME): follow it
        logger.removeHandler(old)
        old.close()
    _handlers.clear()
    handler = RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8", delay=True
    )
    handler.setFormatter(_NoContentFormatter(_FORMAT))
    logger.addHandler(handler)
    _handlers.append(handler)
    if logger.level == logging.NOTSET or logger.level > logging.INFO:
        logger.setLevel(logging.INFO)
    return path


def log_unexpected(info: ExcInfo) -> Path | None:
    """Write an unexpected error's traceback to the log file; returns the file."""
    path = start_log_file()
    logger.error("unexpected error", exc_info=info)
    return path


def one_line(error: BaseException) -> str:
    """The error's type and the first line of its message, for one line of text."""
    lines = str(error).strip().splitlines()
    message = lines[0].rstrip(". ") if lines else ""
    name = type(error).__name__
    return f"{name}: {message}" if message else name


def where(path: Path | None) -> str:
    """How to name the log file to the user."""
    return str(path) if path is not None else "no log file (the log folder is not writable)"
