"""The guided 5 Whys: the steps behind the dialog, driven through the document.

A session starts at a card that does not lead to the vision (an orphan) and asks
"Why does '<title>' matter?". Each answer is one undoable step: either pick an existing
card it serves (a supports link is added; a goal may serve a key result, and a key result
answers with the objective or goal it measures) or name a new parent, created one level
up and linked (a new goal takes the team of the goal it answers for). Either answer can
also become the why of the goal asked about. The session moves up to the parent and asks
again, until the starting card reaches the vision or five whys have been asked.
"""

from __future__ import annotations

from dataclasses import dataclass

from alignment_workshop.analysis import WhyIndex, why_paths, why_sentence
from alignment_workshop.layout import COLUMN_PITCH, ROW_PITCH, card_rect
from alignment_workshop.model import (
    Link,
    LinkKind,
    Node,
    NodeKind,
    Workshop,
    natural_link_kind,
    new_id,
)
from alignment_workshop.model.rules import NODE_FIELDS

from ...editing.document import Document

#: A session stops after this many answers.
MAX_WHYS = 5
#: The order candidates are offered in: the level just above comes first.
_KIND_ORDER = {NodeKind.OBJECTIVE: 0, NodeKind.KEY_RESULT: 1, NodeKind.GOAL: 2, NodeKind.VISION: 3}
#: The links that answer a why: a card serves its parent, a key result measures it.
_WHY_LINKS = (LinkKind.SUPPORTS, LinkKind.MEASURES)


def answer_kind(child: NodeKind, parent: NodeKind) -> LinkKind | None:
    """The link that makes a card of kind `child` serve one of kind `parent`, if any."""
    kind = natural_link_kind(child, parent)
    return kind if kind in _WHY_LINKS else None


def _supporters(workshop: Workshop, node_id: str) -> set[str]:
    """Every node that reaches `node_id` through supports or measures links (linking to one
    would close a circle)."""
    down: dict[str, list[str]] = {}
    for link in workshop.iter_links():
        if link.kind in _WHY_LINKS:
            down.setdefault(link.target, []).append(link.source)
    seen, todo = {node_id}, [node_id]
    while todo:
        for source in down.get(todo.pop(), ()):
            if source not in seen:
                seen.add(source)
                todo.append(source)
    return seen


def candidates(workshop: Workshop, node_id: str) -> list[Node]:
    """The active cards `node_id` could serve: allowed, not yet linked, making no cycle.

    Objectives first, then key results, goals and the vision; cards already leading to
    the vision before the others; file order otherwise. A goal may serve a key result;
    a key result serves (measures) an objective or a goal.
    """
    node = workshop.node(node_id)
    excluded = _supporters(workshop, node_id)
    found = []
    for other in workshop.iter_nodes():
        kind = answer_kind(node.kind, other.kind)
        if (
            kind is not None
            and other.is_active
            and other.id not in excluded
            and workshop.find_link(kind, node_id, other.id) is None
        ):
            found.append(other)
    index = WhyIndex(workshop)
    leads = {other.id for other in found if index.paths(other.id, limit=1)}
    return sorted(found, key=lambda n: (_KIND_ORDER[n.kind], n.id not in leads))


def parent_kinds(workshop: Workshop, node_id: str) -> list[NodeKind]:
    """The kinds a new parent of `node_id` may have, the sensible one first.

    A goal's parent is an objective; an objective's parent is an objective, unless the
    map has no vision yet, when the natural next step is the vision itself. A key result
    measures a new objective or goal.
    """
    kind = workshop.node(node_id).kind
    if kind is NodeKind.KEY_RESULT:
        return [NodeKind.OBJECTIVE, NodeKind.GOAL]
    has_vision = any(n.kind is NodeKind.VISION for n in workshop.iter_nodes())
    kinds = [NodeKind.OBJECTIVE]
    if kind is NodeKind.GOAL:
        kinds.append(NodeKind.GOAL)
    if not has_vision:
        kinds.insert(0 if kind is NodeKind.OBJECTIVE else len(kinds), NodeKind.VISION)
    return kinds


def place_above(workshop: Workshop, node_id: str, kind: NodeKind) -> tuple[float, float] | None:
    """A free spot one row above `node_id` for a new card of `kind` (None if unplaced)."""
    pos = workshop.node(node_id).pos
    if pos is None:
        return None
    rects = [card_rect(n.kind, n.pos) for n in workshop.iter_nodes() if n.pos is not None]
    y = pos[1] - ROW_PITCH
    for step in range(200):
        offset = (step + 1) // 2 * (1 if step % 2 else -1)
        spot = (pos[0] + offset * COLUMN_PITCH, y)
        rect = card_rect(kind, spot)
        if not any(rect.intersects(other) for other in rects):
            return spot
    return (pos[0], y)


@dataclass
class Step:
    """One answered why: the card asked about and the parent it serves."""

    child: str
    parent: str
    created: bool


class FiveWhysSession:
    """A 5 Whys run from one card; every answer is one undo step on the document."""

    def __init__(self, document: Document, node_id: str) -> None:
        self.document = document
        self.origin = node_id
        self.current = node_id
        self.steps: list[Step] = []
        self.finished = False
        #: True when the map changed under the run (its cards gone, another file open).
        self.ended = False
        self.outcome = ""
        self._workshop = document.workshop
        self._origin_title = self._workshop.node(node_id).title

    @property
    def workshop(self) -> Workshop:
        return self._workshop

    def follow(self) -> bool:
        """Check the run still fits the map (after undo, delete, open); False once ended.

        The run ends, with a sentence saying why, when the document holds another
        workshop or a card of the chain is gone.
        """
        if self.ended:
            return False
        reason = ""
        if self.document.workshop is not self._workshop:
            reason = "Another workshop was opened"
        else:
            chain = [self.origin, self.current, *(step.parent for step in self.steps)]
            if not all(self._workshop.has_node(node_id) for node_id in chain):
                reason = "A card of this chain is no longer on the map"
        if reason:
            self.ended = self.finished = True
            self.outcome = (
                f"{reason}, so the 5 Whys for '{self._origin_title}' has ended. "
                "Close this window and select a card to ask again."
            )
        return not self.ended

    def question(self) -> str:
        node = self.workshop.node(self.current)
        if node.kind is NodeKind.KEY_RESULT:
            return f"Why does '{node.title}' matter? What does it measure?"
        return f"Why does '{node.title}' matter?"

    def candidates(self) -> list[Node]:
        return [] if self.finished else candidates(self.workshop, self.current)

    def parent_kinds(self) -> list[NodeKind]:
        return [] if self.finished else parent_kinds(self.workshop, self.current)

    def chain_titles(self) -> list[str]:
        """The titles from the starting card up through every answer so far."""
        if self.ended:
            return []
        return [self.workshop.node(n).title for n in (self.origin, *(s.parent for s in self.steps))]

    def can_write_why(self) -> bool:
        """Whether the card asked about has a why field the answer could be written into."""
        return not self.finished and "why" in NODE_FIELDS[self.workshop.node(self.current).kind]

    def _why_update(self, child: str, answer: str, write_why: bool) -> dict[str, dict[str, str]]:
        """The edit that writes `answer` into the why of `child`, when asked and possible."""
        if not write_why or "why" not in NODE_FIELDS[self.workshop.node(child).kind]:
            return {}
        return {child: {"why": answer}}

    def pick(self, target_id: str, *, write_why: bool = False) -> bool:
        """Answer with an existing card: `current` supports it. False if refused.

        With `write_why`, the card's title also becomes the why of the goal asked about,
        in the same undo step.
        """
        if not self.follow() or self.finished:
            return False
        workshop, child = self.workshop, self.current
        if not workshop.has_node(target_id):
            self.document.message.emit("That card is no longer on the map.")
            return False
        target = workshop.node(target_id)
        kind = answer_kind(workshop.node(child).kind, target.kind) or LinkKind.SUPPORTS
        verb = "measures" if kind is LinkKind.MEASURES else "serves"
        text = f"Why: '{workshop.node(child).title}' {verb} '{target.title}'"
        link = Link(new_id("link"), kind, child, target_id)
        updates = self._why_update(child, target.title, write_why)
        if not self.document.add_items([], [link], text, refusal="Link refused", updates=updates):
            return False
        self._advance(Step(child, target_id, created=False))
        return True

    def create_parent(
        self, title: str, kind: NodeKind | None = None, *, write_why: bool = False
    ) -> str | None:
        """Answer with a new card of `kind` (default: the sensible one), linked as parent.

        A new team goal (or key result) serving a card with a team takes that team. With
        `write_why`, the answer also becomes the why of the goal asked about. The card,
        its link and the why are one undo step, dry-run together first: if the model
        refuses any, nothing is added and the document says why.
        """
        if not self.follow() or self.finished:
            return None
        kind = NodeKind(kind) if kind else self.parent_kinds()[0]
        title = " ".join(title.split())
        workshop, child = self.workshop, self.current
        team = workshop.node(child).team if "team" in NODE_FIELDS[kind] else None
        pos = place_above(workshop, child, kind)
        parent = Node(new_id(kind.value), kind, title, pos=pos, team=team)
        link_kind = answer_kind(workshop.node(child).kind, kind) or LinkKind.SUPPORTS
        link = Link(new_id("link"), link_kind, child, parent.id)
        text = f"Why: new {kind.label.lower()} '{title}' for '{workshop.node(child).title}'"
        updates = self._why_update(child, title, write_why)
        if not self.document.add_items(
            [parent], [link], text, refusal="New card refused", updates=updates
        ):
            return None
        self._advance(Step(child, parent.id, created=True))
        return parent.id

    def stop(self) -> None:
        """End the run where it stands."""
        if not self.finished:
            self._finish(f"Stopped after {len(self.steps)} of {MAX_WHYS} whys.")

    def _advance(self, step: Step) -> None:
        self.steps.append(step)
        paths = why_paths(self.workshop, self.origin, limit=1)
        if paths:
            self._finish(f"It leads to the vision now: {why_sentence(self.workshop, paths[0])}")
        elif len(self.steps) >= MAX_WHYS:
            self._finish(
                f"Five whys asked, and '{self.workshop.node(self.origin).title}' still does "
                "not reach the vision. Link the last card to an objective or the vision."
            )
        else:
            self.current = step.parent

    def _finish(self, outcome: str) -> None:
        self.finished = True
        self.outcome = outcome
