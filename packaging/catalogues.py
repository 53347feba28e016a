"""The translation catalogues: extract the marked messages, update each language, compile.

    python packaging/catalogues.py extract   # sources -> resources/locale/alignment_workshop.pot
    python packaging/catalogues.py update    # the .pot -> every <lang>/.../alignment_workshop.po
    python packaging/catalogues.py compile   # every stale .po -> its .mo (`make` runs this)
    python packaging/catalogues.py init xx   # start a new language from the .pot

Babel's Python API does the work (the same as `pybabel extract/update/compile`), so that
the Makefile, setup.py's build hook and the tests share one definition of the catalogue:
which sources, which keywords. The compiled .mo files are build output and are not
committed; the wheel's build hook (setup.py) compiles them into the wheel.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "alignment_workshop"
LOCALE = ROOT / "resources" / "locale"
DOMAIN = "alignment_workshop"
TEMPLATE = LOCALE / f"{DOMAIN}.pot"
#: The marker functions of alignment_workshop/i18n.py, as Babel's keyword specs.
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}


def extracted() -> Catalog:
    """Every marked message in the package's sources, with the places it is used."""
    catalog = Catalog(project="Alignment Workshop", domain=DOMAIN, fuzzy=False)
    found = extract_from_dir(
        str(SOURCES), method_map=[("**.py", "python")], keywords=KEYWORDS, strip_comment_tags=True
    )
    for filename, line, message, comments, context in found:
        where = (f"alignment_workshop/{filename}", line)
        catalog.add(message, None, [where], auto_comments=comments, context=context)
    return catalog


def read(path: Path) -> Catalog:
    with path.open("rb") as stream:
        return read_po(stream)


def _write(path: Path, catalog: Catalog) -> None:
    with path.open("wb") as stream:
        write_po(stream, catalog, width=100, omit_header=False, sort_by_file=True)


def translations() -> list[Path]:
    """Every language's .po file."""
    return sorted(LOCALE.glob(f"*/LC_MESSAGES/{DOMAIN}.po"))


def extract() -> None:
    _write(TEMPLATE, extracted())


def update() -> None:
    """Merge the .pot into every .po: new messages empty, vanished ones dropped."""
    template = read(TEMPLATE)
    for path in translations():
        catalog = read(path)
        catalog.update(template, no_fuzzy_matching=True)
        catalog.obsolete.clear()
        _write(path, catalog)


def init(language: str) -> None:
    template = read(TEMPLATE)
    path = LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(locale=language, domain=DOMAIN, project="Alignment Workshop")
    catalog.update(template)
    _write(path, catalog)


def compile_to(po: Path, mo: Path) -> None:
    """Compile `po` into `mo` (fuzzy messages are left out, as msgfmt does)."""
    catalog = read(po)
    mo.parent.mkdir(parents=True, exist_ok=True)
    partial = mo.with_suffix(".mo.partial")
    with partial.open("wb") as stream:
        write_mo(stream, catalog)
    partial.replace(mo)


def compile_stale() -> list[Path]:
    """Compile each .po whose .mo is missing or older; returns the .mo files written."""
    written = []
    for po in translations():
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            compile_to(po, mo)
            written.append(mo)
    return written


if __name__ == "__main__":
    command = sys.argv[1] if len(sys.argv) > 1 else ""
    if command == "extract":
        extract()
    elif command == "update":
        extract()
        update()
    elif command == "compile":
        compile_stale()
    elif command == "init" and len(sys.argv) == 3:
        init(sys.argv[2])
    else:
        sys.exit(__doc__)
