"""Saving a workshop: records to a JSON document, and the document to deterministic bytes.

The output is exactly what `json.dumps(document, indent=2, ensure_ascii=False)` gives,
plus a trailing newline, encoded as UTF-8: keys in the order of `fields`, every field
that applies written explicitly (x and y only when the node is placed). The encoder below
produces it several times faster than the standard library's indenting encoder, which is
pure Python; a test holds the two to byte-for-byte equality.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

import alignment_workshop
from alignment_workshop.i18n import _
from alignment_workshop.model import (
    Action,
    Link,
    LinkKind,
    Meta,
    Node,
    NodeKind,
    Period,
    Team,
    Workshop,
)

from . import migrations
from .atomic import write_atomic
from .disk_state import DiskState
from .errors import WorkshopSaveError, WorkshopTooLargeError
from .gcpause import collector_paused
from .jsonparse import MAX_FILE_BYTES


def generator() -> str:
    """The `generator` a saved file names: this program and its version."""
    return f"alignment-workshop {alignment_workshop.__version__}"


def _meta(meta: Meta) -> dict[str, Any]:
    return {
        "title": meta.title,
        "date": None if meta.date is None else meta.date.isoformat(),
        "period": None if meta.period is None else _period(meta.period),
        "facilitator": meta.facilitator,
        "participants": list(meta.participants),
        "notes": meta.notes,
    }


def _period(period: Period) -> dict[str, Any]:
    return {"start": period.start.isoformat(), "end": period.end.isoformat(), "label": period.label}


def _team(team: Team) -> dict[str, Any]:
    return {"id": team.id, "name": team.name, "color": team.color}


def _action(action: Action) -> dict[str, Any]:
    return {"text": action.text, "owner": action.owner, "done": action.done}


def _node(node: Node) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind.value,
        "title": node.title,
        "description": node.description,
    }
    if node.pos is not None:
        record["x"], record["y"] = float(node.pos[0]), float(node.pos[1])
    kind = node.kind
    if kind is NodeKind.GOAL:
        _ranked(node, record)
        record["team"] = node.team
        record["contributors"] = list(node.contributors)
        record["owner"] = node.owner
        record["why"] = node.why
        record["due"] = None if node.due is None else node.due.isoformat()
        record["actions"] = [_action(action) for action in node.actions]
    elif kind is NodeKind.OBJECTIVE:
        _ranked(node, record)
        record["owner"] = node.owner
    elif kind is NodeKind.KEY_RESULT:
        _key_result(node, record)
    return record


def _ranked(node: Node, record: dict[str, Any]) -> None:
    """The fields objectives and goals share, in the written order."""
    record["priority"] = node.priority.value
    record["impact"] = node.impact
    record["metric"] = node.metric
    record["status"] = node.status.value
    record["votes"] = node.votes


def _key_result(node: Node, record: dict[str, Any]) -> None:
    """The fields of a key result, in the written order."""
    record["status"] = node.status.value
    record["team"] = node.team
    record["owner"] = node.owner
    record["due"] = None if node.due is None else node.due.isoformat()
    record["baseline"] = node.baseline
    record["target"] = node.target
    record["current"] = node.current
    record["unit"] = node.unit


def _link(link: Link) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": link.id,
        "kind": link.kind.value,
        "source": link.source,
        "target": link.target,
        "note": link.note,
    }
    if link.kind is LinkKind.CONFLICTS:
        record["resolved"] = link.resolved
        record["resolution"] = link.resolution
    return record


def to_document(workshop: Workshop) -> dict[str, Any]:
    """The JSON document of `workshop`, keys in the documented order."""
    return {
        "format": migrations.FORMAT_NAME,
        "version": migrations.FORMAT_VERSION,
        "generator": generator(),
        "workshop": _meta(workshop.meta),
        "teams": [_team(team) for team in workshop.teams],
        "nodes": [_node(node) for node in workshop.iter_nodes()],
        "links": [_link(link) for link in workshop.iter_links()],
    }


_SCALARS: dict[type, Callable[[Any], str]] = {
    type(None): lambda _: "null",
    bool: lambda v: "true" if v else "false",
}


def _encode(value: Any, pad: str) -> str:
    """`value` as `json.dumps(value, indent=2, ensure_ascii=False)` would write it at `pad`."""
    kind = type(value)
    if kind is str:
        return encode_basestring(value)
    if kind is dict:
        if not value:
            return "{}"
        inner = pad + "  "
        body = ",\n".join(
            f"{inner}{encode_basestring(key)}: {_encode(item, inner)}"
            for key, item in value.items()
        )
        return f"{{\n{body}\n{pad}}}"
    if kind is list:
        if not value:
            return "[]"
        inner = pad + "  "
        body = ",\n".join(f"{inner}{_encode(item, inner)}" for item in value)
        return f"[\n{body}\n{pad}]"
    if kind is int:
        return int.__repr__(value)
    if kind is float:
        return float.__repr__(value)
    if kind in _SCALARS:
        return _SCALARS[kind](value)
    raise TypeError(f"cannot write a {kind.__name__} to a workshop file")


def encode(document: dict[str, Any]) -> str:
    """The text of a file holding `document`, with its trailing newline."""
    return _encode(document, "") + "\n"


def dumps(workshop: Workshop) -> bytes:
    """The bytes of the .alignment file of `workshop`: the same workshop, the same bytes.

    A lone surrogate, which UTF-8 cannot hold, is written as its JSON escape (\\udXXX),
    which reads back as the same character.
    """
    with collector_paused():
        return encode(to_document(workshop)).encode("utf-8", "backslashreplace")


def saveable_bytes(workshop: Workshop) -> bytes:
    """`dumps(workshop)`, refused when the loader would refuse to open the result.

    Raises `WorkshopTooLargeError` (a `WorkshopSaveError`) before anything is written
    when the file would be larger than the load limit (`MAX_FILE_BYTES`): it would be
    saved, and then never open again.
    """
    try:
        data = dumps(workshop)
    except (TypeError, ValueError) as error:
        raise WorkshopSaveError(
            "",
            _("the workshop could not be written ({error}); nothing was saved").format(error=error),
        ) from error
    if len(data) > MAX_FILE_BYTES:
        raise WorkshopTooLargeError(len(data), MAX_FILE_BYTES)
    return data


def save(workshop: Workshop, path: str | os.PathLike[str]) -> DiskState:
    """Write `workshop` to `path` atomically, keeping the previous file as `<path>.bak`.

    Returns the state of the file written. Raises `WorkshopSaveError` (a
    `WorkshopFileError`) when it fails, or when the file would be too large to open
    again; the file that was at `path` is then unchanged.
    """
    data = saveable_bytes(workshop)
    return DiskState.of(data, write_atomic(path, data))
