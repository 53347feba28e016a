"""The inspector's pages: one for a node (rows by kind), one for a link, one for the workshop.

A page shows records it is given and emits `edited` with the fields the user changed; it
never keeps model state of its own beyond what its editors display. The dock (inspector.py)
decides which page shows and turns each `edited` into one command.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from alignment_workshop.i18n import _, pgettext
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Priority, Status, Team
from alignment_workshop.model.rules import INT_LIMITS, NODE_FIELDS

from .actions import ActionsEditor
from .fields import (
    CommitCheckBox,
    CommitComboBox,
    CommitLineEdit,
    CommitSpinBox,
    CommitTextEdit,
    OptionalDateEdit,
)
from .measure_fields import OptionalNumberEdit, ProgressView
from .period_field import PeriodEdit
from .team_fields import TeamChecklist


class Page(QWidget):
    """A form of committing editors; `edited` carries {field: new value}."""

    #: The user committed a change; the argument maps field names to new values.
    edited = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)  # rows stay together at the top, however tall the dock
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(self.heading)
        self.fields: dict[str, Any] = {}

    def add_field(self, name: str, label: str, editor: Any, convert: Any = None) -> Any:
        """Add a row whose committed value becomes field `name` (through `convert`)."""
        self.fields[name] = editor
        self.form.addRow(label, editor)
        editor.committed.connect(
            lambda value: self.edited.emit({name: convert(value) if convert else value})
        )
        return editor

    def flush(self) -> None:
        """Commit whatever the user is in the middle of typing."""
        for editor in self.fields.values():
            editor.flush()


def _choices(
    enum: type[StrEnum], labels: dict[Any, str] | None = None
) -> list[tuple[str, Any, None]]:
    def label(member: Any) -> str:
        known = getattr(member, "label", None)
        return known if isinstance(known, str) else str(member.value).capitalize()

    return [((labels or {}).get(m, label(m)), m, None) for m in enum]


class NodePage(Page):
    """Every field of one node, with the rows its kind does not have hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_field("title", _("Title"), CommitLineEdit(self))
        self.add_field("description", _("Description"), CommitTextEdit(self))
        self.add_field("baseline", _("Baseline"), OptionalNumberEdit(self))
        self.add_field("current", _("Current"), OptionalNumberEdit(self))
        self.add_field("target", _("Target"), OptionalNumberEdit(self))
        self.add_field("unit", _("Unit"), CommitLineEdit(self)).setPlaceholderText(
            _("e.g. %, min, €")
        )
        self.progress = ProgressView(self)
        self.form.addRow(_("Progress"), self.progress)
        self.team_box = CommitComboBox(self)
        self.fields["team"] = self.team_box
        self.form.addRow(_("Team"), self.team_box)
        self.team_box.committed.connect(self._team_chosen)
        self.contributors = self.add_field("contributors", _("Contributors"), TeamChecklist(self))
        self.add_field("owner", _("Owner"), CommitLineEdit(self))
        self.add_field("why", _("Why"), CommitTextEdit(self))
        priority = self.add_field("priority", _("Priority"), CommitComboBox(self))
        priority.set_choices(_choices(Priority))
        self.add_field("impact", _("Impact (1–5)"), CommitSpinBox(*INT_LIMITS["node.impact"], self))
        self.add_field("metric", _("Metric"), CommitLineEdit(self))
        status = self.add_field("status", _("Status"), CommitComboBox(self))
        status.set_choices(_choices(Status))
        self.add_field("votes", _("Votes"), CommitSpinBox(*INT_LIMITS["node.votes"], self))
        self.add_field("due", _("Due date"), OptionalDateEdit(self))
        self.actions_editor = self.add_field("actions", _("Actions"), ActionsEditor(self))
        self._contributors: tuple[str, ...] = ()

    def show_node(self, node: Node, teams: list[Team]) -> None:
        """Load `node`; `teams` fill the team list with their colours."""
        self.heading.setText(f"{node.kind.label}: {node.title}")
        shown = NODE_FIELDS[node.kind]
        for name, editor in self.fields.items():
            self.form.setRowVisible(editor, name in shown)
        if "team" in shown:
            self.team_box.set_choices(
                [(_("No team"), None, None)] + [(t.name, t.id, t.color) for t in teams]
            )
        if "contributors" in shown:
            self.contributors.set_teams(teams, node.team)
        self._contributors = node.contributors
        for name, editor in self.fields.items():
            if name in shown:
                editor.load(getattr(node, name))
        key_result = node.kind is NodeKind.KEY_RESULT
        self.form.setRowVisible(self.progress, key_result)
        if key_result:
            self.progress.load(node)

    def _team_chosen(self, team: str | None) -> None:
        """A new lead team stops being one of the goal's contributors, in the same edit."""
        changes: dict[str, Any] = {"team": team}
        if team is not None and team in self._contributors:
            changes["contributors"] = tuple(t for t in self._contributors if t != team)
        self.edited.emit(changes)


class LinkPage(Page):
    """A link's note, and for a conflict whether and how it was resolved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_field("note", _("Note"), CommitTextEdit(self))
        self.add_field("resolved", "", CommitCheckBox(_("Resolved"), self))
        self.add_field("resolution", _("Resolution"), CommitTextEdit(self))

    def show_link(self, link: Link, source: Node, target: Node) -> None:
        """Load `link`, naming its ends in the heading."""
        arrow = "↔" if link.kind is LinkKind.CONFLICTS else "→"
        self.heading.setText(f"{link.kind.capitalize()}: {source.title} {arrow} {target.title}")
        conflict = link.kind is LinkKind.CONFLICTS
        for name in ("resolved", "resolution"):
            self.form.setRowVisible(self.fields[name], conflict)
        for name, editor in self.fields.items():
            editor.load(getattr(link, name))


def _participants(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class MetaPage(Page):
    """The workshop itself: title, date, period, facilitator, participants and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText(_("Workshop (nothing selected)"))
        self.add_field("title", _("Title"), CommitLineEdit(self))
        self.add_field("date", _("Date"), OptionalDateEdit(self))
        self.period = self.add_field("period", _("Period"), PeriodEdit(self))
        self.add_field("facilitator", _("Facilitator"), CommitLineEdit(self))
        participants = self.add_field(
            "participants", _("Participants"), CommitTextEdit(self), _participants
        )
        participants.setPlaceholderText(_("One name per line"))
        self.add_field("notes", pgettext("workshop field", "Notes"), CommitTextEdit(self))

    def show_meta(self, meta: Meta) -> None:
        """Load the workshop's metadata."""
        for name, editor in self.fields.items():
            value = getattr(meta, name)
            editor.load("\n".join(value) if name == "participants" else value)
