"""Loading from a path: every way a path can fail is one clear WorkshopFileError sentence."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from alignment_workshop.fileio import WorkshopFileError, dumps, load, loads, reader
from alignment_workshop.model import Meta, Workshop


def refusal(path: object) -> str:
    with pytest.raises(WorkshopFileError) as caught:
        load(path)  # type: ignore[arg-type]
    message = str(caught.value)
    assert "\n" not in message and len(message) <= 300
    return message


def test_a_missing_file(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nope.alignment") == "there is no such file"


def test_a_folder(tmp_path: Path) -> None:
    assert refusal(tmp_path) == "this is a folder, not a workshop file"


def test_an_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "locked.alignment"
    path.write_bytes(dumps(Workshop()))

    def denied(*_args: object, **_kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(reader, "open_regular", denied)
    assert refusal(path) == "permission denied: the file cannot be read"


def test_another_read_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> object:
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(reader, "open_regular", broken)
    assert refusal(tmp_path / "x.alignment") == "the file cannot be read (Input/output error)"


@pytest.mark.parametrize("path", [None, 3, 2.5, "bad\0name.alignment", ["a"]])
def test_things_that_are_not_paths(path: object) -> None:
    assert "is not a usable file path" in refusal(path)


def test_a_path_given_as_text_bytes_or_pathlib(tmp_path: Path) -> None:
    path = tmp_path / "plan.alignment"
    workshop = Workshop(Meta(title="Plan"))
    path.write_bytes(dumps(workshop))
    assert load(path) == load(str(path)) == load(bytes(path)) == workshop


def test_a_file_that_is_not_a_workshop_at_all(tmp_path: Path) -> None:
    path = tmp_path / "photo.alignment"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert refusal(path) == "byte 0: the file is not valid UTF-8 text; is it a workshop file?"


def test_an_unexpected_failure_inside_the_loader_is_still_a_file_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(_document: object) -> Workshop:
        raise KeyError("surprise")

    monkeypatch.setattr(reader, "read_document", boom)
    with pytest.raises(WorkshopFileError, match=r"could not be read \(KeyError\)"):
        loads(dumps(Workshop()))
    assert "unexpected error" in caplog.text


def test_the_collector_runs_again_after_loading_even_on_failure() -> None:
    import gc

    assert gc.isenabled()
    with pytest.raises(WorkshopFileError):
        loads(b"{")
    assert gc.isenabled()
    loads(dumps(Workshop()))
    assert gc.isenabled()
