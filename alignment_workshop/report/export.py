"""`export_pdf`: the whole action plan, or one team's, written to a PDF file.

The plan is made in memory (`plan_pdf`), where reportlab's every write is to a buffer
that cannot fail half-way, and the finished bytes are written in one go by
`export_file.write_export`: atomically, checked and fsynced. An export that fails
leaves the previous file as it was. Why not `fileio`'s save: the report layer never
imports the file format, and `export_file` (standard library only) is the one write
path that every export shares, whichever layer makes it.
"""

from __future__ import annotations

import io
import os

from reportlab.platypus import Flowable, PageBreak

from alignment_workshop.export_file import write_export
from alignment_workshop.model import Workshop

from .contents import contents
from .document import LANDSCAPE, PORTRAIT, PlanDocument
from .map_pages import map_pages, team_map_pages
from .plan import PlanData
from .plan_canvas import pdf_date
from .sections import decisions, objectives, vision_and_values, what_to_resolve
from .team_pages import team_sections, unowned_goals
from .text import drawable
from .title_page import title_page


def export_pdf(
    workshop: Workshop,
    path: str | os.PathLike[str],
    team_id: str | None = None,
    *,
    paper: str = "a4",
    lang: str = "en",
) -> int:
    """Write the action plan of `workshop` to `path`; returns the number of pages.

    With `team_id`, the plan is that team's: its score, a map of its goals and what they
    serve, the objectives they serve, its own goals and the findings that concern them.
    `paper` is "a4" or "letter"; `lang` is the document's language tag. Raises
    `UnknownTeamError` (a ValueError) when the workshop has no such team, a ValueError
    for an unknown paper, and OSError when the file cannot be written; then the file at
    `path` is as it was.
    """
    data, pages = plan_pdf(workshop, team_id, paper=paper, lang=lang)
    write_export(path, data)
    return pages


def plan_pdf(
    workshop: Workshop, team_id: str | None = None, *, paper: str = "a4", lang: str = "en"
) -> tuple[bytes, int]:
    """The action plan as the bytes of a PDF file, and its number of pages."""
    data = PlanData.build(workshop, team_id)
    meta = workshop.meta
    subject = "Alignment workshop action plan"
    header = f"{meta.title} · Action plan"
    if team_id is not None:
        subject += f" for {data.team_name(team_id)}"
        header += f" for {data.team_name(team_id)}"
    out = io.BytesIO()
    doc = PlanDocument(
        out,
        header=header,
        paper=paper,
        lang=lang,
        stamp=pdf_date(meta.date),
        title=drawable(meta.title),
        author=drawable(meta.facilitator),
        subject=drawable(subject),
    )
    doc.build_plan(_story(data, doc))
    return out.getvalue(), doc.page


def _story(data: PlanData, doc: PlanDocument) -> list[Flowable]:
    width, _ = doc.frame_size(PORTRAIT)
    data.text_width = width
    story = [*vision_and_values(data)]
    if data.team_id is None:
        story += map_pages(data, *doc.frame_size(LANDSCAPE))
        story += [*what_to_resolve(data), *decisions(data)]
    else:
        story += team_map_pages(data, *doc.frame_size(LANDSCAPE))
        story += what_to_resolve(data)
    story += objectives(data)
    story += team_sections(data)
    story += unowned_goals(data)
    return [*title_page(data, width), PageBreak(), *contents(story), *story]
