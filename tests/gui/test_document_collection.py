"""A document that only the garbage collector frees dies cleanly, undo history and all.

A `Document` nobody holds lives on in a reference cycle with its workshop until a
collection frees it, together with the undo commands on its stack, in whatever order
the collector picks. Before `Document.__del__` cleared the stack first, the collector
could free a command's wrapper before Qt deleted the command: `QUndoStack::clear`
then crashed the process, at a random later moment of the test run (a background
export's collection made it more likely). Collecting after every test of these two
files made it crash every time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_documents_with_undo_history_survive_a_collection_after_every_test() -> None:
    result = subprocess.run(
        [
            sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "-p", "no:randomly", "-p", "tests.support.collect_after_each_test",
            "tests/gui/test_commands.py", "tests/gui/test_document_limits.py",
        ],
        cwd=ROOT,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
