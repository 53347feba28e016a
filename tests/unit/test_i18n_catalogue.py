"""The translation catalogues: complete, up to date with the sources, and every visible
string marked. Read with Babel, as translators' tools read them."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from tests.support.scripts import load_script
from tests.support.unmarked import (
    hidden_from_extraction,
    shadows_marker,
    unmarked,
    unmarked_in_page,
    unmarked_in_script,
)

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alignment_workshop"
GERMAN = ROOT / "resources/locale/de/LC_MESSAGES/alignment_workshop.po"
#: Every subpackage and top-level module of the app, found on disk, so a new one is
#: scanned without being listed here.
#: logs.py is left out: it writes the log file, which is for us, in English.
PARTS = sorted(
    entry.name
    for entry in PACKAGE.iterdir()
    if entry.name not in ("__pycache__", "logs.py")
    and (entry.suffix == ".py" or (entry / "__init__.py").is_file())
)
#: The room's phone page: the HTML and script served to phones.
PAGE = ROOT / "resources/room"


def _tool() -> ModuleType:
    return load_script(ROOT / "packaging/catalogues.py")


def _german():  # type: ignore[no-untyped-def]
    with GERMAN.open("rb") as stream:
        return read_po(stream)


def test_every_german_message_is_translated_and_none_is_fuzzy() -> None:
    catalog = _german()
    untranslated = [m.id for m in catalog if m.id and not m.string]
    untranslated += [
        m.id for m in catalog if m.id and isinstance(m.string, tuple) and not all(m.string)
    ]
    fuzzy = [m.id for m in catalog if m.id and m.fuzzy]
    assert untranslated == []
    assert fuzzy == []
    assert not catalog.fuzzy, "the catalogue's header is still marked fuzzy"


def test_german_translations_invent_no_placeholder() -> None:
    """A translation that renames or invents "{name}" would raise KeyError when formatted.
    Leaving one out is allowed (str.format ignores it): German needs no English article."""
    import re

    field = re.compile(r"(?<!\{)\{(\w*)[^{}]*\}(?!\})")
    wrong = []
    for message in _german():
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        wanted = set(field.findall(ids[-1])) | set(field.findall(ids[0]))
        wrong += [(ids[0], s) for s in strings if set(field.findall(s)) - wanted]
    assert wrong == []


def test_the_catalogue_holds_every_message_the_sources_mark() -> None:
    """Run the extraction: a message marked in the code but missing from the template or
    the German catalogue means `make messages` was not run (and the German not written)."""
    extracted = {m.id for m in _tool().extracted() if m.id}
    with (ROOT / "resources/locale/alignment_workshop.pot").open("rb") as stream:
        template = {m.id for m in read_po(stream) if m.id}
    german = {m.id for m in _german() if m.id}
    assert sorted(map(str, extracted - template)) == [], "run `make messages`"
    assert sorted(map(str, extracted - german)) == [], "run `make messages`, then translate"
    assert sorted(map(str, german - extracted)) == [], "stale messages: run `make messages`"


@pytest.mark.parametrize("part", PARTS)
def test_no_visible_literal_is_left_unmarked(part: str) -> None:
    """Every layer, the raised errors included: a message an error of ours carries (a
    file error, the room's server, an OSError's `strerror` from safe_files) reaches the
    CLI's and the editor's one line as it is. Programming errors (ValueError…) are ours."""
    where = PACKAGE / part
    modules = [where] if where.is_file() else sorted(where.rglob("*.py"))
    assert [hit for module in modules for hit in unmarked(module)] == []


def test_every_module_is_scanned() -> None:
    assert {"gui", "room", "report", "interchange", "model", "cli.py", "safe_files.py"} <= set(
        PARTS
    )


def test_the_phone_page_writes_no_word_of_its_own() -> None:
    """The page and its script take every word from `strings.json` (the catalogue)."""
    assert unmarked_in_page(PAGE / "phone.html") == []
    assert unmarked_in_script(PAGE / "phone.js") == []


def test_no_module_that_translates_rebinds_the_marker() -> None:
    assert [hit for module in PACKAGE.rglob("*.py") for hit in shadows_marker(module)] == []


def test_no_marked_message_hides_inside_an_f_string() -> None:
    assert [hit for module in PACKAGE.rglob("*.py") for hit in hidden_from_extraction(module)] == []


def test_the_scan_catches_an_unmarked_call() -> None:
    """The scan itself: literals and f-strings at text calls and in raised errors are
    caught; marked ones, shortcuts and programming errors are not."""
    import tempfile

    source = (
        "from alignment_workshop.i18n import _\n"
        "button.setText('Save the map')\n"
        "box.setWindowTitle(f'Export {name}')\n"
        "action.setToolTip(_('Fine'))\n"
        "a.add('save', _('&Save'), slot, 'Ctrl+S')\n"
        "name, _ = dialog()\n"
        "label = f\"{_('Impact')} {dots}\"\n"
        "raise WorkshopFileError('', f'the file is {size} MiB')\n"
        "raise SomeError('there is no such file')\n"
        "raise SomeError(_('there is no such file'))\n"
        "raise ValueError('an internal slip')\n"
        "_log.warning('The %s catalogue could not be read', code)\n"
        "class GoneError(OSError):\n"
        "    def __init__(self, path):\n"
        "        super().__init__(2, 'is not there any more', path)\n"
        "raise RoomServerError(f'{host} is not an address of this computer')\n"
        "tip = 'Owner: ' + names\n"
        "subject += f' for {team}'\n"
        "html = '<br/>' + markup\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "sample.py")
        path.write_text(source)
        assert [hit.split(": ", 1)[1] for hit in unmarked(path)] == [
            "'Save the map'",
            "'Export {}'",
            "'the file is {} MiB'",
            "'there is no such file'",
            "'{} is not an address of this computer'",
            "'is not there any more'",
            "' for {}'",
            "'Owner: '",
        ]
        assert shadows_marker(path) == ["sample.py:6"]
        assert hidden_from_extraction(path) == ["sample.py:7"]


def test_the_page_scan_catches_words_written_in_the_page(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        '<h1 data-t="title">Alignment Workshop</h1><p>Join the room</p>'
        '<input placeholder="Your name" data-ph="name_hint"><button data-t="send"></button>'
    )
    script = tmp_path / "page.js"
    script.write_text(
        'box.textContent = "Voting is closed";\nbox.textContent = t("vote_closed");\n'
        '"use strict"; // Words in a comment are fine\n'
    )
    assert unmarked_in_page(page) == [
        "page.html: 'Join the room'",
        "page.html: <input placeholder>: 'Your name'",
    ]
    assert unmarked_in_script(script) == ['page.js:1: "Voting is closed"']
