"""The translation catalogues: complete, up to date with the sources, and every visible
string marked. Read with Babel, as translators' tools read them."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from tests.support.unmarked import hidden_from_extraction, shadows_marker, unmarked

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alignment_workshop"
GERMAN = ROOT / "resources/locale/de/LC_MESSAGES/alignment_workshop.po"
#: The layers whose raised errors are shown as they are (the CLI's and the editor's one
#: line): there, `raise SomeError("…")` must be marked too.
RAISED_MESSAGES_REACH_PEOPLE = frozenset({"fileio", "interchange"})


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("catalogues", ROOT / "packaging/catalogues.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


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


@pytest.mark.parametrize(
    "folder", ["gui", "cli.py", "report", "analysis", "interchange", "room", "fileio"]
)
def test_no_visible_literal_is_left_unmarked(folder: str) -> None:
    where = PACKAGE / folder
    modules = [where] if where.is_file() else sorted(where.rglob("*.py"))
    raises = folder in RAISED_MESSAGES_REACH_PEOPLE
    assert [hit for module in modules for hit in unmarked(module, raises)] == []


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
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "sample.py")
        path.write_text(source)
        assert [hit.split(": ", 1)[1] for hit in unmarked(path)] == [
            "'Save the map'",
            "'Export {}'",
            "'the file is {} MiB'",
            "'there is no such file'",
        ]
        assert shadows_marker(path) == ["sample.py:6"]
        assert hidden_from_extraction(path) == ["sample.py:7"]
