"""Translations: the one catalogue of every message a person reads, in every layer.

The editor, the command line, the findings' messages and the PDF's fixed texts all mark
their messages with `_()` (or `ngettext()`, or `N_()` for a table built at import time and
translated where it is shown) and read them from one gettext catalogue per language,
`resources/locale/<lang>/LC_MESSAGES/alignment_workshop.mo`. Standard library only, so
the model, the report and the command line may import it without Qt or Babel; Babel
extracts and compiles the catalogues (`make catalogues`, and the wheel's build hook in
setup.py) and formats dates and numbers (`formats.py`). CONTRIBUTING.md says why gettext
and not Qt Linguist.

English is the source language and needs no catalogue. The language in effect is
process-wide: `set_language()` chooses it once at start-up (the CLI's `--lang`, the
editor's Preferences, else the system locale), before any window or report is built.
"""

from __future__ import annotations

import gettext
import logging
import os
import re
from collections.abc import Iterable, Sequence
from importlib.resources import files
from importlib.resources.abc import Traversable

DOMAIN = "alignment_workshop"
SOURCE_LANGUAGE = "en"
#: "de", "pt_BR", "zh_Hant_TW": a language, then an optional script and territory.
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*")

_log = logging.getLogger(__name__)


class _State:
    """The language in effect and its catalogue."""

    language: str = SOURCE_LANGUAGE
    translations: gettext.NullTranslations = gettext.NullTranslations()


def _(message: str) -> str:
    """`message` in the language in effect (itself when it has no translation)."""
    return _State.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, as the language in effect counts."""
    return _State.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` as translated for `context`, where one English word needs two
    translations ("Notes": the workshop's notes, the findings' notes)."""
    return _State.translations.pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalogue without translating it yet: for tables built at
    import time, translated with `_()` where they are shown."""
    return message


def language() -> str:
    """The code of the language in effect: "en", "de"."""
    return _State.language


def language_tag() -> str:
    """The language in effect as a BCP 47 tag, as a PDF's /Lang wants it: "de", "pt-BR"."""
    return _State.language.replace("_", "-")


def locale_folder() -> Traversable:
    """The folder of the compiled catalogues, one subfolder per language."""
    return files("alignment_workshop.resources").joinpath("locale")


def _catalogue(code: str) -> Traversable:
    return locale_folder().joinpath(code, "LC_MESSAGES", f"{DOMAIN}.mo")


def available_languages() -> list[str]:
    """English and every language with a compiled catalogue, sorted by code."""
    found = {SOURCE_LANGUAGE}
    folder = locale_folder()
    if folder.is_dir():
        found.update(entry.name for entry in folder.iterdir() if _catalogue(entry.name).is_file())
    return sorted(found)


def normalise(tag: str) -> str | None:
    """`tag` as a catalogue code ("de-CH.UTF-8" → "de_CH"), or None when it is no tag."""
    bare = tag.strip().split(".", 1)[0].split("@", 1)[0]
    if not _TAG.fullmatch(bare):
        return None
    parts = bare.replace("-", "_").split("_")
    return "_".join([parts[0].lower(), *parts[1:]])


def best_match(preferences: Iterable[str], available: Sequence[str] | None = None) -> str:
    """The first preferred language with a catalogue ("de_AT" finds "de"), else English."""
    offered = list(available_languages() if available is None else available)
    for tag in preferences:
        if tag.split(".", 1)[0].upper() in ("C", "POSIX"):
            return SOURCE_LANGUAGE  # the plain C locale asks for untranslated messages
        code = normalise(tag)
        if code is None:
            continue
        for candidate in (code, code.split("_", 1)[0]):
            if candidate in offered:
                return candidate
    return SOURCE_LANGUAGE


def system_preferences(environ: dict[str, str] | None = None) -> list[str]:
    """The languages the environment asks for, most wanted first, as gettext reads them."""
    env = os.environ if environ is None else environ
    wanted: list[str] = []
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            wanted.extend(part for part in value.split(":") if part)
            if name != "LANGUAGE":
                break
    return wanted


def translations_for(code: str) -> tuple[str, gettext.NullTranslations]:
    """The language `code` comes to ("de_AT" finds "de", an unknown one English) and its
    catalogue, without changing the language in effect: for a text that another person
    reads in another language (a phone in the room)."""
    chosen = best_match([code])
    if chosen == _State.language:
        return chosen, _State.translations
    if chosen != SOURCE_LANGUAGE:
        try:
            with _catalogue(chosen).open("rb") as stream:
                return chosen, gettext.GNUTranslations(stream)
        except (OSError, UnicodeError) as error:  # a damaged install: carry on in English
            _log.warning("The %s catalogue could not be read: %s", chosen, error)
    return SOURCE_LANGUAGE, gettext.NullTranslations()


def set_language(code: str | None, system: Iterable[str] = ()) -> str:
    """Use `code` (or, when it is None or empty, the system's preferences); returns the
    language now in effect. `system` adds preferences the caller knows better than the
    environment (Qt's view of the desktop's languages), tried before the environment's."""
    wanted = [code] if code else [*system, *system_preferences()]
    _State.language, _State.translations = translations_for(best_match(wanted))
    return _State.language


def grouped(count: int) -> str:
    """A whole number with the language's thousands separator: "12,000" / "12.000".

    For the layers that may not use Babel (the model): the separator is a message of the
    catalogue, which a test keeps equal to Babel's (CLDR's) for every language shipped.
    Elsewhere `formats.decimal()` asks Babel itself."""
    # Translators: the thousands separator of your language, as in "12,000" (German ".").
    separator = pgettext("thousands separator", ",")
    return f"{count:,}".replace(",", separator)


def requested_language(argv: Sequence[str]) -> str | None:
    """The value of `--lang X` or `--lang=X` in `argv`, read before argparse runs so that
    the parser's own help is already translated; None when absent or malformed."""
    for index, argument in enumerate(argv):
        if argument == "--":
            break
        if argument.startswith("--lang="):
            return argument.split("=", 1)[1] or None
        if argument == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None
