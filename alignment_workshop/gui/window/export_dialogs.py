"""File › Export Action Plan… and Export Team Plan…: the PDF participants take home.

The dialogs only ask where (and for which team); `export_jobs.export_plan` writes the
plan in the background, with progress and Cancel. A plan that cannot be written is one
sentence in a message box, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from .export_jobs import export_plan

if TYPE_CHECKING:
    from .main_window import MainWindow


def _suggested(window: MainWindow, suffix: str) -> Path:
    document = window.document
    stem = document.path.stem if document.path else "action-plan"
    folder = document.path.parent if document.path else Path.home()
    return folder / f"{stem}{suffix}.pdf"


def choose_team(window: MainWindow) -> str | None:
    """Ask which team's plan to write; None when cancelled or there are no teams.

    Teams may share a name, so the list shows each team once, by position.
    """
    teams = window.document.workshop.teams
    if not teams:
        QMessageBox.information(window, "No teams", "Add teams first (Edit › Teams…).")
        return None
    labels = [_label(i, team.name, teams) for i, team in enumerate(teams)]
    label, ok = QInputDialog.getItem(window, "Export Team Plan", "Plan for team:", labels, 0, False)
    return teams[labels.index(label)].id if ok and label in labels else None


def _label(index: int, name: str, teams: list) -> str:
    """The team's name, told apart by its position when another team has the same name."""
    same = [t for t in teams if t.name == name]
    return name if len(same) == 1 else f"{name} ({index + 1})"


def export_plan_dialog(window: MainWindow, team_id: str | None = None) -> Path | None:
    """Ask where, then write the action plan (one team's if `team_id`) in the background.

    Returns the path being written, or None when the user cancelled the file dialog.
    """
    suffix = "" if team_id is None else f"-{team_id}"
    name, _ = QFileDialog.getSaveFileName(
        window, "Export Action Plan", str(_suggested(window, suffix)), "PDF document (*.pdf)"
    )
    if not name:
        return None
    path = Path(name) if name.lower().endswith(".pdf") else Path(name + ".pdf")
    export_plan(window, window.document, path, team_id)
    return path


def export_team_plan_dialog(window: MainWindow) -> Path | None:
    """Ask for a team, then where its plan goes."""
    team_id = choose_team(window)
    return None if team_id is None else export_plan_dialog(window, team_id)
