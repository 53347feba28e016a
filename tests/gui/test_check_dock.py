"""The Alignment-check dock: score, team scores, findings by severity, click to select."""

from __future__ import annotations

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from alignment_workshop.analysis.findings import Severity
from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.canvas.view import MapView
from alignment_workshop.gui.docks.check_dock import CheckDock
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop


def _workshop() -> Workshop:
    teams = [Team("sales", "Sales", "#AA3300"), Team("ops", "Ops", "#0033AA")]
    nodes = [
        Node("v", NodeKind.VISION, "Customers love us", pos=(0.0, 0.0)),
        Node("o", NodeKind.OBJECTIVE, "Faster support", pos=(0.0, 300.0)),
        Node("g1", NodeKind.GOAL, "Chat support", pos=(-300.0, 600.0), team="sales"),
        Node("g2", NodeKind.GOAL, "Lonely goal", pos=(2500.0, 2400.0), team="ops"),
    ]
    links = [
        Link("l1", LinkKind.SUPPORTS, "o", "v"),
        Link("l2", LinkKind.SUPPORTS, "g1", "o"),
    ]
    return Workshop.from_records(Meta(), teams, nodes, links)


class Rig:
    def __init__(self, qtbot: QtBot, workshop: Workshop) -> None:
        self.document = Document()
        self.document.replace(workshop)
        self.scene = MapScene(self.document)
        self.view = MapView(self.scene)
        self.view.resize(600, 400)
        self.dock = CheckDock(self.document, self.scene, self.view)
        for widget in (self.view, self.dock):
            qtbot.addWidget(widget)
            widget.show()
        self.document.refresh_analysis()


def test_empty_map_scores_a_dash_not_100(qtbot: QtBot) -> None:
    rig = Rig(qtbot, Workshop())
    assert rig.dock.score_label.text() == "Alignment —"
    assert "100" not in rig.dock.score_label.text()


def test_score_teams_and_grouped_findings(qtbot: QtBot) -> None:
    rig = Rig(qtbot, _workshop())
    assert rig.dock.score_label.text() == "Alignment 50%"
    rows = [
        [rig.dock.teams.topLevelItem(i).text(c) for c in range(3)]
        for i in range(rig.dock.teams.topLevelItemCount())
    ]
    assert rows == [["Sales", "1/1", "100%"], ["Ops", "0/1", "0%"]]
    rows = [rig.dock.findings.item(i).text() for i in range(rig.dock.findings.count())]
    assert rows[0] == "Errors (1)"
    orphan = rig.dock.visible_findings()[0]
    assert (orphan.rule, orphan.nodes) == ("orphan", ("g2",))


def test_filters_hide_a_severity(qtbot: QtBot) -> None:
    rig = Rig(qtbot, _workshop())
    shown = rig.dock.visible_findings()
    assert any(f.severity is Severity.ERROR for f in shown)
    rig.dock.filters[Severity.ERROR].setChecked(False)
    assert all(f.severity is not Severity.ERROR for f in rig.dock.visible_findings())
    assert rig.dock.filters[Severity.ERROR].text() == "Errors (1)"
    rig.document.update_node("g2", title="Still lonely")
    rig.document.refresh_analysis()
    assert all(f.severity is not Severity.ERROR for f in rig.dock.visible_findings())


def test_clicking_a_finding_selects_its_node_and_centres_the_view(qtbot: QtBot) -> None:
    rig = Rig(qtbot, _workshop())
    rig.view.centerOn(0.0, 0.0)
    orphan = next(f for f in rig.dock.visible_findings() if f.rule == "orphan")
    item = rig.dock.item_for(orphan)
    listing = rig.dock.findings
    listing.scrollToItem(item)
    qtbot.mouseClick(
        listing.viewport(), Qt.MouseButton.LeftButton, pos=listing.visualItemRect(item).center()
    )
    assert rig.scene.selected_node_ids() == ["g2"]
    centre = rig.view.mapToScene(rig.view.viewport().rect().center())
    card = rig.scene.item_for("g2").sceneBoundingRect().center()
    assert abs(centre.x() - card.x()) < 5 and abs(centre.y() - card.y()) < 5


def test_dock_follows_edits(qtbot: QtBot) -> None:
    rig = Rig(qtbot, _workshop())
    with qtbot.waitSignal(rig.document.analysis_updated, timeout=2000):
        rig.document.add_link(LinkKind.SUPPORTS, "g2", "o")
    assert rig.dock.score_label.text() == "Alignment 100%"
    assert not any(f.rule == "orphan" for f in rig.dock.visible_findings())
