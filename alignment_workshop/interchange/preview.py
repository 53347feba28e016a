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
            return [f"Nothing can be imported: {count} problem{'s' if count != 1 else ''}."]
        lines = (
            [f"Adds {counted(imported)}."] if imported.nodes_added or imported.teams_added else []
        )
        if imported.nodes_updated:
            n = len(imported.nodes_updated)
            lines.append(f"Updates {n} card{'s' if n != 1 else ''} with the same id.")
        if imported.links_added:
            n = len(imported.links_added)
            lines.append(f"Adds {n} link{'s' if n != 1 else ''}.")
        if imported.links_kept:
            n = imported.links_kept
            lines.append(f"Keeps {n} link{'s' if n != 1 else ''} the file does not list.")
        return lines or ["The file holds nothing new: importing it changes nothing."]


def counted(imported: Imported) -> str:
    """ "2 objectives, 12 team goals, 3 teams": the cards and teams an import adds."""
    kinds = Counter(node.kind for node in imported.nodes_added)
    parts = [
        f"{kinds[kind]} {kind.label.lower()}{'s' if kinds[kind] != 1 else ''}"
        for kind in NodeKind
        if kinds[kind]
    ]
    if imported.teams_added:
        n = len(imported.teams_added)
        parts.append(f"{n} team{'s' if n != 1 else ''}")
    return ", ".join(parts) or "nothing"


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
