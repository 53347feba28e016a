"""The Alignment-check dock: the score, each team's score, and the findings by severity.

It follows `document.analysis_updated`, so it always shows the latest report, the same one
the cards' badges show, under the workshop's period ("H1 2027") when it has one. The score
of a map with no active goals is "—", never 100. Check
boxes filter the findings by severity; clicking a finding selects its cards (and link) and
centres the view on them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.analysis.findings import Finding, Report, Severity, TeamScore
from alignment_workshop.analysis.periods import period_span, period_text

from ..canvas.scene import MapScene
from ..canvas.view import MapView
from ..editing.document import Document
from ..support.plain_text import tooltip

NO_SCORE = "—"
_FINDING_ROLE = Qt.ItemDataRole.UserRole
_GROUP_NAMES = {Severity.ERROR: "Errors", Severity.WARNING: "Warnings", Severity.INFO: "Info"}
_GROUP_COLORS = {Severity.ERROR: "#C62828", Severity.WARNING: "#B26A00", Severity.INFO: "#455A64"}


def score_text(score: float | None) -> str:
    """ "72.7 %" or "—" when there is nothing to score."""
    return NO_SCORE if score is None else f"{score:g} %"


def _swatch(color: str) -> QIcon:
    pixmap = QPixmap(12, 12)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class CheckDock(QDockWidget):
    """The live result of the alignment checks, and a way to jump to each finding."""

    def __init__(
        self, document: Document, scene: MapScene, view: MapView, parent: QWidget | None = None
    ) -> None:
        super().__init__("Alignment check", parent)
        self.setObjectName("check-dock")
        self.document, self.scene, self.view = document, scene, view
        self._report: Report | None = None
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.period_label = QLabel(body)
        self.period_label.setTextFormat(Qt.TextFormat.PlainText)  # the label is typed text
        self.period_label.setWordWrap(True)
        bold = QFont(self.period_label.font())
        bold.setBold(True)
        self.period_label.setFont(bold)
        self.score_label = QLabel(NO_SCORE, body)
        font = QFont(self.score_label.font())
        font.setPointSizeF(font.pointSizeF() * 2.0)
        font.setBold(True)
        self.score_label.setFont(font)
        self.score_note = QLabel(body)
        self.score_note.setWordWrap(True)
        self.teams = QTreeWidget(body)
        self.teams.setHeaderLabels(["Team", "Aligned", "Score"])
        self.teams.setRootIsDecorated(False)
        self.teams.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.teams.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.teams.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.findings = QListWidget(body)
        self.findings.setWordWrap(True)
        self.findings.setResizeMode(QListView.ResizeMode.Adjust)
        self.findings.setUniformItemSizes(False)
        self.findings.setSpacing(2)
        self.findings.itemClicked.connect(self._on_item)
        self.findings.itemActivated.connect(self._on_item)
        for widget in (self.period_label, self.score_label, self.score_note, self.teams):
            layout.addWidget(widget)
        layout.addLayout(self._filter_row(body))
        layout.addWidget(self.findings, 1)
        self.setWidget(body)
        document.analysis_updated.connect(self.show_report)
        document.changed.connect(self._show_period)
        document.workshop_replaced.connect(self._show_period)
        self._show_period()
        if document.report is not None:
            self.show_report(document.report)

    def _filter_row(self, body: QWidget) -> QHBoxLayout:
        self.filters = {s: QCheckBox(_GROUP_NAMES[s], body) for s in Severity}
        row = QHBoxLayout()
        for box in self.filters.values():
            box.setChecked(True)
            box.toggled.connect(self._rebuild_findings)
            row.addWidget(box)
        row.addStretch(1)
        return row

    def _show_period(self) -> None:
        period = self.document.workshop.meta.period
        self.period_label.setVisible(period is not None)
        if period is None:
            self.period_label.clear()
            return
        name, span = period_text(period), period_span(period)
        self.period_label.setText(f"Period: {name}" if name == span else f"Period: {name} ({span})")

    def show_report(self, report: object) -> None:
        """Show `report` (a `Report`; anything else clears the dock)."""
        self._report = report if isinstance(report, Report) else None
        self._show_score()
        self._show_teams()
        self._rebuild_findings()

    def _show_score(self) -> None:
        report = self._report
        score = None if report is None else report.score
        self.score_label.setText(f"Alignment {score_text(score)}")
        if score is None:
            self.score_note.setText("No active objectives or goals to score yet.")
        else:
            aligned = len(report.aligned) if report is not None else 0
            self.score_note.setText(f"{aligned} active goal(s) reach the vision cleanly.")

    def _show_teams(self) -> None:
        self.teams.clear()
        scores: tuple[TeamScore, ...] = () if self._report is None else self._report.teams
        workshop = self.document.workshop
        for team in scores:
            row = QTreeWidgetItem(
                self.teams, [team.name, f"{team.aligned}/{team.goals}", score_text(team.score)]
            )
            if workshop.has_team(team.id):
                row.setIcon(0, _swatch(workshop.team(team.id).color))
        self.teams.setVisible(bool(scores))
        if scores:
            rows = sum(self.teams.sizeHintForRow(i) for i in range(min(len(scores), 6)))
            self.teams.setFixedHeight(rows + self.teams.header().sizeHint().height() + 6)

    def _rebuild_findings(self) -> None:
        self.findings.clear()
        findings = () if self._report is None else self._report.findings
        for severity in Severity:
            group = [f for f in findings if f.severity is severity]
            title = f"{_GROUP_NAMES[severity]} ({len(group)})"
            self.filters[severity].setText(title)
            if not group or not self.filters[severity].isChecked():
                continue
            header = QListWidgetItem(title, self.findings)
            header.setForeground(QColor(_GROUP_COLORS[severity]))
            header.setFlags(Qt.ItemFlag.ItemIsEnabled)
            bold = QFont(header.font())
            bold.setBold(True)
            header.setFont(bold)
            for finding in group:
                item = QListWidgetItem(finding.message, self.findings)
                item.setToolTip(tooltip(f"{finding.rule}: {finding.message}"))
                item.setData(_FINDING_ROLE, finding)
        if self.findings.count() == 0:
            QListWidgetItem(self._nothing_listed(bool(findings)), self.findings).setFlags(
                Qt.ItemFlag.NoItemFlags
            )

    def _nothing_listed(self, filtered: bool) -> str:
        """What the empty list says: hidden by the filters, nothing to check, or aligned."""
        if filtered:
            return "No findings."
        if self._report is None or self._report.score is None:
            return "Nothing to check yet: add objectives and team goals, then link them."
        return "No findings: the map is aligned."

    def _finding_items(self) -> list[QListWidgetItem]:
        items = (self.findings.item(row) for row in range(self.findings.count()))
        return [i for i in items if isinstance(i.data(_FINDING_ROLE), Finding)]

    def visible_findings(self) -> list[Finding]:
        """The findings listed now, in order (after the filters)."""
        return [item.data(_FINDING_ROLE) for item in self._finding_items()]

    def item_for(self, finding: Finding) -> QListWidgetItem | None:
        """The row that lists `finding`, if shown."""
        return next((i for i in self._finding_items() if i.data(_FINDING_ROLE) == finding), None)

    def go_to(self, finding: Finding) -> None:
        """Select the finding's cards (and link) and centre the view on them."""
        links = [finding.link] if finding.link else []
        self.scene.select_ids(finding.nodes, links)
        if finding.nodes:
            self.view.center_on_ids(finding.nodes)

    def _on_item(self, item: QListWidgetItem) -> None:
        finding = item.data(_FINDING_ROLE)
        if isinstance(finding, Finding):
            self.go_to(finding)
