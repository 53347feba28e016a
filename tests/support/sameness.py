"""What "the same workshop" means after a spreadsheet round trip (README, "Spreadsheets").

- **XLSX** carries everything but positions: a spreadsheet has no map, and an import
  places its cards by the auto-layout. The same workshop is an equal one once every
  position is dropped, and its `check --json` is identical.
- **CSV** is one table of cards. It carries every card field and every link (kind and
  ends), and names teams by name; it has no room for the workshop's details, team ids
  and colours, teams no card names, goals' actions, or links' ids, notes and
  resolutions. The same workshop is one whose `table_view` is equal, and whose
  `check --json` is equal to that of the original with those left out (`csv_reduced`),
  once teams are named by name and link ids are dropped.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from alignment_workshop.analysis import analyze
from alignment_workshop.cli import report_to_json
from alignment_workshop.model import LinkKind, Meta, Node, NodeKind, Workshop


def check_json(workshop: Workshop) -> str:
    """What `check --json` prints for `workshop`."""
    return json.dumps(report_to_json(analyze(workshop)), ensure_ascii=False, indent=2)


def without_positions(workshop: Workshop) -> tuple[Any, ...]:
    """Everything a workshop holds except where its cards are on the map."""
    nodes = [dataclasses.replace(node, pos=None) for node in workshop.iter_nodes()]
    return workshop.meta, workshop.teams, nodes, list(workshop.iter_links())


def table_view(workshop: Workshop) -> tuple[Any, ...]:
    """What one table of cards can say: the cards, teams by name, and links by their ends."""
    names = {team.id: team.name for team in workshop.teams}

    def card(node: Node) -> Node:
        return dataclasses.replace(
            node,
            pos=None,
            actions=(),
            team=None if node.team is None else names[node.team],
            contributors=tuple(names[t] for t in node.contributors),
        )

    links = sorted((k.kind.value, k.source, k.target) for k in workshop.iter_links())
    return [card(node) for node in workshop.iter_nodes()], links


def csv_reduced(workshop: Workshop) -> Workshop:
    """`workshop` without what a CSV file cannot hold: its details (title, period…),
    actions, resolutions and unused teams."""
    reduced = workshop.copy()
    reduced.update_meta(**{name: getattr(Meta(), name) for name in Meta.__slots__})
    for link in workshop.iter_links():
        if link.kind is LinkKind.CONFLICTS and (link.resolved or link.resolution):
            reduced.update_link(link.id, resolved=False, resolution="")
    for node in workshop.iter_nodes():
        if node.kind is NodeKind.GOAL and node.actions:
            reduced.update_node(node.id, actions=())
    for team in workshop.teams:
        if not reduced.team_references(team.id):
            reduced.remove_team(team.id)
    return reduced


def named_check_json(workshop: Workshop) -> Any:
    """`check --json` with teams named by name, in name order, and no link ids."""
    names = {team.id: team.name for team in workshop.teams}
    data = report_to_json(analyze(workshop))
    teams = [dict(t, id=names[str(t["id"])]) for t in data["teams"]]  # type: ignore[union-attr]
    findings = []
    for finding in data["findings"]:  # type: ignore[union-attr]
        item = {k: v for k, v in finding.items() if k != "link"}
        if "team" in item:
            item["team"] = names[item["team"]]
        findings.append(item)
    return {"score": data["score"], "teams": sorted(teams, key=str), "findings": findings}
