"""The workshop model: plain records, the rules they obey, and the one edit API.

Standard library only: the model never imports Qt, networkx or anything above it.
"""

from .entities import Action, Link, Meta, Node, Period, Position, Team
from .errors import ValidationError
from .events import Added, Changed, Event, Removed, WorkshopEvents
from .ids import is_valid_id, new_id
from .kinds import LinkKind, NodeKind, Priority, Status
from .rules import allowed_link_kinds, link_allowed, natural_link_kind
from .workshop import Workshop

__all__ = [
    "Action",
    "Added",
    "Changed",
    "Event",
    "Link",
    "LinkKind",
    "Meta",
    "Node",
    "NodeKind",
    "Period",
    "Position",
    "Priority",
    "Removed",
    "Status",
    "Team",
    "ValidationError",
    "Workshop",
    "WorkshopEvents",
    "allowed_link_kinds",
    "is_valid_id",
    "link_allowed",
    "natural_link_kind",
    "new_id",
]
