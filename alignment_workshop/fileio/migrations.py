"""The format's version, and the chain of one-step migrations from older versions.

A file of version v < FORMAT_VERSION is upgraded by `MIGRATIONS[v]`, then
`MIGRATIONS[v + 1]` and so on, each a pure function from a document of one version to a
document of the next; the result is then checked as a current file.

- 1 → 2 (key results, `measures` links, contributors, owners of objectives and the
  workshop's period): every addition has a default, so a version-1 document means the
  same in version 2 and the step changes only the version. A document that calls itself
  version 1 but already uses what version 2 added is not a version-1 file: the step
  refuses it, naming the place, rather than let the version 2 checks accept it.

Writing a migration: add `def _vN_to_vN1(document: dict) -> dict` that returns a NEW
document (never changes its argument), register it as `MIGRATIONS[N]`, raise
FORMAT_VERSION, keep an old file in tests/fixtures/v<N>/, and give the step its own test.
A step sees an unchecked document: it must tolerate any JSON there and leave judging it
to the checks that run after the chain.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Final

from alignment_workshop.i18n import _

from .errors import WorkshopFileError

FORMAT_NAME: Final = "alignment-workshop"
FORMAT_VERSION = 2

Document = dict[str, Any]


#: What version 2 added to nodes: these keys, the key_result kind, an objective's owner.
_V2_NODE_KEYS: Final = ("contributors", "baseline", "target", "current", "unit")


def _v2_feature(document: Document) -> tuple[str, str] | None:
    """The first place where a version-1 `document` uses what came in version 2, if any.

    Tolerates any JSON: what is not the expected shape is left to the checks.
    """
    workshop = document.get("workshop")
    if isinstance(workshop, dict) and "period" in workshop:
        return "workshop.period", _("a period")
    nodes = document.get("nodes")
    for i, node in enumerate(nodes if isinstance(nodes, list) else ()):
        if not isinstance(node, dict):
            continue
        if node.get("kind") == "key_result":
            return f"nodes[{i}].kind", _("key results")
        if node.get("kind") == "objective" and "owner" in node:
            return f"nodes[{i}].owner", _("an objective's owner")
        for key in _V2_NODE_KEYS:
            if key in node:
                return f"nodes[{i}].{key}", _("the field {key}").format(key=key)
    links = document.get("links")
    for i, link in enumerate(links if isinstance(links, list) else ()):
        if isinstance(link, dict) and link.get("kind") == "measures":
            return f"links[{i}].kind", _("measures links")
    return None


def _v1_to_v2(document: Document) -> Document:
    """Version 2 only adds fields and kinds with defaults: the same document, version 2."""
    found = _v2_feature(document)
    if found is not None:
        where, what = found
        raise WorkshopFileError(
            where,
            _(
                "{what} came in format version 2, but the file says it is version 1; "
                'set "version" to 2 if it was written for version 2'
            ).format(what=what),
        )
    return {**document, "version": 2}


#: MIGRATIONS[v] turns a document of version v into one of version v + 1.
MIGRATIONS: dict[int, Callable[[Document], Document]] = {1: _v1_to_v2}


def upgrade(document: Document, version: int) -> Document:
    """`document`, of format `version`, brought to FORMAT_VERSION one step at a time."""
    for step_from in range(version, FORMAT_VERSION):
        step = MIGRATIONS.get(step_from)
        if step is None:
            raise WorkshopFileError(
                "version",
                _("files of format version {version} can no longer be opened").format(
                    version=step_from
                ),
            )
        document = step(document)
        document["version"] = step_from + 1
    return document
