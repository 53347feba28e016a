"""What an import would do, worked out before anything changes: the editor's preview.

`prepare_import` reads and checks a source against the workshop it goes into (or none),
and says what the import would create and update, the row-level problems that stop it,
and the alignment findings the imported map would have. It is plain Python, so that the
editor can run it off the GUI thread.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from alignment_workshop.analysis import analyze
from alignment_workshop.analysis.findings import Report
from alignment_workshop.i18n import _, ngettext
from alignment_workshop.model import NodeKind, Workshop

from .build import Imported, build
from .errors import InterchangeError, Problem


@dataclass(slots=True)
class ImportPreview:
    """An import worked out on a scratch copy: what it makes, or why it cannot."""

    source: Path
    imported: Imported | None = None
    problems: tuple[Problem, ...] = ()
    report: Report | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Whether the import can go ahead."""
        return self.imported is not None

    def summary(self) -> list[str]:
        """What the import would do, one sentence a line."""
        imported = self.imported
        if imported is None:
            count = len(self.problems)
            return [
                ngettext(
                    "Nothing can be imported: {count} problem.",
                    "Nothing can be imported: {count} problems.",
                    count,
                ).format(count=count)
            ]
        adds = imported.nodes_added or imported.teams_added
        lines = [_("Adds {cards}.").format(cards=counted(imported))] if adds else []
        if n := len(imported.nodes_updated):
            text = ngettext(
                "Updates {count} card with the same id.",
                "Updates {count} cards with the same id.",
                n,
            )
            lines.append(text.format(count=n))
        if n := len(imported.links_added):
            lines.append(ngettext("Adds {count} link.", "Adds {count} links.", n).format(count=n))
        if n := imported.links_kept:
            text = ngettext(
                "Keeps {count} link the file does not list.",
                "Keeps {count} links the file does not list.",
                n,
            )
            lines.append(text.format(count=n))
        return lines or [_("The file holds nothing new: importing it changes nothing.")]


def counted(imported: Imported) -> str:
    """ "2 objectives, 12 team goals, 3 teams": the cards and teams an import adds."""
    kinds = Counter(node.kind for node in imported.nodes_added)
    parts = [kind.counted(kinds[kind]) for kind in NodeKind if kinds[kind]]
    if imported.teams_added:
        n = len(imported.teams_added)
        parts.append(ngettext("{count} team", "{count} teams", n).format(count=n))
    return ", ".join(parts) or _("nothing")


def prepare_import(
    path: str | os.PathLike[str],
    into: Workshop | None = None,
    *,
    objectives_section: str | None = None,
) -> ImportPreview:
    """The preview of importing `path` into `into` (a copy of it: `into` is untouched)."""
    from . import read_tables

    preview = ImportPreview(Path(path))
    try:
        tables = read_tables(path, objectives_section=objectives_section)
        preview.notes = list(tables.notes)
        preview.imported = build(tables, into)
    except InterchangeError as error:
        preview.problems = error.problems
        return preview
    preview.report = analyze(preview.imported.workshop)
    return preview
