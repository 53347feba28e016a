"""The PDF action plan that participants take home (reportlab, never Qt).

`export_pdf(workshop, path, team_id=None)` writes the plan and returns its page count;
an unknown `team_id` raises `UnknownTeamError`, a ValueError with a one-line message.
`palette` holds the map colours the editor shares.
"""

from .export import export_pdf
from .plan import UnknownTeamError

__all__ = ["UnknownTeamError", "export_pdf"]
