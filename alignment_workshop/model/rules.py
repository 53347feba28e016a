"""The rules shared by the edit API and the file format: limits, id syntax, allowed links.

One table here feeds both the model's validation and the loader, so that a workshop the
editor accepts is always a workshop the file format accepts, and the other way round.
"""

from __future__ import annotations

import re
from typing import Final

from .kinds import LinkKind, NodeKind

ID_PATTERN: Final = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]*")
ID_MAX: Final = 64
DATE_PATTERN: Final = re.compile(r"\d{4}-\d{2}-\d{2}")
COLOR_PATTERN: Final = re.compile(r"#[0-9A-Fa-f]{6}")
COORD_MAX: Final = 1e7
#: The largest magnitude of a key result's baseline, target or current value.
MEASURE_MAX: Final = 1e15

DEFAULT_TITLE: Final = "Untitled workshop"
DEFAULT_COLOR: Final = "#888888"

MAX_NODES: Final = 50_000
MAX_LINKS: Final = 200_000
MAX_TEAMS: Final = 1_000
MAX_PARTICIPANTS: Final = 1_000
MAX_ACTIONS: Final = 1_000
MAX_CONTRIBUTORS: Final = 100

#: Longest allowed length of each text field, by field name.
TEXT_LIMITS: Final[dict[str, int]] = {
    "workshop.title": 200,
    "workshop.facilitator": 200,
    "workshop.participant": 200,
    "workshop.notes": 100_000,
    "period.label": 40,
    "team.name": 100,
    "node.title": 200,
    "node.description": 10_000,
    "node.metric": 500,
    "node.owner": 200,
    "node.why": 5_000,
    "node.unit": 20,
    "action.text": 500,
    "action.owner": 200,
    "link.note": 2_000,
    "link.resolution": 2_000,
}

#: The lowest and highest value of each integer field, by field name. The model, the
#: file format and every spin box of the editor share these bounds; a file with a value
#: outside them is refused, naming the field. A Qt spin box holds at most 2,147,483,647,
#: so no bound may pass that.
INT_LIMITS: Final[dict[str, tuple[int, int]]] = {
    "node.impact": (1, 5),
    "node.votes": (0, 1_000_000),
}
#: The largest integer a spin box can show: every bound in `INT_LIMITS` stays within it.
SPIN_BOX_MAX: Final = 2**31 - 1

#: The node fields every kind has.
COMMON_NODE_FIELDS: Final = frozenset({"id", "kind", "title", "description", "pos"})
#: The fields objectives and goals add: how much they matter and where they stand.
RANKED_NODE_FIELDS: Final = frozenset({"priority", "impact", "metric", "status", "votes"})
#: The fields only a team goal has.
GOAL_NODE_FIELDS: Final = frozenset({"team", "contributors", "owner", "why", "due", "actions"})
#: The fields of a key result: who owns it, where it stands, and its measure.
KEY_RESULT_NODE_FIELDS: Final = frozenset(
    {"owner", "team", "status", "due", "baseline", "target", "current", "unit"}
)

#: Which node fields apply to each kind.
NODE_FIELDS: Final[dict[NodeKind, frozenset[str]]] = {
    NodeKind.VISION: COMMON_NODE_FIELDS,
    NodeKind.VALUE: COMMON_NODE_FIELDS,
    NodeKind.OBJECTIVE: COMMON_NODE_FIELDS | RANKED_NODE_FIELDS | {"owner"},
    NodeKind.GOAL: COMMON_NODE_FIELDS | RANKED_NODE_FIELDS | GOAL_NODE_FIELDS,
    NodeKind.KEY_RESULT: COMMON_NODE_FIELDS | KEY_RESULT_NODE_FIELDS,
}

_G, _O, _V, _VAL = NodeKind.GOAL, NodeKind.OBJECTIVE, NodeKind.VISION, NodeKind.VALUE
_KR = NodeKind.KEY_RESULT

#: For each link kind, the (source kind, target kind) pairs it may join.
ALLOWED_LINKS: Final[dict[LinkKind, frozenset[tuple[NodeKind, NodeKind]]]] = {
    LinkKind.SUPPORTS: frozenset({(_G, _G), (_G, _O), (_G, _V), (_G, _KR), (_O, _O), (_O, _V)}),
    LinkKind.UPHOLDS: frozenset({(_G, _VAL), (_O, _VAL)}),
    LinkKind.CONFLICTS: frozenset({(_G, _G), (_G, _O), (_O, _G), (_O, _O)}),
    LinkKind.DEPENDS: frozenset({(_G, _G)}),
    LinkKind.MEASURES: frozenset({(_KR, _O), (_KR, _G)}),
}

#: Link kinds of which a node may be the source of one at most: a key result measures
#: one objective or goal.
SINGLE_SOURCE_LINKS: Final = frozenset({LinkKind.MEASURES})


def link_allowed(kind: LinkKind, source: NodeKind, target: NodeKind) -> bool:
    """Whether the format lets a link of `kind` run from a `source` node to a `target` node."""
    return (source, target) in ALLOWED_LINKS[kind]


def allowed_link_kinds(source: NodeKind, target: NodeKind) -> list[LinkKind]:
    """Every link kind that may run from `source` to `target`, in the enum's order."""
    return [kind for kind in LinkKind if link_allowed(kind, source, target)]


def natural_link_kind(source: NodeKind, target: NodeKind) -> LinkKind | None:
    """The kind a drag from `source` onto `target` makes: supports, measures, upholds or none.

    `conflicts` and `depends` are never implied by a drag; they are chosen explicitly.
    """
    for kind in (LinkKind.SUPPORTS, LinkKind.MEASURES, LinkKind.UPHOLDS):
        if link_allowed(kind, source, target):
            return kind
    return None


def link_key(kind: LinkKind, source: str, target: str) -> tuple[str, str, str]:
    """The identity of a link for the no-duplicates rule; a conflict's ends are unordered."""
    if kind is LinkKind.CONFLICTS and target < source:
        source, target = target, source
    return (kind.value, source, target)
