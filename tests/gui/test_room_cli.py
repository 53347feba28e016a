"""`alignment-workshop FILE --room` as a user runs it: the one line, the page, the end.

Each test runs the editor in a child process (offscreen, on 127.0.0.1 only), reads the
`Room open: URL` line, and ends the child: by its own timer, or with SIGKILL, after
which the port must be closed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import urllib.request
from pathlib import Path

from alignment_workshop.gui.app import SMOKE_SECONDS_ENV
from alignment_workshop.paths import example_workshop
from tests.support.phones import port_of, refuses_connections

ROOT = Path(__file__).resolve().parents[2]


def editor(*args: str, seconds: float = 60) -> subprocess.Popen[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", SMOKE_SECONDS_ENV: str(seconds)}
    return subprocess.Popen(
        [sys.executable, "-m", "alignment_workshop", *args], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def room_line(child: subprocess.Popen[str]) -> str:
    assert child.stdout is not None
    line = child.stdout.readline()
    assert line.startswith("Room open: http://127.0.0.1:"), line
    return line.removeprefix("Room open: ").strip()


def test_room_flag_prints_one_line_serves_the_page_and_stops_at_exit() -> None:
    child = editor(str(example_workshop()), "--room", "--room-address", "127.0.0.1", seconds=6)
    try:
        url = room_line(child)
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200 and b"app.js" in response.read()
        out, _ = child.communicate(timeout=60)
    finally:
        child.kill()
    assert child.returncode == 0 and out == ""  # the one line, and nothing more
    assert refuses_connections(port_of(url))


def test_a_killed_editor_leaves_no_room_behind() -> None:
    child = editor(str(example_workshop()), "--room", "--room-address", "127.0.0.1")
    try:
        url = room_line(child)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert refuses_connections(port_of(url))
    finally:
        child.kill()
        child.communicate()


def test_room_without_a_file_or_on_a_bad_address_says_why_in_one_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "alignment_workshop", "--room"], cwd=ROOT, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == "error: --room: needs a workshop FILE to open the room on\n"
    child = editor(str(example_workshop()), "--room-address", "not-an-ip", seconds=3)
    out, err = child.communicate(timeout=60)
    assert child.returncode == 0 and out == ""
    errors = [line for line in err.splitlines() if line.startswith("error:")]
    assert errors == ["error: room: 'not-an-ip' is not a network address (like 192.168.1.20)."]
