"""Phase two of loading: the JSON types and keys of a current document, made into records.

This module checks the shape of the document: objects where objects belong, lists where
lists belong, no unknown, missing, repeated or inapplicable keys, and the size limits.
It then hands the values, unjudged, to `Workshop.from_records`, which applies the same
value rules as the edit API: a workshop the editor accepts is exactly one a file may hold.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from enum import StrEnum
from typing import Any, TypeVar

from alignment_workshop import formats
from alignment_workshop.i18n import N_, _
from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Priority,
    Status,
    Team,
    Workshop,
)
from alignment_workshop.model.errors import ValidationError
from alignment_workshop.model.rules import MAX_ACTIONS, MAX_LINKS, MAX_NODES, MAX_TEAMS
from alignment_workshop.model.validation import check_enum, show, type_name

from . import fields as f
from .errors import WorkshopFileError
from .jsonparse import DuplicateKeys
from .locations import place

E = TypeVar("E", bound=StrEnum)

_NODE_KEY_SETS = {kind: frozenset(keys) for kind, keys in f.NODE_KEYS.items()}
_LINK_KEY_SETS = {kind: frozenset(keys) for kind, keys in f.LINK_KEYS.items()}
_ALL_NODE_KEYS = frozenset(f.ALL_NODE_KEYS)
_ALL_LINK_KEYS = frozenset(f.ALL_LINK_KEYS)
_TOP_KEYS = frozenset(f.TOP_KEYS)
_WORKSHOP_KEYS = frozenset(f.WORKSHOP_KEYS)
_PERIOD_KEYS = frozenset(f.PERIOD_KEYS)
_TEAM_KEYS = frozenset(f.TEAM_KEYS)
_ACTION_KEYS = frozenset(f.ACTION_KEYS)
_REQUIRED_NODE = frozenset(f.REQUIRED_NODE)
_REQUIRED_LINK = frozenset(f.REQUIRED_LINK)
_NODE_KINDS = {kind.value: kind for kind in NodeKind}
_LINK_KINDS = {kind.value: kind for kind in LinkKind}
_PRIORITIES = {priority.value: priority for priority in Priority}
_STATUSES = {status.value: status for status in Status}


def as_object(value: object, where: str) -> dict[str, Any]:
    """`value` if it is a JSON object with no repeated key."""
    if type(value) is dict:
        return value  # the common case, first: a plain dict has no repeated key
    if not isinstance(value, dict):
        raise WorkshopFileError(
            where, _("must be an object (got {type_name})").format(type_name=type_name(value))
        )
    if isinstance(value, DuplicateKeys):
        raise WorkshopFileError(
            where, _("has the key {value} more than once").format(value=show(value.duplicate))
        )
    return value


def as_list(value: object, where: str, limit: int, what: str) -> list[Any]:
    """`value` if it is a JSON list of at most `limit` items; `what` names them, marked
    with `N_()` and translated here."""
    if not isinstance(value, list):
        raise WorkshopFileError(
            where, _("must be a list (got {type_name})").format(type_name=type_name(value))
        )
    if len(value) > limit:
        raise WorkshopFileError(
            where,
            _("a workshop holds at most {limit} {what} (got {count})").format(
                limit=formats.integer(limit), what=_(what), count=formats.integer(len(value))
            ),
        )
    return value


def check_keys(
    obj: dict[str, Any], where: str, allowed: Collection[str], required: Iterable[str], what: str
) -> None:
    """Refuse a key of `obj` outside `allowed`, then a missing `required` key; `what`
    ("a team", marked with `N_()`) is translated here."""
    extra = obj.keys() - allowed
    if extra:
        key = next(key for key in obj if key in extra)
        raise WorkshopFileError(
            place(where, key), _("is not a field of {what}").format(what=_(what))
        )
    for key in required:
        if key not in obj:
            raise WorkshopFileError(place(where, key), _("is required"))


def _kind(enum: type[E], value: object, where: str) -> E:
    try:
        return check_enum(enum, value, "kind")
    except ValidationError as error:
        raise WorkshopFileError(place(where, "kind"), error.reason) from None


def _inapplicable(obj: dict[str, Any], where: str, allowed: Collection[str], what: str) -> None:
    extra = obj.keys() - allowed
    if extra:
        key = next(key for key in obj if key in extra)
        raise WorkshopFileError(place(where, key), _("does not apply to {what}").format(what=what))


def read_meta(value: object) -> Meta:
    """The `workshop` object as metadata."""
    obj = as_object(value, "workshop")
    check_keys(obj, "workshop", _WORKSHOP_KEYS, (), N_("the workshop"))
    if obj.get("period") is not None:
        obj = {**obj, "period": read_period(obj["period"], "workshop.period")}
    return Meta(**obj)


def read_period(value: object, where: str) -> Period:
    """The workshop's `period` object; its dates are judged by the model."""
    obj = as_object(value, where)
    check_keys(obj, where, _PERIOD_KEYS, f.REQUIRED_PERIOD, N_("a period"))
    return Period(**obj)


def read_team(value: object, where: str) -> Team:
    """One entry of `teams`."""
    obj = as_object(value, where)
    check_keys(obj, where, _TEAM_KEYS, f.REQUIRED_TEAM, N_("a team"))
    return Team(**obj)


def read_action(value: object, where: str) -> Action:
    """One entry of a goal's `actions`."""
    obj = as_object(value, where)
    check_keys(obj, where, _ACTION_KEYS, f.REQUIRED_ACTION, N_("an action"))
    return Action(**obj)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _lookup(table: dict[str, E], value: object) -> E | None:
    """The member named by `value`, or None; never raises, whatever `value` is."""
    return table.get(value) if type(value) is str else None


def _node_shape(obj: dict[str, Any], where: str) -> NodeKind:
    """The node's kind, once its keys are known, complete and apply to that kind."""
    check_keys(obj, where, _ALL_NODE_KEYS, f.REQUIRED_NODE, N_("a node"))
    kind = _kind(NodeKind, obj["kind"], where)
    _inapplicable(
        obj,
        where,
        _NODE_KEY_SETS[kind],
        _("{article} {kind} node").format(article=_article(kind), kind=kind.value),
    )
    return kind


def read_node(value: object, where: str) -> Node:
    """One entry of `nodes`: x and y become the model's `pos`."""
    obj = as_object(value, where)
    keys = obj.keys()
    kind = _lookup(_NODE_KINDS, obj.get("kind"))
    if kind is None or not (keys <= _NODE_KEY_SETS[kind] and keys >= _REQUIRED_NODE):
        kind = _node_shape(obj, where)
    record = dict(obj)
    record["kind"] = kind
    if "x" in keys or "y" in keys:
        record["pos"] = _pos(obj, record, where)
    if kind is not NodeKind.VISION and kind is not NodeKind.VALUE:
        # Known names become members here (the model's fast path); anything else is
        # passed on as it is, for the model to refuse.
        if "priority" in keys:
            record["priority"] = _lookup(_PRIORITIES, obj["priority"]) or obj["priority"]
        if "status" in keys:
            record["status"] = _lookup(_STATUSES, obj["status"]) or obj["status"]
        if "actions" in keys:
            record["actions"] = _actions(obj["actions"], f"{where}.actions")
        if "contributors" in keys:
            contributors = obj["contributors"]
            if type(contributors) is list:
                record["contributors"] = tuple(contributors)
    return Node(**record)


def _actions(value: object, where: str) -> tuple[Action, ...]:
    """A goal's `actions` list as records."""
    actions = as_list(value, where, MAX_ACTIONS, N_("actions per goal"))
    return tuple(read_action(action, f"{where}[{i}]") for i, action in enumerate(actions))


def _pos(obj: dict[str, Any], record: dict[str, Any], where: str) -> tuple[Any, Any]:
    """The (x, y) of a node that gives either; both or neither must be given."""
    if "x" not in obj or "y" not in obj:
        given, missing = ("x", "y") if "x" in obj else ("y", "x")
        raise WorkshopFileError(
            place(where, missing), _("is required when {given} is given").format(given=given)
        )
    return (record.pop("x"), record.pop("y"))


def read_link(value: object, where: str) -> Link:
    """One entry of `links`."""
    obj = as_object(value, where)
    keys = obj.keys()
    kind = _lookup(_LINK_KINDS, obj.get("kind"))
    if kind is None or not (keys <= _LINK_KEY_SETS[kind] and keys >= _REQUIRED_LINK):
        check_keys(obj, where, _ALL_LINK_KEYS, f.REQUIRED_LINK, N_("a link"))
        kind = _kind(LinkKind, obj["kind"], where)
        _inapplicable(
            obj,
            where,
            _LINK_KEY_SETS[kind],
            _("a {kind} link, only to conflicts").format(kind=kind.value),
        )
    record = dict(obj)
    record["kind"] = kind
    return Link(**record)


def read_document(document: dict[str, Any]) -> Workshop:
    """The workshop in a current-version document whose envelope has been checked."""
    check_keys(document, "", _TOP_KEYS, f.REQUIRED_TOP, N_("a workshop file"))
    generator = document.get("generator", "")
    if not isinstance(generator, str):
        raise WorkshopFileError(
            "generator",
            _("must be a string (got {type_name})").format(type_name=type_name(generator)),
        )
    teams = as_list(document.get("teams", []), "teams", MAX_TEAMS, N_("teams"))
    nodes = as_list(document["nodes"], "nodes", MAX_NODES, N_("nodes"))
    links = as_list(document.get("links", []), "links", MAX_LINKS, N_("links"))
    meta = read_meta(document.get("workshop", {}))
    team_records = [read_team(team, f"teams[{i}]") for i, team in enumerate(teams)]
    node_records = [read_node(node, f"nodes[{i}]") for i, node in enumerate(nodes)]
    link_records = [read_link(link, f"links[{i}]") for i, link in enumerate(links)]
    try:
        return Workshop.from_records(meta, team_records, node_records, link_records)
    except ValidationError as error:
        raise WorkshopFileError(file_place(error.field), error.reason) from None


def file_place(model_place: str) -> str:
    """A model error's place in file terms: "nodes[3].pos" → "nodes[3].x"."""
    head, dot, last = model_place.rpartition(".")
    key = f.MODEL_TO_FILE.get(last)
    return model_place if key is None else f"{head}{dot}{key}"
