"""The app's settings file and the helpers that save and restore the window layout.

Settings live in one INI file under the appdirs config folder (`paths.config_dir()`), so
the layout and the recent files survive restarts and a test's private HOME isolates them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from alignment_workshop import paths

APPLICATION_NAME = "Alignment Workshop"
ORGANISATION_NAME = "AlignmentWorkshop"
SETTINGS_FILE = "settings.ini"

_GEOMETRY_KEY = "window/geometry"
_STATE_KEY = "window/state"
_LARGER_TEXT_KEY = "view/larger_text"
#: Bump when the docks or toolbars change so an old saved layout is not applied to them.
LAYOUT_VERSION = 1


def settings_path() -> Path:
    """The INI file that holds every setting."""
    return paths.config_dir() / SETTINGS_FILE


def open_settings() -> QSettings:
    """The app's settings, read from and written to `settings_path()`."""
    return QSettings(str(settings_path()), QSettings.Format.IniFormat)


def save_window_layout(window: QMainWindow, settings: QSettings | None = None) -> None:
    """Remember the window's geometry and its docks' and toolbars' layout."""
    settings = settings or open_settings()
    settings.setValue(_GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(_STATE_KEY, window.saveState(LAYOUT_VERSION))
    settings.sync()


def restore_window_layout(window: QMainWindow, settings: QSettings | None = None) -> bool:
    """Put the window back as it was saved; False when nothing (usable) was saved.

    Docks and toolbars must already exist and carry object names.
    """
    settings = settings or open_settings()
    geometry = _bytes(settings.value(_GEOMETRY_KEY))
    state = _bytes(settings.value(_STATE_KEY))
    restored = bool(geometry) and window.restoreGeometry(geometry)
    if state:
        restored = window.restoreState(state, LAYOUT_VERSION) and restored
    return bool(restored)


def larger_text(settings: QSettings | None = None) -> bool:
    """Whether View › Larger Text was on when last set."""
    return bool((settings or open_settings()).value(_LARGER_TEXT_KEY, False, type=bool))


def save_larger_text(on: bool, settings: QSettings | None = None) -> None:
    """Remember View › Larger Text for the next start."""
    settings = settings or open_settings()
    settings.setValue(_LARGER_TEXT_KEY, on)
    settings.sync()


def _bytes(value: object) -> QByteArray:
    if isinstance(value, QByteArray):
        return value
    if isinstance(value, bytes | bytearray):
        return QByteArray(bytes(value))
    return QByteArray()
