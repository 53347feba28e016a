"""Key results in the plan: their numbers, how far they have come, and a progress bar.

The words and the fraction come from `analysis.progress`, as the editor's chips and
Inspector show them: baseline → current → target with the unit ("42 min → 35 min →
20 min"), and the share of the way from baseline to target. `compact_measure` writes
the three numbers with the unit once ("42 → 35 → 20 min") for a chip too narrow for the
full form. `key_result_table` lists key results with their owner, team, numbers and bar.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from alignment_workshop.analysis.progress import (
    measure_text,
    number_text,
    percent_text,
    progress,
    with_unit,
)
from alignment_workshop.i18n import _
from alignment_workshop.model import Node

from . import palette
from .blocks import grid, markup
from .fonts import REGULAR
from .plan import PlanData
from .scripts import draw
from .styles import styles
from .text import escape

__all__ = ["BAR", "TRACK", "ProgressBar", "compact_measure", "key_result_table", "measure_text"]

#: The bar's fill and its empty track, as the editor's chips draw them.
BAR = "#6A4FB0"
TRACK = "#D7CCEE"


def compact_measure(node: Node) -> str:
    """ "42 → 35 → 20 min": the three numbers and the unit once; else the full form."""
    values = [node.baseline, node.current, node.target]
    numbers = [number_text(v) for v in values if v is not None]
    if len(numbers) < 3 or node.target is None:
        return measure_text(node)
    return " → ".join([*numbers[:2], with_unit(node.target, node.unit)])


def progress_words(node: Node) -> str:
    """ "31 %", or what the editor says instead ("no target yet", "target reached")."""
    shown = progress(node)
    if shown.fraction is not None and 0 <= shown.fraction < 1:
        return percent_text(shown.fraction)
    return shown.note


class ProgressBar(Flowable):
    """A slim bar filled to a key result's progress, with the figure beside it."""

    def __init__(self, node: Node, width: float = 48.0) -> None:
        super().__init__()
        self.share = progress(node).fraction
        self.text = progress_words(node)
        self.bar_width = width

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        return (avail_width, 11.5)

    def draw(self) -> None:
        canv, width = self.canv, self.bar_width
        canv.setFillColor(colors.HexColor(TRACK))
        canv.roundRect(0, 3, width, 5, 2.5, stroke=0, fill=1)
        if self.share is not None and self.share > 0:
            canv.setFillColor(colors.HexColor(BAR))
            canv.roundRect(0, 3, width * min(self.share, 1.0), 5, 2.5, stroke=0, fill=1)
        canv.setFillColor(colors.HexColor(palette.MUTED))
        draw(canv, width + 5, 2.5, self.text, REGULAR, 8)  # a unit may be in any script


def who(data: PlanData, node: Node) -> str:
    """ "Priya Natarajan · Product": the owner and the team, as far as they are known."""
    parts = [node.owner or _("no owner")]
    if node.team:
        parts.append(data.team_name(node.team))
    return " · ".join(parts)


def key_result_table(data: PlanData, results: list[Node]) -> Flowable:
    """A table of key results: title with owner and team, numbers, progress."""
    st = styles()
    head = [markup(f"<b>{h}</b>", st.cell) for h in (_("Key result"), _("Baseline → now → target"))]
    rows: list[list[Flowable | str]] = [[*head, markup("<b>Progress</b>", st.cell)]]
    for node in results:
        title = (
            f"{escape(node.title, keep_newlines=False)}"
            f'<br/><font size="8" color="{palette.MUTED}">{escape(who(data, node))}</font>'
        )
        rows.append(
            [markup(title, st.cell), markup(escape(measure_text(node)), st.cell), ProgressBar(node)]
        )
    width = data.text_width
    return grid(rows, [width * 0.46, width * 0.30, width * 0.24])
