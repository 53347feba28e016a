"""Everything a team needs to act on one goal, kept on one page when it fits.

The block holds the goal's facts, why it matters and its chains up to the vision (one
level per line), its owner, due date and contributing teams, its key results, actions,
what it needs from other goals and who needs it, and the findings about it.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

from alignment_workshop.model import Node

from . import palette
from .blocks import finding_line, keep, label, markup, para, spacer
from .chains import why_chains
from .key_results import key_result_table
from .plan import PlanData
from .styles import styles
from .text import escape


def goal_block(data: PlanData, goal: Node, number: int) -> list[Flowable]:
    """The goal's block: one page when it fits, split only when longer than a page."""
    st = styles()
    head = f"{number}. {escape(goal.title, keep_newlines=False)}"
    facts = [
        label("Priority", goal.priority.value),
        label("Impact", f"{goal.impact} of 5"),
        label("Votes", str(goal.votes)),
        label("Status", goal.status.value),
    ]
    block: list[Flowable] = [markup(head, st.h2), markup(" · ".join(facts), st.small)]
    if goal.why:
        block.append(markup(label("Why", goal.why)))
    block += why_chains(data, goal.id)
    block += _ownership(data, goal)
    if goal.description:
        block.append(para(goal.description))
    results = data.key_results(goal.id)
    if results:
        block += [markup("Key results", st.lead), key_result_table(data, results)]
    block += _actions(goal)
    block += _dependencies(data, goal)
    block += [finding_line(f, []) for f in data.by_node.get(goal.id, ()) if f.team is None]
    block.append(spacer(4))
    return [keep(block)]


def _ownership(data: PlanData, goal: Node) -> list[Flowable]:
    parts = [
        label("Owner", goal.owner or "nobody yet"),
        label("Due", goal.due.isoformat() if goal.due else "no date"),
    ]
    story: list[Flowable] = [markup(" · ".join(parts), styles().body)]
    if goal.contributors:
        names = ", ".join(data.team_name(t) for t in goal.contributors)
        story.append(markup(label("With help from", names)))
    if goal.metric:
        story.append(markup(label("Metric", goal.metric)))
    return story


def _actions(goal: Node) -> list[Flowable]:
    if not goal.actions:
        return []
    st = styles()
    story: list[Flowable] = [markup("Actions", st.lead)]
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
