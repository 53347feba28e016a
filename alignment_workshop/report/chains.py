"""Why a goal matters, one level per line: "So that …", then "so that …" indented below.

The first (shortest) chain is printed in the accent colour; up to two more follow in
small type, each introduced by "Also". A chain may pass through a key result or another
team's goal; in a team's plan a goal the plan may not name is said as "a goal of Sales".
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, KeepTogether

from alignment_workshop.model import NodeKind

from . import palette
from .blocks import markup, para
from .plan import PlanData
from .styles import chain_style, styles
from .text import escape

#: How many chains a goal shows: the shortest, and this many minus one more.
CHAINS = 3


def node_phrase(data: PlanData, node_id: str) -> str:
    """Markup naming a node in running text, with its kind when it is not obvious."""
    node = data.node(node_id)
    if not data.visible(node_id):
        return f'<font color="{palette.MUTED}">a goal of {escape(data.team_name(node.team))}</font>'
    text = escape(node.title, keep_newlines=False)
    if node.kind in (NodeKind.GOAL, NodeKind.KEY_RESULT):
        text += f' <font size="8" color="{palette.MUTED}">({escape(data.kind_label(node))})</font>'
    return text


def chain_lines(data: PlanData, path: Sequence[str], *, main: bool) -> list[Flowable]:
    """The nodes of `path` after its first, one per line, each one level further in."""
    lines: list[Flowable] = []
    for depth, node_id in enumerate(path[1:]):
        lead = "So that" if depth == 0 else "so that"
        if depth == 0 and not main:
            lead = "Also, so that"
        lines.append(markup(f"{lead} {node_phrase(data, node_id)}", chain_style(depth, main=main)))
    return lines


def why_chains(data: PlanData, node_id: str) -> list[Flowable]:
    """The chains from `node_id` up to the vision, or a note that there is none yet."""
    paths = [p for p in data.why_paths(node_id, CHAINS) if len(p) > 1]
    if not paths:
        return [para("Not yet linked up to the vision: ask why this goal matters.", styles().note)]
    story: list[Flowable] = chain_lines(data, paths[0], main=True)
    for path in paths[1:]:
        story.append(KeepTogether(chain_lines(data, path, main=False)))
    return story
