"""New, Open, Open Recent, Save, Save As and Close for one document, losing nothing.

Every action that would replace or close the workshop first asks about unsaved changes
(Save / Discard / Cancel); Cancel, or a save that fails, leaves everything as it was. A
file is parsed before that question, so a file that cannot be opened costs nothing: its
one-line loader message is shown and the app carries on. Opening takes this instance's
lock on the file and warns when another live instance holds it; so does Save As to
another file, which then moves the lock there. The prompt, Save and Save As first commit
whatever the user is still typing (`commit_pending`), so an edit that has not left its
editor is asked about and saved like any other.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alignment_workshop import fileio, paths
from alignment_workshop.model import Workshop

from ..editing.document import Document
from .autosave import AutosaveController
from .autosave_files import AutosaveEntry
from .lockfile import FileLock, describe, foreign_holder, held_here
from .prompts import FilePrompts, UnsavedChoice
from .recent_files import RecentFiles
from .recovery import recover_into

UNTITLED_NAME = "Untitled workshop.alignment"


def save_error_sentence(name: str, error: Exception) -> str:
    """One sentence: what did not happen, why, and what to do next."""
    if isinstance(error, OSError):
        reason = (error.strerror or str(error)).lower()
        what = f'could not save "{name}": {reason}'
    else:
        what = str(error)
    what = what.rstrip(". ")
    return f"{what[:1].upper()}{what[1:]}; your changes are still open, so try Save As… elsewhere."


class FileActions(QObject):
    """The file commands of one window, acting on its document."""

    #: The workshop was closed (the window may show its welcome state).
    closed = Signal()
    #: A workshop file was opened or saved under a new name; the argument is its path.
    file_opened = Signal(Path)

    def __init__(
        self,
        document: Document,
        prompts: FilePrompts,
        *,
        recent: RecentFiles | None = None,
        autosave: AutosaveController | None = None,
        lock: FileLock | None = None,
        commit_pending: Callable[[], None] | None = None,
    ) -> None:
        super().__init__(document)
        self.document = document
        self.prompts = prompts
        self.recent = recent
        self.autosave = autosave
        self.lock = lock or FileLock()
        self.commit_pending = commit_pending or (lambda: None)

    # ------------------------------------------------------------------ asking

    def confirm_unsaved(self) -> bool:
        """Whether the caller may drop the current workshop; saves it if asked to."""
        self.commit_pending()
        if not self.document.is_modified():
            return True
        choice = self.prompts.ask_unsaved(self.document.display_name())
        if choice is UnsavedChoice.SAVE:
            return self.save()
        return choice is UnsavedChoice.DISCARD

    # ------------------------------------------------------------------ actions

    def new(self) -> bool:
        """Start an empty workshop, after asking about unsaved changes."""
        if not self.confirm_unsaved():
            return False
        self._let_go()
        self.document.new()
        return True

    def open(self, path: Path | None = None) -> bool:
        """Open `path` (or ask which file), after the lock check and the unsaved prompt."""
        if path is None:
            path = self.prompts.choose_open_path(self._start_folder())
            if path is None:
                return False
        path = Path(path)
        workshop = self._read(path)
        if workshop is None:
            return False
        if _is_bundled_example(path):
            return self._open_untitled(workshop)
        if not self._lock_is_free(path) or not self.confirm_unsaved():
            return False
        self._let_go()
        self.document.replace(workshop, path)
        self._took(path)
        return True

    def _open_untitled(self, workshop: Workshop) -> bool:
        """Show `workshop` as a new, unsaved document: Save will ask where it goes."""
        if not self.confirm_unsaved():
            return False
        self._let_go()
        self.document.replace(workshop, None)
        return True

    def recover(self, entry: AutosaveEntry, workshop: Workshop) -> bool:
        """Put a recovered autosave in this window, modified and tied to its original file."""
        original = entry.original
        if original is not None and not self._lock_is_free(original):
            return False
        if not self.confirm_unsaved():
            return False
        self._let_go()
        recover_into(self.document, entry, workshop, self.autosave)
        if original is not None:
            self.lock.acquire(original)
        return True

    def open_example(self) -> bool:
        """Open a copy of the bundled example: saving never writes over the shipped file."""
        return self.open(paths.example_workshop())

    def save(self) -> bool:
        """Save to the document's file (Save As when it has none); False if not saved."""
        self.commit_pending()
        if self.document.path is None:
            return self.save_as()
        return self._save_to(self.document.path)

    def save_as(self) -> bool:
        """Ask where, then save there; False if cancelled or failed."""
        self.commit_pending()
        path = self.prompts.choose_save_path(self._suggested_path())
        if path is None:
            return False
        path = Path(path)
        if not self._is_current(path) and not self._lock_is_free(path):
            return False  # another instance has it open: writing would clobber its work
        return self._save_to(path)  # on success `_took` moves our lock to the new path

    def close(self) -> bool:
        """Close the workshop (after the unsaved prompt) and leave an empty one."""
        if not self.may_close():
            return False
        self.document.new()
        self.closed.emit()
        return True

    def may_close(self) -> bool:
        """For quitting: ask about unsaved changes, then drop autosave and lock cleanly."""
        if not self.confirm_unsaved():
            return False
        self._let_go()
        return True

    # ------------------------------------------------------------------ helpers

    def _lock_is_free(self, path: Path) -> bool:
        """Whether to go on: nobody else has `path` open, or the user opens it anyway."""
        holder = foreign_holder(path)
        if holder is not None:
            return self.prompts.confirm_locked(describe(path, holder))
        if held_here(path) and self.lock.path != path.absolute():
            return self.prompts.confirm_locked(
                f"'{path.name}' is already open in another window. "
                "Opening it twice may overwrite your changes."
            )
        return True

    def _is_current(self, path: Path) -> bool:
        """Whether `path` is the document's own file (its lock is already ours)."""
        current = self.document.path
        return current is not None and current.absolute() == path.absolute()

    def _read(self, path: Path) -> Workshop | None:
        try:
            return fileio.load(path)
        except (fileio.WorkshopFileError, OSError) as error:
            message = (
                str(error)
                if isinstance(error, fileio.WorkshopFileError)
                else (error.strerror or str(error))
            )
            self.prompts.show_error("Cannot open workshop", f"'{path.name}': {message}")
            if self.recent is not None and not path.exists():
                self.recent.remove(path)
            return None

    def _save_to(self, path: Path) -> bool:
        try:
            self.document.save(path)
        except (fileio.WorkshopFileError, OSError) as error:
            self.prompts.show_error("Not saved", save_error_sentence(path.name, error))
            return False
        self._took(path)
        self.document.message.emit(f"Saved {path.name}")
        return True

    def _took(self, path: Path) -> None:
        self.lock.acquire(path)
        if self.recent is not None:
            self.recent.add(path)
        self.file_opened.emit(path)

    def _let_go(self) -> None:
        """Forget the current workshop's autosave and lock (the user chose to drop it)."""
        if self.autosave is not None:
            self.autosave.discard()
        self.lock.release()

    def _start_folder(self) -> Path | None:
        return self.document.path.parent if self.document.path is not None else None

    def _suggested_path(self) -> Path:
        if self.document.path is not None:
            return self.document.path
        title = self.document.workshop.meta.title.strip()
        safe = "".join(c for c in title if c.isalnum() or c in " -_").strip()
        name = f"{safe}.alignment" if safe else UNTITLED_NAME
        return Path.home() / name


def _is_bundled_example(path: Path) -> bool:
    """Whether `path` is the example shipped with the app (opened as a copy, never in place)."""
    try:
        return path.resolve() == paths.example_workshop().resolve()
    except OSError:
        return False
