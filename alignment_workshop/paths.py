"""Where the app keeps its own files: settings, autosaves, logs, and the bundled resources.

This is the only module that imports appdirs. Tests point it at a temporary folder by
setting the XDG variables (see tests/conftest.py), so a test never touches the real home.

The app's own folders hold the user's work (autosaves), their recent files and logs, so
they are private: created with mode 0700, and tightened to it if an older version made
them readable by others. The shared parents (`~/.config`, `~/.local/share`) are left as
they are.
"""

from __future__ import annotations

import contextlib
import importlib.resources
import stat
from importlib.resources.abc import Traversable
from pathlib import Path

import appdirs

APP_NAME = "AlignmentWorkshop"
APP_AUTHOR = "AlignmentWorkshop"
EXAMPLE_NAME = "product-company.alignment"


#: The permissions of every folder the app makes for itself: only the user may enter.
PRIVATE_FOLDER = 0o700


def _private_from(folder: Path) -> Path:
    """The outermost folder of the app's own in `folder`'s path (named for the app)."""
    for candidate in (folder, *folder.parents):
        if candidate.name in (APP_NAME, APP_AUTHOR):
            return candidate
    return folder


def _ensure(path: str) -> Path:
    """The folder at `path`, with the app's folders in it private (mode 0700).

    Shared parents such as `~/.cache` are created as usual; from the app's own folder
    down (`~/.cache/AlignmentWorkshop/log`), every folder is created 0700, and one that
    an older version left readable by others is tightened.
    """
    folder = Path(path)
    root = _private_from(folder)
    root.parent.mkdir(parents=True, exist_ok=True)
    for step in (*reversed(folder.relative_to(root).parents), folder.relative_to(root)):
        private = root / step
        with contextlib.suppress(FileExistsError):
            private.mkdir(mode=PRIVATE_FOLDER)
        if stat.S_IMODE(private.stat().st_mode) != PRIVATE_FOLDER:
            with contextlib.suppress(OSError):  # not ours to change, or no modes here
                private.chmod(PRIVATE_FOLDER)
    return folder


def cache_dir() -> Path:
    """Files the app may rebuild at will; private like the others."""
    return _ensure(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR))


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
