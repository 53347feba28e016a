"""The room's server never outlives its process: killed, crashed or ended normally.

Each test runs a server in a child process on 127.0.0.1, reads its port, checks that it
answers, ends the child one way or another and checks that the port is closed.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import urllib.request
from pathlib import Path

from tests.support.phones import port_of, refuses_connections

ROOT = Path(__file__).resolve().parents[2]

SERVE = """
import sys, time
from alignment_workshop.room.server import RoomServer
from alignment_workshop.room.state import Room
server = RoomServer(Room(), "127.0.0.1", 0)
print(server.start(), flush=True)
"""


def start_child(tail: str) -> tuple[subprocess.Popen[str], str]:
    """A child serving a room, then running `tail`; returns it and the room's address."""
    code = textwrap.dedent(SERVE) + textwrap.dedent(tail)
    child = subprocess.Popen(
        [sys.executable, "-c", code], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert child.stdout is not None
    url = child.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:"), child.stderr.read() if child.stderr else ""
    return child, url


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=5) as response:
        return response.status == 200


def test_a_killed_process_leaves_no_server_behind() -> None:
    child, url = start_child("time.sleep(60)")
    try:
        assert answers(url)
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
        assert refuses_connections(port_of(url))
    finally:
        child.kill()
        child.communicate()


def test_the_server_thread_never_keeps_the_process_alive() -> None:
    child, url = start_child("""
        import urllib.request
        urllib.request.urlopen(server.url(), timeout=5).read()
        raise RuntimeError("the window crashed")
    """)
    _, err = child.communicate(timeout=20)  # a non-daemon thread would hang here
    assert child.returncode == 1 and "the window crashed" in err
    assert refuses_connections(port_of(url))


def test_a_normal_exit_stops_the_server_through_atexit() -> None:
    child, url = start_child("""
        stop = server.stop
        def stop_and_say():
            stop()
            print("stopped" if not server.running and server.room.closed else "running")
        server.stop = stop_and_say
    """)
    out, _ = child.communicate(timeout=20)
    assert child.returncode == 0 and out.strip() == "stopped"
    assert refuses_connections(port_of(url))
