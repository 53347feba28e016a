"""How findings name nodes: quoted titles, and readable lists of them."""

from __future__ import annotations

from collections.abc import Sequence

from alignment_workshop.i18n import _
from alignment_workshop.model import Node

#: A list names at most this many titles before it says "and N more".
MAX_NAMED = 5


def quoted(node: Node) -> str:
    """A node's title in single quotes, as every message names a node.

    Runs of whitespace (line breaks included) become one space, so a message stays on
    one line however the title was typed.
    """
    return f"'{one_line(node.title)}'"


def one_line(text: str) -> str:
    """`text` with every run of whitespace, line breaks included, made one space."""
    return " ".join(text.split())


def named_list(nodes: Sequence[Node]) -> str:
    """ "'A'", "'A' and 'B'", "'A', 'B' and 'C'", or the first few "and 7 more"."""
    names = [quoted(node) for node in nodes[:MAX_NAMED]]
    rest = len(nodes) - len(names)
    if rest > 0:
        return _("{join} and {rest} more").format(join=", ".join(names), rest=rest)
    if len(names) <= 1:
        return "".join(names)
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
