"""Validation of single records against the rules of the format.

Each `check_*` function takes a value as given (by the editor or by the loader), raises
`ValidationError` naming the field when it breaks a rule, and returns it normalised
(a string "high" becomes `Priority.HIGH`). Cross-record rules (references, duplicates)
live in `workshop.py`, which knows the other records.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import math
from enum import StrEnum
from typing import Any, TypeVar

from alignment_workshop.i18n import _, grouped

from .entities import Action, Link, Meta, Node, Period, Team
from .errors import ValidationError
from .ids import is_valid_id
from .kinds import LinkKind, NodeKind, Priority, Status
from .rules import (
    COLOR_PATTERN,
    COORD_MAX,
    DATE_PATTERN,
    ID_MAX,
    INT_LIMITS,
    MAX_ACTIONS,
    MAX_CONTRIBUTORS,
    MAX_PARTICIPANTS,
    MEASURE_MAX,
    NODE_FIELDS,
    TEXT_LIMITS,
)

E = TypeVar("E", bound=StrEnum)
#: One of the frozen records a workshop holds.
R = TypeVar("R", Meta, Team, Node, Link, Action)

_NODE_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Node)}
#: For each kind, the fields that do not apply to it, with the default they must keep.
_INAPPLICABLE = {
    kind: tuple((name, default) for name, default in _NODE_DEFAULTS.items() if name not in fields)
    for kind, fields in NODE_FIELDS.items()
}


def show(value: object, limit: int = 40) -> str:
    """A short, one-line rendering of a bad value for an error message."""
    try:
        text = json.dumps(value, ensure_ascii=False, default=str)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def type_name(value: object) -> str:
    """The JSON name of a value's type, for messages: string, number, list…"""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, (list, tuple)):
        return "list"
    if isinstance(value, dict):
        return "object"
    return type(value).__name__


def check_text(value: object, field: str, limit_key: str, *, required: bool = False) -> str:
    """A string within its length limit; `required` also refuses a blank one."""
    if not isinstance(value, str):
        raise ValidationError(
            field, _("must be a string (got {type_name})").format(type_name=type_name(value))
        )
    limit = TEXT_LIMITS[limit_key]
    if len(value) > limit:
        raise ValidationError(
            field,
            _("must be at most {limit} characters (got {count})").format(
                limit=grouped(limit), count=grouped(len(value))
            ),
        )
    if required and not value.strip():
        raise ValidationError(field, _("must not be blank"))
    return value


def check_id(value: object, field: str = "id") -> str:
    """A well-formed id."""
    if not isinstance(value, str):
        raise ValidationError(
            field, _("must be a string id (got {type_name})").format(type_name=type_name(value))
        )
    if not is_valid_id(value):
        raise ValidationError(
            field,
            _(
                "must be 1–{ID_MAX} letters, digits or _.:- starting with a letter or digit (got "
                "{show})"
            ).format(ID_MAX=ID_MAX, show=show(value)),
        )
    return value


def check_enum(enum: type[E], value: object, field: str) -> E:
    """A member of `enum`, given as the member or as its string value."""
    if isinstance(value, enum):
        return value
    if isinstance(value, str):
        try:
            return enum(value)
        except ValueError:
            pass
    choices = ", ".join(member.value for member in enum)
    raise ValidationError(
        field, _("must be one of {choices} (got {show})").format(choices=choices, show=show(value))
    )


def check_int(value: object, field: str, low: int, high: int | None = None) -> int:
    """An integer (never a boolean) from `low` to `high`."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(
            field, _("must be an integer (got {type_name})").format(type_name=type_name(value))
        )
    if value < low or (high is not None and value > high):
        bound = (
            _("from {low} to {high}").format(low=grouped(low), high=grouped(high))
            if high is not None
            else _("at least {low}").format(low=grouped(low))
        )
        raise ValidationError(
            field,
            _("must be an integer {bound} (got {show})").format(bound=bound, show=show(value)),
        )
    return value


def check_bool(value: object, field: str) -> bool:
    """A true boolean."""
    if not isinstance(value, bool):
        raise ValidationError(
            field, _("must be true or false (got {type_name})").format(type_name=type_name(value))
        )
    return value


def parse_date(value: object, field: str) -> dt.date | None:
    """A calendar date from a date, a "YYYY-MM-DD" string, or None."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, str) and DATE_PATTERN.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
        raise ValidationError(
            field, _("is not a real calendar date (got {show})").format(show=show(value))
        )
    raise ValidationError(
        field, _('must be a date "YYYY-MM-DD" or null (got {show})').format(show=show(value))
    )


def check_color(value: object, field: str = "color") -> str:
    """A "#RRGGBB" colour."""
    if not isinstance(value, str) or not COLOR_PATTERN.fullmatch(value):
        raise ValidationError(
            field, _('must be a colour "#RRGGBB" (got {show})').format(show=show(value))
        )
    return value


def check_coordinate(value: object, field: str) -> float:
    """A finite number no larger than 1e7 in magnitude."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(
            field, _("must be a number (got {type_name})").format(type_name=type_name(value))
        )
    if not math.isfinite(value) or abs(value) > COORD_MAX:
        raise ValidationError(
            field, _("must be a finite number within ±1e7 (got {show})").format(show=show(value))
        )
    return float(value)


def check_pos(value: object, field: str = "pos") -> tuple[float, float] | None:
    """An (x, y) pair of coordinates, or None for "not placed yet"."""
    if value is None:
        return None
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise ValidationError(field, _("must be an (x, y) pair or None"))
    x, y = check_coordinate(value[0], "x"), check_coordinate(value[1], "y")
    if type(value) is tuple and x is value[0] and y is value[1]:
        return value
    return (x, y)


def check_measure(value: object, field: str) -> float | None:
    """A key result's number: finite, no larger than 1e15 in magnitude, or None."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValidationError(
            field,
            _("must be a number or null (got {type_name})").format(type_name=type_name(value)),
        )
    if not -MEASURE_MAX <= value <= MEASURE_MAX:  # NaN fails both comparisons
        raise ValidationError(
            field, _("must be a finite number within ±1e15 (got {show})").format(show=show(value))
        )
    return float(value)


def _period_day(value: object, name: str) -> dt.date:
    """The start or end of a period: a real date, never None."""
    day = parse_date(value, f"period.{name}")
    if day is None:
        raise ValidationError(f"period.{name}", _('must be a date "YYYY-MM-DD" (got null)'))
    return day


def validate_period(period: object) -> Period | None:
    """The workshop's period, or None: two real dates, the start not after the end."""
    if period is None:
        return None
    if not isinstance(period, Period):
        raise ValidationError(
            "period",
            _("must be a period or null (got {type_name})").format(type_name=type_name(period)),
        )
    start, end = _period_day(period.start, "start"), _period_day(period.end, "end")
    if end < start:
        raise ValidationError(
            "period.end",
            _("must not be before the start ({end} < {start})").format(
                end=end.isoformat(), start=start.isoformat()
            ),
        )
    label = check_text(period.label, "period.label", "period.label")
    if start is period.start and end is period.end:
        return period
    return Period(start, end, label)


def validate_meta(meta: Meta) -> Meta:
    """The workshop's metadata, normalised; raises on the first broken rule."""
    title = check_text(meta.title, "title", "workshop.title")
    if not title:
        raise ValidationError("title", _("must not be empty"))
    participants = meta.participants
    if not isinstance(participants, (tuple, list)):
        raise ValidationError("participants", _("must be a list of names"))
    if len(participants) > MAX_PARTICIPANTS:
        raise ValidationError(
            "participants",
            _("must hold at most {MAX_PARTICIPANTS} names").format(
                MAX_PARTICIPANTS=grouped(MAX_PARTICIPANTS)
            ),
        )
    for i, name in enumerate(participants):
        check_text(name, f"participants[{i}]", "workshop.participant")
    return Meta(
        title=title,
        date=parse_date(meta.date, "date"),
        period=validate_period(meta.period),
        facilitator=check_text(meta.facilitator, "facilitator", "workshop.facilitator"),
        participants=tuple(participants),
        notes=check_text(meta.notes, "notes", "workshop.notes"),
    )


def validate_team(team: Team) -> Team:
    """A team record, normalised."""
    return Team(
        id=check_id(team.id),
        name=check_text(team.name, "name", "team.name", required=True),
        color=check_color(team.color),
    )


def _normalised(record: R, values: dict[str, Any]) -> R:
    """`record` itself when every checked value is the one it holds, else a new record.

    Loading a large file validates tens of thousands of records that are already normal;
    handing them back unchanged spares rebuilding each one.
    """
    changed = {name: value for name, value in values.items() if getattr(record, name) is not value}
    return dataclasses.replace(record, **changed) if changed else record


def validate_action(action: Action, field: str) -> Action:
    """One action of a goal."""
    if not isinstance(action, Action):
        raise ValidationError(
            field, _("must be an action (got {type_name})").format(type_name=type_name(action))
        )
    check_text(action.text, f"{field}.text", "action.text", required=True)
    check_text(action.owner, f"{field}.owner", "action.owner")
    check_bool(action.done, f"{field}.done")
    return action


def validate_node(node: Node) -> Node:
    """A node record, normalised, with every field checked against its kind."""
    kind = check_enum(NodeKind, node.kind, "kind")
    for name, default in _INAPPLICABLE[kind]:
        if getattr(node, name) != default:
            article = "an" if kind is NodeKind.OBJECTIVE else "a"
            raise ValidationError(
                name,
                _("does not apply to {article} {value} node").format(
                    article=article, value=kind.value
                ),
            )
    check_id(node.id)
    check_text(node.title, "title", "node.title", required=True)
    check_text(node.description, "description", "node.description")
    values: dict[str, Any] = {"kind": kind, "pos": check_pos(node.pos)}
    if kind is NodeKind.OBJECTIVE:
        values.update(_ranked_values(node))
        check_text(node.owner, "owner", "node.owner")
    elif kind is NodeKind.GOAL:
        values.update(_ranked_values(node))
        values.update(_goal_values(node))
    elif kind is NodeKind.KEY_RESULT:
        values.update(_key_result_values(node))
    return _normalised(node, values)


def _ranked_values(node: Node) -> dict[str, Any]:
    """Check the fields objectives and goals share; returns those that may need normalising."""
    check_int(node.impact, "impact", *INT_LIMITS["node.impact"])
    check_int(node.votes, "votes", *INT_LIMITS["node.votes"])
    check_text(node.metric, "metric", "node.metric")
    return {
        "priority": check_enum(Priority, node.priority, "priority"),
        "status": check_enum(Status, node.status, "status"),
    }


def _goal_values(node: Node) -> dict[str, Any]:
    """Check the fields only a team goal has."""
    check_text(node.owner, "owner", "node.owner")
    check_text(node.why, "why", "node.why")
    if node.team is not None:
        check_id(node.team, "team")
    actions = node.actions
    if not isinstance(actions, (tuple, list)):
        raise ValidationError("actions", _("must be a list of actions"))
    if len(actions) > MAX_ACTIONS:
        raise ValidationError(
            "actions",
            _("must hold at most {MAX_ACTIONS} actions").format(MAX_ACTIONS=grouped(MAX_ACTIONS)),
        )
    for i, action in enumerate(actions):
        validate_action(action, f"actions[{i}]")
    return {
        "contributors": _contributors(node),
        "due": parse_date(node.due, "due"),
        "actions": actions if type(actions) is tuple else tuple(actions),
    }


def _contributors(node: Node) -> tuple[str, ...]:
    """A goal's contributing teams: distinct team ids other than its own team."""
    contributors = node.contributors
    if not isinstance(contributors, (tuple, list)):
        raise ValidationError("contributors", _("must be a list of team ids"))
    if len(contributors) > MAX_CONTRIBUTORS:
        raise ValidationError(
            "contributors",
            _("must hold at most {MAX_CONTRIBUTORS} teams").format(
                MAX_CONTRIBUTORS=MAX_CONTRIBUTORS
            ),
        )
    seen: set[str] = set()
    for i, team_id in enumerate(contributors):
        where = f"contributors[{i}]"
        check_id(team_id, where)
        if team_id == node.team:
            raise ValidationError(
                where,
                _("is the goal's own team ({team_id!r}); it leads the goal").format(
                    team_id=team_id
                ),
            )
        if team_id in seen:
            raise ValidationError(
                where, _("names the team {team_id!r} twice").format(team_id=team_id)
            )
        seen.add(team_id)
    return contributors if type(contributors) is tuple else tuple(contributors)


def _key_result_values(node: Node) -> dict[str, Any]:
    """Check the fields of a key result; returns those that may need normalising."""
    check_text(node.owner, "owner", "node.owner")
    check_text(node.unit, "unit", "node.unit")
    if node.team is not None:
        check_id(node.team, "team")
    return {
        "status": check_enum(Status, node.status, "status"),
        "due": parse_date(node.due, "due"),
        "baseline": check_measure(node.baseline, "baseline"),
        "target": check_measure(node.target, "target"),
        "current": check_measure(node.current, "current"),
    }


def validate_link(link: Link) -> Link:
    """A link record on its own; which nodes it may join is checked by the workshop.

    The ends need only be strings here: the workshop refuses an end that names no node,
    and every node id is well formed.
    """
    kind = check_enum(LinkKind, link.kind, "kind")
    if kind is not LinkKind.CONFLICTS:
        if link.resolved is not False:
            raise ValidationError(
                "resolved", _("applies only to a conflicts link, not {kind}").format(kind=kind)
            )
        if link.resolution != "":
            raise ValidationError(
                "resolution", _("applies only to a conflicts link, not {kind}").format(kind=kind)
            )
    check_id(link.id)
    for end in ("source", "target"):
        if not isinstance(getattr(link, end), str):
            raise ValidationError(
                end,
                _("must be a string id (got {type_name})").format(
                    type_name=type_name(getattr(link, end))
                ),
            )
    check_text(link.note, "note", "link.note")
    check_bool(link.resolved, "resolved")
    check_text(link.resolution, "resolution", "link.resolution")
    return _normalised(link, {"kind": kind})


def replace_checked(record: R, changes: dict[str, Any]) -> R:
    """`dataclasses.replace`, but an unknown field name is a `ValidationError`."""
    names = {f.name for f in dataclasses.fields(record)}
    for name in changes:
        if name not in names or name == "id":
            raise ValidationError(name, _("is not a field that can be changed"))
    return dataclasses.replace(record, **changes)
