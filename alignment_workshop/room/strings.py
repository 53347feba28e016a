"""Every word the phone page shows, in the editor's language.

The page itself holds no words: it asks the server for `strings.json` (this table,
translated) and fills every element marked `data-t="key"`, and every message it shows is
looked up here by key, a refusal by its code (`err_<code>`). The sentences are messages
of the app's one catalogue (`i18n`), so a language the editor speaks, the phones speak.

Why the editor's language and not each phone's Accept-Language: what the phones show
besides these words (the goals, objectives and questions on the map) is written in the
workshop's language, which the facilitator's editor follows; a page half in the phone's
language and half in the room's would read worse than one in the room's. The server
translates the table once, when the room opens.
"""

from __future__ import annotations

from alignment_workshop import i18n
from alignment_workshop.i18n import N_

ENGLISH: dict[str, str] = {
    "lang": "en",
    "page_title": N_("Alignment Workshop"),
    "tab_vote": N_("Vote"),
    "tab_propose": N_("Propose"),
    "tab_whys": N_("5 Whys"),
    "join_heading": N_("Join the workshop"),
    "name_label": N_("Your name"),
    "name_hint": N_("As the room knows you"),
    "join_button": N_("Join"),
    "anonymous_note": N_("Anonymous: nobody sees who voted for what."),
    "named_note": N_("Your name goes with your proposals and answers. Votes stay secret."),
    "vote_none": N_("No vote is open yet. The facilitator will start one."),
    "vote_open": N_("Round {n}: you have {votes} votes to place."),
    "votes_left": N_("{left} of {votes} left"),
    "vote_saved": N_("Saved. You can change your votes until the round closes."),
    "vote_closed": N_("Voting is closed. The results come when the facilitator reveals them."),
    "results_heading": N_("Results of round {n}"),
    "your_votes": N_("your votes: {mine}"),
    "kind_goal": N_("Team goal"),
    "kind_objective": N_("Objective"),
    "kind_conflict": N_("Conflict"),
    "add_vote": N_("Add a vote"),
    "remove_vote": N_("Take a vote back"),
    "propose_heading": N_("Propose a team goal"),
    "goal_label": N_("The goal"),
    "goal_hint": N_("e.g. Halve the time to onboard a customer"),
    "why_label": N_("Why it matters"),
    "why_hint": N_("What does it serve?"),
    "team_label": N_("Team"),
    "team_none": N_("No team / not sure"),
    "send": N_("Send"),
    "sent": N_("Sent. The facilitator will look at it."),
    "my_proposals": N_("Your proposals"),
    "status_waiting": N_("waiting"),
    "status_accepted": N_("on the map"),
    "status_rejected": N_("not taken"),
    "whys_none": N_("No question right now."),
    "answer_label": N_("Your answer"),
    "answer_hint": N_("Because…"),
    "my_answers": N_("Your answers"),
    "offline": N_("Connection lost. Trying again…"),
    "gone": N_("The room has closed, or this phone has left its Wi-Fi. Ask the facilitator."),
    "closed": N_("This room is closed. Thank you!"),
    "err_round-closed": N_("Voting is closed."),
    "err_round-changed": N_("A new round has started; look again."),
    "err_unknown-option": N_("That item is no longer in the vote."),
    "err_bad-ballot": N_("Those votes could not be read."),
    "err_too-many-on-one": N_("That is the most votes one item can have."),
    "err_too-many-votes": N_("You have no votes left."),
    "err_too-long": N_("That is too long."),
    "err_blank": N_("Please write something first."),
    "err_bad-text": N_("That text could not be read."),
    "err_too-many-proposals": N_("You have enough proposals waiting; wait for the facilitator."),
    "err_too-many-answers": N_("You have answered this question enough times."),
    "err_question-gone": N_("That question is no longer open."),
    "err_unknown-team": N_("That team is no longer on the map."),
    "err_room-full": N_("The room is full."),
    "err_not-joined": N_("Please join first."),
    "err_no-round": N_("No vote is open."),
    "err_slow-down": N_("Too fast: wait a moment, then try again."),
    "err_bad-request": N_("The page sent something the room could not read; reload it."),
    "err_too-large": N_("That is too long to send."),
    "err_room-closed": N_("This room is closed."),
}


def phone_strings(language: str | None = None) -> dict[str, str]:
    """The phone page's words in `language` ("de", "de_AT"…; None: the language in
    effect), in English where the app has no catalogue for it. "lang" names the
    language the words are in, for the page's `<html lang>`."""
    code, translations = i18n.translations_for(language or i18n.language())
    words = {key: translations.gettext(text) for key, text in ENGLISH.items()}
    words["lang"] = code.replace("_", "-")
    return words
