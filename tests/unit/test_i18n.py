"""The language in effect: chosen from --lang, the environment or English; the CLI speaks
it; dates and numbers follow it."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from alignment_workshop import formats, i18n
from alignment_workshop.i18n import _
from alignment_workshop.model import NodeKind

EXAMPLE = Path(__file__).resolve().parents[2] / "resources/examples/product-company.alignment"


@pytest.mark.parametrize(
    ("preferences", "expected"),
    [
        (["de_DE.UTF-8"], "de"),
        (["de-AT"], "de"),
        (["fr_FR", "de"], "de"),  # no French catalogue: the next language asked for
        (["fr_FR"], "en"),
        (["C.UTF-8", "de"], "en"),  # the C locale asks for the untranslated messages
        ([], "en"),
        (["not a tag!"], "en"),
    ],
)
def test_the_best_match_of_the_preferences_wins(preferences: list[str], expected: str) -> None:
    assert i18n.best_match(preferences) == expected


def test_the_environment_is_read_in_gettext_order() -> None:
    env = {"LANGUAGE": "de:en", "LC_ALL": "", "LANG": "fr_FR.UTF-8"}
    assert i18n.system_preferences(env) == ["de", "en", "fr_FR.UTF-8"]
    assert i18n.system_preferences({"LC_MESSAGES": "de_CH", "LANG": "fr"}) == ["de_CH"]


def test_german_is_available_and_translates() -> None:
    assert "de" in i18n.available_languages()
    assert i18n.set_language("de") == "de"
    assert _("&File") == "&Datei"
    assert NodeKind.GOAL.label == "Teamziel" and NodeKind.KEY_RESULT.noun == "Schlüsselergebnis"
    assert NodeKind.OBJECTIVE.counted(3) == "3 Ziele"
    assert i18n.ngettext("{count} card", "{count} cards", 1) == "{count} Karte"
    assert i18n.set_language("xx") == "en" and _("&File") == "&File"


def test_requested_language_is_read_before_argparse() -> None:
    assert i18n.requested_language(["check", "f", "--lang", "de"]) == "de"
    assert i18n.requested_language(["--lang=de", "check"]) == "de"
    assert i18n.requested_language(["check", "--", "--lang", "de"]) is None
    assert i18n.requested_language(["--lang"]) is None


def test_dates_and_numbers_follow_the_language() -> None:
    day = dt.date(2027, 1, 31)
    assert (formats.date(day), formats.decimal(1234.5, 1), formats.score(72.5)) == (
        "Jan 31, 2027",
        "1,234.5",
        "72.5%",
    )
    i18n.set_language("de")
    assert (formats.date(day), formats.decimal(1234.5, 1), formats.score(72.5)) == (
        "31.01.2027",
        "1.234,5",
        "72,5\u00a0%",
    )
    assert formats.language_name("de") == "Deutsch"
    assert (formats.integer(12000), formats.one_of(["kind", "title"])) == (
        "12.000",
        "kind oder title",
    )
    assert formats.all_of(["team", "action", "link"]) == "team, action und link"


def test_lists_name_their_items_verbatim_in_the_languages_sentence() -> None:
    assert formats.one_of(["kind", "title"]) == "kind or title"
    assert formats.one_of(["a4", "letter", "a3"]) == "a4, letter, or a3"
    assert formats.all_of(["team", "action"]) == "team and action"


@pytest.mark.parametrize("code", sorted(set(i18n.available_languages()) - {"en"}))
def test_the_catalogues_thousands_separator_is_babels(code: str) -> None:
    """The model may not use Babel, so `i18n.grouped` reads the separator from the
    catalogue; CLDR (Babel) is the truth it must agree with, for every language."""
    from babel.numbers import format_decimal

    i18n.set_language(code)
    assert i18n.grouped(1_234_567) == format_decimal(1_234_567, locale=code)
    i18n.set_language("en")
    assert i18n.grouped(1_234_567) == "1,234,567"


def test_the_models_limits_are_grouped_the_languages_way() -> None:
    from alignment_workshop.model import ValidationError
    from alignment_workshop.model.validation import check_text

    i18n.set_language("de")
    with pytest.raises(ValidationError) as refused:
        check_text("x" * 12_345, "description", "node.description")
    assert "höchstens 10.000 Zeichen lang sein (erhalten: 12.345)" in str(refused.value)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "alignment_workshop", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_speaks_german_with_lang_de() -> None:
    german = _cli("check", str(EXAMPLE), "--lang", "de")
    assert german.returncode in (0, 1), german.stderr
    assert german.stdout.startswith("Ausrichtung: ")
    assert "%" in german.stdout.splitlines()[0] and "," in german.stdout.splitlines()[0]
    english = _cli("check", str(EXAMPLE))
    assert english.stdout.startswith("Alignment score: ")


def test_cli_errors_and_help_are_german_too(tmp_path: Path) -> None:
    missing = _cli("check", str(tmp_path / "gone.alignment"), "--lang=de")
    assert missing.returncode == 2
    assert missing.stderr.strip() == f"Fehler: {tmp_path / 'gone.alignment'}: Datei nicht gefunden"
    helped = _cli("export", "--help", "--lang", "de")
    assert "ein Plan für ein Team (nur PDF)" in helped.stdout


def test_the_environment_chooses_german_when_no_lang_is_given(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LANG", "de_DE.UTF-8")
    missing = _cli("check", str(tmp_path / "gone.alignment"))
    assert missing.stderr.startswith("Fehler: ")


def test_a_damaged_catalogue_leaves_the_app_in_english(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    damaged = tmp_path / "alignment_workshop.mo"
    damaged.write_bytes(b"not a catalogue")
    monkeypatch.setattr(i18n, "_catalogue", lambda code: damaged)
    monkeypatch.setattr(i18n, "available_languages", lambda: ["de", "en"])
    assert i18n.set_language("de") == "en"
    assert _("&File") == "&File"


def test_the_model_refuses_a_link_in_german() -> None:
    from alignment_workshop.model import Link, LinkKind, Node, ValidationError, Workshop

    workshop = Workshop()
    workshop.add_node(Node("v", NodeKind.VISION, "Vision"))
    workshop.add_node(Node("o", NodeKind.OBJECTIVE, "Objective"))
    i18n.set_language("de")
    with pytest.raises(ValidationError) as refused:
        workshop.add_link(Link("l", LinkKind.SUPPORTS, "v", "o"))
    assert str(refused.value).endswith(
        "eine Verknüpfung „unterstützt“ kann nicht von einer Vision zu einem Ziel führen"
    )


def test_a_broken_workshop_file_is_refused_in_german(tmp_path: Path) -> None:
    """The file layer's refusals reach the CLI and the editor as one translated line."""
    from alignment_workshop.fileio import NewerVersionError, WorkshopFileError, load, loads

    not_json = tmp_path / "broken.alignment"
    not_json.write_text('{"format": "alignment-workshop",\n  "version": 3,', encoding="utf-8")
    i18n.set_language("de")
    with pytest.raises(WorkshopFileError) as broken:
        load(not_json)
    assert str(broken.value).startswith("Zeile 2, Spalte ")
    assert ": kein gültiges JSON (" in str(broken.value)
    with pytest.raises(NewerVersionError) as newer:
        loads(b'{"format": "alignment-workshop", "version": 99, "nodes": []}')
    message = str(newer.value)
    assert message.startswith("version: diese Datei wurde von einer neueren Version ")
    assert "aktualisiert Alignment Workshop, um sie zu öffnen" in message
    assert "\n" not in message


def test_an_unreadable_import_is_refused_in_german(tmp_path: Path) -> None:
    from alignment_workshop.interchange import InterchangeError, read_tables

    fake = tmp_path / "cards.xlsx"
    fake.write_bytes(b"not a zip archive")
    i18n.set_language("de")
    with pytest.raises(InterchangeError) as refused:
        read_tables(fake)
    assert str(refused.value).startswith(
        "dies ist keine XLSX-Arbeitsmappe (es ist kein ZIP-Archiv)"
    )


def test_the_room_server_refuses_an_address_in_german() -> None:
    from alignment_workshop.room.server import RoomServerError, _bind

    i18n.set_language("de")
    with pytest.raises(RoomServerError) as refused:
        _bind("meeting-room", 0)
    assert str(refused.value) == "„meeting-room“ ist keine Netzwerkadresse (wie 192.168.1.20)."


def test_what_a_file_is_reads_in_german(tmp_path: Path) -> None:
    import os
    import stat

    from alignment_workshop.safe_files import describe_mode, existing_target

    i18n.set_language("de")
    assert describe_mode(stat.S_IFIFO) == "eine benannte Pipe (FIFO)"
    assert describe_mode(stat.S_IFDIR) == "ein Ordner"
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as refused:
        existing_target(fifo)
    assert refused.value.strerror == "ist eine benannte Pipe (FIFO), keine normale Datei"


def test_import_messages_join_names_the_languages_way() -> None:
    """Column and key names stay as the file spells them; "or" and "and" are German."""
    from alignment_workshop.interchange import InterchangeError, import_file

    i18n.set_language("de")
    with pytest.raises(InterchangeError) as refused:
        import_file("cards.txt")
    assert str(refused.value) == (
        "nicht unterstützter Dateityp '.txt'; verwendet .xlsx, .csv, .md oder .markdown"
    )
