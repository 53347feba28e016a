"""An unexpected error in the CLI is one line on stderr and a traceback in the log file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest

from alignment_workshop import cli, paths
from alignment_workshop.paths import example_workshop


def test_unexpected_cli_error_is_one_line_and_logged(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    title = "-".join(["Q3", "pricing", "offsite"])  # workshop content, not in the source

    def broken(_args: argparse.Namespace) -> int:
        raise RuntimeError(f"the checker fell over on {title}\nwith a second line")

    monkeypatch.setitem(cli._COMMANDS, "check", broken)
    assert cli.main(["check", str(example_workshop())]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    log_files = list(paths.log_dir().glob("*.log"))
    assert len(log_files) == 1
    log = log_files[0]
    assert log.is_relative_to(Path(os.environ["HOME"])), "the test's private HOME"
    assert line == (
        f"error: internal error: RuntimeError: the checker fell over on {title} (details in {log})"
    )
    text = log.read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text and "in broken" in text
    assert "RuntimeError (its message is left out" in text
    assert title not in text, "a message may quote workshop content"


def test_bad_input_is_still_not_an_internal_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["check", str(tmp_path / "missing.alignment")]) == 2
    assert "internal error" not in capsys.readouterr().err
