"""The phone page's words: every key the page asks for, and every refusal, has its sentence."""

from __future__ import annotations

import re
from pathlib import Path

from alignment_workshop import i18n
from alignment_workshop.room.from_map import DEFAULT_KINDS
from alignment_workshop.room.inbox import Verdict
from alignment_workshop.room.strings import ENGLISH, phone_strings

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "resources" / "room"
ROOM = ROOT / "alignment_workshop" / "room"


def test_every_key_the_page_uses_is_in_the_table() -> None:
    script = (PAGE / "phone.js").read_text()
    page = (PAGE / "phone.html").read_text()
    used = set(re.findall(r'\bt\("([a-z_]+)"[,)]', script))  # t("key") and t("key", {...})
    used |= set(re.findall(r'data-(?:t|ph)="([a-z_]+)"', page))
    used |= {f"status_{verdict.value}" for verdict in Verdict}
    used |= {f"kind_{kind}" for kind in (*DEFAULT_KINDS, "objective")}
    assert len(used) > 40
    assert used <= set(ENGLISH), used - set(ENGLISH)


def test_every_refusal_the_room_can_give_has_a_sentence() -> None:
    codes = set()
    for module in ROOM.glob("*.py"):
        codes |= set(re.findall(r'(?:Error|refusal)\("([a-z]+(?:-[a-z]+)*)"\)', module.read_text()))
    assert {"too-many-votes", "slow-down", "not-joined", "too-large", "blank"} <= codes
    missing = {code for code in codes if f"err_{code}" not in ENGLISH}
    assert missing == set()


def test_the_phone_speaks_the_editors_language() -> None:
    """Every word in German, with the placeholders the page fills kept; "lang" says so."""
    i18n.set_language("de")
    german = phone_strings()
    assert german["lang"] == "de"
    assert german["join_button"] == "Beitreten"
    assert german["err_round-closed"] == "Die Abstimmung ist geschlossen."
    assert set(german) == set(ENGLISH)
    same = {key for key in ENGLISH if key != "lang" and german[key] == ENGLISH[key]}
    assert same <= {"page_title", "team_label"}  # "Alignment Workshop", "Team"
    for key, text in german.items():
        assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", ENGLISH[key]))


def test_a_language_without_a_catalogue_gets_english() -> None:
    i18n.set_language("de")
    assert phone_strings("fr_CH") == {**ENGLISH, "lang": "en"}
    assert phone_strings("de-AT")["lang"] == "de"  # a regional variant finds its language
    i18n.set_language("en")
    assert phone_strings() == phone_strings("en-GB") == ENGLISH


def test_the_words_are_never_markup() -> None:
    for language in ("en", "de"):
        for text in phone_strings(language).values():
            assert "<" not in text and "&" not in text  # words, never markup
