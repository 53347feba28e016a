"""The PDF action plan that participants take home (reportlab, never Qt).

`export_pdf(workshop, path, team_id=None, progress=None)` writes the plan and returns
its page count; an unknown `team_id` raises `UnknownTeamError`, a ValueError with a
one-line message. `progress` (see `alignment_workshop/progress.py`) is told how far the
plan has got and may raise `Cancelled` to stop it, leaving the file at `path` untouched.
`palette` holds the map colours the editor shares.

The two names load on first use, so that the editor can import `report.palette`
without paying for reportlab at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .export import export_pdf
    from .plan import UnknownTeamError

__all__ = ["UnknownTeamError", "export_pdf"]

_HOMES = {"export_pdf": ".export", "UnknownTeamError": ".plan"}


def __getattr__(name: str) -> object:
    if name in _HOMES:
        return getattr(import_module(_HOMES[name], __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
