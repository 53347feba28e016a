"""The Why highlight: W lights every chain to the vision, the status bar reads it, Esc clears.

The `env` fixture here (a document, scene, view and a bare main window holding the
features) is shared by the Focus, 5 Whys, Arrange and presentation tests.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMainWindow

from alignment_workshop.analysis import why_paths, why_sentence
from alignment_workshop.gui.canvas import style
from alignment_workshop.gui.canvas.scene import MapScene
from alignment_workshop.gui.canvas.view import MapView
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.features.why import EscapeChain, WhyHighlighter
from alignment_workshop.layout import auto_layout
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop


def sample_workshop() -> Workshop:
    """A vision, three objectives, four goals (one an orphan) and a value."""
    teams = [Team("t1", "Product", "#1565C0"), Team("t2", "Sales", "#2E7D32")]
    nodes = [
        Node("v", NodeKind.VISION, "Every team knows why"),
        Node("o1", NodeKind.OBJECTIVE, "Customers stay"),
        Node("o2", NodeKind.OBJECTIVE, "Onboarding is easy"),
        Node("o3", NodeKind.OBJECTIVE, "Lonely objective"),
        Node("g1", NodeKind.GOAL, "Redesign onboarding", team="t1"),
        Node("g2", NodeKind.GOAL, "Call every new customer", team="t2"),
        Node("g3", NodeKind.GOAL, "Write the guide", team="t1"),
        Node("g4", NodeKind.GOAL, "Orphan goal", team="t2"),
        Node("val", NodeKind.VALUE, "Honesty"),
    ]
    pairs = [
        ("supports", "o1", "v"),
        ("supports", "o2", "o1"),
        ("supports", "g1", "o2"),
        ("supports", "g2", "o1"),
        ("supports", "g3", "o2"),
        ("supports", "g3", "o1"),
        ("upholds", "g1", "val"),
    ]
    links = [Link(f"l{i}", LinkKind(k), s, t) for i, (k, s, t) in enumerate(pairs)]
    workshop = Workshop.from_records(Meta(title="Sample"), teams, nodes, links)
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop


@dataclass
class Env:
    document: Document
    scene: MapScene
    view: MapView
    window: QMainWindow


def make_env(qtbot) -> Env:
    """A document on the sample workshop, its scene and view, in a bare main window."""
    document = Document()
    document.replace(sample_workshop())
    scene = MapScene(document)
    window = QMainWindow()
    view = MapView(scene, window)
    window.setCentralWidget(view)
    window.resize(1200, 800)
    qtbot.addWidget(window)
    return Env(document, scene, view, window)


@pytest.fixture
def env(qtbot) -> Env:
    return make_env(qtbot)


@pytest.fixture
def why(env: Env) -> WhyHighlighter:
    return WhyHighlighter(env.document, env.scene, env.view, env.window)


def opacities(scene: MapScene) -> dict[str, float]:
    return {item.node_id: item.opacity() for item in scene.node_items()}


def show_window(qtbot, window: QMainWindow) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def test_w_highlights_the_union_of_the_why_paths_and_dims_the_rest(env, why) -> None:
    env.scene.select_ids(["g3"])
    why.action.trigger()
    paths = why_paths(env.document.workshop, "g3")
    assert len(paths) == 2
    lit = {node_id for path in paths for node_id in path}
    assert why.highlighted_nodes == lit == {"g3", "o2", "o1", "v"}
    assert why.highlighted_links == {"l0", "l1", "l4", "l5"}
    for node_id, opacity in opacities(env.scene).items():
        assert opacity == (1.0 if node_id in lit else style.DIMMED_OPACITY)
    for link_id in ("l2", "l3", "l6"):
        assert env.scene.link_item_for(link_id).opacity() == style.DIMMED_OPACITY
    status = env.window.statusBar().currentMessage()
    assert status.startswith(why_sentence(env.document.workshop, paths[0]))
    assert "1 more path" in status


def test_the_status_bar_reads_the_chain_as_a_sentence(env, why) -> None:
    env.scene.select_ids(["g1"])
    why.toggle()
    expected = (
        "Redesign onboarding → so that Onboarding is easy → so that Customers stay "
        "→ so that Every team knows why"
    )
    assert env.window.statusBar().currentMessage() == expected
    assert why.sentence == expected


def test_an_orphan_lights_only_itself_and_says_so(env, why) -> None:
    why.show_why("g4")
    assert why.highlighted_nodes == {"g4"}
    assert "does not lead to the vision" in env.window.statusBar().currentMessage()


def test_escape_clears_the_highlight_and_the_sentence(qtbot, env, why) -> None:
    show_window(qtbot, env.window)
    chain = EscapeChain.of(env.window)
    assert not chain.shortcut.isEnabled()  # Esc is left alone while nothing is lit
    env.scene.select_ids(["g1"])
    qtbot.keyClick(env.view, Qt.Key.Key_W)
    assert why.is_active() and chain.shortcut.isEnabled()
    qtbot.keyClick(env.view, Qt.Key.Key_Escape)
    assert not why.is_active()
    assert set(opacities(env.scene).values()) == {1.0}
    assert env.window.statusBar().currentMessage() == ""
    assert not chain.shortcut.isEnabled()


def test_w_again_on_the_same_card_clears_and_on_another_moves(env, why) -> None:
    env.scene.select_ids(["g1"])
    why.toggle()
    env.scene.select_ids(["g2"])
    why.toggle()
    assert why.node_id == "g2" and why.highlighted_nodes == {"g2", "o1", "v"}
    why.toggle()
    assert not why.is_active()


def test_without_a_single_selection_w_explains_itself(env, why) -> None:
    messages: list[str] = []
    env.document.message.connect(messages.append)
    why.toggle()
    assert not why.is_active() and "Select one card" in messages[-1]


def test_the_highlight_follows_edits_and_clears_when_its_card_goes(env, why) -> None:
    why.show_why("g4")
    env.document.add_link(LinkKind.SUPPORTS, "g4", "o1")
    env.document.refresh_analysis()
    assert why.highlighted_nodes == {"g4", "o1", "v"}
    env.document.delete(["g4"])
    env.document.refresh_analysis()
    assert not why.is_active()
