"""Guards on the project's shape that no linter checks: packages listed, docstrings, paths."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

from alignment_workshop import paths

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "alignment_workshop"


def test_every_subpackage_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    found = {".".join(init.parent.relative_to(ROOT).parts) for init in PACKAGE.rglob("__init__.py")}
    assert found <= listed, f"add these to [tool.setuptools] packages: {found - listed}"
    assert "alignment_workshop.resources" in listed


def test_every_module_starts_with_a_docstring() -> None:
    missing = [
        str(module.relative_to(ROOT))
        for folder in (PACKAGE, ROOT / "tests", ROOT / "packaging", ROOT / "resources")
        for module in folder.rglob("*.py")
        if ast.get_docstring(ast.parse(module.read_text(encoding="utf-8"))) is None
    ]
    assert missing == []


def test_only_paths_imports_appdirs() -> None:
    importers = [
        str(module.relative_to(ROOT))
        for module in PACKAGE.rglob("*.py")
        if "import appdirs" in module.read_text(encoding="utf-8")
        or "from appdirs" in module.read_text(encoding="utf-8")
    ]
    assert importers == ["alignment_workshop/paths.py"]


def test_app_folders_live_in_the_private_test_home(private_home: Path) -> None:
    for folder in (paths.config_dir(), paths.data_dir(), paths.autosave_dir(), paths.log_dir()):
        assert folder.is_dir()
        assert private_home in folder.parents


def test_bundled_resources_are_found_through_the_package() -> None:
    example = paths.example_workshop()
    assert example.is_file() and example.suffix == ".alignment"
    assert paths.resource_path("examples") == example.parent
