"""Why, Focus, the 5 Whys and copy/paste with key results and their `measures` links."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from alignment_workshop.gui.features.clipboard import (
    ANCHORS_MIME_TYPE,
    MIME_TYPE,
    anchors_from_bytes,
    copy_payload,
    measured_outside,
    pasted_records,
)
from alignment_workshop.gui.features.five_whys.chain import FiveWhysSession, candidates
from alignment_workshop.gui.window.main_window import MainWindow
from alignment_workshop.layout import card_rect, chip_center
from alignment_workshop.model import LinkKind, Node, NodeKind, Workshop
from tests.support.okr import KR, OBJ, okr_window, okr_workshop


@pytest.fixture
def window(qtbot) -> MainWindow:
    return okr_window(qtbot)


def links_between(workshop: Workshop, source: str, target: str) -> list[LinkKind]:
    return [k.kind for k in workshop.links_of(source) if (k.source, k.target) == (source, target)]


def measures_of(workshop: Workshop, key_result: str) -> list[str]:
    return [
        k.target
        for k in workshop.links_of(key_result)
        if k.kind is LinkKind.MEASURES and k.source == key_result
    ]


# ----------------------------------------------------------------------- why and focus


def test_why_on_a_key_result_lights_its_measures_link_up_to_the_vision(window) -> None:
    window.scene.select_ids(["k-churn"])
    window.why.toggle()
    assert window.why.highlighted_nodes == {"k-churn", "o-ret", "v"}
    assert window.why.highlighted_links == {"l3", "l1"}
    assert window.why.sentence == (
        "Logo churn → so that Retention → so that Customers trust their numbers"
    )


def test_focus_on_an_objective_keeps_its_key_results_and_focus_on_a_key_result(window) -> None:
    window.scene.select_ids(["o-ret"])
    assert window.focus.focus()
    assert {"o-ret", "k-churn", "g-onboard", "v"} <= window.focus.visible_ids
    assert window.scene.item_for("k-churn").isVisible()
    assert not window.scene.item_for("o-grow").isVisible()
    window.focus.clear()
    assert window.focus.focus("k-churn")
    assert window.focus.visible_ids == {"k-churn", "o-ret", "v"}


# ----------------------------------------------------------------------- 5 whys


def test_the_5_whys_answers_a_goal_with_an_existing_key_result(window) -> None:
    doc = window.document
    session = FiveWhysSession(doc, "g-play")
    assert "k-churn" in [n.id for n in session.candidates()]
    before = doc.undo_stack.count()
    assert session.pick("k-churn")
    assert doc.undo_stack.count() == before + 1
    assert doc.undo_stack.undoText() == "Why: 'Playbooks' serves 'Logo churn'"
    assert links_between(doc.workshop, "g-play", "k-churn") == [LinkKind.SUPPORTS]
    assert session.finished and "Playbooks → so that Logo churn" in session.outcome
    doc.undo_stack.undo()
    assert links_between(doc.workshop, "g-play", "k-churn") == []


def test_a_key_result_that_measures_nothing_is_asked_what_it_measures(window) -> None:
    doc = window.document
    assert doc.add_node(NodeKind.KEY_RESULT, "Win rate", (900.0, 900.0))
    [loose] = [n.id for n in doc.workshop.iter_nodes() if n.title == "Win rate"]
    doc.refresh_analysis()
    window.scene.select_ids([loose])
    assert window.five_whys.can_ask(loose)
    dialog = window.five_whys.start(loose)
    assert dialog is not None
    assert dialog.question_label.text() == "Why does 'Win rate' matter? What does it measure?"
    assert dialog.existing_box.title() == "It measures a card already on the map"
    offered = {n.kind for n in dialog.session.candidates()}
    assert offered == {NodeKind.OBJECTIVE, NodeKind.GOAL}
    assert dialog.pick("o-grow")
    assert measures_of(doc.workshop, loose) == ["o-grow"]
    assert doc.undo_stack.undoText() == "Why: 'Win rate' measures 'Growth'"
    assert dialog.session.finished
    dialog.close()


def test_a_key_result_can_be_answered_with_a_new_objective(window) -> None:
    doc = window.document
    new_kr = doc.add_node(NodeKind.KEY_RESULT, "Win rate", (900.0, 900.0))
    session = FiveWhysSession(doc, new_kr)
    assert session.parent_kinds() == [NodeKind.OBJECTIVE, NodeKind.GOAL]
    parent = session.create_parent("Sell better")
    assert parent is not None and measures_of(doc.workshop, new_kr) == [parent]
    assert doc.workshop.node(parent).kind is NodeKind.OBJECTIVE


def test_the_key_result_that_measures_a_goal_is_never_offered_to_that_goal(window) -> None:
    doc = window.document
    own = window.scene.interaction.add_key_result("g-play", rename=False)
    offered = [n.id for n in candidates(doc.workshop, "g-play")]
    assert own not in offered  # g-play → own → g-play would be a circle
    assert "k-churn" in offered


# ----------------------------------------------------------------------- copy and paste


def test_a_copied_key_result_pastes_with_its_measures_link_as_one_step(window) -> None:
    doc, clipboard = window.document, window.clipboard
    window.scene.select_ids(["k-churn"])
    assert clipboard.copy()
    data = QApplication.clipboard().mimeData()
    assert data.hasFormat(MIME_TYPE) and data.hasFormat(ANCHORS_MIME_TYPE)
    before = doc.undo_stack.count()
    assert clipboard.paste()
    assert doc.undo_stack.count() == before + 1 and doc.undo_stack.undoText() == "Paste 2 items"
    [pasted] = window.scene.selected_node_ids()
    node = doc.workshop.node(pasted)
    assert (node.title, node.target, node.unit, node.owner) == (
        "Logo churn",
        5.0,
        "%",
        "Dana Ortiz",
    )
    assert measures_of(doc.workshop, pasted) == ["o-ret"]
    o_ret = doc.workshop.node("o-ret").pos
    assert node.pos == chip_center(OBJ, o_ret, 1)  # in the stack, under the original
    doc.undo_stack.undo()
    assert not doc.workshop.has_node(pasted) and measures_of(doc.workshop, "k-churn") == ["o-ret"]


def test_cut_and_paste_of_a_key_result_keeps_it_measuring_its_card(window) -> None:
    doc = window.document
    window.scene.select_ids(["k-churn"])
    assert window.clipboard.cut()
    assert not doc.workshop.has_node("k-churn")
    assert window.clipboard.paste()
    [pasted] = window.scene.selected_node_ids()
    assert measures_of(doc.workshop, pasted) == ["o-ret"]
    assert doc.workshop.node(pasted).pos == chip_center(OBJ, doc.workshop.node("o-ret").pos, 0)


def test_duplicate_puts_the_copy_in_the_same_stack(window) -> None:
    window.scene.select_ids(["k-churn"])
    assert window.clipboard.duplicate()
    [copy] = window.scene.selected_node_ids()
    workshop = window.document.workshop
    assert measures_of(workshop, copy) == ["o-ret"]
    assert not card_rect(KR, workshop.node(copy).pos).intersects(
        card_rect(KR, workshop.node("k-churn").pos)
    )


def test_a_key_result_copied_with_its_card_measures_the_copy_not_the_original() -> None:
    workshop = okr_workshop()
    ids = ["o-ret", "k-churn"]
    anchors = measured_outside(workshop, ids)
    assert anchors == {}
    nodes, links = pasted_records(copy_payload(workshop, ids), workshop, 40.0, anchors)
    objective, key_result = nodes
    assert [(k.kind, k.source, k.target) for k in links] == [
        (LinkKind.MEASURES, key_result.id, objective.id)
    ]


def test_pasting_elsewhere_or_over_a_stranger_leaves_the_key_result_unlinked() -> None:
    source = okr_workshop()
    payload = copy_payload(source, ["k-churn"])
    anchors = measured_outside(source, ["k-churn"])
    assert anchors == {"k-churn": ("o-ret", "Retention")}
    _, links = pasted_records(payload, Workshop(), 0.0, anchors)
    assert links == []
    stranger = Workshop()
    stranger.add_node(Node("o-ret", NodeKind.OBJECTIVE, "Another objective", pos=(0.0, 0.0)))
    _, links = pasted_records(payload, stranger, 0.0, anchors)
    assert links == [], "same id, other card: not the card it measured"


@pytest.mark.parametrize(
    "blob", [b"", b"\xff\xfe", b"[]", b'{"k": "o"}', b'{"k": ["o"]}', b'{"k": [1, 2]}', b"{" * 5000]
)
def test_a_malformed_anchor_note_is_ignored(blob: bytes) -> None:
    assert anchors_from_bytes(blob) == {}
