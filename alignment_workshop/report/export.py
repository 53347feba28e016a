"""`export_pdf`: the whole action plan, or one team's, written to a PDF file.

The plan is made in memory (`plan_pdf`), where reportlab's every write is to a buffer
that cannot fail half-way, and the finished bytes are written in one go by
`export_file.write_export`: atomically, checked and fsynced. An export that fails or is
cancelled leaves the previous file as it was. Why not `fileio`'s save: the report layer
never imports the file format, and `export_file` (standard library only) is the one write
path that every export shares, whichever layer makes it. A `progress` callable (see
`alignment_workshop/progress.py`) hears of every stage, section, team, map part and
flowable laid out, and may raise `Cancelled` at any of them to stop.
"""

from __future__ import annotations

import io
import os

from reportlab.platypus import Flowable, PageBreak

from alignment_workshop.export_file import write_export
from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Workshop
from alignment_workshop.progress import Progress, Stages

from .contents import contents
from .document import LANDSCAPE, PORTRAIT, PlanDocument
from .map_pages import map_pages, team_map_pages
from .plan import PlanData
from .plan_canvas import pdf_date
from .sections import decisions, objectives, vision_and_values, what_to_resolve
from .team_pages import team_sections, unowned_goals
from .text import plain
from .title_page import title_page

ANALYSING = N_("Analysing the workshop")
OPENING = N_("Writing vision and values")
MAP = N_("Drawing the map")
FINDINGS = N_("Listing what to resolve")
OBJECTIVES = N_("Writing the objectives")
TEAMS = N_("Writing the team plans")
LAYING_OUT = N_("Laying out the pages")
WRITING = N_("Writing the file")

#: Each stage's share of the bar, from timing the 500-goal and 10,000-node workshops:
#: laying out the pages is two thirds of the work, composing the sections a quarter.
STAGES = (
    (ANALYSING, 1),
    (OPENING, 1),
    (MAP, 10),
    (FINDINGS, 2),
    (OBJECTIVES, 3),
    (TEAMS, 13),
    (LAYING_OUT, 65),
    (WRITING, 5),
)


def export_pdf(
    workshop: Workshop,
    path: str | os.PathLike[str],
    team_id: str | None = None,
    progress: Progress | None = None,
    *,
    paper: str = "a4",
    lang: str | None = None,
) -> int:
    """Write the action plan of `workshop` to `path`; returns the number of pages.

    With `team_id`, the plan is that team's: its score, a map of its goals and what they
    serve, the objectives they serve, its own goals and the findings that concern them.
    `paper` is "a4" or "letter"; `lang` is the document's language tag. Raises
    `UnknownTeamError` (a ValueError) when the workshop has no such team, a ValueError
    for an unknown paper, OSError when the file cannot be written, and whatever
    `progress` raises (`Cancelled`); in every such case the file at `path` is left as it
    was.
    """
    data, pages = plan_pdf(workshop, team_id, progress, paper=paper, lang=lang)
    write_export(path, data)
    return pages


def plan_pdf(
    workshop: Workshop,
    team_id: str | None = None,
    progress: Progress | None = None,
    *,
    paper: str = "a4",
    lang: str | None = None,
) -> tuple[bytes, int]:
    """The action plan as the bytes of a PDF file, and its number of pages."""
    stages = Stages(progress, STAGES)
    stages.begin(ANALYSING)
    data = PlanData.build(workshop, team_id)
    meta = workshop.meta
    if team_id is None:
        subject = _("Alignment workshop action plan")
        header = _("{title} · Action plan").format(title=meta.title)
    else:
        team = data.team_name(team_id)
        subject = _("Alignment workshop action plan for {team}").format(team=team)
        header = _("{title} · Action plan for {team}").format(title=meta.title, team=team)
    out = io.BytesIO()
    doc = PlanDocument(
        out,
        header=header,
        paper=paper,
        lang=lang,
        stamp=pdf_date(meta.date),
        title=plain(meta.title),
        author=plain(meta.facilitator),
        subject=plain(subject),
    )
    story = _story(data, doc, stages)
    stages.begin(LAYING_OUT)
    doc.setProgressCallBack(_Layout(stages))
    doc.build_plan(story)
    stages.finish()
    return out.getvalue(), doc.page


def _story(data: PlanData, doc: PlanDocument, stages: Stages) -> list[Flowable]:
    width, _height = doc.frame_size(PORTRAIT)
    data.text_width = width
    stages.begin(OPENING)
    story = [*vision_and_values(data)]
    stages.begin(MAP)
    if data.team_id is None:
        story += map_pages(data, *doc.frame_size(LANDSCAPE), step=stages.advance)
        stages.begin(FINDINGS)
        story += [*what_to_resolve(data), *decisions(data)]
    else:
        story += team_map_pages(data, *doc.frame_size(LANDSCAPE), step=stages.advance)
        stages.begin(FINDINGS)
        story += what_to_resolve(data)
    stages.begin(OBJECTIVES)
    story += objectives(data)
    stages.begin(TEAMS)
    story += team_sections(data, step=stages.advance)
    story += unowned_goals(data)
    return [*title_page(data, width), PageBreak(), *contents(story), *story]


class _Layout:
    """reportlab's progress callback, told as the layout stage: flowables done, page."""

    def __init__(self, stages: Stages) -> None:
        self.stages = stages
        self.total = 1
        self.page = 1

    def __call__(self, kind: str, value: int) -> None:
        if kind == "SIZE_EST":
            self.total = max(value, 1)
        elif kind == "PAGE":
            self.page = value
        elif kind == "PROGRESS":
            self.stages.advance(
                value, self.total, _("Laying out page {page}").format(page=self.page)
            )
            if value >= self.total:  # what is left is writing the file
                self.stages.begin(WRITING)
