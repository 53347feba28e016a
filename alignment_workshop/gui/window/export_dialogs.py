"""File › Export Action Plan…, Export Team Plan… and Export Slides…: the PDFs to take home.

The dialogs only ask where, on which paper (a file type of the save dialog, A4 or US
Letter, starting from the locale's) and for which team, refuse a target that cannot be
written before any work starts, then `export_jobs.export_plan` writes the plan in the
background, with progress and Cancel. A plan that cannot be written is one sentence in
a message box, never a traceback. Each dialog takes the widget to stay on top of and the
document to export.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from alignment_workshop.export_file import check_export_target
from alignment_workshop.i18n import _
from alignment_workshop.report.paper import PAPER_LABELS, paper_for_locale

from ..editing.document import Document
from ..support.plain_text import Icon, show_message
from .export_jobs import export_plan, export_slides


#: The save dialog's file types, one per paper.
def paper_filters() -> dict[str, str]:
    """The Save dialog's file types, one per paper size, in the language in effect."""
    return {
        paper: _("PDF on {paper} paper (*.pdf)").format(paper=_(label))
        for paper, label in PAPER_LABELS.items()
    }


def _suggested(document: Document, suffix: str) -> Path:
    stem = document.path.stem if document.path else "action-plan"
    folder = document.path.parent if document.path else Path.home()
    return folder / f"{stem}{suffix}.pdf"


def choose_team(parent: QWidget, document: Document) -> str | None:
    """Ask which team's plan to write; None when cancelled or there are no teams.

    Teams may share a name, so the list shows each team once, by position.
    """
    teams = document.workshop.teams
    if not teams:
        show_message(parent, _("No teams"), _("Add teams first (Edit › Teams…)."), Icon.Information)
        return None
    labels = [_label(i, team.name, teams) for i, team in enumerate(teams)]
    label, ok = QInputDialog.getItem(
        parent, _("Export Team Plan"), _("Plan for team:"), labels, 0, False
    )
    return teams[labels.index(label)].id if ok and label in labels else None


def _label(index: int, name: str, teams: list) -> str:
    """The team's name, told apart by its position when another team has the same name."""
    same = [t for t in teams if t.name == name]
    return name if len(same) == 1 else f"{name} ({index + 1})"


def refused_target(parent: QWidget, document: Document, path: Path, title: str) -> bool:
    """Whether an export to `path` must not start (it says why, in one sentence)."""
    try:
        check_export_target(path, document.path)
    except OSError as error:
        reason = error.strerror or str(error)
        show_message(parent, title, _("'{name}' {reason}.").format(name=path.name, reason=reason))
        return True
    return False


def export_plan_dialog(
    parent: QWidget, document: Document, team_id: str | None = None
) -> Path | None:
    """Ask where, then write the action plan (one team's if `team_id`) in the background.

    Returns the path being written, or None when the user cancelled or the target was
    refused.
    """
    suffix = "" if team_id is None else f"-{team_id}"
    paper = paper_for_locale(QLocale.system().name())
    filters = paper_filters()
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        _("Export Action Plan"),
        str(_suggested(document, suffix)),
        ";;".join(filters.values()),
        filters[paper],
    )
    if not name:
        return None
    paper = next((p for p, f in filters.items() if f == chosen), paper)
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    if refused_target(parent, document, path, _("Plan not exported")):
        return None
    export_plan(parent, document, path, team_id, paper=paper)
    return path


def export_team_plan_dialog(parent: QWidget, document: Document) -> Path | None:
    """Ask for a team, then where its plan goes."""
    team_id = choose_team(parent, document)
    return None if team_id is None else export_plan_dialog(parent, document, team_id)


def export_slides_dialog(parent: QWidget, document: Document) -> Path | None:
    """Ask where, then write the presentation's steps as PDF slides in the background."""
    folder = document.path.parent if document.path else Path.home()
    stem = f"{document.path.stem}-slides" if document.path else "slides"
    name, _filter = QFileDialog.getSaveFileName(
        parent, _("Export Slides"), str(folder / f"{stem}.pdf"), _("PDF document (*.pdf)")
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    if refused_target(parent, document, path, _("Slides not exported")):
        return None
    export_slides(parent, document, path)
    return path
