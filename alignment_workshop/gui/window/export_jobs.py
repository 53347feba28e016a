"""The editor's exports, run in the background: the PDF plans, the slides, the map image.

Each function copies the workshop on the GUI thread (records are frozen, so the copy
is cheap and the worker shares nothing the user can change), then hands the writing
to a `BackgroundOp` (support/background.py): a progress box if it takes a moment,
Cancel that leaves the previous file as it was, and one sentence if it fails. The
dialogs (export_dialogs.py, menus.py) only ask where, then call one of these.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from alignment_workshop.i18n import _, ngettext

from ..editing.document import Document
from ..support.background import BackgroundOp, Task

T = TypeVar("T")


def export_plan(
    parent: QWidget,
    document: Document,
    path: Path,
    team_id: str | None = None,
    *,
    paper: str = "a4",
) -> BackgroundOp[int]:
    """Write the action plan (one team's if `team_id`) on `paper` to `path` in the background."""
    snapshot = document.workshop.copy()

    def job(task: Task) -> int:
        from alignment_workshop.report import export_pdf  # reportlab loads here, off screen

        return export_pdf(snapshot, path, team_id=team_id, progress=task, paper=paper)

    return _start(
        parent,
        document,
        path,
        job,
        title=_("Export Action Plan") if team_id is None else _("Export Team Plan"),
        done=lambda pages: ngettext(
            "Exported the action plan to {name} ({pages} page)",
            "Exported the action plan to {name} ({pages} pages)",
            pages,
        ).format(name=path.name, pages=pages),
        failure_title=_("Plan not exported"),
    )


def export_slides(parent: QWidget, document: Document, path: Path) -> BackgroundOp[int]:
    """Write the presentation's steps as 16:9 PDF slides to `path` in the background."""
    snapshot = document.workshop.copy()

    def job(task: Task) -> int:
        from alignment_workshop.report.slides import export_slides as write_slides

        return write_slides(snapshot, path, progress=task)

    return _start(
        parent,
        document,
        path,
        job,
        title=_("Export Slides"),
        done=lambda pages: ngettext(
            "Exported the slides to {name} ({pages} slide)",
            "Exported the slides to {name} ({pages} slides)",
            pages,
        ).format(name=path.name, pages=pages),
        failure_title=_("Slides not exported"),
    )


def export_map(parent: QWidget, document: Document, path: Path) -> BackgroundOp[str | None]:
    """Write the whole map to `path` (.png or .svg) in the background."""
    from ..canvas.image_export import export_image, prime

    prime()  # PySide's types, made here before a worker draws with them
    snapshot = document.workshop.copy()
    return _start(
        parent,
        document,
        path,
        lambda task: export_image(snapshot, path, progress=task),
        title=_("Export Map"),
        done=lambda note: (
            _("Exported the map to {name}").format(name=path.name) + (f". {note}" if note else "")
        ),
        failure_title=_("Map not exported"),
    )


def _start(
    parent: QWidget,
    document: Document,
    path: Path,
    job: Callable[[Task], T],
    *,
    title: str,
    done: Callable[[T], str],
    failure_title: str,
) -> BackgroundOp[T]:
    """Run `job` writing `path` in the background; the outcome in the status bar."""
    op: BackgroundOp[T] = BackgroundOp(
        parent,
        job,
        title=title,
        on_success=lambda result: document.message.emit(done(result)),
        on_cancelled=_cancelled(document, path),
        explain=_unwritable(path),
        failure_title=failure_title,
    )
    op.run_in_background()
    return op


def _cancelled(document: Document, path: Path) -> Callable[[], None]:
    return lambda: document.message.emit(
        _("Export cancelled: nothing was written to {name}").format(name=path.name)
    )


def _unwritable(path: Path) -> Callable[[BaseException], str | None]:
    """The sentence for a file that cannot be written; None for anything else (a bug)."""

    def explain(error: BaseException) -> str | None:
        if not isinstance(error, OSError):
            return None
        reason = error.strerror or str(error)
        return _("'{name}' could not be written ({reason}); try another folder.").format(
            name=path.name, reason=reason
        )

    return explain
