"""How error messages name a place in a file: "nodes[2].priority", or a line and column."""

from __future__ import annotations

import re
from typing import Any

from alignment_workshop.i18n import _
from alignment_workshop.model.validation import show

#: The place of errors about the document as a whole.
TOP = "top level"

_SIMPLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]{0,39}")


def place(where: str, key: str) -> str:
    """The location of `key` inside `where`: "nodes[2]" + "title" → "nodes[2].title".

    A key that is not a plain word is quoted: `nodes[2]["odd key"]`.
    """
    if _SIMPLE_KEY.fullmatch(key):
        return f"{where}.{key}" if where else key
    return f"{where}[{show(key, 30)}]"


def line_column(text: str, index: int) -> str:
    """ "line L, column C" of the character at `index` of `text`, both counted from 1."""
    line = text.count("\n", 0, index) + 1
    column = index - text.rfind("\n", 0, index)
    return _("line {line}, column {column}").format(line=line, column=column)


def path_to(value: Any, wanted: object) -> str | None:
    """The location of the first `wanted` object (by identity) inside `value`, if any.

    Walks without recursion, so any depth the parser accepted is fine.
    """
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        where, item = stack.pop()
        if item is wanted:
            return where or TOP
        if isinstance(item, dict):
            children = [(place(where, key), child) for key, child in item.items()]
        elif isinstance(item, list):
            children = [(f"{where}[{i}]", child) for i, child in enumerate(item)]
        else:
            continue
        stack.extend(reversed(children))
    return None
