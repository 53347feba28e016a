"""The fields of each record of a current (version-2) file, in the order they are written.

One table serves both directions: the writer writes keys in this order, and the reader
refuses any key outside it. Which node fields apply to which kind comes from the model's
`rules.NODE_FIELDS`, so the file and the edit API can never disagree; the only renaming
is the model's `pos`, written as the two keys `x` and `y`.
"""

from __future__ import annotations

from typing import Final

from alignment_workshop.model import LinkKind, NodeKind
from alignment_workshop.model.rules import NODE_FIELDS

TOP_KEYS: Final = ("format", "version", "generator", "workshop", "teams", "nodes", "links")
WORKSHOP_KEYS: Final = ("title", "date", "period", "facilitator", "participants", "notes")
PERIOD_KEYS: Final = ("start", "end", "label")
TEAM_KEYS: Final = ("id", "name", "color")
ACTION_KEYS: Final = ("text", "owner", "done")

#: Every node key a file may hold, in the order written.
ALL_NODE_KEYS: Final = (
    "id",
    "kind",
    "title",
    "description",
    "x",
    "y",
    "priority",
    "impact",
    "metric",
    "status",
    "votes",
    "team",
    "contributors",
    "owner",
    "why",
    "due",
    "baseline",
    "target",
    "current",
    "unit",
    "actions",
)

#: The file keys that carry one model field, where the names differ.
FILE_TO_MODEL: Final = {"x": "pos", "y": "pos"}
#: Where a model field's errors point in a file: a bad `pos` is reported at `x`.
MODEL_TO_FILE: Final = {"pos": "x"}


def model_field(key: str) -> str:
    """The model field a file key carries ("x" → "pos")."""
    return FILE_TO_MODEL.get(key, key)


#: For each node kind, the keys that apply to it, in the order written.
NODE_KEYS: Final[dict[NodeKind, tuple[str, ...]]] = {
    kind: tuple(key for key in ALL_NODE_KEYS if model_field(key) in fields)
    for kind, fields in NODE_FIELDS.items()
}

_LINK_COMMON: Final = ("id", "kind", "source", "target", "note")

#: For each link kind, the keys that apply to it, in the order written.
LINK_KEYS: Final[dict[LinkKind, tuple[str, ...]]] = {
    kind: _LINK_COMMON + (("resolved", "resolution") if kind is LinkKind.CONFLICTS else ())
    for kind in LinkKind
}
ALL_LINK_KEYS: Final = LINK_KEYS[LinkKind.CONFLICTS]

REQUIRED_TOP: Final = ("format", "version", "nodes")
REQUIRED_PERIOD: Final = ("start", "end")
REQUIRED_TEAM: Final = ("id", "name")
REQUIRED_NODE: Final = ("id", "kind", "title")
REQUIRED_LINK: Final = ("id", "kind", "source", "target")
REQUIRED_ACTION: Final = ("text",)
