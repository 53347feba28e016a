"""Start the editor: the application object, its icon, the main window, the event loop.

`run(path, argv)` is what `alignment-workshop [FILE]` calls. Without a file it shows
the welcome state (and offers to recover autosaves left by a crash); with one it opens
it. A file that cannot be opened shows the loader's one-line message and the app
carries on with the welcome state. Tracebacks go to the log file, never to a dialog.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from alignment_workshop import logs
from alignment_workshop.model import Workshop

from .features.room.startup import RoomRequest, open_requested_room
from .files.autosave_files import AutosaveEntry
from .files.recovery import offer_recovery
from .support.file_open_events import install_file_open_watcher
from .support.fonts import install_application_fallbacks
from .support.language import apply_language
from .support.logs import install_excepthook
from .support.settings import APPLICATION_NAME, ORGANISATION_NAME
from .window.about import app_icon
from .window.main_window import MainWindow


def application(argv: list[str]) -> QApplication:
    """The QApplication, named for QSettings and with the window icon."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv)
    app.setApplicationName(APPLICATION_NAME)
    app.setOrganizationName(ORGANISATION_NAME)
    app.setApplicationDisplayName(APPLICATION_NAME)
    app.setWindowIcon(app_icon())
    install_application_fallbacks(app)
    return app


#: Every window this process opened, kept alive until the app quits.
_WINDOWS: list[MainWindow] = []


def _new_window() -> MainWindow:
    window = MainWindow()
    window.show_welcome()
    window.show()
    _WINDOWS.append(window)
    return window


def start_window(path: Path | None, *, recover: bool = True) -> MainWindow:
    """A shown main window: on `path` if given, else recovered work or the welcome state.

    Each recovered workshop gets a window of its own, so none replaces another.
    """
    window = _new_window()
    if path is not None:
        window.open_path(Path(path))
    elif recover:
        targets = [window]

        def open_recovered(entry: AutosaveEntry, workshop: Workshop) -> None:
            target = targets.pop() if targets else _new_window()
            target.files.recover(entry, workshop)

        offer_recovery(window, open_recovered)
    return window


#: Set by packaging/smoke_test.py: close every window after this many seconds.
SMOKE_SECONDS_ENV = "ALIGNMENT_WORKSHOP_SMOKE_SECONDS"


def run(
    path: Path | None, argv: list[str], room: RoomRequest | None = None, lang: str | None = None
) -> int:
    """Run the editor until its window closes; returns the exit code.

    Files the operating system asks us to open later (a double-click in the macOS
    Finder arrives as a QFileOpenEvent, not an argument) each get a window. With `room`
    the first window opens its room on the workshop (`--room`). `lang` (`--lang`) overrides
    the language chosen in Preferences and the system's.
    """
    logs.start_log_file()
    install_excepthook()  # a bug shows one sentence and the editor keeps running
    app = application(argv or sys.argv[:1])
    apply_language(app, lang)
    watcher = install_file_open_watcher(app)
    window = start_window(path)
    watcher.file_open_requested.connect(lambda asked: start_window(asked, recover=False))
    for pending in watcher.take_pending():
        start_window(pending, recover=False)
    window.raise_()
    if room is not None:
        open_requested_room(window.room, window.is_showing_map(), room)
    if seconds := os.environ.get(SMOKE_SECONDS_ENV):
        QTimer.singleShot(int(float(seconds) * 1000), QApplication.closeAllWindows)
    return app.exec()
