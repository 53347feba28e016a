"""Who this running instance is, and whether another instance is still alive.

The lock file and the autosave sidecar both record the host and process that wrote them;
these helpers tell a live owner from a crashed one. Standard library only.
"""

from __future__ import annotations

import datetime as dt
import getpass
import os
import socket
import sys
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Owner:
    """A running (or once running) instance of the app: where, which process, whose."""

    host: str
    pid: int
    user: str
    time: str  # ISO 8601, local time with offset

    @property
    def is_this_instance(self) -> bool:
        """Whether this owner is the process asking."""
        return self.host == this_host() and self.pid == os.getpid()

    @property
    def is_alive(self) -> bool:
        """Whether the owner may still be running.

        On this host the process table answers. On another host nobody can tell, so the
        owner counts as alive: a warning is better than two people editing one file.
        """
        if self.host != this_host():
            return True
        return pid_alive(self.pid)

    def as_dict(self) -> dict[str, object]:
        """The owner as JSON-ready fields."""
        return {"host": self.host, "pid": self.pid, "user": self.user, "time": self.time}

    @classmethod
    def from_dict(cls, data: object) -> Owner | None:
        """The owner recorded in `data`, or None when the fields are missing or wrong."""
        if not isinstance(data, dict):
            return None
        host, pid, user, time = (data.get(k) for k in ("host", "pid", "user", "time"))
        if not (isinstance(host, str) and host and isinstance(user, str)):
            return None
        if not (isinstance(pid, int) and not isinstance(pid, bool) and pid > 0):
            return None
        return cls(host, pid, user, time if isinstance(time, str) else "")

    def since(self) -> str:
        """The recorded time as "24 Nov 2026 22:10", or "" when it cannot be read."""
        return format_time(self.time)


def this_host() -> str:
    """This computer's name as other instances will record it."""
    return socket.gethostname() or "localhost"


def current_owner() -> Owner:
    """This process, now."""
    try:
        user = getpass.getuser()
    except (OSError, KeyError, ImportError):
        user = ""
    now = dt.datetime.now().astimezone().isoformat(timespec="seconds")
    return Owner(this_host(), os.getpid(), user, now)


def format_time(iso: str) -> str:
    """An ISO time as a person reads it ("24 Nov 2026 22:10"); "" when unreadable."""
    try:
        when = dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return ""
    return when.strftime("%d %b %Y %H:%M")


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this computer."""
    if pid <= 0:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, it just belongs to someone else
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:
    # os.kill(pid, 0) would send CTRL_C_EVENT on Windows, so ask the kernel instead.
    import ctypes

    still_active = 259
    query_limited_information = 0x1000
    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        if not kernel.GetExitCodeProcess(handle, ctypes.byref(code)):
            return False
        return code.value == still_active
    finally:
        kernel.CloseHandle(handle)
