"""Importing spreadsheets: header synonyms, kind words, references by title, teams by name,
and importing into an open workshop (update by id, add the rest, delete nothing)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment_workshop.interchange import InterchangeError, import_file
from alignment_workshop.interchange.cells import (
    from_xlsx_text,
    guard_csv,
    join_list,
    parse_number,
    split_list,
    to_xlsx_text,
    unguard_csv,
)
from alignment_workshop.model import Link, LinkKind, Node, NodeKind, Status, Team, Workshop
from tests.support.strategies import texts


def write(tmp_path: Path, text: str, name: str = "cards.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@given(texts(60))
def test_xlsx_text_escapes_read_back_exactly(text: str) -> None:
    escaped = to_xlsx_text(text)
    assert not any(ord(c) < 32 and c not in "\t\n" for c in escaped)
    assert from_xlsx_text(escaped) == text


@given(texts(30))
def test_the_csv_guard_is_removed_exactly(text: str) -> None:
    assert unguard_csv(guard_csv(text)) == text
    assert not guard_csv(text).startswith(("=", "+", "-", "@", "\t", "\r"))


@given(st.lists(texts(20, required=True), max_size=5))
def test_list_cells_read_back_exactly(items: list[str]) -> None:
    assert split_list(join_list(items)) == items


def test_numbers_read_as_people_write_them() -> None:
    assert [parse_number(t) for t in ("12", "-0.5", "1e+15", "99.5%", "1,250", " 3 ")] == [
        12.0, -0.5, 1e15, 99.5, 1250.0, 3.0,
    ]  # fmt: skip
    with pytest.raises(ValueError, match="must be a number"):
        parse_number("twelve")


def test_headers_and_kinds_use_the_words_okr_tools_use(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "Key,Type,Objective,Department,Lead,Aligns to,State,Start value,Target value,Units\n"
        "O1,Objective,Grow revenue,,CEO,,Committed,,,\n"
        "KR1,KR,ARR to 2m,Sales,Dana,O1,,1.2,2,m€\n"
        "G1,Team goal,Close ten deals,Sales,Bo,Grow revenue,draft,,,\n",
    )
    workshop = import_file(path).workshop
    objective, kr, goal = workshop.nodes
    assert (objective.kind, objective.owner, objective.status) == (
        NodeKind.OBJECTIVE, "CEO", Status.AGREED,
    )  # fmt: skip
    assert (kr.kind, kr.baseline, kr.target, kr.unit) == (NodeKind.KEY_RESULT, 1.2, 2.0, "m€")
    assert [t.name for t in workshop.teams] == ["Sales"] and kr.team == goal.team == "sales"
    kinds = {(k.kind, k.source, k.target) for k in workshop.links}
    assert kinds == {(LinkKind.MEASURES, "KR1", "O1"), (LinkKind.SUPPORTS, "G1", "O1")}


def test_unknown_columns_are_ignored_and_said(tmp_path: Path) -> None:
    path = write(tmp_path, "kind,title,Progress,Created\nvalue,Candour,50%,2026-01-01\n")
    imported = import_file(path)
    assert imported.notes == ["ignored column(s) with no meaning here: Progress, Created"]


def test_a_title_used_twice_must_be_referenced_by_id(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "id,kind,title,supports\no1,objective,Grow,\no2,objective,Grow,\ng,goal,Work,Grow\n",
    )
    with pytest.raises(InterchangeError, match="row 4, column supports: 2 cards have the title"):
        import_file(path)


def test_new_cards_are_placed_by_the_auto_layout(tmp_path: Path) -> None:
    path = write(tmp_path, "id,kind,title,supports\nv,vision,V,\no,objective,O,v\n")
    vision, objective = import_file(path).workshop.nodes
    assert vision.pos is not None and objective.pos is not None
    assert vision.pos[1] < objective.pos[1], "the vision on top"


def open_workshop() -> Workshop:
    workshop = Workshop()
    workshop.add_team(Team("sales", "Sales", "#123456"))
    workshop.add_node(Node("v", NodeKind.VISION, "Vision", pos=(0.0, 0.0)))
    workshop.add_node(Node("o", NodeKind.OBJECTIVE, "Grow", description="Keep", pos=(0.0, 200.0)))
    workshop.add_node(Node("g", NodeKind.GOAL, "Old title", team="sales", pos=(10.0, 400.0)))
    workshop.add_link(Link("l1", LinkKind.SUPPORTS, "o", "v"))
    workshop.add_link(Link("l2", LinkKind.SUPPORTS, "g", "o", note="kept"))
    return workshop


def test_importing_into_a_workshop_updates_by_id_adds_the_rest_and_deletes_nothing(
    tmp_path: Path,
) -> None:
    workshop = open_workshop()
    before = workshop.copy()
    path = write(
        tmp_path,
        "id,title,team,priority\ng,New title,Sales,high\nn,Brand new,Marketing,low\n",
    )
    with pytest.raises(InterchangeError, match="row 3, column kind: every card needs a kind"):
        import_file(path, into=workshop)
    path = write(
        tmp_path,
        "id,kind,title,team,priority,supports\n"
        "g,goal,New title,Sales,high,\n"
        "n,goal,Brand new,Marketing,low,Grow\n",
    )
    imported = import_file(path, into=workshop)
    assert workshop.nodes == before.nodes and workshop.links == before.links, "a dry run"
    result = imported.workshop
    goal = result.node("g")
    assert (goal.title, goal.priority.value, goal.pos) == ("New title", "high", (10.0, 400.0))
    assert result.node("o").description == "Keep", "a card the file leaves out is kept"
    assert [n.id for n in imported.nodes_updated] == ["g"]
    assert [n.id for n in imported.nodes_added] == ["n"] and imported.nodes_added[0].pos
    assert [t.name for t in imported.teams_added] == ["Marketing"]
    assert [(k.source, k.target) for k in imported.links_added] == [("n", "o")]
    assert imported.links_kept == 2 and result.link("l2").note == "kept"


def test_a_card_cannot_change_its_kind_by_import(tmp_path: Path) -> None:
    path = write(tmp_path, "id,kind,title\ng,objective,Now an objective\n")
    with pytest.raises(InterchangeError, match="row 2, column kind: this card is a team goal"):
        import_file(path, into=open_workshop())
