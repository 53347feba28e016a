"""The shipped fonts in Qt: registered once at start-up, and the fallback order for text.

resources/fonts holds DejaVu Sans and a face for each script it lacks (the same files the
PDF embeds, see report/fonts.py). Registering them with QFontDatabase by path costs about
15 ms: Qt reads each name table and maps the outlines only when a glyph is drawn. Qt's
own fallback asks the system's fonts, so a machine without CJK fonts would draw boxes;
`families()` lists ours after the first choice, so every machine draws every script.
"""

from __future__ import annotations

import threading
from importlib.resources import as_file, files
from typing import Final

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

#: Our faces in the order Qt should try them after the first family of a font.
FALLBACK_FAMILIES: Final = (
    "DejaVu Sans",
    "Noto Sans Arabic",
    "Noto Sans Hebrew",
    "Noto Sans Thai",
    "Noto Sans Devanagari",
    "Noto Sans Bengali",
    "Noto Sans Gurmukhi",
    "Noto Sans Gujarati",
    "Noto Sans Oriya",
    "Noto Sans Tamil",
    "Noto Sans Telugu",
    "Noto Sans Kannada",
    "Noto Sans Malayalam",
    "Droid Sans Fallback Workshop",  # renamed: see its licence file
    "Noto Emoji",
)

_registered: list[str] = []
#: Map images are drawn on a worker thread too: one registration, whoever comes first.
_lock = threading.Lock()


def register_fonts() -> list[str]:
    """Register every shipped .ttf with Qt, once per process; the families Qt now knows."""
    with _lock:
        if not _registered:
            _register()
    return _registered


def _register() -> None:
    folder = files("alignment_workshop.resources").joinpath("fonts")
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".ttf"):
            continue
        with as_file(entry) as path:
            font_id = QFontDatabase.addApplicationFont(str(path))
        _registered.extend(QFontDatabase.applicationFontFamilies(font_id))


def families(first: str) -> list[str]:
    """`first`, then the shipped faces, for `QFont.setFamilies`."""
    return [first, *(family for family in FALLBACK_FAMILIES if family != first)]


def install_application_fallbacks(app: QGuiApplication) -> None:
    """Register the fonts and let every widget fall back on them after the system font."""
    register_fonts()
    font = QFont(app.font())
    font.setFamilies(families(font.family()))
    app.setFont(font)
