"""Stable ids for new teams, nodes and links.

An id is made once, when its object is created, and never changes: files, undo
commands and findings all name objects by id.
"""

from __future__ import annotations

import uuid

from .rules import ID_MAX, ID_PATTERN


def new_id(prefix: str) -> str:
    """A fresh id such as ``goal-3f2a9c1b7d4e``; `prefix` says what it names."""
    return f"{prefix}-{uuid.uuid4().hex[:12]}"


def is_valid_id(value: object) -> bool:
    """Whether `value` is a well-formed id: 1 to 64 characters of the id syntax."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= ID_MAX
        and ID_PATTERN.fullmatch(value) is not None
    )
