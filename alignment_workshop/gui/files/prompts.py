"""The questions the file actions ask the user, as replaceable callables.

`FilePrompts` bundles them: Save/Discard/Cancel for unsaved changes, the open and save
file choosers, the error box, the "already open elsewhere" warning, and what to do about
a file another program changed, a write-protected file, or an autosave left by a crash.
The defaults show dialogs, each with its text as plain text; tests pass plain functions,
so no modal dialog ever waits for a click. The questions added later have defaults that
never lose anything: do not overwrite, open the file as saved.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from alignment_workshop.i18n import N_, _

from ..support.plain_text import Button, message_box, show_message

FILE_FILTER = N_("Alignment workshops (*.alignment);;All files (*)")
SUFFIX = ".alignment"


class UnsavedChoice(Enum):
    """The answer to "save the changes to X?"."""

    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class OutsideChoice(Enum):
    """The answer to "another program changed (or removed) X: what now?"."""

    RELOAD = "reload"
    SAVE_AS = "save as"
    OVERWRITE = "overwrite"
    CANCEL = "cancel"


class RecoverChoice(Enum):
    """The answer to "unsaved work on X was autosaved before a crash: recover it?"."""

    RECOVER = "recover"
    OPEN_SAVED = "open saved"
    CANCEL = "cancel"


def _never_overwrite(_name: str, _gone: bool, _modified: bool) -> OutsideChoice:
    return OutsideChoice.CANCEL


def _keep_protected(_name: str) -> bool:
    return False


def _open_saved(_name: str, _when: str) -> RecoverChoice:
    return RecoverChoice.OPEN_SAVED


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
    #: (file name, gone, has unsaved changes) -> what to do about an outside change.
    ask_outside_change: Callable[[str, bool, bool], OutsideChoice] = _never_overwrite
    #: (file name) -> True to save over a write-protected file.
    confirm_write_protected: Callable[[str], bool] = _keep_protected
    #: (file name, when autosaved) -> recover the autosave, or open the saved file.
    ask_recover: Callable[[str, str], RecoverChoice] = _open_saved

    @classmethod
    def dialogs(cls, parent: QWidget | None) -> FilePrompts:
        """The real dialogs, parented to `parent`."""
        return cls(
            ask_unsaved=lambda name: _ask_unsaved(parent, name),
            choose_open_path=lambda start: _choose_open(parent, start),
            choose_save_path=lambda suggested: _choose_save(parent, suggested),
            show_error=lambda title, text: show_message(parent, title, text),
            confirm_locked=lambda text: _confirm_locked(parent, text),
            ask_outside_change=lambda name, gone, mod: _ask_outside(parent, name, gone, mod),
            confirm_write_protected=lambda name: _confirm_protected(parent, name),
            ask_recover=lambda name, when: _ask_recover(parent, name, when),
        )


def _ask_unsaved(parent: QWidget | None, name: str) -> UnsavedChoice:
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("Unsaved changes"),
        _("Save the changes to '{name}' before continuing?").format(name=name),
        informative=_("If you discard them, they are lost."),
        buttons=Button.Save | Button.Discard | Button.Cancel,
        default=Button.Save,
    )
    box.setEscapeButton(Button.Cancel)
    answer = box.exec()
    if answer == Button.Save.value:
        return UnsavedChoice.SAVE
    if answer == Button.Discard.value:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def _choose_open(parent: QWidget | None, start: Path | None) -> Path | None:
    name, _filter = QFileDialog.getOpenFileName(
        parent, _("Open workshop"), str(start or Path.home()), _(FILE_FILTER)
    )
    return Path(name) if name else None


def _choose_save(parent: QWidget | None, suggested: Path) -> Path | None:
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Save workshop as"), str(suggested), _(FILE_FILTER)
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_suffix(SUFFIX)


def _confirm_locked(parent: QWidget | None, text: str) -> bool:
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("Workshop already open"),
        text,
        informative=_("Open it anyway?"),
        buttons=Button.Open | Button.Cancel,
        default=Button.Cancel,
    )
    return box.exec() == Button.Open.value


def _ask_outside(parent: QWidget | None, name: str, gone: bool, modified: bool) -> OutsideChoice:
    if gone:
        text = _("'{name}' was moved or deleted by another program.").format(name=name)
        hint = _("Save your version there again, or under another name.")
    else:
        text = _("'{name}' was changed by another program since you opened or saved it.").format(
            name=name
        )
        lost = _(" (your unsaved changes are lost)") if modified else ""
        hint = _(
            "Reload their version{lost}, save yours under another name, or overwrite theirs."
        ).format(lost=lost)
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("File changed on disk"),
        text,
        informative=hint,
        buttons=Button.NoButton,
    )
    role = QMessageBox.ButtonRole
    reload = None if gone else box.addButton(_("Reload Theirs"), role.DestructiveRole)
    save_as = box.addButton(_("Save Mine As…"), role.AcceptRole)
    overwrite = box.addButton(
        _("Save Here Again") if gone else _("Overwrite"), role.DestructiveRole
    )
    cancel = box.addButton(Button.Cancel)
    box.setDefaultButton(save_as if modified or reload is None else reload)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton()
    for button, choice in (
        (reload, OutsideChoice.RELOAD),
        (save_as, OutsideChoice.SAVE_AS),
        (overwrite, OutsideChoice.OVERWRITE),
    ):
        if button is not None and chosen is button:
            return choice
    return OutsideChoice.CANCEL


def _confirm_protected(parent: QWidget | None, name: str) -> bool:
    box = message_box(
        parent,
        QMessageBox.Icon.Warning,
        _("Write-protected file"),
        _("'{name}' is write-protected.").format(name=name),
        informative=_("Save over it anyway? It stays write-protected afterwards."),
        buttons=Button.Save | Button.Cancel,
        default=Button.Cancel,
    )
    return box.exec() == Button.Save.value


def _ask_recover(parent: QWidget | None, name: str, when: str) -> RecoverChoice:
    box = message_box(
        parent,
        QMessageBox.Icon.Question,
        _("Recover unsaved work"),
        _(
            "Alignment Workshop closed without saving changes to '{name}'; they were autosaved "
            "{when}."
        ).format(name=name, when=when),
        informative=_(
            "Recover them, or open the file as it was last saved? If you open the "
            "saved file, the autosave is kept and offered again."
        ),
        buttons=Button.NoButton,
    )
    role = QMessageBox.ButtonRole
    recover = box.addButton(_("Recover"), role.AcceptRole)
    saved = box.addButton(_("Open Saved File"), role.RejectRole)
    cancel = box.addButton(Button.Cancel)
    box.setDefaultButton(recover)
    box.setEscapeButton(cancel)
    box.exec()
    chosen = box.clickedButton()
    if chosen is recover:
        return RecoverChoice.RECOVER
    return RecoverChoice.OPEN_SAVED if chosen is saved else RecoverChoice.CANCEL
