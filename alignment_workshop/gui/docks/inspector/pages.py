"""The inspector's pages: one for a node (rows by kind), one for a link, one for the workshop.

A page shows records it is given and emits `edited` with the fields the user changed; it
never keeps model state of its own beyond what its editors display. The dock (inspector.py)
decides which page shows and turns each `edited` into one command.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

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


def _choices(enum: type, labels: dict[Any, str] | None = None) -> list[tuple[str, Any, None]]:
    return [((labels or {}).get(m, m.value.capitalize()), m, None) for m in enum]


class NodePage(Page):
    """Every field of one node, with the rows its kind does not have hidden."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_field("title", "Title", CommitLineEdit(self))
        self.add_field("description", "Description", CommitTextEdit(self))
        self.team_box = self.add_field("team", "Team", CommitComboBox(self))
        self.add_field("owner", "Owner", CommitLineEdit(self))
        self.add_field("why", "Why", CommitTextEdit(self))
        priority = self.add_field("priority", "Priority", CommitComboBox(self))
        priority.set_choices(_choices(Priority))
        self.add_field("impact", "Impact (1–5)", CommitSpinBox(*INT_LIMITS["node.impact"], self))
        self.add_field("metric", "Metric", CommitLineEdit(self))
        status = self.add_field("status", "Status", CommitComboBox(self))
        status.set_choices(_choices(Status))
        self.add_field("votes", "Votes", CommitSpinBox(*INT_LIMITS["node.votes"], self))
        self.add_field("due", "Due date", OptionalDateEdit(self))
        self.actions_editor = self.add_field("actions", "Actions", ActionsEditor(self))

    def show_node(self, node: Node, teams: list[Team]) -> None:
        """Load `node`; `teams` fill the team list with their colours."""
        self.heading.setText(f"{node.kind.label}: {node.title}")
        shown = NODE_FIELDS[node.kind]
        for name, editor in self.fields.items():
            self.form.setRowVisible(editor, name in shown)
        if node.kind is NodeKind.GOAL:
            self.team_box.set_choices(
                [("No team", None, None)] + [(t.name, t.id, t.color) for t in teams]
            )
        for name, editor in self.fields.items():
            if name in shown:
                editor.load(getattr(node, name))


class LinkPage(Page):
    """A link's note, and for a conflict whether and how it was resolved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.add_field("note", "Note", CommitTextEdit(self))
        self.add_field("resolved", "", CommitCheckBox("Resolved", self))
        self.add_field("resolution", "Resolution", CommitTextEdit(self))

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
    """The workshop itself: title, date, facilitator, participants and notes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading.setText("Workshop (nothing selected)")
        self.add_field("title", "Title", CommitLineEdit(self))
        self.add_field("date", "Date", OptionalDateEdit(self))
        self.add_field("facilitator", "Facilitator", CommitLineEdit(self))
        participants = self.add_field(
            "participants", "Participants", CommitTextEdit(self), _participants
        )
        participants.setPlaceholderText("One name per line")
        self.add_field("notes", "Notes", CommitTextEdit(self))

    def show_meta(self, meta: Meta) -> None:
        """Load the workshop's metadata."""
        for name, editor in self.fields.items():
            value = getattr(meta, name)
            editor.load("\n".join(value) if name == "participants" else value)
