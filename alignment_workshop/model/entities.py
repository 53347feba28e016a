"""The records of a workshop: its metadata and period, teams, nodes, links and actions.

Every record is a frozen dataclass. The workshop replaces a record to change it, so a
record handed out can never change behind its holder's back, and an undo command can keep
the old record as it was.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .kinds import LinkKind, NodeKind, Priority, Status
from .rules import DEFAULT_COLOR, DEFAULT_TITLE

Position = tuple[float, float]


@dataclass(frozen=True, slots=True)
class Period:
    """The span of time the workshop's goals are set for: "H1 2027", a quarter, a year."""

    start: dt.date
    end: dt.date
    label: str = ""

    def __contains__(self, day: object) -> bool:
        """Whether `day` falls within the period, both ends included."""
        return isinstance(day, dt.date) and self.start <= day <= self.end


@dataclass(frozen=True, slots=True)
class Meta:
    """What the workshop is: its title, date, period, facilitator, participants and notes."""

    title: str = DEFAULT_TITLE
    date: dt.date | None = None
    period: Period | None = None
    facilitator: str = ""
    participants: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Team:
    """A department whose goals appear on the map, with the colour it is drawn in."""

    id: str
    name: str
    color: str = DEFAULT_COLOR


@dataclass(frozen=True, slots=True)
class Action:
    """One concrete step of a team goal."""

    text: str
    owner: str = ""
    done: bool = False


@dataclass(frozen=True, slots=True)
class Node:
    """A card on the map: a vision, a value, an objective, a team goal or a key result.

    One record type serves every kind. The fields a kind does not have (see
    `rules.NODE_FIELDS`) must keep their defaults; the validation enforces it.
    """

    id: str
    kind: NodeKind
    title: str
    description: str = ""
    pos: Position | None = None
    priority: Priority = Priority.MEDIUM
    impact: int = 3
    metric: str = ""
    status: Status = Status.PROPOSED
    votes: int = 0
    team: str | None = None
    #: The other teams a goal asks for help; `team` leads it.
    contributors: tuple[str, ...] = ()
    owner: str = ""
    why: str = ""
    due: dt.date | None = None
    #: A key result's measure: where it started, where it should get to, where it is.
    baseline: float | None = None
    target: float | None = None
    current: float | None = None
    unit: str = ""
    actions: tuple[Action, ...] = field(default=())

    @property
    def is_active(self) -> bool:
        """Every node is active except a dropped objective, goal or key result."""
        return self.status is not Status.DROPPED


@dataclass(frozen=True, slots=True)
class Link:
    """A relation between two nodes: supports, upholds, conflicts, depends or measures."""

    id: str
    kind: LinkKind
    source: str
    target: str
    note: str = ""
    resolved: bool = False
    resolution: str = ""

    def other_end(self, node_id: str) -> str:
        """The end of this link that is not `node_id`."""
        return self.target if node_id == self.source else self.source
