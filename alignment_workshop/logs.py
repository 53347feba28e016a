"""Where tracebacks go: one rotating log file in the app's log folder, never a dialog.

`start_log_file()` sends everything the `alignment_workshop` loggers report (the file
reader logs its surprises there) to `paths.log_dir()/alignment-workshop.log`, rotated at
1 MB with three old files kept. The editor and the command line call it on start, then
show the user one line that names the file. No Qt here: the command line uses it too.
"""

from __future__ import annotations

import logging
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
    handler.setFormatter(logging.Formatter(_FORMAT))
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
