"""The presentation's steps as slides: a 16:9 vector PDF, one page per step.

`export_slides(workshop, path)` draws the same plan as presentation mode
(`layout.steps.step_plan`, measured here run by run in the shipped faces, see
`scripts.py`) on pages of 1920 × 1080 points, so one point is one pixel of a 1080p
screen and every title is `TITLE_PX` (30) points tall: at least 28 px-equivalent. Text is
real, selectable PDF text in any script; workshop text passes `text.drawable` and
`scripts.draw` (it is drawn straight on the canvas, never parsed as markup). The file
is made in memory and written atomically by `export_file.write_export`, like the action
plan. The colours are presentation mode's high-contrast theme (a GUI test checks that the
two agree).
"""

from __future__ import annotations

import io
import os
from typing import Final

from reportlab.pdfgen.canvas import Canvas

from alignment_workshop import i18n
from alignment_workshop.analysis import analyze
from alignment_workshop.analysis.findings import Severity
from alignment_workshop.analysis.progress import progress
from alignment_workshop.export_file import write_export
from alignment_workshop.i18n import N_, _
from alignment_workshop.layout.steps import (
    HEADING_PX,
    LINE,
    PAD,
    SIDE,
    TEAM_STRIP,
    TITLE_PX,
    Box,
    Label,
    Step,
    StepPlan,
    step_plan,
)
from alignment_workshop.model import Node, NodeKind, Workshop
from alignment_workshop.progress import Progress, Stages

from .fonts import BOLD, REGULAR, register_fonts
from .scripts import draw
from .scripts import width as line_width
from .text import drawable, plain

PLANNING = N_("Planning the steps")
DRAWING = N_("Drawing the slides")
WRITING = N_("Writing the file")
STAGES = ((PLANNING, 3), (DRAWING, 6), (WRITING, 1))

#: (fill, text) of each kind of card: presentation mode's theme.
CARD_COLORS: Final[dict[NodeKind, tuple[str, str]]] = {
    NodeKind.VISION: ("#0D1B2A", "#FFFFFF"),
    NodeKind.OBJECTIVE: ("#FFE082", "#000000"),
    NodeKind.GOAL: ("#FFFFFF", "#000000"),
    NodeKind.VALUE: ("#BDE8DE", "#000000"),
    NodeKind.KEY_RESULT: ("#E1D5F5", "#000000"),
}
BORDER, INK, MUTED = "#000000", "#000000", "#37474F"
NO_TEAM = "#B0B0B0"
#: A key result's progress strip, and the strip of one that reached its target.
PROGRESS_STRIP, PROGRESS_DONE, STRIP = "#311B92", "#1B5E20", 8.0
SEVERITY_INK: Final = {Severity.ERROR: "#8E0000", Severity.WARNING: "#000000"}
RADIUS = 10.0


def measure(text: str, pixels: float, bold: bool) -> float:
    """The width of `text` at `pixels` points: DejaVu Sans (bold or regular), each run of
    another script in the face that draws it."""
    return line_width(drawable(text), BOLD if bold else REGULAR, pixels)


def slides_plan(workshop: Workshop) -> StepPlan:
    """The steps of the slides: presentation mode's, on a 1920 × 1080 page."""
    register_fonts()
    return step_plan(workshop, analyze(workshop).findings, measure)


def export_slides(
    workshop: Workshop, path: str | os.PathLike[str], progress: Progress | None = None
) -> int:
    """Write the slides of `workshop` to `path`; returns the number of pages.

    Raises OSError when the file cannot be written and whatever `progress` raises
    (`Cancelled`); either way the file at `path` is left as it was.
    """
    data, pages = slides_pdf(workshop, progress)
    write_export(path, data)
    return pages


def slides_pdf(workshop: Workshop, progress: Progress | None = None) -> tuple[bytes, int]:
    """The slides as the bytes of a PDF file, and their number of pages."""
    stages = Stages(progress, STAGES)
    stages.begin(PLANNING)
    plan = slides_plan(workshop)
    stages.begin(DRAWING)
    out = io.BytesIO()
    canvas = Canvas(
        out, pagesize=(plan.width, plan.height), pageCompression=1, lang=i18n.language_tag()
    )
    meta = workshop.meta
    canvas.setTitle(
        plain(_("{title} · slides").format(title=meta.title or _("Alignment workshop")))
    )
    canvas.setAuthor(plain(meta.facilitator))
    canvas.setSubject(_("Alignment workshop slides"))
    total = len(plan.steps)
    for number, step in enumerate(plan.steps, 1):
        draw_step(canvas, plan, step, number, workshop)
        canvas.showPage()
        stages.advance(
            number, total, _("Slide {number} of {total}").format(number=number, total=total)
        )
    stages.begin(WRITING)
    canvas.save()
    stages.finish()
    return out.getvalue(), total


def draw_step(canvas: Canvas, plan: StepPlan, step: Step, number: int, workshop: Workshop) -> None:
    """One slide: the step's heading, its cards and labels, and the footer."""
    height, title = plan.height, workshop.meta.title
    canvas.setFillColor(INK)
    draw(canvas, SIDE, height - 24 - HEADING_PX, drawable(step.title), BOLD, HEADING_PX)
    canvas.setFont(REGULAR, TITLE_PX)
    canvas.setFillColor(MUTED)
    counter = _("Step {number} of {count}").format(number=number, count=len(plan.steps))
    canvas.drawRightString(plan.width - SIDE, 40, counter)
    room = plan.width - 3 * SIDE - measure(counter, TITLE_PX, False)
    footer = _fit(drawable(title or _("Alignment workshop")), room)
    draw(canvas, SIDE, 40, footer, REGULAR, TITLE_PX)
    for box in step.boxes:
        _draw_box(canvas, box, height)
        _draw_marks(canvas, box, workshop.node(box.node_id), height)
    for label in step.labels:
        _draw_label(canvas, label, height)


def _fit(text: str, width: float) -> str:
    """The footer's workshop title, shortened with "…" to fit (it is no card's title)."""
    if measure(text, TITLE_PX, False) <= width:
        return text
    while text and measure(text + "…", TITLE_PX, False) > width:
        text = text[:-1]
    return text + "…"


def _baseline(top: float, index: int, height: float) -> float:
    """The PDF baseline of line `index` of text whose first line's top is `top`."""
    line = TITLE_PX * LINE
    return height - (top + index * line + (line - TITLE_PX) / 2 + TITLE_PX * 0.8)


def _draw_box(canvas: Canvas, box: Box, height: float) -> None:
    fill, text = CARD_COLORS[box.kind]
    canvas.setLineWidth(3)
    canvas.setStrokeColor(BORDER)
    canvas.setFillColor(fill)
    bottom = height - box.y - box.height
    canvas.roundRect(box.x, bottom, box.width, box.height, RADIUS, stroke=1, fill=1)
    if box.kind is NodeKind.GOAL:
        _draw_team(canvas, box, height)
    top = box.y + box.band + PAD
    canvas.setFillColor(text)
    bold = box.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
    font = BOLD if bold else REGULAR
    for index, line in enumerate(box.lines):
        draw(canvas, box.x + PAD, _baseline(top, index, height), drawable(line), font, TITLE_PX)


def _draw_marks(canvas: Canvas, box: Box, node: Node, height: float) -> None:
    """A key result's progress strip and an objective's or goal's votes, as on screen."""
    bottom = height - box.y - box.height
    shown = progress(node) if node.kind is NodeKind.KEY_RESULT else None
    if shown is not None and shown.fraction is not None and shown.bar > 0:
        done = shown.fraction >= 1.0
        canvas.setFillColor(PROGRESS_DONE if done else PROGRESS_STRIP)
        canvas.rect(box.x + 1.5, bottom + 1.5, (box.width - 3) * shown.bar, STRIP, 0, 1)
    if node.votes and node.kind in (NodeKind.OBJECTIVE, NodeKind.GOAL):
        label = f"★ {node.votes}"
        width = measure(label, TITLE_PX, True) + 20
        pill = TITLE_PX * 1.35
        left = box.x + box.width - width + 12
        canvas.setFillColor(INK)
        canvas.roundRect(left, bottom - pill / 2, width, pill, pill / 2, stroke=0, fill=1)
        canvas.setFillColor("#FFFFFF")
        canvas.setFont(BOLD, TITLE_PX)
        canvas.drawCentredString(left + width / 2, bottom - TITLE_PX * 0.35, label)


def _draw_team(canvas: Canvas, box: Box, height: float) -> None:
    """The team's band along the top of a goal: its colour, and its name on white."""
    color = box.team_color or NO_TEAM
    canvas.setFillColor(color)
    canvas.rect(box.x + 1.5, height - box.y - 1.5 - TEAM_STRIP, box.width - 3, TEAM_STRIP, 0, 1)
    canvas.setFillColor(INK)
    for index, line in enumerate(box.team_lines):
        y = _baseline(box.y + TEAM_STRIP + 4, index, height)
        draw(canvas, box.x + PAD, y, drawable(line), BOLD, TITLE_PX)
    canvas.setStrokeColor(MUTED)
    canvas.setLineWidth(1.5)
    rule = height - box.y - box.band
    canvas.line(box.x + PAD, rule, box.x + box.width - PAD, rule)


def _draw_label(canvas: Canvas, label: Label, height: float) -> None:
    canvas.setFillColor(SEVERITY_INK.get(label.severity, INK) if label.severity else INK)
    font = BOLD if label.bold else REGULAR
    for index, line in enumerate(label.lines):
        draw(canvas, label.x, _baseline(label.y, index, height), drawable(line), font, TITLE_PX)
