"""A 60-card workshop with long titles, some of 150 characters and more, for presentation.

One vision, six objectives, four values, six teams, 36 team goals and 13 key results,
laid out by `auto_layout`, with two orphan goals so the map has open findings. Titles
mix short ones with sentences as long as real teams write them, the numbers being agreed
at their ends, where a cut would hide them.
"""

from __future__ import annotations

from alignment_workshop.layout import auto_layout
from alignment_workshop.model import Link, LinkKind, Meta, Node, NodeKind, Team, Workshop

_LONG = (
    "Grow net revenue retention for mid-market accounts from 104 % to 112 % by renewing"
    " the top 50 accounts early and pairing each with a named success manager"
)
_SUBJECTS = (
    "onboarding for new workspace admins",
    "self-serve checkout in the three largest markets",
    "renewal conversations with the top 50 accounts",
    "search relevance for long-tail catalogue queries",
    "incident response across the payment stack",
    "partner integrations that customers ask for most",
)
_TEAMS = ("Sales", "Customer Success", "Platform", "Product Design", "Marketing", "Finance")
_COLORS = ("#1E88E5", "#8E24AA", "#43A047", "#F4511E", "#6D4C41", "#00897B")


def goal_title(i: int) -> str:
    subject = _SUBJECTS[i % len(_SUBJECTS)]
    if i % 4 == 0:
        return (
            f"Redesign {subject} so that a first-time user completes setup without help,"
            f" cutting median time to value from 9 days to 3 days by Q3 (goal {i})"
        )
    if i % 4 == 1:
        return f"Ship {subject} to 30 starter customers (goal {i})"
    return f"Measure and improve {subject}: weekly review with owners (goal {i})"


def long_title_workshop() -> Workshop:
    """The 60-card workshop; the same every call."""
    pairs = enumerate(zip(_TEAMS, _COLORS, strict=True))
    teams = [Team(f"t{i}", name, color) for i, (name, color) in pairs]
    nodes = [Node("vision", NodeKind.VISION, "Every customer reaches value in their first week")]
    nodes += [
        Node(f"value-{i}", NodeKind.VALUE, text)
        for i, text in enumerate(
            ["Customers first", "Say what we measure", "Small teams, clear owners", "Ship often"]
        )
    ]
    links: list[Link] = []

    def link(kind: LinkKind, source: str, target: str) -> None:
        links.append(Link(f"l{len(links)}", kind, source, target))

    for i in range(6):
        title = _LONG if i == 0 else f"Objective {i}: make {_SUBJECTS[i]} the best in the market"
        nodes.append(Node(f"obj-{i}", NodeKind.OBJECTIVE, title))
        link(LinkKind.SUPPORTS, f"obj-{i}", "vision")
    for i in range(36):
        nodes.append(Node(f"goal-{i}", NodeKind.GOAL, goal_title(i), team=f"t{i % 6}"))
        if i < 34:  # two orphans, for the findings
            link(LinkKind.SUPPORTS, f"goal-{i}", f"obj-{i % 6}")
    for i in range(13):
        title = (
            f"Key result {i}: raise weekly active admins from {20 + i} % to {40 + i} %"
            " in every region"
        )
        target = f"obj-{i % 6}" if i < 6 else f"goal-{i}"
        nodes.append(Node(f"kr-{i}", NodeKind.KEY_RESULT, title, team=f"t{i % 6}"))
        link(LinkKind.MEASURES, f"kr-{i}", target)
    workshop = Workshop.from_records(
        Meta(title="Long titles (60 cards)", facilitator="Tests"), teams, nodes, links
    )
    for node_id, pos in auto_layout(workshop).items():
        workshop.move_node(node_id, pos)
    return workshop
