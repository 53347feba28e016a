"""Qt's own warnings kept off the terminal while the command line exports an image.

Qt (and libpng through it) report trouble by printing to stderr: font and plugin
notices, "QFile::open" and the like. `alignment-workshop export` promises one clear line
for a failure and nothing else, so `qt_messages_to_log()` routes every Qt message to the
log file for the length of the export. Only the message's kind and category are logged,
never its text, which may quote a title (the log holds no workshop content).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

log = logging.getLogger(__name__)


def _to_log(kind: QtMsgType, context: QMessageLogContext, _message: str) -> None:
    category = context.category or "default"
    log.info("Qt reported a %s (%s) during an export", kind.name.removeprefix("Qt"), category)


@contextlib.contextmanager
def qt_messages_to_log() -> Iterator[None]:
    """Within the block, Qt's messages go to the log file instead of stderr."""
    previous = qInstallMessageHandler(_to_log)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
