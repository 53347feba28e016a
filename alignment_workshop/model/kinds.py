"""The enumerations of the workshop model: node and link kinds, priorities and statuses."""

from __future__ import annotations

from enum import StrEnum


class NodeKind(StrEnum):
    """What a card on the map stands for."""

    VISION = "vision"
    VALUE = "value"
    OBJECTIVE = "objective"
    GOAL = "goal"
    KEY_RESULT = "key_result"

    @property
    def label(self) -> str:
        """The name a person reads: "Team goal" rather than "goal"."""
        return _NODE_LABELS[self]


_NODE_LABELS = {
    NodeKind.VISION: "Vision",
    NodeKind.VALUE: "Value",
    NodeKind.OBJECTIVE: "Objective",
    NodeKind.GOAL: "Team goal",
    NodeKind.KEY_RESULT: "Key result",
}


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


class Status(StrEnum):
    """Where an objective, goal or key result stands in the workshop's decision."""

    PROPOSED = "proposed"
    AGREED = "agreed"
    DROPPED = "dropped"
