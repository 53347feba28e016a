"""The phone page's words: every key the page asks for, and every refusal, has its sentence."""

from __future__ import annotations

import re
from pathlib import Path

from alignment_workshop.room.from_map import DEFAULT_KINDS
from alignment_workshop.room.inbox import Verdict
from alignment_workshop.room.strings import ENGLISH, TABLES, phone_strings

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


def test_every_table_has_the_same_keys_and_placeholders_as_english() -> None:
    for language, table in TABLES.items():
        assert set(table) <= set(ENGLISH), language
        for key, text in table.items():
            assert set(re.findall(r"{\w+}", text)) == set(re.findall(r"{\w+}", ENGLISH[key]))
    assert phone_strings("fr_CH") == ENGLISH == phone_strings("en-GB")
    for text in ENGLISH.values():
        assert "<" not in text and "&" not in text  # words, never markup
