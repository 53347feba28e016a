"""The panels of presentation mode: score, step counter, timer, findings and Why.

Panels are plain labels over the map view in the theme's panel colours (white on black,
at least 7:1). They never cover a card: each lives in space the page keeps free of
cards. The score, the step counter and the timer sit in the top band, the Why sentence
(or the selected card's caption) wraps inside a bounded panel in the bottom band, and the
findings (I) take a column at the right that the step plan leaves out. Sizes scale with
the view's height (`scale` is screen pixels per page pixel of a 1080-high page). Panels
let mouse events through to the map.
"""

from __future__ import annotations

import html
import time
from collections.abc import Mapping

from PySide6.QtCore import QObject, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from alignment_workshop import formats
from alignment_workshop.analysis.findings import Finding, Report, Severity
from alignment_workshop.i18n import _, ngettext
from alignment_workshop.layout.steps import BOTTOM_BAND, PAGE_HEIGHT, TOP_BAND

from .theme import THEME, PresentationTheme

#: Gap between a panel and the edge of its band, in page pixels.
MARGIN = 12
#: Text sizes of the panels, in page pixels (screen pixels at 1080p).
SCORE_PX, DETAIL_PX, COUNTER_PX, TIMER_PX = 34, 26, 30, 50
#: The Why sentence starts at this size and shrinks to the next ones to fit its panel.
WHY_PX = (28, 25, 22)
#: Text size of the findings panel, and the longest line it shows.
FINDINGS_PX, FINDING_CHARS = 24, 64
#: The width of the findings column (I), in page pixels.
FINDINGS_WIDTH = 520
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
        pixels = max(8, pixels)
        style = (
            f"QLabel {{ background: {self.theme.panel_fill}; color: {text};"
            f" border-radius: 12px; padding: {max(4, pixels // 4)}px {max(8, pixels // 2)}px;"
            f" font-size: {pixels}px; font-weight: bold; }}"
        )
        if style != self.styleSheet():
            self.setStyleSheet(style)


def score_html(report: Report | None, theme: PresentationTheme, detail_px: int = DETAIL_PX) -> str:
    """The score on one line: "Alignment 72.7%", then the count of errors and warnings."""
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
    return (
        f"{headline}"
        f"&nbsp;&nbsp;<span style='font-size:{detail_px}px; color:{color}'>{detail}</span>"
    )


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
    """The score, step counter, timer, findings and Why panels over one map view."""

    def __init__(self, view: QWidget, theme: PresentationTheme = THEME) -> None:
        self.view, self.theme = view, theme
        self.score = Panel(view, theme, SCORE_PX)
        self.counter = Panel(view, theme, COUNTER_PX)
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.findings = Panel(view, theme, FINDINGS_PX)
        self.findings.setWordWrap(True)
        self.findings.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.timer_panel = Panel(view, theme, TIMER_PX)
        self.why = Panel(view, theme, WHY_PX[0])
        self.why.setWordWrap(True)
        self.why.setTextFormat(Qt.TextFormat.PlainText)
        self.timer = CountdownTimer(view)
        self.timer.changed.connect(self._show_time)
        self.show_findings = False
        self.active = False
        self.sentence = ""
        self.caption = ""
        self.step = ""
        self.report: Report | None = None
        #: Screen pixels per page pixel, and the pixels kept at the right by another panel.
        self.scale = 1.0
        self.reserved_right = 0
        #: A widget that takes the bottom band's left end while presenting (the team
        #: legend); the Why sentence wraps beside it.
        self.bottom_left: QWidget | None = None

    def panels(self) -> list[Panel]:
        return [self.score, self.counter, self.findings, self.timer_panel, self.why]

    def show(self, report: Report | None, titles: Mapping[str, str] | None = None) -> None:
        self.active = True
        self.set_report(report, titles)
        self.score.show()
        self._show_time(self.timer.remaining())
        self.place()

    def hide(self) -> None:
        self.active = False
        for panel in self.panels():
            panel.hide()
            panel.setMinimumSize(0, 0)
            panel.setMaximumSize(16777215, 16777215)
        self.sentence = self.caption = self.step = ""

    def set_report(self, report: Report | None, titles: Mapping[str, str] | None = None) -> None:
        self.report = report
        self.score.setText(score_html(report, self.theme, self._px(DETAIL_PX)))
        self.findings.setText(findings_html(report, titles or {}))
        self.findings.setVisible(self.active and self.show_findings)
        self.place()

    def toggle_findings(self) -> bool:
        self.show_findings = not self.show_findings
        self.findings.setVisible(self.active and self.show_findings)
        self.place()
        return self.show_findings

    def findings_width(self) -> int:
        """The screen pixels the findings column takes from the page (0 when hidden)."""
        return self._px(FINDINGS_WIDTH + MARGIN) if self.show_findings else 0

    def set_step(self, text: str) -> None:
        """Show "Step n of m · title" at the top; "" hides it."""
        self.step = text
        self.counter.setText(text)
        self.counter.setVisible(self.active and bool(text))
        self.place()

    def set_sentence(self, sentence: str) -> None:
        """Show the Why sentence (it takes the place of the caption); "" hides it."""
        self.sentence = sentence
        self._show_bottom()

    def set_caption(self, caption: str) -> None:
        """Show the selected card's kind and votes while no Why sentence is shown."""
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
        self.timer_panel.set_colors(color, self._px(TIMER_PX))
        self.timer_panel.setText(text)
        self.timer_panel.setVisible(self.active)
        self.place()

    def _px(self, pixels: float) -> int:
        return max(1, round(pixels * self.scale))

    def set_geometry(self, scale: float, reserved_right: int) -> None:
        """The page's scale on screen and the pixels another panel keeps at the right."""
        self.scale, self.reserved_right = scale, reserved_right
        self.score.setText(score_html(self.report, self.theme, self._px(DETAIL_PX)))
        self.place()

    def bands(self) -> tuple[QRect, QRect, QRect]:
        """The top band, the bottom band and the findings column, in view pixels."""
        width = self.view.width() - self.reserved_right
        top = QRect(0, 0, width, self._px(TOP_BAND))
        bottom_height = self._px(BOTTOM_BAND)
        page = self._px(PAGE_HEIGHT)
        bottom = QRect(0, page - bottom_height, width, bottom_height)
        column = self._px(FINDINGS_WIDTH)
        right = QRect(width - column - self._px(MARGIN), top.bottom() + 1, column, 0)
        right.setBottom(bottom.top() - 1)
        return top, bottom, right

    def place(self) -> None:
        """Score at the top left, the timer at the top right, the step counter between
        them; the Why panel across the bottom band; the findings in their column."""
        if not self.active:
            return
        top, bottom, column = self.bands()
        margin = self._px(MARGIN)
        self.score.set_colors(self.theme.panel_text, self._px(SCORE_PX))
        self.score.adjustSize()
        self.score.move(margin, top.center().y() - self.score.height() // 2)
        self.timer_panel.adjustSize()
        timer_x = top.right() - margin - self.timer_panel.width()
        self.timer_panel.move(timer_x, top.center().y() - self.timer_panel.height() // 2)
        right = timer_x - margin if self.timer_panel.isVisible() else top.right() - margin
        self._place_counter(self.score.x() + self.score.width() + margin, right, top)
        self._place_findings(column)
        why = bottom.adjusted(margin, margin // 2, -margin, -margin // 2)
        corner = self.bottom_left
        if corner is not None and not corner.isHidden():
            corner.adjustSize()
            corner.move(margin, bottom.center().y() - corner.height() // 2)
            corner.raise_()
            why.setLeft(margin + corner.width() + margin)
        self._place_why(why)

    def _place_counter(self, left: int, right: int, band: QRect) -> None:
        self.counter.set_colors(self.theme.panel_text, self._px(COUNTER_PX))
        room = max(0, right - left)
        metrics = self.counter.fontMetrics()
        self.counter.ensurePolished()
        padding = self.counter.sizeHint().width() - metrics.horizontalAdvance(self.counter.text())
        # Cut in the middle: "Step 1 of 12 · Vision, obje…values (1/2)" keeps the "(1/2)"
        # that tells the room more of this part follows.
        text = metrics.elidedText(self.step, Qt.TextElideMode.ElideMiddle, max(0, room - padding))
        self.counter.setText(text)
        self.counter.adjustSize()
        x = left + max(0, (room - self.counter.width()) // 2)
        self.counter.move(x, band.center().y() - self.counter.height() // 2)

    def _place_findings(self, column: QRect) -> None:
        self.findings.set_colors(self.theme.panel_text, self._px(FINDINGS_PX))
        width = max(1, column.width())  # a window not yet at its size can leave no room
        self.findings.setFixedWidth(width)
        height = self.findings.heightForWidth(width)
        self.findings.setFixedHeight(max(1, min(column.height(), height)))
        self.findings.move(column.topLeft())

    def _place_why(self, room: QRect) -> None:
        """Wrap the sentence in the bottom band, smaller type if it must, cut last."""
        text = self.sentence or self.caption
        if room.width() < 1 or room.height() < 1:  # a window not yet at its size
            room = QRect(room.topLeft(), room.size().expandedTo(QSize(1, 1)))
        # A label's height for a width is never less than its minimum size: lift the last
        # fixed size, or a one-line caption keeps the height of the sentence before it.
        self.why.setMinimumSize(0, 0)
        self.why.setMaximumSize(16777215, 16777215)
        for pixels in WHY_PX:
            self.why.set_colors(self.theme.panel_text, self._px(pixels))
            self.why.setText(text)
            if self._why_height(room.width()) <= room.height():
                break
        else:
            self.why.setText(self._cut_to(text, room))
        height = min(self._why_height(room.width()), room.height())
        self.why.setFixedSize(room.width(), max(1, height))
        self.why.move(room.left(), room.center().y() - height // 2)

    def _why_height(self, width: int) -> int:
        self.why.ensurePolished()
        height = self.why.heightForWidth(width)
        return height if height > 0 else self.why.sizeHint().height()

    def _cut_to(self, text: str, room: QRect) -> str:
        """The longest start of `text`, ending in "…", that fits `room`."""
        low, high = 0, len(text)
        while low < high:
            middle = (low + high + 1) // 2
            self.why.setText(text[:middle].rstrip() + "…")
            if self._why_height(room.width()) <= room.height():
                low = middle
            else:
                high = middle - 1
        return text[:low].rstrip() + "…"
