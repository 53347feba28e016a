"""Between the map and the room: what a round votes on, and what comes back to the map.

`round_options` lists what the facilitator may open for a vote: the active objectives
and team goals, and the unresolved conflicts between active cards, each under a label a
phone can show. `vote_changes` turns revealed totals into the `votes` of the cards still
on the map (a conflict is a link, and links have no votes: its total is shown, not
written). `proposal_node` makes the card an accepted proposal becomes. Model only.
"""

from __future__ import annotations

from collections.abc import Iterable

from alignment_workshop.model import LinkKind, Node, NodeKind, Position, Status, Workshop, new_id
from alignment_workshop.model.rules import INT_LIMITS

from .inbox import Proposal
from .rounds import Option, Tally

#: The kinds whose cards carry votes.
VOTABLE = (NodeKind.GOAL, NodeKind.OBJECTIVE)
#: The option kinds a new round opens unless the facilitator chooses otherwise.
DEFAULT_KINDS = frozenset({"goal", "conflict"})
#: The arrow between the two sides of a conflict in its label.
CONFLICT_ARROW = " ⟷ "


def _goal_label(workshop: Workshop, node: Node) -> str:
    if node.team is not None and workshop.has_team(node.team):
        return f"{node.title} ({workshop.team(node.team).name})"
    return node.title


def round_options(workshop: Workshop) -> list[Option]:
    """Everything a round may vote on: goals, then objectives, then open conflicts."""
    goals, objectives = [], []
    for node in workshop.iter_nodes():
        if node.kind is NodeKind.GOAL and node.is_active:
            goals.append(Option(node.id, _goal_label(workshop, node), "goal"))
        elif node.kind is NodeKind.OBJECTIVE and node.is_active:
            objectives.append(Option(node.id, node.title, "objective"))
    conflicts = []
    for link in workshop.iter_links():
        if link.kind is not LinkKind.CONFLICTS or link.resolved:
            continue
        ends = (workshop.node(link.source), workshop.node(link.target))
        if all(end.is_active for end in ends):
            label = CONFLICT_ARROW.join(end.title for end in ends)
            conflicts.append(Option(link.id, label, "conflict"))
    return goals + objectives + conflicts


def vote_changes(workshop: Workshop, tallies: Iterable[Tally]) -> dict[str, int]:
    """The `votes` each card of the round gets: its total, for cards still on the map."""
    high = INT_LIMITS["node.votes"][1]
    changes = {}
    for tally in tallies:
        node_id = tally.option.id
        if tally.option.kind == "conflict" or not workshop.has_node(node_id):
            continue
        if workshop.node(node_id).kind in VOTABLE:
            changes[node_id] = min(high, tally.votes)
    return changes


def proposal_node(workshop: Workshop, proposal: Proposal, pos: Position | None) -> Node:
    """The proposed team goal as a new card: its title, its why, its team if still there."""
    team = proposal.team if proposal.team and workshop.has_team(proposal.team) else None
    return Node(
        id=new_id(NodeKind.GOAL.value),
        kind=NodeKind.GOAL,
        title=proposal.title,
        why=proposal.why,
        team=team,
        status=Status.PROPOSED,
        pos=pos,
    )
