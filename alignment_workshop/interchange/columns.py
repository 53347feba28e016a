"""The columns of each sheet, the names a header may use for them, and value synonyms.

A header matches a column when it is the column's name or one of its synonyms, compared
case-insensitively with spaces, `_` and `-` treated alike ("Key Result of", "aligns_to").
Kinds, statuses and priorities accept the words OKR tools use too ("KR", "Team goal",
"Committed", "P1"). The exports always write the canonical names and values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Final

from alignment_workshop.model import LinkKind, NodeKind, Priority, Status

#: The card columns, in the order the Cards sheet and the CSV file have them.
CARD_COLUMNS: Final = (
    "id", "kind", "title", "description",
    "team", "contributors", "owner", "status", "priority", "impact", "votes", "due", "why",
    "metric", "baseline", "target", "current", "unit",
    "supports", "measures", "upholds", "depends", "conflicts",
)  # fmt: skip
#: The columns that list a card's outgoing links, by link kind.
LINK_COLUMNS: Final[dict[str, LinkKind]] = {kind.value: kind for kind in LinkKind}

#: What a CSV file adds after the card columns, for its rows that are not cards (see
#: `csvrows`): the card a link or action row belongs to, a conflict's resolution, a
#: team's colour, and the workshop's facilitator, participants, date and period.
CSV_EXTRA_COLUMNS: Final = (
    "card", "resolution", "color", "facilitator", "participants", "workshop date", "period",
)  # fmt: skip
#: The columns of a CSV file, in order.
CSV_COLUMNS: Final = CARD_COLUMNS + CSV_EXTRA_COLUMNS

TEAM_COLUMNS: Final = ("id", "name", "color")
#: The Workshop sheet is a list of fields and their values.
WORKSHOP_COLUMNS: Final = ("field", "value")
LINK_DETAIL_COLUMNS: Final = ("id", "kind", "source", "target", "note", "resolved", "resolution")
ACTION_COLUMNS: Final = ("card", "text", "owner", "done")
FINDING_COLUMNS: Final = ("severity", "rule", "cards", "message")

#: Other names a header may use for a column, beside the column's own.
CARD_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("card id", "key", "identifier", "ref"),
    "kind": ("type", "card type", "level", "category"),
    "title": ("name", "summary", "objective", "goal", "key result", "kr", "headline"),
    "description": ("details", "detail", "notes", "note", "body"),
    "team": ("department", "dept", "function", "group", "lead team", "squad"),
    "contributors": ("contributing teams", "supporting teams", "other teams", "helpers"),
    "owner": ("lead", "responsible", "assignee", "dri", "accountable"),
    "status": ("state",),
    "priority": ("prio",),
    "impact": (),
    "votes": ("dots", "dot votes"),
    "due": ("due date", "deadline", "target date", "end date", "date"),
    "why": ("rationale", "reason", "so that"),
    "metric": ("kpi", "indicator"),
    "baseline": ("start", "start value", "starting value", "initial value", "from"),
    "target": ("target value", "goal value", "to"),
    "current": ("current value", "actual", "actual value", "progress value"),
    "unit": ("units", "unit of measure"),
    "supports": ("parent", "parent id", "aligns to", "aligned to", "contributes to", "serves"),
    "measures": ("measures objective", "key result of", "kr of", "measured objective"),
    "upholds": ("values", "lives value"),
    "depends": ("depends on", "dependencies", "blocked by", "needs"),
    "conflicts": ("conflicts with", "conflict", "tensions"),
}
CSV_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    **CARD_SYNONYMS,
    "card": ("from card", "of card", "for card"),
    "resolution": ("how resolved", "resolved how"),
    "color": ("colour", "team color", "team colour"),
    "facilitator": ("facilitated by", "moderator"),
    "participants": ("attendees", "participant"),
    "workshop date": ("date of the workshop", "held on"),
    "period": ("workshop period",),
}
TEAM_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("team id", "key"),
    "name": ("team", "team name", "department"),
    "color": ("colour", "team color", "team colour"),
}
LINK_DETAIL_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "id": ("link id",),
    "kind": ("type", "link kind"),
    "source": ("from",),
    "target": ("to",),
    "note": ("notes",),
    "resolved": (),
    "resolution": (),
}
ACTION_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {
    "card": ("card id", "goal", "goal id"),
    "text": ("action", "step"),
    "owner": ("who",),
    "done": ("complete", "completed"),
}
WORKSHOP_SYNONYMS: Final[dict[str, tuple[str, ...]]] = {"field": ("key",), "value": ()}


def normalise(header: str) -> str:
    """A header as it is compared: case-folded, with runs of space, `_` and `-` as one space."""
    return " ".join(re.split(r"[\s_\-]+", header.casefold())).strip()


def header_index(synonyms: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Every accepted header spelling (normalised) mapped to its column."""
    index: dict[str, str] = {}
    for column, others in synonyms.items():
        for name in (column, *others):
            index.setdefault(normalise(name), column)
    return index


def match_headers(
    headers: Sequence[str], synonyms: dict[str, tuple[str, ...]]
) -> tuple[dict[int, str], list[str], list[tuple[str, str]]]:
    """Which column each header is: ({position: column}, unknown headers, duplicates).

    A duplicate is a (header, column) whose column an earlier header already claimed.
    """
    index = header_index(synonyms)
    found: dict[int, str] = {}
    unknown: list[str] = []
    duplicates: list[tuple[str, str]] = []
    for position, header in enumerate(headers):
        if not header.strip():
            continue
        column = index.get(normalise(header))
        if column is None:
            unknown.append(header.strip())
        elif column in found.values():
            duplicates.append((header.strip(), column))
        else:
            found[position] = column
    return found, unknown, duplicates


def _value_index(pairs: Iterable[tuple[str, Iterable[str]]]) -> dict[str, str]:
    return {normalise(word): value for value, words in pairs for word in (value, *words)}


KIND_WORDS: Final = _value_index(
    [
        (NodeKind.VISION.value, ("mission", "north star", "purpose")),
        (NodeKind.VALUE.value, ("principle", "core value")),
        (NodeKind.OBJECTIVE.value, ("company objective", "o", "okr", "company goal")),
        (
            NodeKind.GOAL.value,
            ("team goal", "team objective", "department objective", "initiative"),
        ),
        (NodeKind.KEY_RESULT.value, ("key result", "kr", "key_result", "result")),
    ]
)
STATUS_WORDS: Final = _value_index(
    [
        (Status.PROPOSED.value, ("draft", "new", "open", "planned", "idea")),
        (Status.AGREED.value, ("committed", "approved", "accepted", "active", "on track")),
        (Status.DROPPED.value, ("cancelled", "canceled", "abandoned", "rejected", "not accepted")),
    ]
)
PRIORITY_WORDS: Final = _value_index(
    [
        (Priority.HIGH.value, ("h", "p1", "1", "must", "critical")),
        (Priority.MEDIUM.value, ("m", "p2", "2", "should", "normal")),
        (Priority.LOW.value, ("l", "p3", "3", "could", "nice to have")),
    ]
)


def read_choice(text: str, words: dict[str, str], what: str) -> str:
    """The canonical value `text` names in `words`; raises ValueError naming the choices."""
    value = words.get(normalise(text))
    if value is None:
        choices = ", ".join(sorted(set(words.values())))
        raise ValueError(f"must be a {what}: {choices} (got {text.strip()[:40]!r})")
    return value
