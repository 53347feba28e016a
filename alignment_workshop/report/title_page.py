"""The title page: who and when, the period, the score, the teams' scores, the findings.

The score is the one figure a leader looks for first, so it is printed large; a workshop
with no active goals has no score, shown as "—", never as a healthy-looking 100. A team's
plan headlines the team's own score and shows no other team's. The workshop's notes
close the page.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table, TableStyle

from alignment_workshop.analysis.findings import Severity, TeamScore
from alignment_workshop.analysis.periods import period_span, period_text
from alignment_workshop.model import Period

from . import palette
from .analysis_words import SEVERITY_COUNTS
from .blocks import colored, finding_line, grid, heading, keep, label, markup, para, spacer
from .fonts import REGULAR
from .plan import PlanData
from .styles import styles
from .text import escape


def percent(score: float | None) -> str:
    """A score as "72.7 %", or "—" when there is none."""
    return "—" if score is None else f"{score:g} %"


def period_words(period: Period) -> str:
    """ "H1 2027 (1 Jan – 30 Jun 2027)": as the editor says it, with its dates."""
    words, span = period_text(period), period_span(period)
    return words if words == span else f"{words} ({span})"


def title_page(data: PlanData, width: float) -> list[Flowable]:
    """The flowables of the first page."""
    meta = data.workshop.meta
    st = styles()
    story: list[Flowable] = heading(meta.title, st.title, "summary", 0)
    if data.team_id is not None:
        team = data.team_name(data.team_id)
        story.append(markup(f"Action plan for {colored(team, palette.ACCENT, bold=True)}"))
    facts = []
    if meta.period is not None:
        facts.append(label("Period", period_words(meta.period)))
    if meta.date is not None:
        facts.append(label("Date", meta.date.isoformat()))
    if meta.facilitator:
        facts.append(label("Facilitator", meta.facilitator))
    if meta.participants:
        facts.append(label("Participants", ", ".join(meta.participants)))
    story += [markup(f) for f in facts]
    story += [spacer(10), _score_box(data, width), spacer(10)]
    if data.team_id is None and data.report.teams:
        story.append(keep([markup("Team scores", st.h3), _team_table(data, width)]))
    story += [spacer(8), _counts(data)]
    story += _first_three(data)
    if meta.notes.strip():
        story += [markup("Workshop notes", st.h3), para(meta.notes)]
    return story


def _team_score(data: PlanData) -> TeamScore | None:
    return next((t for t in data.report.teams if t.id == data.team_id), None)


def _caption(data: PlanData) -> str:
    """What the big figure means, in one sentence."""
    if data.team_id is not None:
        team = _team_score(data)
        if team is None or not team.goals:
            return "This team has no active goals yet, so it has no alignment score."
        return (
            f"{data.team_name(data.team_id)}: {team.aligned} of {team.goals} active "
            "goals trace cleanly to the vision. "
            f"The whole workshop scores {percent(data.report.score)}."
        )
    goals = sum(t.goals for t in data.report.teams) + len(data.team_goals(None))
    if data.report.score is None:
        return "No active team goals yet, so there is no alignment score."
    return (
        f"Alignment score: {len(data.report.aligned)} of {goals} active team goals "
        "trace cleanly to the vision."
    )


def _score_box(data: PlanData, width: float) -> Table:
    st = styles()
    score = data.report.score
    if data.team_id is not None:
        team = _team_score(data)
        score = team.score if team is not None else None
    table = Table(
        [[markup(escape(percent(score)), st.score)], [para(_caption(data), st.score_label)]],
        colWidths=[width],
    )
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#F2F4F8")),
                ("FONTNAME", (0, 0), (-1, -1), REGULAR),
                ("TOPPADDING", (0, 0), (-1, 0), 14),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 12),
            ]
        )
    )
    return table


def _team_table(data: PlanData, width: float) -> Table:
    st = styles()
    rows: list[list[Flowable | str]] = [
        [markup(f"<b>{h}</b>", st.cell) for h in ("Team", "Goals", "Aligned", "Score")]
    ]
    for team in data.report.teams:
        color = data.workshop.team(team.id).color if data.workshop.has_team(team.id) else "#888888"
        name = f'<font color="{color}">■</font> {escape(team.name, keep_newlines=False)}'
        rows.append(
            [
                markup(name, st.cell),
                markup(str(team.goals), st.cell),
                markup(str(team.aligned), st.cell),
                markup(escape(percent(team.score)), st.cell_bold),
            ]
        )
    return grid(rows, [width * 0.55, width * 0.15, width * 0.15, width * 0.15])


def _counts(data: PlanData) -> Flowable:
    parts = []
    for severity in Severity:
        count = sum(1 for f in data.findings if f.severity is severity)
        one, many = SEVERITY_COUNTS[severity]
        word = one if count == 1 else many
        parts.append(colored(f"{count} {word}", palette.SEVERITY_COLORS[severity], bold=True))
    lead = "Findings" if data.team_id is None else "Findings about this team's goals"
    return markup(f"<b>{lead}:</b> " + " · ".join(parts))


def _first_three(data: PlanData) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [markup("The three things to resolve first", st.h3)]
    top = data.findings[:3]
    if not top:
        if data.team_id is None:
            return [*story, para("Nothing: the checks found no problem.")]
        return [*story, para("Nothing: the checks found no problem with this team's goals.")]
    story += [finding_line(finding, []) for finding in top]
    return story
