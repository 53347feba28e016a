"""The floating panels of presentation mode: score, findings, timer, Why and caption.

Panels are plain labels over the map view in the theme's panel colours (white on black,
at least 7:1), sized for the back of the room. They let mouse events through to the
map. `PresentationOverlays.place()` puts them in the corners of the view.
"""

from __future__ import annotations

import html
import time
from collections.abc import Mapping

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from alignment_workshop import formats
from alignment_workshop.analysis.findings import Finding, Report, Severity
from alignment_workshop.i18n import _, ngettext

from .theme import THEME, PresentationTheme

#: Gap between a panel and the edge of the view, in pixels.
MARGIN = 24
#: Text sizes of the panels, in screen pixels.
SCORE_PX, DETAIL_PX, TIMER_PX, WHY_PX = 44, 28, 64, 30
#: Text size of the findings panel, in screen pixels, and the longest line it shows.
FINDINGS_PX, FINDING_CHARS = 26, 64
#: The findings panel lists at most this many findings.
MAX_FINDINGS = 5


class Panel(QLabel):
    """A rounded label in the theme's panel colours."""

    def __init__(self, parent: QWidget, theme: PresentationTheme, pixels: int) -> None:
        super().__init__(parent)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.set_colors(theme.panel_text, pixels)
        self.hide()

    def set_colors(self, text: str, pixels: int) -> None:
        self.setStyleSheet(
            f"QLabel {{ background: {self.theme.panel_fill}; color: {text};"
            f" border-radius: 12px; padding: 10px 18px; font-size: {pixels}px;"
            " font-weight: bold; }"
        )


def score_html(report: Report | None, theme: PresentationTheme) -> str:
    """The floating score: "Alignment 72.7 %", then the count of errors and warnings."""
    score = "—" if report is None or report.score is None else formats.score(report.score)
    errors = sum(f.severity is Severity.ERROR for f in report.findings) if report else 0
    warnings = sum(f.severity is Severity.WARNING for f in report.findings) if report else 0
    detail = " · ".join(
        (
            ngettext("{count} error", "{count} errors", errors).format(count=errors),
            ngettext("{count} warning", "{count} warnings", warnings).format(count=warnings),
        )
    )
    color = theme.panel_accent if errors else theme.panel_text
    headline = html.escape(_("Alignment {score}").format(score=score))
    return f"{headline}<br><span style='font-size:{DETAIL_PX}px; color:{color}'>{detail}</span>"


def finding_line(finding: Finding, titles: Mapping[str, str]) -> str:
    """One short line: the rule in words and the cards it names ("Orphan: Custom export")."""
    rule = finding.rule.replace("-", " ").capitalize()
    names = ", ".join(titles.get(node_id, node_id) for node_id in finding.nodes)
    text = f"{rule}: {names}" if names else rule
    return text if len(text) <= FINDING_CHARS else text[: FINDING_CHARS - 1] + "…"


def findings_html(report: Report | None, titles: Mapping[str, str]) -> str:
    """The most severe findings, one short line each, for the optional findings panel."""
    shown = [f for f in report.findings if f.severity is not Severity.INFO] if report else []
    if not shown:
        return _("No errors or warnings.")
    lines = [
        f"{'■' if f.severity is Severity.ERROR else '▲'} {html.escape(finding_line(f, titles))}"
        for f in shown[:MAX_FINDINGS]
    ]
    if len(shown) > MAX_FINDINGS:
        lines.append(_("… and {value} more").format(value=len(shown) - MAX_FINDINGS))
    return "<br>".join(lines)


class CountdownTimer(QObject):
    """A timebox the whole room can see; ticks every quarter second."""

    #: The remaining whole seconds changed (also on start and stop).
    changed = Signal(int)
    #: The time ran out.
    finished = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._deadline: float | None = None
        self._left = 0
        self._ticker = QTimer(self)
        self._ticker.setInterval(250)
        self._ticker.timeout.connect(self._tick)

    def start(self, seconds: int) -> None:
        self._deadline = time.monotonic() + max(0, seconds)
        self._left = max(0, seconds)
        self._ticker.start()
        self.changed.emit(self._left)

    def stop(self) -> None:
        self._deadline = None
        self._ticker.stop()
        self.changed.emit(0)

    def is_running(self) -> bool:
        return self._deadline is not None

    def remaining(self) -> int:
        """Whole seconds left (rounded up), 0 when stopped or over."""
        if self._deadline is None:
            return 0
        return max(0, int(-(-(self._deadline - time.monotonic()) // 1)))

    def _tick(self) -> None:
        left = self.remaining()
        if left != self._left:
            self._left = left
            self.changed.emit(left)
        if left == 0 and self._deadline is not None:
            self._ticker.stop()
            self.finished.emit()


class PresentationOverlays:
    """The score, findings, timer and Why panels over one map view."""

    def __init__(self, view: QWidget, theme: PresentationTheme = THEME) -> None:
        self.view, self.theme = view, theme
        self.score = Panel(view, theme, SCORE_PX)
        self.findings = Panel(view, theme, FINDINGS_PX)
        self.timer_panel = Panel(view, theme, TIMER_PX)
        self.why = Panel(view, theme, WHY_PX)
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.timer = CountdownTimer(view)
        self.timer.changed.connect(self._show_time)
        self.show_findings = False
        self.active = False
        self.sentence = ""
        self.caption = ""

    def show(self, report: Report | None, titles: Mapping[str, str] | None = None) -> None:
        self.active = True
        self.set_report(report, titles)
        self.score.show()
        self._show_time(self.timer.remaining())
        self.place()

    def hide(self) -> None:
        self.active = False
        for panel in (self.score, self.findings, self.timer_panel, self.why):
            panel.hide()
        self.sentence = self.caption = ""

    def set_report(self, report: Report | None, titles: Mapping[str, str] | None = None) -> None:
        self.score.setText(score_html(report, self.theme))
        self.findings.setText(findings_html(report, titles or {}))
        self.findings.setVisible(self.active and self.show_findings)
        self.place()

    def toggle_findings(self) -> bool:
        self.show_findings = not self.show_findings
        self.findings.setVisible(self.active and self.show_findings)
        self.place()
        return self.show_findings

    def set_sentence(self, sentence: str) -> None:
        """Show the Why sentence (it takes the place of the caption); "" hides it."""
        self.sentence = sentence
        self._show_bottom()

    def set_caption(self, caption: str) -> None:
        """Show the selected card's whole title while no Why sentence is shown."""
        self.caption = caption
        self._show_bottom()

    def _show_bottom(self) -> None:
        text = self.sentence or self.caption
        self.why.setText(text)
        self.why.setVisible(self.active and bool(text))
        self.place()

    def _show_time(self, seconds: int) -> None:
        if not self.timer.is_running():
            self.timer_panel.hide()
            return
        minutes, secs = divmod(seconds, 60)
        text = f"{minutes:02d}:{secs:02d}" if seconds else _("Time's up")
        color = self.theme.panel_accent if seconds <= 60 else self.theme.panel_text
        self.timer_panel.set_colors(color, TIMER_PX)
        self.timer_panel.setText(text)
        self.timer_panel.setVisible(self.active)
        self.place()

    @staticmethod
    def _wrap_to(panel: Panel, room: int) -> None:
        """Size a word-wrapped panel: one line if it fits in `room`, else `room` wide."""
        panel.ensurePolished()
        margins = panel.contentsMargins()
        padding = margins.left() + margins.right() + 2 * 18 + 4
        natural = panel.fontMetrics().horizontalAdvance(panel.text()) + padding
        width = min(room, natural)
        panel.setFixedWidth(width)
        height = panel.heightForWidth(width)
        panel.setFixedHeight(height if height > 0 else panel.sizeHint().height())

    def place(self) -> None:
        """Score top left, where a layered map leaves room beside its vision, with the
        findings below it; the timer bottom right; the Why sentence or caption bottom
        centre, left of the timer."""
        width, height = self.view.width(), self.view.height()
        for panel in (self.score, self.timer_panel, self.findings):
            panel.adjustSize()
        self.score.move(MARGIN, MARGIN)
        self.findings.move(MARGIN, self.score.y() + self.score.height() + MARGIN)
        timer_x = width - self.timer_panel.width() - MARGIN
        self.timer_panel.move(timer_x, height - self.timer_panel.height() - MARGIN)
        right = timer_x - MARGIN if self.timer_panel.isVisible() else width - MARGIN
        room = max(240, min(right - MARGIN, int(width * 0.8)))
        self._wrap_to(self.why, room)
        left = MARGIN + max(0, (right - MARGIN - self.why.width()) // 2)
        self.why.move(left, height - self.why.height() - MARGIN)
