"""Build hook: compile the translation catalogues (.po -> .mo) into the wheel.

Everything else about the build is in pyproject.toml. The .mo files are build output, not
committed; `make` compiles them in the checkout (packaging/catalogues.py) and this hook
compiles them into every wheel built from a fresh clone.
"""

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    """build_py, then each resources/locale/<lang>/LC_MESSAGES/*.po compiled beside it."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout, where make compiles
            return
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po

        locale = Path("resources", "locale")
        for po in locale.glob("*/LC_MESSAGES/*.po"):
            target = Path(self.build_lib, "alignment_workshop", "resources", "locale")
            mo = (target / po.relative_to(locale)).with_suffix(".mo")
            mo.parent.mkdir(parents=True, exist_ok=True)
            with po.open("rb") as source, mo.open("wb") as compiled:
                write_mo(compiled, read_po(source))


setup(cmdclass={"build_py": BuildWithCatalogues})
