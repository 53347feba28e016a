"""FIFOs and sockets for hostile-world tests, and a guard so a regression fails, not hangs.

A FIFO opened for reading blocks until someone opens it for writing, and the other way
round. Code that wrongly reads or writes one would hang the whole test run;
`unblocked(fifo)` opens the FIFO's other end after a few seconds, so such a read ends
(with an empty file) or such a write fails, and the test then fails on its time or result
instead.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path


def make_fifo(path: Path) -> Path:
    """A named pipe at `path`."""
    os.mkfifo(path)
    return path


def make_socket(path: Path) -> Path:
    """A Unix socket file at `path` (its socket is closed; the file stays)."""
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
    return path


@contextlib.contextmanager
def unblocked(fifo: Path, after: float = 3.0) -> Iterator[None]:
    """Within the block, a reader stuck on `fifo` is released after `after` seconds."""
    done = threading.Event()

    def release() -> None:
        while not done.wait(after):
            for mode in (os.O_WRONLY, os.O_RDONLY):  # frees a stuck reader, then a writer
                with contextlib.suppress(OSError):
                    os.close(os.open(fifo, mode | os.O_NONBLOCK))

    thread = threading.Thread(target=release, daemon=True)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()
