"""A small builder for hand-made workshops in the analysis tests, and its own checks.

Every change goes through the model's edit API, so the maps the tests build are maps a
user could build. A node's default title is "<Kind> <id>" so messages can be checked for
the titles they name.
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

from alignment_workshop.analysis import Finding, Report, analyze
from alignment_workshop.model import Link, LinkKind, Node, NodeKind, Status, Team, Workshop


class Map:
    """A workshop under construction, with short-hand edits and the checks' answers."""

    def __init__(self) -> None:
        self.workshop = Workshop()

    # ----------------------------------------------------------------- nodes

    def team(self, team_id: str, name: str | None = None) -> str:
        self.workshop.add_team(Team(team_id, name or f"Team {team_id}"))
        return team_id

    def node(self, node_id: str, kind: NodeKind, **fields: Any) -> str:
        fields.setdefault("title", f"{kind.label} {node_id}")
        self.workshop.add_node(Node(node_id, kind, **fields))
        return node_id

    def vision(self, node_id: str = "v", **fields: Any) -> str:
        return self.node(node_id, NodeKind.VISION, **fields)

    def value(self, node_id: str, **fields: Any) -> str:
        return self.node(node_id, NodeKind.VALUE, **fields)

    def objective(self, node_id: str, **fields: Any) -> str:
        return self.node(node_id, NodeKind.OBJECTIVE, **fields)

    def goal(self, node_id: str, **fields: Any) -> str:
        return self.node(node_id, NodeKind.GOAL, **fields)

    def key_result(self, node_id: str, **fields: Any) -> str:
        fields.setdefault("target", 1.0)
        return self.node(node_id, NodeKind.KEY_RESULT, **fields)

    def drop(self, *node_ids: str) -> None:
        for node_id in node_ids:
            self.workshop.update_node(node_id, status=Status.DROPPED)

    def title(self, node_id: str) -> str:
        return self.workshop.node(node_id).title

    # ----------------------------------------------------------------- links

    def link(self, kind: LinkKind, source: str, target: str, **fields: Any) -> str:
        link_id = f"{kind.value}.{source}.{target}"
        self.workshop.add_link(Link(link_id, kind, source, target, **fields))
        return link_id

    def supports(self, *chain: str) -> list[str]:
        """Supports links along `chain`: supports("g", "o", "v") is g → o → v."""
        return [self.link(LinkKind.SUPPORTS, s, t) for s, t in pairwise(chain)]

    def measures(self, key_result: str, target: str) -> str:
        return self.link(LinkKind.MEASURES, key_result, target)

    def upholds(self, source: str, value: str) -> str:
        return self.link(LinkKind.UPHOLDS, source, value)

    def conflicts(self, a: str, b: str, *, resolved: bool = False) -> str:
        return self.link(LinkKind.CONFLICTS, a, b, resolved=resolved)

    def depends(self, *chain: str) -> list[str]:
        return [self.link(LinkKind.DEPENDS, s, t) for s, t in pairwise(chain)]

    # ----------------------------------------------------------------- checks

    def report(self) -> Report:
        return analyze(self.workshop)

    def findings(self, rule: str) -> list[Finding]:
        return [f for f in self.report().findings if f.rule == rule]

    def named(self, finding: Finding, *node_ids: str) -> bool:
        """Whether the finding's message quotes the title of each of `node_ids`."""
        return all(f"'{self.title(n)}'" in finding.message for n in node_ids)


DUE = dt.date(2027, 3, 31)


def test_the_builder_makes_titles_from_kind_and_id() -> None:
    m = Map()
    m.vision()
    m.goal("g1")
    assert m.title("v") == "Vision v"
    assert m.title("g1") == "Team goal g1"


def test_the_builder_gives_key_results_a_target_unless_told() -> None:
    m = Map()
    m.key_result("k1")
    m.key_result("k2", target=None)
    assert m.title("k1") == "Key result k1"
    assert (m.workshop.node("k1").target, m.workshop.node("k2").target) == (1.0, None)


def test_the_builder_links_a_chain() -> None:
    m = Map()
    m.vision()
    m.objective("o")
    m.goal("g")
    assert m.supports("g", "o", "v") == ["supports.g.o", "supports.o.v"]
    assert [link.id for link in m.workshop.links] == ["supports.g.o", "supports.o.v"]
