"""The room's state without a server: rounds, secret totals, limits, the inbox, closing."""

from __future__ import annotations

import threading

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment_workshop.room.errors import RoomError
from alignment_workshop.room.limits import RateLimiter, RoomLimits
from alignment_workshop.room.rounds import Option, Phase
from alignment_workshop.room.state import Room
from alignment_workshop.room.text import TextError, clean_block, clean_line
from alignment_workshop.room.tokens import (
    TOKEN_ALPHABET,
    TOKEN_BITS,
    new_phone_id,
    new_room_token,
    same_secret,
)

OPTIONS = [Option("g1", "Redesign onboarding", "goal"), Option("g2", "Custom export", "goal"),
           Option("c1", "Deals ⟷ Self-serve", "conflict")]  # fmt: skip


def code_of(call, *args, **kwargs) -> str:
    with pytest.raises(RoomError) as caught:
        call(*args, **kwargs)
    return caught.value.code


def room_with_round(votes: int = 3, per_option: int = 3, **kwargs) -> Room:
    room = Room(**kwargs)
    room.start_round(OPTIONS, votes, per_option)
    return room


# ----------------------------------------------------------------------- secrets


def test_room_tokens_carry_at_least_96_random_bits_and_differ() -> None:
    assert TOKEN_BITS >= 96
    tokens = {new_room_token() for _ in range(200)}
    assert len(tokens) == 200
    for token in tokens:
        assert len(token) * 5 == TOKEN_BITS and set(token) <= set(TOKEN_ALPHABET)
    assert len(set(TOKEN_ALPHABET)) == 32 and not set("01lo") & set(TOKEN_ALPHABET)
    assert len({new_phone_id() for _ in range(200)}) == 200


def test_same_secret_compares_exactly() -> None:
    token = new_room_token()
    assert same_secret(token, token)
    assert not same_secret(token[:-1], token)
    assert not same_secret(token.upper(), token)
    assert not same_secret("\ud800", token)  # a lone surrogate is an answer, not a crash


# ----------------------------------------------------------------------- voting


def test_votes_stay_hidden_until_the_reveal() -> None:
    room = room_with_round()
    phones = [room.join() for _ in range(4)]
    for phone in phones:
        room.cast(phone, 1, {"g1": 2, "c1": 1})
    assert room.results() is None
    assert room.status().ballots == 4 and room.status().phase is Phase.OPEN
    assert room.phone_view(phones[0])["round"]["results"] is None  # type: ignore[index]
    room.close_round()
    assert room.results() is None
    assert room.phone_view(phones[0])["round"]["results"] is None  # type: ignore[index]
    totals = {t.option.id: t.votes for t in room.reveal()}
    assert totals == {"g1": 8, "c1": 4, "g2": 0}
    view = room.phone_view(phones[1])["round"]
    assert view["results"] == [{"id": "g1", "votes": 8}, {"id": "c1", "votes": 4},  # type: ignore[index]
                               {"id": "g2", "votes": 0}]  # fmt: skip


def test_a_phone_sees_its_own_ballot_and_nobody_elses() -> None:
    room = room_with_round()
    alice, bob = room.join(), room.join()
    room.cast(alice, 1, {"g1": 3})
    assert room.phone_view(alice)["round"]["mine"] == {"g1": 3}  # type: ignore[index]
    assert room.phone_view(bob)["round"]["mine"] == {}  # type: ignore[index]
    assert "g1" not in str(room.phone_view(bob)["round"]["results"])  # type: ignore[index]


def test_the_per_phone_limit_holds() -> None:
    room = room_with_round(votes=3, per_option=2)
    phone = room.join()
    assert code_of(room.cast, phone, 1, {"g1": 2, "g2": 2}) == "too-many-votes"
    assert code_of(room.cast, phone, 1, {"g1": 3}) == "too-many-on-one"
    assert code_of(room.cast, phone, 1, {"nope": 1}) == "unknown-option"
    for bad in (-1, 1.5, "1", True, None, [1]):
        assert code_of(room.cast, phone, 1, {"g1": bad}) == "bad-ballot"
    room.cast(phone, 1, {"g1": 2, "g2": 1})
    room.cast(phone, 1, {"g2": 1})  # recasting replaces: one ballot per phone
    room.reveal()
    assert {t.option.id: t.votes for t in room.results() or []}["g1"] == 0


def test_a_round_takes_no_ballot_once_closed_and_none_for_another_round() -> None:
    room = room_with_round()
    phone = room.join()
    assert code_of(room.cast, phone, 2, {"g1": 1}) == "round-changed"
    room.close_round()
    assert code_of(room.cast, phone, 1, {"g1": 1}) == "round-closed"
    assert room.start_round(OPTIONS, 2, 1) == 2
    assert code_of(room.cast, phone, 1, {"g1": 1}) == "round-changed"
    room.cast(phone, 2, {"g1": 1})
    assert room.status().ballots == 1


def test_only_joined_phones_vote() -> None:
    room = room_with_round()
    assert code_of(room.cast, "made-up", 1, {"g1": 1}) == "not-joined"
    assert room.phone_view("made-up") == {"joined": False, "named": False,
                                          "limits": room.phone_view(None)["limits"]}  # fmt: skip


def test_concurrent_ballots_from_many_threads_all_count() -> None:
    room = room_with_round(votes=1)
    phones = [room.join() for _ in range(50)]
    threads = [threading.Thread(target=room.cast, args=(p, 1, {"g2": 1})) for p in phones]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    room.reveal()
    assert room.status().ballots == 50
    assert next(t.votes for t in room.results() or [] if t.option.id == "g2") == 50


def test_the_room_is_full_at_its_limit() -> None:
    room = Room(limits=RoomLimits(max_phones=2))
    room.join(), room.join()
    assert code_of(room.join) == "room-full"


def test_named_mode_asks_for_a_name_and_keeps_it_with_proposals() -> None:
    room = Room(named=True)
    assert code_of(room.join, "  ") == "blank"
    phone = room.join("  Ada\u202e  Lovelace ")
    assert room.phone_view(phone)["name"] == "Ada Lovelace"
    room.propose(phone, "Ship it", "", None)
    assert room.waiting_proposals()[0].name == "Ada Lovelace"
    anonymous = Room()
    assert anonymous.phone_view(anonymous.join("Ada"))["name"] == ""  # anonymous: no name kept


# ----------------------------------------------------------------------- proposals and whys


def test_proposals_wait_for_the_facilitator_within_limits() -> None:
    room = Room(limits=RoomLimits(proposals_per_phone=2))
    room.set_teams([("t1", "Product")])
    phone = room.join()
    first = room.propose(phone, "Halve onboarding time", "Customers stay\n\n\n\nlonger", "t1")
    assert first.why == "Customers stay\n\nlonger" and first.team == "t1"
    room.propose(phone, "Second", "", None)
    assert code_of(room.propose, phone, "Third", "", None) == "too-many-proposals"
    assert code_of(room.propose, room.join(), "X", "", "t9") == "unknown-team"
    assert code_of(room.propose, room.join(), "X", "", ["t1"]) == "unknown-team"
    assert code_of(room.propose, phone, " \t", "", None) == "blank"
    assert code_of(room.propose, phone, "x" * 121, "", None) == "too-long"
    assert room.decide(first.id, accepted=True) is not None
    assert room.decide(first.id, accepted=False) is None  # decided once
    room.propose(phone, "Third, now that one was decided", "", None)
    statuses = [p["status"] for p in room.phone_view(phone)["proposals"]]  # type: ignore[union-attr]
    assert statuses == ["accepted", "waiting", "waiting"]
    assert room.status().waiting == 2


def test_answers_go_to_the_current_question_only() -> None:
    room = Room(limits=RoomLimits(answers_per_phone=2))
    phone = room.join()
    assert code_of(room.answer, phone, "q1", "Because") == "question-gone"
    question = room.ask("Why does 'Custom export' matter?")
    room.answer(phone, question.id, "Big customers ask for it")
    room.answer(phone, question.id, "Churn")
    assert code_of(room.answer, phone, question.id, "More") == "too-many-answers"
    assert [a.text for a in room.answers()] == ["Big customers ask for it", "Churn"]
    newer = room.ask("Why does churn matter?")
    assert room.answers() == [] and code_of(room.answer, phone, question.id, "x") == "question-gone"
    room.answer(phone, newer.id, "Revenue")
    assert room.phone_view(phone)["question"] == {"id": newer.id, "text": "Why does churn matter?",
                                                  "mine": ["Revenue"]}  # fmt: skip


def test_a_closed_room_refuses_everything_and_forgets_its_phones() -> None:
    room = room_with_round()
    phone = room.join()
    heard = []
    room.subscribe(lambda: heard.append(1))
    room.close()
    assert heard == [1] and room.closed and not room.knows(phone)
    for call, args in ((room.join, ()), (room.cast, (phone, 1, {})), (room.phone_view, (phone,)),
                       (room.ask, ("Why?",)), (room.start_round, (OPTIONS, 1, 1))):  # fmt: skip
        assert code_of(call, *args) == "room-closed"


def test_listeners_hear_of_changes_but_not_of_refusals() -> None:
    room = room_with_round()
    heard = []
    room.subscribe(lambda: heard.append(1))
    phone = room.join()
    room.cast(phone, 1, {"g1": 1})
    code_of(room.cast, phone, 1, {"g1": 9})
    assert len(heard) == 2


# ----------------------------------------------------------------------- text and rates


@given(st.text(max_size=300))
def test_clean_text_never_keeps_a_control_and_stays_within_its_limit(text: str) -> None:
    for clean, limit in ((clean_line, 120), (clean_block, 200)):
        try:
            result = clean(text, limit)
        except TextError as error:
            assert error.code in {"blank", "too-long", "bad-text"}
            continue
        assert result and len(result) <= limit and result == result.strip()
        assert not any(ch in result for ch in "\x00\x1b\x7f\x85\u202e\u2066\u2028\r\t")
        if clean is clean_line:
            assert "\n" not in result


def test_clean_text_refuses_what_is_not_text() -> None:
    for bad in (None, 3, ["a"], {"a": 1}, "\ud800"):
        with pytest.raises(TextError):
            clean_line(bad, 10)
    assert clean_line("a\x1b[31mred", 20) == "a [31mred"


def test_the_rate_limiter_refills_and_forgets_old_keys() -> None:
    now = [0.0]
    limiter = RateLimiter(rate=2.0, burst=3, max_keys=2, clock=lambda: now[0])
    assert [limiter.allow("a") for _ in range(4)] == [True, True, True, False]
    now[0] = 0.5
    assert limiter.allow("a") and not limiter.allow("a")
    limiter.allow("b"), limiter.allow("c")
    assert len(limiter._buckets) == 2
