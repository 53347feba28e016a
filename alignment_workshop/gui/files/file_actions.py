"""New, Open, Open Recent, Save, Save As and Close for one document, losing nothing.

Every action that would replace or close the workshop first asks about unsaved changes
(Save / Discard / Cancel); Cancel, or a save that fails, leaves everything as it was. A
file is parsed before that question, so a file that cannot be opened costs nothing: its
one-line loader message is shown and the app carries on. Opening takes this instance's
lock on the file and warns when another live instance holds it; so does Save As to
another file, which then moves the lock there. Opening a file that a crashed session
autosaved offers the autosave back. The prompt, Save and Save As first commit whatever
the user is still typing (`commit_pending`), so an edit that has not left its editor is
asked about and saved like any other.

The document remembers what its file held when it was last read or written (its
`DiskState`). Before every Save, and whenever the window regains focus
(`check_outside_changes`), the file on disk is compared with it: if another program
changed or removed it, the user chooses to reload theirs, save theirs under another name,
or overwrite. Saving over a write-protected file asks first. Nothing is overwritten
silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from alignment_workshop import fileio, formats, paths
from alignment_workshop.fileio import Change, DiskState
from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Workshop
from alignment_workshop.safe_files import clean_stale_temps, is_write_protected, same_file

from ..editing.document import Document
from .autosave import AutosaveController
from .autosave_files import AutosaveEntry, leftover_autosaves
from .lockfile import FileLock, describe, foreign_holder, held_here
from .prompts import FilePrompts, OutsideChoice, RecoverChoice, UnsavedChoice
from .recent_files import RecentFiles
from .recovery import load_autosave, recover_into

UNTITLED_NAME = N_("Untitled workshop.alignment")


def save_error_sentence(name: str, error: Exception) -> str:
    """One sentence: what did not happen, why, and what to do next."""
    if isinstance(error, OSError):
        reason = (error.strerror or str(error)).lower()
        what = _('could not save "{name}": {reason}').format(name=name, reason=reason)
    else:
        what = str(error)
    what = what.rstrip(". ")
    if isinstance(error, fileio.WorkshopTooLargeError):  # another folder would not help
        return _("{problem}; your changes are still open.").format(
            problem=what[:1].upper() + what[1:]
        )
    return _("{problem}; your changes are still open, so try Save As… elsewhere.").format(
        problem=what[:1].upper() + what[1:]
    )


#: A file this large may pretty-print beyond the load limit (the writer indents every
#: field); only then is the size it would be saved at worth computing on open.
_CHECK_SAVEABLE_FROM = fileio.MAX_FILE_BYTES // 4


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
        #: The outside change last asked about on focus, so that it is asked about once.
        self._answered: tuple[Change, DiskState | None] | None = None
        self._asking = False

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
        """Open `path` (or ask which file), after the lock check and the unsaved prompt.

        When a crashed session left an autosave of this very file, the user chooses
        between it and the file as saved.
        """
        if path is None:
            path = self.prompts.choose_open_path(self._start_folder())
            if path is None:
                return False
        path = Path(path)
        loaded = self._read(path)
        if loaded is None:
            return False
        workshop, disk = loaded
        if _is_bundled_example(path):
            return self._open_untitled(workshop)
        if not self._lock_is_free(path) or not self.confirm_unsaved():
            return False
        autosaved = self._autosave_of(path)
        if autosaved is not None:
            choice = self.prompts.ask_recover(path.name, autosaved.when)
            if choice is RecoverChoice.CANCEL:
                return False
            if choice is RecoverChoice.RECOVER and self._recover_open(autosaved, path, disk):
                return True
        self._let_go()
        self.document.replace(workshop, path, disk=disk)
        self._took(path)
        self._warn_if_too_large(disk.size)
        return True

    def _warn_if_too_large(self, size: int) -> None:
        """Say at once when a file written compactly elsewhere could not be saved here."""
        if size < _CHECK_SAVEABLE_FROM:
            return
        try:
            fileio.saveable_bytes(self.document.workshop)
        except fileio.WorkshopTooLargeError as error:
            self.prompts.show_error(
                _("Workshop too large to save"),
                _(
                    "'{name}' opened, but saved by this app it would take {size} MiB, more than "
                    "the {limit} MiB a workshop file may hold; shorten long texts or split the "
                    "workshop before you save it."
                ).format(
                    name=self.document.display_name(),
                    size=formats.decimal(error.size / 1024 / 1024, 1),
                    limit=formats.decimal(error.limit // 1024 // 1024),
                ),
            )
        except fileio.WorkshopSaveError:
            pass  # a save will say what is wrong

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
        disk = entry.original_state
        if disk is None and original is not None:  # an autosave that did not record it
            disk = fileio.state_of(original)
        recover_into(self.document, entry, workshop, self.autosave, disk=disk)
        if original is not None:
            self.lock.acquire(original)
        return True

    def _autosave_of(self, path: Path) -> AutosaveEntry | None:
        """The newest readable autosave a crashed session left of the file at `path`."""
        for entry in leftover_autosaves():
            if entry.problem is None and entry.original and same_file(entry.original, path):
                return entry
        return None

    def _recover_open(self, entry: AutosaveEntry, path: Path, disk: DiskState) -> bool:
        """Open the autosave `entry` in place of its file; False (and why) if unreadable."""
        try:
            workshop = load_autosave(entry)
        except fileio.WorkshopFileError as error:
            self.prompts.show_error(
                _("Cannot recover"),
                _("The autosave cannot be read ({error}); opening the saved file.").format(
                    error=error
                ),
            )
            return False
        self._let_go()
        disk = entry.original_state or disk
        recover_into(self.document, entry, workshop, self.autosave, disk=disk)
        self._took(path)
        return True

    def open_example(self) -> bool:
        """Open a copy of the bundled example: saving never writes over the shipped file."""
        return self.open(paths.example_workshop())

    def save(self) -> bool:
        """Save to the document's file (Save As when it has none); False if not saved.

        If another program changed or removed the file since it was read or written
        here, the user decides first: nothing is overwritten silently.
        """
        self.commit_pending()
        path = self.document.path
        if path is None:
            return self.save_as()
        change, now = self._outside_change(thorough=True)
        if change is not Change.SAME:
            self._answered = (change, now)
            return self._resolve_outside(path, change)
        return self._save_to(path)

    def check_outside_changes(self) -> None:
        """When the window regains focus: ask once about each outside change to the file."""
        path = self.document.path
        if path is None or self._asking:
            return
        change, now = self._outside_change(thorough=False)
        if change is Change.SAME or self._answered == (change, now):
            return
        self._answered = (change, now)
        self._resolve_outside(path, change)

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
                _(
                    "'{name}' is already open in another window. Opening it twice may overwrite "
                    "your changes."
                ).format(name=path.name)
            )
        return True

    def _outside_change(self, *, thorough: bool) -> tuple[Change, DiskState | None]:
        """How the document's file compares with what was last read or written here."""
        path, known = self.document.path, self.document.disk
        if path is None or known is None:
            return Change.SAME, known
        change, now = fileio.compare(path, known, thorough=thorough)
        if change is Change.SAME and now is not None:
            self.document.disk = now  # only touched: remember, so it is not hashed again
        return change, now

    def _resolve_outside(self, path: Path, change: Change) -> bool:
        """Ask what to do about an outside change, and do it; True if the work was saved."""
        self._asking = True
        try:
            gone = change is Change.GONE
            choice = self.prompts.ask_outside_change(path.name, gone, self.document.is_modified())
            if choice is OutsideChoice.RELOAD and not gone:
                self._reload(path)
                return False
            if choice is OutsideChoice.SAVE_AS:
                return self.save_as()
            if choice is OutsideChoice.OVERWRITE:
                return self._save_to(path)
            return False
        finally:
            self._asking = False

    def _reload(self, path: Path) -> None:
        """Replace the document with the file as it is on disk now (the user chose theirs)."""
        loaded = self._read(path)
        if loaded is None:
            return
        if self.autosave is not None:
            self.autosave.discard()
        self.document.replace(loaded[0], path, disk=loaded[1])
        self.document.message.emit(
            _("Reloaded {name} as another program saved it").format(name=path.name)
        )

    def _is_current(self, path: Path) -> bool:
        """Whether `path` is the document's own file (its lock is already ours)."""
        current = self.document.path
        return current is not None and current.absolute() == path.absolute()

    def _read(self, path: Path) -> tuple[Workshop, DiskState] | None:
        try:
            return fileio.load_with_state(path)
        except (fileio.WorkshopFileError, OSError) as error:
            message = (
                str(error)
                if isinstance(error, fileio.WorkshopFileError)
                else (error.strerror or str(error))
            )
            self.prompts.show_error(_("Cannot open workshop"), f"'{path.name}': {message}")
            if self.recent is not None and not path.exists():
                self.recent.remove(path)
            return None

    def _save_to(self, path: Path) -> bool:
        if is_write_protected(path) and not self.prompts.confirm_write_protected(path.name):
            return False
        try:
            self.document.save(path)
        except (fileio.WorkshopFileError, OSError) as error:
            self.prompts.show_error(_("Not saved"), save_error_sentence(path.name, error))
            return False
        self._took(path)
        self.document.message.emit(_("Saved {name}").format(name=path.name))
        return True

    def _took(self, path: Path) -> None:
        self._answered = None
        self.lock.acquire(path)
        clean_stale_temps(path.parent, path.name)  # litter of saves a crash interrupted
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
        name = f"{safe}.alignment" if safe else _(UNTITLED_NAME)
        return Path.home() / name


def _is_bundled_example(path: Path) -> bool:
    """Whether `path` is the example shipped with the app (opened as a copy, never in place)."""
    try:
        return path.resolve() == paths.example_workshop().resolve()
    except OSError:
        return False
