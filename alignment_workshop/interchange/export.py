"""A workshop as tables of text: the Cards, Teams, Workshop, Links, Actions and Findings.

Every value is text in a canonical form that `build` reads back to the same value: ids
for cards, numbers as Python writes floats (`5.0`, `1e+15`), dates as YYYY-MM-DD, flags
as yes/no. A card's links are listed in its row, by the ids of their targets; the Links
sheet adds what a list of ids cannot say (a link's id, note and resolution), and the
Actions sheet a goal's actions. Positions are not exported: a spreadsheet has no map.
"""

from __future__ import annotations

from collections import defaultdict

from alignment_workshop.analysis.findings import Report
from alignment_workshop.model import Link, Node, NodeKind, Team, Workshop
from alignment_workshop.model.rules import NODE_FIELDS

from .cells import format_bool, format_number, join_list
from .columns import (
    ACTION_COLUMNS,
    CARD_COLUMNS,
    FINDING_COLUMNS,
    LINK_COLUMNS,
    LINK_DETAIL_COLUMNS,
    TEAM_COLUMNS,
    WORKSHOP_COLUMNS,
)
from .tables import ACTIONS, CARDS, FINDINGS, LINKS, TEAMS, WORKSHOP, SheetData

#: Longest piece of the workshop's notes in one cell; longer notes take several rows.
NOTES_CHUNK = 30_000


def team_names(workshop: Workshop, *, by_name_only: bool) -> dict[str, str]:
    """How each team is written in a card's team or contributors cell.

    With a Teams sheet beside the cards, a team is written by its name when no other
    team shares that name or has it as an id, else by its id. Without one (CSV),
    always by name: the file has nowhere else to say what a team id means.
    """
    teams = workshop.teams
    if by_name_only:
        return {team.id: team.name for team in teams}
    counts: dict[str, int] = defaultdict(int)
    for team in teams:
        counts[team.name] += 1
    ids = {team.id for team in teams}
    return {
        team.id: team.name
        if counts[team.name] == 1 and (team.name not in ids or team.name == team.id)
        else team.id
        for team in teams
    }


def _field_text(node: Node, name: str) -> str:
    value = getattr(node, name)
    if name in ("baseline", "target", "current"):
        return format_number(value)
    if name == "due":
        return "" if value is None else value.isoformat()
    if name in ("priority", "status"):
        return str(value.value)
    if name in ("impact", "votes"):
        return str(value)
    return str(value)


def card_rows(workshop: Workshop, names: dict[str, str]) -> list[list[str]]:
    """One row per card, in the workshop's order, with its outgoing links by target id."""
    outgoing: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for link in workshop.iter_links():
        outgoing[link.source][link.kind.value].append(link.target)
    rows = []
    for node in workshop.iter_nodes():
        applies = NODE_FIELDS[node.kind]
        row = []
        for column in CARD_COLUMNS:
            if column in LINK_COLUMNS:
                row.append(join_list(outgoing[node.id].get(column, ())))
            elif column == "kind":
                row.append(node.kind.value)
            elif column == "team":
                row.append("" if node.team is None else names[node.team])
            elif column == "contributors":
                row.append(join_list(names[t] for t in node.contributors))
            elif column in applies:
                row.append(_field_text(node, column))
            else:
                row.append("")
        rows.append(row)
    return rows


def cards_sheet(workshop: Workshop, *, by_name_only: bool = False) -> SheetData:
    """The Cards sheet (also the whole CSV file)."""
    names = team_names(workshop, by_name_only=by_name_only)
    return SheetData(CARDS, CARD_COLUMNS, card_rows(workshop, names))


def teams_sheet(teams: list[Team]) -> SheetData:
    """The Teams sheet: id, name and colour of every team, in order."""
    return SheetData(TEAMS, TEAM_COLUMNS, [[t.id, t.name, t.color] for t in teams])


def workshop_sheet(workshop: Workshop) -> SheetData:
    """The Workshop sheet: one field a row; a participant a row; long notes in pieces."""
    meta = workshop.meta
    rows = [["title", meta.title], ["date", "" if meta.date is None else meta.date.isoformat()]]
    period = meta.period
    rows += [
        ["period start", "" if period is None else period.start.isoformat()],
        ["period end", "" if period is None else period.end.isoformat()],
        ["period label", "" if period is None else period.label],
        ["facilitator", meta.facilitator],
    ]
    rows += [["participant", name] for name in meta.participants]
    notes = meta.notes
    pieces = [notes[i : i + NOTES_CHUNK] for i in range(0, len(notes), NOTES_CHUNK)] or [""]
    rows += [["notes", piece] for piece in pieces]
    return SheetData(WORKSHOP, WORKSHOP_COLUMNS, rows)


def _link_row(link: Link) -> list[str]:
    is_conflict = link.kind.value == "conflicts"
    return [
        link.id, link.kind.value, link.source, link.target, link.note,
        format_bool(link.resolved) if is_conflict else "",
        link.resolution if is_conflict else "",
    ]  # fmt: skip


def links_sheet(workshop: Workshop) -> SheetData:
    """The Links sheet: every link's id, ends, note and resolution."""
    return SheetData(LINKS, LINK_DETAIL_COLUMNS, [_link_row(k) for k in workshop.iter_links()])


def actions_sheet(workshop: Workshop) -> SheetData:
    """The Actions sheet: every goal's actions, in order."""
    rows = [
        [node.id, action.text, action.owner, format_bool(action.done)]
        for node in workshop.iter_nodes()
        if node.kind is NodeKind.GOAL
        for action in node.actions
    ]
    return SheetData(ACTIONS, ACTION_COLUMNS, rows)


def findings_sheet(report: Report) -> SheetData:
    """The Findings sheet: what `check` says, most severe first; never read back."""
    rows = [
        [f.severity.value, f.rule, join_list(f.nodes), f.message]
        for f in sorted(report.findings, key=lambda f: f.sort_key)
    ]
    return SheetData(FINDINGS, FINDING_COLUMNS, rows)


def workbook_sheets(workshop: Workshop, report: Report) -> list[SheetData]:
    """Every sheet of an XLSX export, in order."""
    return [
        cards_sheet(workshop),
        teams_sheet(workshop.teams),
        workshop_sheet(workshop),
        links_sheet(workshop),
        actions_sheet(workshop),
        findings_sheet(report),
    ]
