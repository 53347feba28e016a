"""Privacy (issue 9, item 11): the app's folders are 0700 and autosaves 0600.

The autosave of a workshop is the user's work; whatever the permissions of the workshop
itself and whatever the umask, nobody else on the computer may read it.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from alignment_workshop import fileio, paths
from alignment_workshop.gui.editing.document import Document
from alignment_workshop.gui.files.autosave import AutosaveController
from alignment_workshop.model import Workshop


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


FOLDERS = ["config_dir", "data_dir", "autosave_dir", "log_dir", "cache_dir"]


@pytest.mark.parametrize("name", FOLDERS)
def test_the_apps_folders_are_created_private(name: str, private_home: Path) -> None:
    folder = getattr(paths, name)()
    assert folder.is_relative_to(private_home)
    assert _mode(folder) == 0o700
    app_root = next(p for p in (folder, *folder.parents) if p.name == paths.APP_NAME)
    for inside in (app_root, *[p for p in folder.parents if p.is_relative_to(app_root)]):
        assert _mode(inside) == 0o700, inside


def test_a_folder_an_older_version_left_open_is_made_private(private_home: Path) -> None:
    folder = paths.autosave_dir()
    folder.chmod(0o755)
    folder.parent.chmod(0o755)
    assert paths.autosave_dir() == folder
    assert _mode(folder) == 0o700 and _mode(folder.parent) == 0o700


@pytest.mark.parametrize("workshop_mode", [0o644, 0o600, 0o666])
def test_autosaves_are_private_whatever_the_workshop(tmp_path: Path, workshop_mode: int) -> None:
    plan = tmp_path / "plan.alignment"
    fileio.save(Workshop(), plan)
    plan.chmod(workshop_mode)
    document = Document()
    document.load(plan)
    autosave = AutosaveController(document)
    document.update_meta(title="Salary bands")
    assert autosave.write_now()
    entry = autosave.entry
    assert _mode(entry.data_path) == 0o600 and _mode(entry.sidecar_path) == 0o600
    entry.data_path.chmod(0o644)  # an autosave written by an older version
    document.update_meta(title="Salary bands, again")
    assert autosave.write_now()
    assert _mode(entry.data_path) == 0o600
