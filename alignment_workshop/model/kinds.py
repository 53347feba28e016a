"""The enumerations of the workshop model: node and link kinds, priorities and statuses."""

from __future__ import annotations

from enum import StrEnum

from ..i18n import N_, _, ngettext


class NodeKind(StrEnum):
    """What a card on the map stands for."""

    VISION = "vision"
    VALUE = "value"
    OBJECTIVE = "objective"
    GOAL = "goal"
    KEY_RESULT = "key_result"

    @property
    def label(self) -> str:
        """The name a person reads, in the language in effect: "Team goal", not "goal"."""
        return _(_NODE_LABELS[self])

    def counted(self, count: int) -> str:
        """ "1 objective", "3 team goals": `count` cards of this kind, in the language in effect."""
        return _counted(self, count).format(count=count)

    @property
    def noun(self) -> str:
        """The name inside a sentence, in the language in effect: "team goal" in English."""
        return _(_NODE_NOUNS[self])


_NODE_LABELS = {
    NodeKind.VISION: N_("Vision"),
    NodeKind.VALUE: N_("Value"),
    NodeKind.OBJECTIVE: N_("Objective"),
    NodeKind.GOAL: N_("Team goal"),
    NodeKind.KEY_RESULT: N_("Key result"),
}
_NODE_NOUNS = {
    NodeKind.VISION: N_("vision"),
    NodeKind.VALUE: N_("value"),
    NodeKind.OBJECTIVE: N_("objective"),
    NodeKind.GOAL: N_("team goal"),
    NodeKind.KEY_RESULT: N_("key result"),
}


def _counted(kind: NodeKind, n: int) -> str:
    if kind is NodeKind.VISION:
        return ngettext("{count} vision", "{count} visions", n)
    if kind is NodeKind.VALUE:
        return ngettext("{count} value", "{count} values", n)
    if kind is NodeKind.OBJECTIVE:
        return ngettext("{count} objective", "{count} objectives", n)
    if kind is NodeKind.GOAL:
        return ngettext("{count} team goal", "{count} team goals", n)
    return ngettext("{count} key result", "{count} key results", n)


class LinkKind(StrEnum):
    """How two cards relate."""

    SUPPORTS = "supports"
    UPHOLDS = "upholds"
    CONFLICTS = "conflicts"
    DEPENDS = "depends"
    MEASURES = "measures"


class Priority(StrEnum):
    """The priority of an objective or goal, highest first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for high, 2 for low: sorts the most urgent first."""
        return list(Priority).index(self)

    @property
    def label(self) -> str:
        """The name a person reads, in the language in effect: "High"."""
        return _(_CHOICE_LABELS[self])


class Status(StrEnum):
    """Where an objective, goal or key result stands in the workshop's decision."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    DROPPED = "dropped"

    @property
    def label(self) -> str:
        """The name a person reads, in the language in effect: "Agreed"."""
        return _(_CHOICE_LABELS[self])


_CHOICE_LABELS: dict[Priority | Status, str] = {
    Priority.HIGH: N_("High"),
    Priority.MEDIUM: N_("Medium"),
    Priority.LOW: N_("Low"),
    Status.PROPOSED: N_("Proposed"),
    Status.AGREED: N_("Agreed"),
    Status.DROPPED: N_("Dropped"),
}
