"""A small OKR map for the editor's key result tests, laid out as the editor would open it,
and a main window on it that discards its changes when a test closes it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pytestqt.qtbot import QtBot

from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.layout import auto_layout
from alignment_workshop.model import (
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Team,
    Workshop,
)
from tests.support.prompts import discarding_prompts

VIS, OBJ, G, KR = NodeKind.VISION, NodeKind.OBJECTIVE, NodeKind.GOAL, NodeKind.KEY_RESULT
H1_2027 = Period(dt.date(2027, 1, 1), dt.date(2027, 6, 30))
CHURN: dict[str, Any] = {"baseline": 9.0, "current": 7.5, "target": 5.0, "unit": "%"}


def okr_workshop(*, period: Period | None = None) -> Workshop:
    """A vision; "Retention" measured by "Logo churn" (9 % → 7.5 % → 5 %); "Growth" with no
    key result; goal "Onboarding" of Product supporting Retention; "Playbooks" of Sales,
    an orphan; three teams. Every card is placed by auto-layout."""
    teams = [Team("product", "Product", "#2563EB"), Team("sales", "Sales", "#D97706")]
    teams.append(Team("success", "Customer Success", "#059669"))
    nodes = [
        Node("v", VIS, "Customers trust their numbers"),
        Node("o-ret", OBJ, "Retention"),
        Node("o-grow", OBJ, "Growth"),
        Node("k-churn", KR, "Logo churn", owner="Dana Ortiz", team="success", **CHURN),
        Node("g-onboard", G, "Onboarding", team="product"),
        Node("g-play", G, "Playbooks", team="sales"),
    ]
    links = [
        Link("l1", LinkKind.SUPPORTS, "o-ret", "v"),
        Link("l2", LinkKind.SUPPORTS, "o-grow", "v"),
        Link("l3", LinkKind.MEASURES, "k-churn", "o-ret"),
        Link("l4", LinkKind.SUPPORTS, "g-onboard", "o-ret"),
    ]
    workshop = Workshop.from_records(Meta(title="OKRs", period=period), teams, nodes, links)
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop


def okr_window(qtbot: QtBot, workshop: Workshop | None = None) -> MainWindow:
    """A shown main window on `workshop` (default: `okr_workshop()`), no autosave."""
    window = MainWindow(prompts=discarding_prompts(), autosave=False)
    qtbot.addWidget(window)
    window.document.replace(workshop or okr_workshop())
    window.show()
    return window
