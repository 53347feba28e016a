"""One action plan per team, each on a new page, and the goals that have no team.

A team's section opens with its own score, then what it needs from other teams and
what they need from it, then its active goals, most urgent first (priority, then impact,
then votes), then the other teams' goals it contributes to and the key results it owns.
"""

from __future__ import annotations

from collections.abc import Callable

from reportlab.platypus import Flowable

from alignment_workshop.model import NodeKind, Team

from .blocks import finding_line, heading, keep, markup, para, section
from .goal_block import goal_block
from .key_results import key_result_table
from .plan import PlanData
from .styles import styles
from .text import escape


def team_sections(
    data: PlanData, step: Callable[[int, int], object] | None = None
) -> list[Flowable]:
    """A top-level "Team plans" entry and one section per team; one team's in its plan.

    `step(done, total)` is told before each team (it may raise to stop).
    """
    if data.team_id is not None:
        if step is not None:
            step(0, 1)
        team = data.workshop.team(data.team_id)
        return _team(data, team, level=0)
    story: list[Flowable] = []
    teams = data.workshop.teams
    for index, team in enumerate(teams):
        if step is not None:
            step(index, len(teams))
        if index == 0:
            story += section("Team plans", "teams")
            story += _team(data, team, level=1, first=True)
        else:
            story += _team(data, team, level=1)
    return story


def _team(data: PlanData, team: Team, *, level: int, first: bool = False) -> list[Flowable]:
    st = styles()
    title = f"Team: {team.name}"
    if first:  # right under "Team plans", on its page
        story = heading(title, st.h1, f"team-{team.id}", level, running=title, listed=True)
    else:
        story = section(title, f"team-{team.id}", level)
    story.append(para(team_score_line(data, team.id)))
    # Findings about the team as a whole (a silo) are said once, not under every goal.
    story += [finding_line(f, []) for f in data.findings if f.team == team.id]
    story += _exchanges(data, team.id)
    goals = data.team_goals(team.id)
    if not goals:
        story.append(para("This team has no active goals.", st.note))
    for number, goal in enumerate(goals, start=1):
        story += goal_block(data, goal, number)
    story += _contributions(data, team.id)
    owned = [n for n in data.nodes_of(NodeKind.KEY_RESULT) if n.team == team.id]
    if owned:
        story.append(keep([markup("Key results we own", st.h2), key_result_table(data, owned)]))
    return story


def team_score_line(data: PlanData, team_id: str) -> str:
    """ "3 of 5 active goals trace cleanly to the vision (60 %)." for the team."""
    score = next((t for t in data.report.teams if t.id == team_id), None)
    if score is None or not score.goals:
        return "No active goals yet, so this team has no alignment score."
    return (
        f"{score.aligned} of {score.goals} active goals trace cleanly to the vision "
        f"({score.score:g} %)."
    )


def _exchanges(data: PlanData, team_id: str) -> list[Flowable]:
    """ "What we need from others" and "What others need from us", when there is any."""
    own = {g.id for g in data.team_goals(team_id)}
    needs: list[str] = []
    gives: list[str] = []
    for goal in data.team_goals(team_id):
        mine = f"‘{escape(goal.title)}’"
        for target in data.depends_out.get(goal.id, ()):
            if target not in own:
                needs.append(f"{mine} depends on {_theirs(data, target)}")
        for source in data.supports_in.get(goal.id, ()):
            if source not in own and data.node(source).kind is NodeKind.GOAL:
                needs.append(f"{mine} builds on {_theirs(data, source)}")
        if goal.contributors:
            names = ", ".join(escape(data.team_name(t)) for t in goal.contributors)
            needs.append(f"{mine} asks for help from {names}")
        for source in data.depends_in.get(goal.id, ()):
            if source not in own:
                gives.append(f"{_theirs(data, source)} depends on {mine}")
        for target in data.supports_out.get(goal.id, ()):
            if target not in own and data.node(target).kind is NodeKind.GOAL:
                gives.append(f"{_theirs(data, target)} builds on {mine}")
    story: list[Flowable] = []
    for title, lines in (("What we need from others", needs), ("What others need from us", gives)):
        if lines:
            items = [markup(line, styles().item, bullet="•") for line in lines]
            story += [markup(title, styles().h3), *items]
    return story


def _theirs(data: PlanData, node_id: str) -> str:
    node = data.node(node_id)
    return f"‘{escape(node.title)}’ ({escape(data.team_name(node.team))})"


def _contributions(data: PlanData, team_id: str) -> list[Flowable]:
    """The goals of other teams that list this team as a contributor."""
    goals = data.contributed_to(team_id)
    if not goals:
        return []
    st = styles()
    story: list[Flowable] = [markup("Goals we contribute to", st.h2)]
    for goal in goals:
        facts = [f"led by {escape(data.team_name(goal.team))}"]
        facts.append(f"owner {escape(goal.owner)}" if goal.owner else "no owner yet")
        facts.append(f"due {goal.due.isoformat()}" if goal.due else "no due date")
        text = f"<b>{escape(goal.title)}</b><br/><font size='8'>{' · '.join(facts)}</font>"
        story.append(markup(text, st.item, bullet="•"))
    return story


def unowned_goals(data: PlanData) -> list[Flowable]:
    """ "Goals without a team", when there are any (never in a one-team plan)."""
    goals = data.team_goals(None)
    if data.team_id is not None or not goals:
        return []
    story = section("Goals without a team", "no-team")
    story.append(para("Give each of these goals a team, or drop it.", styles().note))
    for number, goal in enumerate(goals, start=1):
        story += goal_block(data, goal, number)
    return story
