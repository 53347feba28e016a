"""The 5 Whys dialog and the "Ask why…" action that opens it.

The dialog is modeless: the facilitator can still look at the map while answering, and
tests drive it through `pick`, `create_parent` and its widgets without a blocking exec.
When the card asked about is a team goal, a tick offers to write the answer into its why
(ticked when the why is still empty).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGraphicsView,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop.analysis import WhyIndex
from alignment_workshop.model import NodeKind

from ...editing.document import Document
from ...support.plain_text import plain_label
from .chain import MAX_WHYS, FiveWhysSession

if TYPE_CHECKING:
    from ...canvas.scene import MapScene

_ASKABLE = (NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT)


class FiveWhysDialog(QDialog):
    """Asks "Why does '<title>' matter?" up to five times, one undo step per answer."""

    def __init__(self, document: Document, node_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("5 Whys")
        self.setMinimumWidth(520)
        self.session = FiveWhysSession(document, node_id)
        self._listed_for: str | None = None  # the card the candidate list was made for
        self.step_label = plain_label()
        self.question_label = plain_label()  # it quotes a title
        self.question_label.setWordWrap(True)
        font = self.question_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.question_label.setFont(font)
        self.chain_label = plain_label()
        self.chain_label.setWordWrap(True)
        self.outcome_label = plain_label()
        self.outcome_label.setWordWrap(True)
        layout = QVBoxLayout(self)
        for widget in (self.step_label, self.question_label, self.chain_label):
            layout.addWidget(widget)
        self.existing_box = self._existing_box()
        self.new_box = self._new_box()
        self.why_box = QCheckBox("Also write the answer as this goal's &why")
        self.why_box.setToolTip("The card the goal serves becomes the text of its Why field")
        self._why_asked_for: str | None = None  # the card the tick was last set for
        layout.addWidget(self.existing_box)
        layout.addWidget(self.new_box)
        layout.addWidget(self.why_box)
        layout.addWidget(self.outcome_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        document.changed.connect(self._follow)
        document.workshop_replaced.connect(self._follow)
        document.analysis_updated.connect(self._refresh_later)  # debounced after edits
        self.refresh()

    def _existing_box(self) -> QGroupBox:
        box = QGroupBox("It serves a card already on the map")
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText("Filter by title…")
        self.filter_edit.textChanged.connect(self._filter)
        self.candidate_list = QListWidget()
        self.candidate_list.itemDoubleClicked.connect(lambda _item: self._pick_selected())
        self.candidate_list.currentItemChanged.connect(self._update_pick_button)
        self.pick_button = QPushButton("&Link to This Card")
        self.pick_button.clicked.connect(self._pick_selected)
        column = QVBoxLayout(box)
        column.addWidget(self.filter_edit)
        column.addWidget(self.candidate_list)
        column.addWidget(self.pick_button, alignment=Qt.AlignmentFlag.AlignRight)
        return box

    def _new_box(self) -> QGroupBox:
        box = QGroupBox("Or it serves something new")
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText("What does it serve? e.g. Customers stay with us")
        hint = self.title_edit.fontMetrics().horizontalAdvance(self.title_edit.placeholderText())
        self.title_edit.setMinimumWidth(hint + 24)  # the example is whole, not "…stay wi…"
        self.title_edit.returnPressed.connect(self._create_typed)
        self.kind_combo = QComboBox()
        self.create_button = QPushButton("&Add and Link")
        self.create_button.clicked.connect(self._create_typed)
        row = QHBoxLayout(box)
        row.addWidget(self.title_edit, 1)
        row.addWidget(self.kind_combo)
        row.addWidget(self.create_button)
        return box

    # ------------------------------------------------------------------ driving

    def writes_why(self) -> bool:
        """Whether an answer now also becomes the goal's why (the tick, where offered)."""
        return self.session.can_write_why() and self.why_box.isChecked()

    def pick(self, target_id: str) -> bool:
        """Answer with an existing card (as the Link button does)."""
        done = self.session.pick(target_id, write_why=self.writes_why())
        self.refresh()
        return done

    def create_parent(self, title: str, kind: NodeKind | None = None) -> str | None:
        """Answer with a new card (as the Add and Link button does)."""
        created = self.session.create_parent(title, kind, write_why=self.writes_why())
        if created is not None:
            self.title_edit.clear()
        self.refresh()
        return created

    def _pick_selected(self) -> None:
        item = self.candidate_list.currentItem()
        if item is not None:
            self.pick(item.data(Qt.ItemDataRole.UserRole))

    def _create_typed(self) -> None:
        self.create_parent(self.title_edit.text(), self.kind_combo.currentData())

    def _filter(self, text: str) -> None:
        needle = text.casefold()
        for row in range(self.candidate_list.count()):
            item = self.candidate_list.item(row)
            item.setHidden(needle not in item.text().casefold())

    # ------------------------------------------------------------------ showing

    def _follow(self) -> None:
        """The map changed: end the run at once if it no longer fits the map."""
        if not self.session.ended and not self.session.follow():
            self.refresh()

    def _refresh_later(self, _report: object = None) -> None:
        """After edits settle, offer the candidates of the map as it is now."""
        if not self.session.finished:
            self.refresh()

    def refresh(self) -> None:
        """Show the current question, chain, candidates and outcome."""
        session = self.session
        session.follow()
        titles = session.chain_titles()
        self.chain_label.setText(" → so that ".join(titles) if session.steps else "")
        self._fill_candidates()
        self._offer_why()
        self.outcome_label.setText(session.outcome)
        self.existing_box.setVisible(not session.finished)
        self.new_box.setVisible(not session.finished)
        self.chain_label.setVisible(not session.finished)
        asked = len(session.steps)
        if session.finished:
            self.step_label.setText(f"{asked} why{'s' * (asked != 1)} asked")
            self.question_label.setText("Ended" if session.ended else "Done")
            self.adjustSize()  # the answer boxes are gone: shrink to the outcome
        else:
            self.step_label.setText(f"Why {asked + 1} of {MAX_WHYS}")
            self.question_label.setText(session.question())
            measuring = session.workshop.node(session.current).kind is NodeKind.KEY_RESULT
            verb = "measures" if measuring else "serves"
            self.existing_box.setTitle(f"It {verb} a card already on the map")
        self._update_pick_button()

    def _fill_candidates(self) -> None:
        """List the cards and kinds to answer with, keeping the choices still offered."""
        chosen = self.candidate_list.currentItem()
        same_question = self._listed_for == self.session.current
        if chosen is None or not same_question:
            chosen_id = None
        else:
            chosen_id = chosen.data(Qt.ItemDataRole.UserRole)
        chosen_kind = self.kind_combo.currentData() if same_question else None
        self._listed_for = self.session.current
        self.candidate_list.clear()
        for node in self.session.candidates():
            item = QListWidgetItem(f"{node.kind.label}: {node.title}")
            item.setData(Qt.ItemDataRole.UserRole, node.id)
            self.candidate_list.addItem(item)
            if node.id == chosen_id:
                self.candidate_list.setCurrentItem(item)
        self._filter(self.filter_edit.text())
        self.kind_combo.clear()
        for kind in self.session.parent_kinds():
            self.kind_combo.addItem(kind.label, kind)
            if kind == chosen_kind:
                self.kind_combo.setCurrentIndex(self.kind_combo.count() - 1)

    def _offer_why(self) -> None:
        """Offer to write the answer into a goal's why; ticked when its why is empty."""
        session = self.session
        offered = session.can_write_why()
        self.why_box.setVisible(offered)
        if offered and self._why_asked_for != session.current:
            self._why_asked_for = session.current
            self.why_box.setChecked(not session.workshop.node(session.current).why.strip())

    def _update_pick_button(self) -> None:
        chosen = self.candidate_list.currentItem()
        self.pick_button.setEnabled(not self.session.finished and chosen is not None)


class FiveWhysLauncher(QObject):
    """Edit › Ask Why…: opens the 5 Whys on a selected card that misses the vision."""

    def __init__(
        self, document: Document, scene: MapScene, view: QGraphicsView, window: QMainWindow
    ) -> None:
        super().__init__(window)
        self.document, self.scene, self.window = document, scene, window
        self.dialog: FiveWhysDialog | None = None
        self.action = QAction("Ask &Why…", window)
        self.action.setStatusTip("Find out, five whys deep, what a card without a purpose serves")
        self.action.triggered.connect(self._start_from_selection)
        window.addAction(self.action)
        scene.selection_ids_changed.connect(self._update_enabled)
        document.analysis_updated.connect(self._update_enabled)
        self._update_enabled()

    def can_ask(self, node_id: str) -> bool:
        """Whether `node_id` is an active objective, goal or key result reaching no vision."""
        workshop = self.document.workshop
        if not workshop.has_node(node_id):
            return False
        node = workshop.node(node_id)
        if node.kind not in _ASKABLE or not node.is_active:
            return False
        report = self.document.report
        if report is None or not any(n.kind is NodeKind.VISION for n in workshop.iter_nodes()):
            return not WhyIndex(workshop).paths(node_id, 1)
        return any(f.rule == "orphan" and node_id in f.nodes for f in report.findings)

    def start(self, node_id: str | None = None) -> FiveWhysDialog | None:
        """Open the dialog on `node_id` (default: the one selected card); not modal."""
        if node_id is None:
            selected = self.scene.selected_node_ids()
            node_id = selected[0] if len(selected) == 1 else None
        if node_id is None or not self.can_ask(node_id):
            self.document.message.emit(
                "Select one objective, team goal or key result that does not lead to the vision."
            )
            return None
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = FiveWhysDialog(self.document, node_id, self.window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.destroyed.connect(self._forget)
        self.dialog.show()
        return self.dialog

    def _start_from_selection(self) -> None:
        self.start()

    def _forget(self) -> None:
        self.dialog = None

    def _update_enabled(self, _report: object = None) -> None:
        selected = self.scene.selected_node_ids()
        self.action.setEnabled(len(selected) == 1 and self.can_ask(selected[0]))
