"""Every word the phone page shows, in one table per language.

The page itself holds no words: it asks the server for `strings.json` (this table in
the editor's language) and fills every element marked `data-t="key"`, and every message
it shows is looked up here by key, a refusal by its code (`err_<code>`). A translation
is one more table with the same keys; a missing language falls back to English, and a
test keeps every table's keys and placeholders the same as English's.
"""

from __future__ import annotations

ENGLISH: dict[str, str] = {
    "lang": "en",
    "page_title": "Alignment Workshop",
    "tab_vote": "Vote",
    "tab_propose": "Propose",
    "tab_whys": "5 Whys",
    "join_heading": "Join the workshop",
    "name_label": "Your name",
    "name_hint": "As the room knows you",
    "join_button": "Join",
    "anonymous_note": "Anonymous: nobody sees who voted for what.",
    "named_note": "Your name goes with your proposals and answers. Votes stay secret.",
    "vote_none": "No vote is open yet. The facilitator will start one.",
    "vote_open": "Round {n}: you have {votes} votes to place.",
    "votes_left": "{left} of {votes} left",
    "vote_saved": "Saved. You can change your votes until the round closes.",
    "vote_closed": "Voting is closed. The results come when the facilitator reveals them.",
    "results_heading": "Results of round {n}",
    "your_votes": "your votes: {mine}",
    "kind_goal": "Team goal",
    "kind_objective": "Objective",
    "kind_conflict": "Conflict",
    "add_vote": "Add a vote",
    "remove_vote": "Take a vote back",
    "propose_heading": "Propose a team goal",
    "goal_label": "The goal",
    "goal_hint": "e.g. Halve the time to onboard a customer",
    "why_label": "Why it matters",
    "why_hint": "What does it serve?",
    "team_label": "Team",
    "team_none": "No team / not sure",
    "send": "Send",
    "sent": "Sent. The facilitator will look at it.",
    "my_proposals": "Your proposals",
    "status_waiting": "waiting",
    "status_accepted": "on the map",
    "status_rejected": "not taken",
    "whys_none": "No question right now.",
    "answer_label": "Your answer",
    "answer_hint": "Because…",
    "my_answers": "Your answers",
    "offline": "Connection lost. Trying again…",
    "gone": "The room has closed, or this phone has left its Wi-Fi. Ask the facilitator.",
    "closed": "This room is closed. Thank you!",
    "err_round-closed": "Voting is closed.",
    "err_round-changed": "A new round has started; look again.",
    "err_unknown-option": "That item is no longer in the vote.",
    "err_bad-ballot": "Those votes could not be read.",
    "err_too-many-on-one": "That is the most votes one item can have.",
    "err_too-many-votes": "You have no votes left.",
    "err_too-long": "That is too long.",
    "err_blank": "Please write something first.",
    "err_bad-text": "That text could not be read.",
    "err_too-many-proposals": "You have enough proposals waiting; wait for the facilitator.",
    "err_too-many-answers": "You have answered this question enough times.",
    "err_question-gone": "That question is no longer open.",
    "err_unknown-team": "That team is no longer on the map.",
    "err_room-full": "The room is full.",
    "err_not-joined": "Please join first.",
    "err_no-round": "No vote is open.",
    "err_slow-down": "Too fast: wait a moment, then try again.",
    "err_bad-request": "The page sent something the room could not read; reload it.",
    "err_too-large": "That is too long to send.",
    "err_room-closed": "This room is closed.",
}

TABLES: dict[str, dict[str, str]] = {"en": ENGLISH}


def phone_strings(language: str = "en") -> dict[str, str]:
    """The phone page's words in `language` ("de", "fr_CH"…), else in English."""
    for candidate in (language, language.replace("-", "_").partition("_")[0]):
        if candidate in TABLES:
            return {**ENGLISH, **TABLES[candidate]}
    return dict(ENGLISH)
