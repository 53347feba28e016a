"""File › Import…, Import into This Workshop… and Export Spreadsheet….

An import is previewed before anything changes: `ImportPreviewDialog` shows the cards
and teams it will create or update, every row-level problem with its sheet, row and
column, and the alignment findings the imported map would have; for a Markdown outline
it also asks which section holds the objectives. Accepting applies it as one undoable
step (`Document.apply_import`), its new cards placed by the auto-layout. Import… first
starts a new workshop (asking about unsaved changes); Import into This Workshop…
updates cards by id and adds the rest, deleting nothing.

Reading the file for the preview and writing an export run on a worker thread
(`support.wait.run_and_wait`): a progress box with Cancel appears when the work takes
longer than half a second, and a file that cannot be read or written ends in one
sentence. The worker gets copies of the workshop, never the live one.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.i18n import _
from alignment_workshop.interchange.preview import ImportPreview, prepare_import
from alignment_workshop.model import Workshop

from ..editing.document import Document
from ..files.file_actions import FileActions
from ..support.wait import run_and_wait


def import_filter() -> str:
    """The Open dialog's file types, in the language in effect."""
    return ";;".join(
        (
            _("Goals (*.xlsx *.csv *.md *.markdown)"),
            _("Excel workbook (*.xlsx)"),
            _("CSV (*.csv)"),
            _("Markdown outline (*.md *.markdown)"),
        )
    )


def export_filters() -> dict[str, str]:
    """The Save dialog's file types, in the language in effect, with their suffixes."""
    return {_("Excel workbook (*.xlsx)"): ".xlsx", _("CSV, one table (*.csv)"): ".csv"}


_SEVERITY_MARKS = {"error": "✗", "warning": "!", "info": "·"}


def read_preview(
    parent: QWidget, path: Path, into: Workshop | None, section: str | None = None
) -> ImportPreview | None:
    """Work out what importing `path` would do, on a worker; None if cancelled."""
    snapshot = into.copy() if into is not None else None
    return run_and_wait(
        parent,
        lambda _task: prepare_import(path, snapshot, objectives_section=section),
        title=_("Reading {name}").format(name=path.name),
    )


class ImportPreviewDialog(QDialog):
    """Shows what importing a file would do; Import applies it, Cancel changes nothing."""

    def __init__(
        self,
        parent: QWidget | None,
        path: Path,
        into: Workshop | None,
        preview: ImportPreview | None = None,
    ) -> None:
        super().__init__(parent)
        self.path, self.into = path, into
        self.setWindowTitle(_("Import into This Workshop") if into is not None else _("Import"))
        self.resize(720, 560)
        layout = QVBoxLayout(self)
        where = _("into this workshop") if into is not None else _("as a new workshop")
        heading = QLabel(_("Import “{name}” {where}:").format(name=path.name, where=where))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(heading)
        self.section = QLineEdit(self)
        self.section.setPlaceholderText(_("Company, Company-wide, Organisation or Objectives"))
        self.section.setToolTip(_("The ## section of the outline that holds the objectives"))
        self.section.editingFinished.connect(self.refresh)
        if path.suffix.lower() in (".md", ".markdown"):
            form = QFormLayout()
            form.addRow(_("Objectives section:"), self.section)
            layout.addLayout(form)
        else:
            self.section.hide()
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.problems_label = QLabel(_("Problems to fix in the file (nothing is imported):"))
        self.problems = QListWidget(self)
        self.findings_label = QLabel(_("What the alignment check would find:"))
        self.findings = QListWidget(self)
        for widget in (self.problems_label, self.problems, self.findings_label, self.findings):
            layout.addWidget(widget)
        for listing in (self.problems, self.findings):
            listing.setWordWrap(True)
            listing.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("Import"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.preview: ImportPreview = ImportPreview(path)
        if preview is not None:
            self.preview = preview
            self._show(preview)
        else:
            self.refresh()

    def refresh(self) -> None:
        """Work the import out again (on open, and when the objectives section changes)."""
        section = self.section.text().strip() or None
        preview = read_preview(self, self.path, self.into, section)
        if preview is not None:  # cancelled: the last preview stands
            self.preview = preview
            self._show(preview)

    def _show(self, preview: ImportPreview) -> None:
        self.summary.setText("\n".join([*preview.summary(), *preview.notes]))
        self.problems.clear()
        self.problems.addItems([str(problem) for problem in preview.problems])
        self.findings.clear()
        if preview.report is not None:
            findings = sorted(preview.report.findings, key=lambda f: f.sort_key)
            self.findings.addItems(
                [f"{_SEVERITY_MARKS[f.severity.value]} [{f.rule}] {f.message}" for f in findings]
                or [_("No findings: every goal traces to the vision.")]
            )
        self.problems_label.setVisible(not preview.ok)
        self.problems.setVisible(not preview.ok)
        self.findings_label.setVisible(preview.ok)
        self.findings.setVisible(preview.ok)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(preview.ok)


def choose_import_path(parent: QWidget, document: Document) -> Path | None:
    """Ask which spreadsheet or outline to import."""
    folder = str(document.path.parent) if document.path else str(Path.home())
    name, _filter = QFileDialog.getOpenFileName(parent, _("Import Goals"), folder, import_filter())
    return Path(name) if name else None


def import_dialog(
    parent: QWidget,
    document: Document,
    files: FileActions,
    *,
    into: bool,
    path: Path | None = None,
) -> bool:
    """Ask for a file, preview the import, and apply it as one undo step; True if applied."""
    path = path or choose_import_path(parent, document)
    if path is None:
        return False
    target = document.workshop if into else None
    preview = read_preview(parent, path, target)
    if preview is None:
        return False
    dialog = ImportPreviewDialog(parent, path, target, preview)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.preview.imported is None:
            return False
        imported = dialog.preview.imported
    finally:
        dialog.deleteLater()
    if not into and not files.new():
        return False
    text = (
        _("Import {name}").format(name=path.name)
        if not into
        else _("Import {name} into the workshop").format(name=path.name)
    )
    if document.apply_import(imported, text):
        document.message.emit(
            _("Imported {name}: {join}").format(
                name=path.name, join="; ".join(dialog.preview.summary())
            )
        )
        return True
    return False


def export_spreadsheet_dialog(parent: QWidget, document: Document) -> Path | None:
    """Ask where, then write the workshop as XLSX (all sheets) or CSV (the cards)."""
    from alignment_workshop.interchange import InterchangeError, export_file

    stem = document.path.stem if document.path else "workshop"
    folder = document.path.parent if document.path else Path.home()
    name, chosen = QFileDialog.getSaveFileName(
        parent, _("Export Spreadsheet"), str(folder / f"{stem}.xlsx"), ";;".join(export_filters())
    )
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".xlsx", ".csv"):
        path = path.with_name(path.name + export_filters().get(chosen, ".xlsx"))
    snapshot = document.workshop.copy()

    def explain(error: BaseException) -> str | None:
        if isinstance(error, (InterchangeError, OSError)):
            sentence = _("{error}; try another folder.").format(error=error)
            return sentence[:1].upper() + sentence[1:]
        return None

    def job(_task: object) -> Path:
        export_file(snapshot, path)
        return path

    written = run_and_wait(parent, job, title=_("Export Spreadsheet"), explain=explain)
    if written is None:
        return None
    document.message.emit(_("Exported the workshop to {name}").format(name=path.name))
    return written
