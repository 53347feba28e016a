"""Files the OS asks the app to open: QFileOpenEvent (macOS Finder) becomes one signal."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QUrl
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication, QWidget

from alignment_workshop.gui.support.file_open_events import (
    FileOpenWatcher,
    install_file_open_watcher,
)


def test_file_open_event_emits_the_path(qtbot, qapp: QApplication, tmp_path: Path) -> None:
    watcher = install_file_open_watcher(qapp)
    try:
        target = tmp_path / "plan.alignment"
        with qtbot.waitSignal(watcher.file_open_requested, timeout=2000) as blocker:
            QCoreApplication.postEvent(qapp, QFileOpenEvent(str(target)))
        assert blocker.args == [target]
    finally:
        qapp.removeEventFilter(watcher)


def test_paths_before_anyone_listens_are_kept_once(qapp: QApplication, tmp_path: Path) -> None:
    watcher = install_file_open_watcher(qapp)
    try:
        first, second = tmp_path / "a.alignment", tmp_path / "b.alignment"
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(first)))
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(QUrl.fromLocalFile(str(second))))
        assert watcher.take_pending() == [first, second]
        received: list[Path] = []
        watcher.file_open_requested.connect(received.append)
        QCoreApplication.sendEvent(qapp, QFileOpenEvent(str(first)))
        assert watcher.take_pending() == []
        assert received == [first]
    finally:
        qapp.removeEventFilter(watcher)


def test_other_events_and_non_file_urls_pass_through(qtbot, qapp: QApplication) -> None:
    watcher = FileOpenWatcher()
    received: list[Path] = []
    watcher.file_open_requested.connect(received.append)
    widget = QWidget()
    qtbot.addWidget(widget)
    assert not watcher.eventFilter(widget, QEvent(QEvent.Type.Show))
    web = QFileOpenEvent(QUrl("https://example.org/plan"))
    assert not watcher.eventFilter(qapp, web)
    assert received == []
    assert watcher.take_pending() == []


def test_watcher_belongs_to_the_app(qapp: QApplication) -> None:
    watcher = install_file_open_watcher(qapp)
    try:
        assert watcher.parent() is qapp
    finally:
        qapp.removeEventFilter(watcher)
        watcher.deleteLater()
