"""Files the operating system asks the app to open, as one Qt signal.

On Linux and Windows a double-clicked `.alignment` file arrives as the command-line
argument (cli.py passes it to `gui.app.run`). On macOS Finder never passes it on the
command line: it sends the running app a QFileOpenEvent, at start-up (often before the
main window exists) and later whenever the user opens another file.

`FileOpenWatcher` is an event filter on the QApplication that turns those events into
`file_open_requested(Path)`. Paths that arrive before anyone is listening are kept, and
handed over once by `take_pending()`:

    watcher = install_file_open_watcher(app)      # right after creating the QApplication
    window = MainWindow(...)
    watcher.file_open_requested.connect(window.open_path)
    for path in watcher.take_pending():
        window.open_path(path)
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtGui import QFileOpenEvent


class FileOpenWatcher(QObject):
    """Turns QFileOpenEvent into a signal, keeping early arrivals until taken."""

    #: A local file the OS asked the app to open (macOS Finder, Dock, "Open With").
    file_open_requested = Signal(Path)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pending: list[Path] | None = []

    def take_pending(self) -> list[Path]:
        """The paths received so far, once; later ones only come through the signal."""
        pending, self._pending = self._pending or [], None
        return pending

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Catch file-open events; every other event passes through untouched."""
        if event.type() != QEvent.Type.FileOpen or not isinstance(event, QFileOpenEvent):
            return False
        path = event.file() or event.url().toLocalFile()
        if not path:
            return False  # a non-file URL: not ours to handle
        if self._pending is not None:
            self._pending.append(Path(path))
        self.file_open_requested.emit(Path(path))
        return True


def install_file_open_watcher(app: QCoreApplication) -> FileOpenWatcher:
    """Create a watcher owned by `app` and install it as the app's event filter."""
    watcher = FileOpenWatcher(app)
    app.installEventFilter(watcher)
    return watcher
