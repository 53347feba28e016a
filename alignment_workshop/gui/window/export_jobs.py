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

from PySide6.QtWidgets import QWidget

from ..editing.document import Document
from ..support.background import BackgroundOp, Task


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

    op = BackgroundOp(
        parent,
        job,
        title="Export Action Plan" if team_id is None else "Export Team Plan",
        on_success=lambda pages: document.message.emit(
            f"Exported the action plan to {path.name} ({pages} pages)"
        ),
        on_cancelled=_cancelled(document, path),
        explain=_unwritable(path),
        failure_title="Plan not exported",
    )
    op.run_in_background()
    return op


def export_slides(parent: QWidget, document: Document, path: Path) -> BackgroundOp[int]:
    """Write the presentation's steps as 16:9 PDF slides to `path` in the background."""
    snapshot = document.workshop.copy()

    def job(task: Task) -> int:
        from alignment_workshop.report.slides import export_slides as write_slides

        return write_slides(snapshot, path, progress=task)

    op = BackgroundOp(
        parent,
        job,
        title="Export Slides",
        on_success=lambda pages: document.message.emit(
            f"Exported the slides to {path.name} ({pages} slides)"
        ),
        on_cancelled=_cancelled(document, path),
        explain=_unwritable(path),
        failure_title="Slides not exported",
    )
    op.run_in_background()
    return op


def export_map(parent: QWidget, document: Document, path: Path) -> BackgroundOp[str | None]:
    """Write the whole map to `path` (.png or .svg) in the background."""
    from ..canvas.image_export import export_image, prime

    prime()  # PySide's types, made here before a worker draws with them
    snapshot = document.workshop.copy()
    op: BackgroundOp[str | None] = BackgroundOp(
        parent,
        lambda task: export_image(snapshot, path, progress=task),
        title="Export Map",
        on_success=lambda note: document.message.emit(
            f"Exported the map to {path.name}" + (f". {note}" if note else "")
        ),
        on_cancelled=_cancelled(document, path),
        explain=_unwritable(path),
        failure_title="Map not exported",
    )
    op.run_in_background()
    return op


def _cancelled(document: Document, path: Path) -> Callable[[], None]:
    return lambda: document.message.emit(f"Export cancelled: nothing was written to {path.name}")


def _unwritable(path: Path) -> Callable[[BaseException], str | None]:
    """The sentence for a file that cannot be written; None for anything else (a bug)."""

    def explain(error: BaseException) -> str | None:
        if not isinstance(error, OSError):
            return None
        reason = error.strerror or str(error)
        return f"'{path.name}' could not be written ({reason}); try another folder."

    return explain
