"""Numbers in range in the editor (issue 9, item 9): spin boxes share the model's bounds.

Votes above 2,147,483,647 used to load and then crash the Inspector ("int too big to
convert"); now the file is refused, and every value the model allows fits its spin box.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.docks.inspector.dock import InspectorDock
from alignment_workshop.gui.docks.inspector.fields import CommitSpinBox
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.model import Node, NodeKind, Workshop, rules
from tests.support.prompts import discarding_prompts

HIGH = rules.INT_LIMITS["node.votes"][1]


def _workshop(votes: int) -> Workshop:
    workshop = Workshop()
    workshop.add_node(Node(id="g", kind=NodeKind.GOAL, title="Goal", pos=(0.0, 0.0), votes=votes))
    return workshop


def test_the_inspector_shows_the_largest_allowed_votes(qtbot: QtBot) -> None:
    document = Document()
    document.replace(_workshop(HIGH))
    scene = MapScene(document)
    dock = InspectorDock(document, scene)
    qtbot.addWidget(dock)
    dock.show()
    scene.select_ids(["g"])
    fields = dock.node_page.fields
    for name in ("impact", "votes"):
        box = fields[name]
        assert isinstance(box, CommitSpinBox)
        assert (box.minimum(), box.maximum()) == rules.INT_LIMITS[f"node.{name}"]
    assert fields["votes"].value() == HIGH


def test_voting_in_the_room_stops_at_the_bound(qtbot: QtBot) -> None:
    window = MainWindow(prompts=discarding_prompts())
    qtbot.addWidget(window)
    window.document.replace(_workshop(HIGH - 1))
    window.show_map()
    window.scene.select_ids(["g"])
    assert window.presentation.vote(+1)
    assert window.document.workshop.node("g").votes == HIGH
    assert not window.presentation.vote(+1), "nothing to change at the bound"
    assert window.document.workshop.node("g").votes == HIGH
