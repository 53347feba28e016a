"""Where the app keeps its own files: settings, autosaves, logs, and the bundled resources.

This is the only module that imports appdirs. Tests point it at a temporary folder by
setting the XDG variables (see tests/conftest.py), so a test never touches the real home.
"""

from __future__ import annotations

import importlib.resources
from importlib.resources.abc import Traversable
from pathlib import Path

import appdirs

APP_NAME = "AlignmentWorkshop"
APP_AUTHOR = "AlignmentWorkshop"
EXAMPLE_NAME = "product-company.alignment"


def _ensure(path: str) -> Path:
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def config_dir() -> Path:
    """Settings: window layout, recent files."""
    return _ensure(appdirs.user_config_dir(APP_NAME, APP_AUTHOR))


def data_dir() -> Path:
    """The user's app data; autosaves live below it."""
    return _ensure(appdirs.user_data_dir(APP_NAME, APP_AUTHOR))


def autosave_dir() -> Path:
    """Autosaved copies of open workshops, never beside the user's own file."""
    return _ensure(str(data_dir() / "autosave"))


def log_dir() -> Path:
    """Log files, where tracebacks go instead of dialogs."""
    return _ensure(appdirs.user_log_dir(APP_NAME, APP_AUTHOR))


def resources() -> Traversable:
    """The bundled resources (fonts, icons, examples, guide), wherever the app is installed."""
    return importlib.resources.files("alignment_workshop.resources")


def resource_path(*parts: str) -> Path:
    """A bundled resource as a real file path (resources ship unzipped)."""
    node = resources()
    for part in parts:
        node = node.joinpath(part)
    return Path(str(node))


def example_workshop() -> Path:
    """The bundled example workshop that `make run` opens."""
    return resource_path("examples", EXAMPLE_NAME)
