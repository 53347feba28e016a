"""Key results in the plan: their numbers, how far they have come, and a progress bar.

`measure_text` writes baseline → current → target with the unit once ("42 → 35 → 20
min"), naming the roles when one is missing so that a lone number is never misread.
`progress` is the share of the way from baseline to target (it works the same for a
target below the baseline, like churn going down), or None when it cannot be said.
`key_result_table` lists key results with their owner, team, numbers and a bar.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable

from alignment_workshop.model import Node

from . import palette
from .blocks import grid, markup
from .fonts import REGULAR
from .plan import PlanData
from .styles import styles
from .text import escape

#: The bar's fill and its empty track.
BAR = "#6A4FB0"
TRACK = "#E4E0EE"


def number_text(value: float, unit: str) -> str:
    """ "7.5 %", "42 min", "1,200": a measure as people write it, with its unit."""
    number = f"{int(value):,}" if value == int(value) else f"{value:,.6g}"
    unit = " ".join(unit.split())
    return f"{number} {unit}" if unit else number


def number_text_joined(numbers: list[str], unit: str) -> str:
    """ "42 → 35 → 20 min": the numbers in order and the unit once, at the end."""
    unit = " ".join(unit.split())
    return " → ".join(numbers) + (f" {unit}" if unit else "")


def measure_text(node: Node) -> str:
    """Baseline → current → target; with one missing, the others are named."""
    values = (node.baseline, node.current, node.target)
    if all(v is not None for v in values):
        # One unit for the three: "42 → 35 → 20 min".
        numbers = [number_text(v, "") for v in values if v is not None]
        return number_text_joined(numbers, node.unit)
    named = [
        f"{role} {number_text(v, node.unit)}"
        for role, v in zip(("from", "now", "target"), values, strict=True)
        if v is not None
    ]
    return " → ".join(named) if named else "no numbers yet"


def progress(node: Node) -> float | None:
    """The share of the way from baseline to target, unclamped; None when unknown."""
    baseline, current, target = node.baseline, node.current, node.target
    if baseline is None or current is None or target is None or target == baseline:
        return None
    return (current - baseline) / (target - baseline)


def progress_text(node: Node) -> str:
    """ "38 %", "target reached", or why there is no figure."""
    share = progress(node)
    if share is None:
        if node.target is None:
            return "no target yet"
        return "not measured yet" if node.current is None else "no baseline"
    if share >= 1:
        return "target reached"
    if share < 0:
        return "worse than baseline"
    return f"{int(share * 100)} %"


class ProgressBar(Flowable):
    """A slim bar filled to a key result's progress, with the figure beside it."""

    def __init__(self, node: Node, width: float = 48.0) -> None:
        super().__init__()
        self.share = progress(node)
        self.text = progress_text(node)
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
        canv.setFont(REGULAR, 8)
        canv.setFillColor(colors.HexColor(palette.MUTED))
        canv.drawString(width + 5, 2.5, self.text)


def who(data: PlanData, node: Node) -> str:
    """ "Priya Natarajan · Product": the owner and the team, as far as they are known."""
    parts = [node.owner or "no owner"]
    if node.team:
        parts.append(data.team_name(node.team))
    return " · ".join(parts)


def key_result_table(data: PlanData, results: list[Node]) -> Flowable:
    """A table of key results: title with owner and team, numbers, progress."""
    st = styles()
    head = [markup(f"<b>{h}</b>", st.cell) for h in ("Key result", "Baseline → now → target")]
    rows: list[list[Flowable | str]] = [[*head, markup("<b>Progress</b>", st.cell)]]
    for node in results:
        title = (
            f"{escape(node.title, keep_newlines=False)}<br/>"
            f'<font size="8" color="{palette.MUTED}">{escape(who(data, node))}</font>'
        )
        rows.append(
            [markup(title, st.cell), markup(escape(measure_text(node)), st.cell), ProgressBar(node)]
        )
    width = data.text_width
    return grid(rows, [width * 0.46, width * 0.30, width * 0.24])
