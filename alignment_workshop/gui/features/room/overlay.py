"""The projector's view of the room: the QR code, the address, who has joined, the results.

A dark panel in the top right corner of the map (presentation mode keeps that corner
for it: its own panels sit top left and along the bottom). It shows the join code
(View › Room › Show Join Code hides it once everyone is in), the number of phones
joined and ballots cast, where the round stands and, once revealed, the totals. It
reads only `Room.status()`, which counts ballots and never votes, and `Room.results()`,
which is None until the reveal: nothing here can show a count early. Every text is
plain text, and the panel lets the mouse through to the map.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QPixmap
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from alignment_workshop.i18n import _, ngettext
from alignment_workshop.room.qr import qr_modules, qr_png
from alignment_workshop.room.rounds import Phase, Tally
from alignment_workshop.room.state import RoomStatus

from .controller import RoomController

#: Gap between the panel and the edge of the view, in pixels.
MARGIN = 24
#: The QR code's width on screen, at most, in pixels.
QR_PIXELS = 300
#: The results list shows this many options at most, and this wide.
MAX_RESULTS = 8
RESULTS_WIDTH = 460

_STYLE = """
QFrame#RoomOverlay { background: rgba(0, 0, 0, 225); border-radius: 14px; }
QLabel { color: #ffffff; background: transparent; }
QLabel#heading { font-size: 24px; font-weight: bold; }
QLabel#address { font-family: monospace; font-size: 18px; font-weight: bold; }
QLabel#counts { font-size: 26px; font-weight: bold; color: #ffd54a; }
QLabel#phase, QLabel#results { font-size: 20px; }
"""


def phase_text(status: RoomStatus) -> str:
    """Where the round stands, in words for the room; never a count of votes."""
    if status.phase is None:
        return _("No vote open yet.")
    if status.phase is Phase.OPEN:
        return _("Round {round}: vote now ({votes} votes each).").format(
            round=status.round, votes=status.votes
        )
    if status.phase is Phase.CLOSED:
        return _("Round {round} closed: totals at the reveal.").format(round=status.round)
    return _("Round {round} results:").format(round=status.round)


def counts_text(status: RoomStatus) -> str:
    phones = ngettext("{count} phone joined", "{count} phones joined", status.phones).format(
        count=status.phones
    )
    if status.phase is None:
        return phones
    ballots = ngettext("{count} ballot", "{count} ballots", status.ballots)
    return f"{phones} · {ballots.format(count=status.ballots)}"


def results_lines(results: list[Tally], metrics: QFontMetrics, width: int) -> str:
    """The top totals, one elided line each: "7  Redesign onboarding (Product)"."""
    digits = len(str(max((t.votes for t in results), default=0)))
    lines = []
    for tally in results[:MAX_RESULTS]:
        line = f"{tally.votes:>{digits}}  {tally.option.label}"
        lines.append(metrics.elidedText(line, Qt.TextElideMode.ElideRight, width))
    if len(results) > MAX_RESULTS:
        lines.append(_("… and {value} more").format(value=len(results) - MAX_RESULTS))
    return "\n".join(lines)


def _label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return label


class RoomOverlay(QFrame):
    """The room's panel over the map view, shown while a room is open."""

    #: The screen pixels the panel keeps at the view's right edge (0 when hidden), for
    #: presentation mode to fit the map beside it.
    space_changed = Signal(int)

    def __init__(self, view: QWidget, controller: RoomController) -> None:
        super().__init__(view)
        self.setObjectName("RoomOverlay")
        self.view, self.controller = view, controller
        self.space = 0
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setStyleSheet(_STYLE)
        self.heading = _label("heading", self)
        self.heading.setText(_("Join on your phone"))
        self.qr = _label("qr", self)
        self.address = _label("address", self)
        self.counts = _label("counts", self)
        self.phase = _label("phase", self)
        self.results = _label("results", self)
        self.results.setAlignment(Qt.AlignmentFlag.AlignLeft)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 16)
        layout.setSpacing(8)
        for label in (self.heading, self.qr, self.address, self.counts, self.phase, self.results):
            layout.addWidget(label)
        controller.opened.connect(self._on_opened)
        controller.closed.connect(self.refresh)
        controller.updated.connect(self.refresh)
        controller.join_code_action.toggled.connect(self._show_join_code)
        view.installEventFilter(self)
        self.hide()

    def _on_opened(self, url: str) -> None:
        modules = qr_modules(url) + 8  # with its quiet zone
        scale = max(2, QR_PIXELS // modules)
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(url, scale=scale), "PNG")
        self.qr.setPixmap(pixmap)
        host, _sep, path = url.partition("/r/")
        self.address.setText(f"{host}\n/r/{path}")
        self.refresh()

    def _show_join_code(self, on: bool) -> None:
        for label in (self.heading, self.qr, self.address):
            label.setVisible(on)
        self.refresh()

    def refresh(self) -> None:
        """Show the room as it is now; hidden while no room is open."""
        status = self.controller.status()
        room = self.controller.room
        if status is None or room is None:
            self.hide()
            self._keep(0)
            return
        self.counts.setText(counts_text(status))
        self.phase.setText(phase_text(status))
        results = room.results()
        self.results.setVisible(results is not None)
        if results is not None:
            metrics = QFontMetrics(self._results_font())
            self.results.setText(results_lines(results, metrics, RESULTS_WIDTH))
        self.show()
        self.raise_()
        self.place()

    def _results_font(self) -> QFont:
        self.results.ensurePolished()
        return self.results.font()

    def place(self) -> None:
        """Top right of the view."""
        self.adjustSize()
        self.move(max(MARGIN, self.view.width() - self.width() - MARGIN), MARGIN)
        self._keep(self.width() + 2 * MARGIN)

    def _keep(self, pixels: int) -> None:
        if pixels != self.space:
            self.space = pixels
            self.space_changed.emit(pixels)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.Resize and self.isVisible():
            self.place()
        return False
