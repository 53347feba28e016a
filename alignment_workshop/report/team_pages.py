"""One action plan per team, each on a new page, and the goals that have no team.

A team's active goals come most urgent first (priority, then impact, then votes). Each
goal says why it matters, its chain up to the vision, who owns it and by when, its
actions, what it needs from other teams and who needs it, and the findings about it.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import CondPageBreak, Flowable, PageBreak

from alignment_workshop.model import Node, Team

from . import palette
from .blocks import colored, finding_line, heading, keep, label, markup, para, spacer
from .plan import PlanData
from .styles import styles
from .text import escape


def team_sections(
    data: PlanData, step: Callable[[int, int], object] | None = None
) -> list[Flowable]:
    """A top-level "Team plans" entry and one section per team of the plan.

    `step(done, total)` is told before each team (it may raise to stop).
    """
    teams = data.workshop.teams
    if data.team_id is not None:
        teams = [t for t in teams if t.id == data.team_id]
    story: list[Flowable] = []
    for index, team in enumerate(teams):
        if step is not None:
            step(index, len(teams))
        story.append(PageBreak())
        if index == 0:
            story += heading("Team plans", styles().h1, "teams", 0)
        story += _team(data, team)
    return story


def _team(data: PlanData, team: Team) -> list[Flowable]:
    st = styles()
    story = heading(f"Team: {team.name}", st.h1, f"team-{team.id}", 1)
    score = next((t for t in data.report.teams if t.id == team.id), None)
    if score is not None and score.goals:
        story.append(
            para(f"{score.aligned} of {score.goals} active goals trace cleanly to the vision.")
        )
    # Findings about the team as a whole (a silo) are said once, not under every goal.
    story += [finding_line(f, []) for f in data.findings if f.team == team.id]
    goals = data.team_goals(team.id)
    if not goals:
        story.append(para("This team has no active goals.", st.note))
    for number, goal in enumerate(goals, start=1):
        story += goal_block(data, goal, number)
    return story


def unowned_goals(data: PlanData) -> list[Flowable]:
    """ "Goals without a team", when there are any (never in a one-team plan)."""
    goals = data.team_goals(None)
    if data.team_id is not None or not goals:
        return []
    story: list[Flowable] = [PageBreak()]
    story += heading("Goals without a team", styles().h1, "no-team", 0)
    story.append(para("Give each of these goals a team, or drop it.", styles().note))
    for number, goal in enumerate(goals, start=1):
        story += goal_block(data, goal, number)
    return story


def goal_block(data: PlanData, goal: Node, number: int) -> list[Flowable]:
    """Everything a team needs to act on one goal."""
    st = styles()
    head = f"{number}. {escape(goal.title, keep_newlines=False)}"
    facts = [
        label("Priority", goal.priority.value),
        label("Impact", f"{goal.impact} of 5"),
        label("Votes", str(goal.votes)),
        label("Status", goal.status.value),
    ]
    top: list[Flowable] = [
        CondPageBreak(90),
        markup(head, st.h2),
        markup(" · ".join(facts), st.small),
    ]
    if goal.why:
        top.append(markup(label("Why", goal.why)))
    chains = data.so_that(goal.id)
    if chains:
        top.append(markup(colored(chains[0], palette.ACCENT), st.body))
    else:
        top.append(para("Not yet linked up to the vision: ask why this goal matters.", st.note))
    story: list[Flowable] = [keep(top)]
    for chain in chains[1:]:
        story.append(markup(f"Also: {escape(chain)}", st.small))
    story += _ownership(goal)
    if goal.description:
        story.append(para(goal.description))
    story += _actions(goal)
    story += _dependencies(data, goal)
    story += [finding_line(f, []) for f in data.by_node.get(goal.id, ()) if f.team is None]
    story.append(spacer(4))
    return story


def _ownership(goal: Node) -> list[Flowable]:
    parts = [
        label("Owner", goal.owner or "nobody yet"),
        label("Due", goal.due.isoformat() if goal.due else "no date"),
    ]
    story: list[Flowable] = [markup(" · ".join(parts))]
    if goal.metric:
        story.append(markup(label("Metric", goal.metric)))
    return story


def _actions(goal: Node) -> list[Flowable]:
    if not goal.actions:
        return []
    st = styles()
    story: list[Flowable] = [markup("<b>Actions</b>")]
    for action in goal.actions:
        text = escape(action.text)
        if action.owner:
            text += f' <font color="{palette.MUTED}">({escape(action.owner)})</font>'
        story.append(markup(text, st.item, bullet="☑" if action.done else "☐"))
    return story


def _dependencies(data: PlanData, goal: Node) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = []
    for target in data.depends_out.get(goal.id, ()):
        other = data.node(target)
        text = f"Needs ‘{escape(other.title)}’ from {escape(data.team_name(other.team))}"
        story.append(markup(text, st.item, bullet="→"))
    for source in data.depends_in.get(goal.id, ()):
        other = data.node(source)
        text = f"‘{escape(other.title)}’ ({escape(data.team_name(other.team))}) depends on this"
        story.append(markup(text, st.item, bullet="←"))
    return story
