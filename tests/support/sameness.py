"""What "the same workshop" means after a spreadsheet round trip (README, "Spreadsheets").

XLSX and CSV both carry everything but the cards' positions: a spreadsheet has no map,
and an import places its cards by the auto-layout. The same workshop is an equal one
once every position is dropped, and its `check --json` is byte-identical.
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from alignment_workshop.analysis import analyze
from alignment_workshop.check_output import report_to_json
from alignment_workshop.model import Workshop


def check_json(workshop: Workshop) -> str:
    """What `check --json` prints for `workshop`."""
    return json.dumps(report_to_json(analyze(workshop)), ensure_ascii=False, indent=2)


def without_positions(workshop: Workshop) -> tuple[Any, ...]:
    """Everything a workshop holds except where its cards are on the map."""
    nodes = [dataclasses.replace(node, pos=None) for node in workshop.iter_nodes()]
    return workshop.meta, workshop.teams, nodes, list(workshop.iter_links())
