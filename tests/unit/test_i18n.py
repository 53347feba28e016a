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
