"""What phones send the facilitator: proposed team goals, and answers to a 5 Whys question.

Proposals wait in a moderation queue until the facilitator accepts (the GUI then makes a
card through an undoable command) or rejects them; a phone sees what became of its own.
The 5 Whys question is one at a time: asking a new one retires the old one and its
answers. Both keep within the room's limits per phone and in all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from .errors import RoomError


class Verdict(StrEnum):
    """What the facilitator decided about a proposal."""

    WAITING = "waiting"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Proposal:
    """A team goal a phone proposed, with its why and, if chosen, its team."""

    id: str
    phone: str
    name: str
    title: str
    why: str
    team: str | None
    verdict: Verdict = Verdict.WAITING


@dataclass(frozen=True, slots=True)
class Answer:
    """One phone's answer to the current 5 Whys question."""

    id: str
    phone: str
    name: str
    text: str


@dataclass(frozen=True, slots=True)
class Question:
    """The 5 Whys question phones may answer now."""

    id: str
    text: str


class InboxFullError(RoomError):
    """The phone, or the room, has sent as much as it may; `code` says which."""


class Inbox:
    """The moderation queue and the current question's answers (not thread-safe: the
    room holds its lock around every call)."""

    def __init__(
        self, proposals_per_phone: int, max_proposals: int, answers_per_phone: int, max_answers: int
    ) -> None:
        self.proposals_per_phone, self.max_proposals = proposals_per_phone, max_proposals
        self.answers_per_phone, self.max_answers = answers_per_phone, max_answers
        self._proposals: dict[str, Proposal] = {}
        self._answers: list[Answer] = []
        self.question: Question | None = None
        self._serial = 0

    def _next(self, prefix: str) -> str:
        self._serial += 1
        return f"{prefix}{self._serial}"

    def propose(self, phone: str, name: str, title: str, why: str, team: str | None) -> Proposal:
        """Queue a proposal; raises InboxFullError past the limits."""
        waiting = [p for p in self._proposals.values() if p.verdict is Verdict.WAITING]
        if sum(p.phone == phone for p in waiting) >= self.proposals_per_phone:
            raise InboxFullError("too-many-proposals")
        if len(self._proposals) >= self.max_proposals:
            raise InboxFullError("room-full")
        proposal = Proposal(self._next("p"), phone, name, title, why, team)
        self._proposals[proposal.id] = proposal
        return proposal

    def waiting(self) -> list[Proposal]:
        """The proposals still waiting for the facilitator, oldest first."""
        return [p for p in self._proposals.values() if p.verdict is Verdict.WAITING]

    def proposal(self, proposal_id: str) -> Proposal | None:
        return self._proposals.get(proposal_id)

    def decide(self, proposal_id: str, verdict: Verdict) -> Proposal | None:
        """Record the facilitator's verdict on a waiting proposal; None if none waits."""
        proposal = self._proposals.get(proposal_id)
        if proposal is None or proposal.verdict is not Verdict.WAITING:
            return None
        self._proposals[proposal_id] = decided = replace(proposal, verdict=verdict)
        return decided

    def proposals_of(self, phone: str) -> list[Proposal]:
        return [p for p in self._proposals.values() if p.phone == phone]

    def ask(self, text: str) -> Question:
        """Make `text` the current question; the previous one's answers go with it."""
        self.question = Question(self._next("q"), text)
        self._answers = []
        return self.question

    def stop_asking(self) -> None:
        self.question = None
        self._answers = []

    def answer(self, phone: str, name: str, question_id: str, text: str) -> Answer:
        """Add `phone`'s answer to the current question; raises InboxFullError past the limits."""
        if self.question is None or self.question.id != question_id:
            raise InboxFullError("question-gone")
        if sum(a.phone == phone for a in self._answers) >= self.answers_per_phone:
            raise InboxFullError("too-many-answers")
        if len(self._answers) >= self.max_answers:
            raise InboxFullError("room-full")
        answer = Answer(self._next("a"), phone, name, text)
        self._answers.append(answer)
        return answer

    def answers(self) -> list[Answer]:
        """The answers to the current question, oldest first."""
        return list(self._answers)

    def answers_of(self, phone: str) -> list[Answer]:
        return [a for a in self._answers if a.phone == phone]
