"""The room: who has joined, the voting round, the moderation queue and the 5 Whys.

One `Room` is shared by the server's thread (phones) and the GUI's thread (the
facilitator), so every method holds one lock for the few microseconds it runs, and
listeners hear of a change after the lock is released. Phones are known only by the id
the server gave them when they joined; in named mode they also give a name, which goes
with their proposals and answers (never with their votes: ballots are only ever added
up). The room hands out a round's totals only after `reveal()`: `status()` counts
ballots, never votes. Once `close()`d, every call raises `RoomError("room-closed")`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from .errors import RoomError
from .inbox import Answer, Inbox, Proposal, Question, Verdict
from .limits import RoomLimits
from .rounds import Option, Phase, Round, Tally
from .text import clean_block, clean_line
from .tokens import new_phone_id, new_room_token

Listener = Callable[[], None]


@dataclass(frozen=True, slots=True)
class RoomStatus:
    """What the facilitator and the projector may see at any time: counts, never votes."""

    phones: int
    ballots: int
    round: int
    phase: Phase | None
    votes: int
    waiting: int
    question: str | None
    answers: int
    closed: bool


class Room:
    """One room's shared state; thread-safe."""

    def __init__(
        self, *, named: bool = False, limits: RoomLimits | None = None, token: str | None = None
    ) -> None:
        self.token = token or new_room_token()
        self.named = named
        self.limits = limits or RoomLimits()
        self._lock = threading.RLock()
        self._listeners: list[Listener] = []
        self._phones: dict[str, str] = {}  # phone id → name ("" when anonymous)
        self._round: Round | None = None
        self._rounds = 0
        self._teams: tuple[tuple[str, str], ...] = ()
        lim = self.limits
        self._inbox = Inbox(
            lim.proposals_per_phone, lim.max_proposals, lim.answers_per_phone, lim.max_answers
        )
        self._closed = False

    # ------------------------------------------------------------------ plumbing

    def subscribe(self, listener: Listener) -> None:
        """Call `listener()` (from any thread) after every change."""
        with self._lock:
            self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        with self._lock:
            if listener in self._listeners:
                self._listeners.remove(listener)

    @contextmanager
    def _changing(self) -> Iterator[None]:
        """Hold the lock for a change, then tell the listeners (outside the lock)."""
        with self._lock:
            self._check_open()
            yield
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    def _check_open(self) -> None:
        if self._closed:
            raise RoomError("room-closed")

    def _phone(self, phone: str) -> str:
        """The name of a phone that has joined; raises RoomError("not-joined")."""
        name = self._phones.get(phone)
        if name is None:
            raise RoomError("not-joined")
        return name

    # ------------------------------------------------------------------ phones

    def join(self, name: object = "") -> str:
        """A new phone: returns its id. Named mode asks for a name."""
        clean = clean_line(name, self.limits.name, required=self.named) if self.named else ""
        with self._changing():
            if len(self._phones) >= self.limits.max_phones:
                raise RoomError("room-full")
            phone = new_phone_id()
            self._phones[phone] = clean
        return phone

    def knows(self, phone: str) -> bool:
        with self._lock:
            return not self._closed and phone in self._phones

    def cast(self, phone: str, round_number: object, ballot: Mapping[str, object]) -> None:
        """Replace `phone`'s ballot in round `round_number` (only while it is open)."""
        with self._changing():
            self._phone(phone)
            current = self._round
            if current is None or round_number != current.number:
                raise RoomError("round-changed")
            current.cast(phone, ballot)

    def propose(self, phone: str, title: object, why: object, team: object) -> Proposal:
        """Queue a proposed team goal for the facilitator to accept or reject."""
        lim = self.limits
        clean_title = clean_line(title, lim.title)
        clean_why = clean_block(why, lim.why, required=False)
        if team is not None and not isinstance(team, str):
            raise RoomError("unknown-team")
        with self._changing():
            name = self._phone(phone)
            if team is not None and team not in dict(self._teams):
                raise RoomError("unknown-team")
            return self._inbox.propose(phone, name, clean_title, clean_why, team)

    def answer(self, phone: str, question_id: object, text: object) -> Answer:
        """Add `phone`'s answer to the current 5 Whys question."""
        clean = clean_line(text, self.limits.answer)
        with self._changing():
            name = self._phone(phone)
            return self._inbox.answer(phone, name, str(question_id), clean)

    def phone_view(self, phone: str | None) -> dict[str, object]:
        """Everything one phone may see, as JSON-ready data; no one else's votes."""
        with self._lock:
            self._check_open()
            lim = self.limits
            view: dict[str, object] = {
                "joined": phone is not None and phone in self._phones,
                "named": self.named,
                "limits": {
                    "title": lim.title,
                    "why": lim.why,
                    "answer": lim.answer,
                    "name": lim.name,
                },
            }
            if not view["joined"] or phone is None:
                return view
            view["name"] = self._phones[phone]
            view["round"] = self._round_view(phone)
            view["teams"] = [{"id": i, "name": n} for i, n in self._teams]
            view["question"] = self._question_view(phone)
            view["proposals"] = [
                {"title": p.title, "status": p.verdict.value}
                for p in self._inbox.proposals_of(phone)
            ]
            return view

    def _round_view(self, phone: str) -> dict[str, object] | None:
        current = self._round
        if current is None:
            return None
        revealed = current.phase is Phase.REVEALED
        return {
            "number": current.number,
            "phase": current.phase.value,
            "votes": current.votes,
            "per_option": current.per_option,
            "options": [{"id": o.id, "label": o.label, "kind": o.kind} for o in current.options],
            "mine": current.ballot_of(phone),
            "results": [{"id": t.option.id, "votes": t.votes} for t in current.totals()]
            if revealed
            else None,
        }

    def _question_view(self, phone: str) -> dict[str, object] | None:
        question = self._inbox.question
        if question is None:
            return None
        mine = [a.text for a in self._inbox.answers_of(phone)]
        return {"id": question.id, "text": question.text, "mine": mine}

    # ------------------------------------------------------------------ facilitator

    def status(self) -> RoomStatus:
        """Counts for the facilitator and the projector: phones and ballots, never votes."""
        with self._lock:
            current, question = self._round, self._inbox.question
            return RoomStatus(
                phones=len(self._phones),
                ballots=current.ballots() if current else 0,
                round=current.number if current else 0,
                phase=current.phase if current else None,
                votes=current.votes if current else 0,
                waiting=len(self._inbox.waiting()),
                question=question.text if question else None,
                answers=len(self._inbox.answers()),
                closed=self._closed,
            )

    def start_round(self, options: Sequence[Option], votes: int, per_option: int) -> int:
        """Open a new round on `options` (the last one's ballots go); returns its number."""
        if not 1 <= votes <= self.limits.max_votes:
            raise ValueError(f"votes per phone must be 1 to {self.limits.max_votes}")
        if len(options) > self.limits.max_options:
            raise ValueError(f"a round holds at most {self.limits.max_options} options")
        with self._changing():
            self._round = Round(self._rounds + 1, options, votes, per_option)
            self._rounds += 1
            return self._rounds

    def close_round(self) -> None:
        """Stop taking ballots; the totals stay hidden."""
        with self._changing():
            if self._round is not None and self._round.phase is Phase.OPEN:
                self._round.phase = Phase.CLOSED

    def reveal(self) -> list[Tally]:
        """Close the round if open, and show its totals to everyone; returns them."""
        with self._changing():
            if self._round is None:
                raise RoomError("no-round")
            self._round.phase = Phase.REVEALED
            return self._round.totals()

    def results(self) -> list[Tally] | None:
        """The totals of the current round once revealed; None before (never a count)."""
        with self._lock:
            current = self._round
            if current is None or current.phase is not Phase.REVEALED:
                return None
            return current.totals()

    def round_options(self) -> tuple[Option, ...]:
        with self._lock:
            return self._round.options if self._round else ()

    def set_teams(self, teams: Sequence[tuple[str, str]]) -> None:
        """The teams a proposal may name, as (id, name) pairs."""
        with self._changing():
            self._teams = tuple((str(i), str(n)) for i, n in teams)

    def waiting_proposals(self) -> list[Proposal]:
        with self._lock:
            return self._inbox.waiting()

    def proposal(self, proposal_id: str) -> Proposal | None:
        """A proposal still waiting for the facilitator, or None."""
        with self._lock:
            found = self._inbox.proposal(proposal_id)
            return found if found is not None and found.verdict is Verdict.WAITING else None

    def decide(self, proposal_id: str, accepted: bool) -> Proposal | None:
        """Mark a waiting proposal accepted or rejected; None if it is not waiting."""
        with self._changing():
            verdict = Verdict.ACCEPTED if accepted else Verdict.REJECTED
            return self._inbox.decide(proposal_id, verdict)

    def ask(self, text: str) -> Question:
        """Put a 5 Whys question to the phones; the previous one's answers go."""
        clean = clean_line(text, 2 * self.limits.title)
        with self._changing():
            return self._inbox.ask(clean)

    def stop_asking(self) -> None:
        with self._changing():
            self._inbox.stop_asking()

    def answers(self) -> list[Answer]:
        with self._lock:
            return self._inbox.answers()

    def close(self) -> None:
        """End the room: every later call is refused, and the phones' ids mean nothing."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self._phones.clear()
            listeners = list(self._listeners)
        for listener in listeners:
            listener()

    @property
    def closed(self) -> bool:
        with self._lock:
            return self._closed
