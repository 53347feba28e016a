"""The paper the plan is printed on: A4, or US Letter where that is what the printers hold.

`paper_for_locale("en_US.UTF-8")` gives "letter" in the United States and Canada and
"a4" everywhere else; `default_paper()` reads the locale the way POSIX programs do
(LC_ALL, then LC_PAPER, then LANG), falling back to Python's idea of it. The command
line and the export dialog both start from it, so that the same person gets the same
paper from either. `PAPERS` maps each name to its portrait size in points.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from typing import Final

from alignment_workshop import formats
from alignment_workshop.i18n import N_, _

# Sizes in points, worked out as reportlab does (its `mm` is inch / 2.54 * 0.1), and no
# reportlab import: the editor reads the default paper without loading reportlab.
_MM: Final = 72.0 / 2.54 * 0.1
A4: Final = (210 * _MM, 297 * _MM)
LETTER: Final = (612.0, 792.0)

#: The paper names the plan accepts, with their portrait (width, height) in points.
PAPERS: Final[dict[str, tuple[float, float]]] = {"a4": A4, "letter": LETTER}
#: What each paper is called in a menu.
PAPER_LABELS: Final[dict[str, str]] = {"a4": "A4", "letter": N_("US Letter")}
DEFAULT_PAPER: Final = "a4"
#: The territories whose printers hold US Letter (ISO 3166 codes).
_LETTER_TERRITORIES: Final = frozenset({"US", "CA"})
#: "en_US.UTF-8", "fr_CA@euro", "en-US": a language, then a territory.
_LOCALE = re.compile(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b")


def paper_for_locale(name: str | None) -> str:
    """ "letter" for a locale of the US or Canada, else "a4" ("C" and unknown included)."""
    match = _LOCALE.match(name or "")
    territory = match.group(1).upper() if match else ""
    return "letter" if territory in _LETTER_TERRITORIES else DEFAULT_PAPER


def default_paper(environ: Mapping[str, str] | None = None) -> str:
    """The paper of the user's locale: the first of LC_ALL, LC_PAPER, LANG that is set."""
    env = os.environ if environ is None else environ
    for variable in ("LC_ALL", "LC_PAPER", "LANG"):
        if env.get(variable):
            return paper_for_locale(env[variable])
    if environ is not None:
        return DEFAULT_PAPER
    try:
        return paper_for_locale(locale.getlocale()[0])
    except ValueError:  # an unparsable locale setting
        return DEFAULT_PAPER


def paper_size(name: str) -> tuple[float, float]:
    """The portrait size of paper `name`; a ValueError in one line for an unknown name."""
    try:
        return PAPERS[name]
    except KeyError:
        known = formats.one_of(PAPERS)
        raise ValueError(
            _("unknown paper {name!r}; use {known}").format(name=name, known=known)
        ) from None
