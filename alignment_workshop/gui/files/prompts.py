"""The questions the file actions ask the user, as replaceable callables.

`FilePrompts` bundles them: Save/Discard/Cancel for unsaved changes, the open and save
file choosers, the error box and the "already open elsewhere" warning. The defaults show
dialogs; tests pass plain functions, so no modal dialog ever waits for a click.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

FILE_FILTER = "Alignment workshops (*.alignment);;All files (*)"
SUFFIX = ".alignment"


class UnsavedChoice(Enum):
    """The answer to "save the changes to X?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


@dataclass
class FilePrompts:
    """Every question the file actions may ask; each field is a callable."""

    #: (document name) -> what to do with its unsaved changes.
    ask_unsaved: Callable[[str], UnsavedChoice]
    #: (folder to start in) -> the file to open, or None if cancelled.
    choose_open_path: Callable[[Path | None], Path | None]
    #: (suggested path) -> where to save, or None if cancelled.
    choose_save_path: Callable[[Path], Path | None]
    #: (title, one sentence) -> None: tell the user something went wrong.
    show_error: Callable[[str, str], None]
    #: (one sentence) -> True to open the file anyway.
    confirm_locked: Callable[[str], bool]

    @classmethod
    def dialogs(cls, parent: QWidget | None) -> FilePrompts:
        """The real dialogs, parented to `parent`."""
        return cls(
            ask_unsaved=lambda name: _ask_unsaved(parent, name),
            choose_open_path=lambda start: _choose_open(parent, start),
            choose_save_path=lambda suggested: _choose_save(parent, suggested),
            show_error=lambda title, text: _show_error(parent, title, text),
            confirm_locked=lambda text: _confirm_locked(parent, text),
        )


def _ask_unsaved(parent: QWidget | None, name: str) -> UnsavedChoice:
    buttons = QMessageBox.StandardButton
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        "Unsaved changes",
        f"Save the changes to '{name}' before continuing?",
        buttons.Save | buttons.Discard | buttons.Cancel,
        parent,
    )
    box.setInformativeText("If you discard them, they are lost.")
    box.setDefaultButton(buttons.Save)
    box.setEscapeButton(buttons.Cancel)
    answer = box.exec()
    if answer == buttons.Save.value:
        return UnsavedChoice.SAVE
    if answer == buttons.Discard.value:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def _choose_open(parent: QWidget | None, start: Path | None) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(
        parent, "Open workshop", str(start or Path.home()), FILE_FILTER
    )
    return Path(name) if name else None


def _choose_save(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(parent, "Save workshop as", str(suggested), FILE_FILTER)
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(SUFFIX)


def _show_error(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def _confirm_locked(parent: QWidget | None, text: str) -> bool:
    buttons = QMessageBox.StandardButton
    answer = QMessageBox.warning(
        parent,
        "Workshop already open",
        f"{text}\n\nOpen it anyway?",
        buttons.Open | buttons.Cancel,
        buttons.Cancel,
    )
    return answer == buttons.Open
