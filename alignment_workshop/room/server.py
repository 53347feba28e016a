"""The room's web server: aiohttp on its own thread with its own asyncio loop.

Why a thread and not qasync (aiohttp on Qt's event loop): the editor runs modal dialogs
(file choosers, message boxes, the timer's input) and slow work (a 3,000-page PDF)
on the GUI thread. On Qt's loop every phone would wait for them; on its own loop the
room keeps answering. It also leaves the editor's start-up and its pytest-qt tests on
Qt's plain event loop. And why not Qt's own networking: PySide6-Essentials has
QTcpServer but no HTTP server (QtHttpServer is in the Addons), so we would be writing
an HTTP parser. The price of the thread is that `Room` is shared, so it locks, and the
GUI hears of changes through a queued Qt signal.

Stopping is certain: `stop()` closes the listening socket and every connection and ends
the thread; the thread is a daemon, so it never keeps the process alive; an `atexit`
hook stops every server still running when the interpreter exits normally or after an
uncaught exception; and when the process is killed the system closes its sockets. The
socket is bound in the calling thread, so a bad address fails there, in one line.
"""

from __future__ import annotations

import asyncio
import atexit
import errno
import ipaddress
import logging
import socket
import threading
import weakref

from aiohttp import web

from alignment_workshop.i18n import _

from .assets import load_assets
from .handlers import PhoneApi
from .state import Room

#: The port a room tries first; when it is taken, any free port will do.
DEFAULT_PORT = 8765
#: Seconds to wait for the server thread to start, and to stop.
START_SECONDS = 10.0
STOP_SECONDS = 5.0

_RUNNING: weakref.WeakSet[RoomServer] = weakref.WeakSet()
#: aiohttp logs every malformed request with a traceback; what a phone (or anyone on the
#: network) sends wrong is not our error, so only critical messages get through.
_QUIET = logging.getLogger("alignment_workshop.room.requests")
_QUIET.setLevel(logging.CRITICAL)


class RoomServerError(Exception):
    """The server could not start; the message is one sentence for the facilitator."""


def room_url(host: str, port: int, token: str) -> str:
    """The address phones open: http://HOST:PORT/r/TOKEN/ (an IPv6 host in brackets)."""
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}/r/{token}/"


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket on `host` alone: `port`, or any free port if that one is taken."""
    try:
        family = socket.AF_INET6 if ipaddress.ip_address(host).version == 6 else socket.AF_INET
    except ValueError:
        raise RoomServerError(
            _("'{host}' is not a network address (like 192.168.1.20).").format(host=host)
        ) from None
    for attempt in (port, 0) if port else (0,):
        try:
            return socket.create_server((host, attempt), family=family, backlog=128)
        except OSError as error:
            if error.errno == errno.EADDRINUSE and attempt:
                continue
            if error.errno == errno.EADDRNOTAVAIL:
                raise RoomServerError(
                    _(
                        "{host} is not an address of this computer (any more); choose another."
                    ).format(host=host)
                ) from None
            reason = error.strerror or str(error)
            raise RoomServerError(
                _("The room could not listen on {host} ({reason}).").format(
                    host=host, reason=reason
                )
            ) from None
    raise AssertionError("unreachable: port 0 is always free")


class RoomServer:
    """Serves one `Room` on one address until `stop()` (or the process ends), its phone
    page in `language` (None: the editor's, the language in effect when it starts)."""

    def __init__(
        self, room: Room, host: str, port: int = DEFAULT_PORT, *, language: str | None = None
    ) -> None:
        self.room, self.host, self.language = room, host, language
        self.requested_port = port
        self.port = 0
        self._sock: socket.socket | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._ready = threading.Event()
        self._stopping: asyncio.Event | None = None
        self._failure: BaseException | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def url(self, host: str | None = None) -> str:
        """The room's address, through `host` if given (the one to show for 0.0.0.0)."""
        return room_url(host or self.host, self.port, self.room.token)

    def start(self) -> str:
        """Bind, serve from a daemon thread, and return the room's address."""
        if self._thread is not None:
            raise RuntimeError("a room server starts once")
        assets = load_assets(self.language)
        self._sock = _bind(self.host, self.requested_port)
        self.port = self._sock.getsockname()[1]
        api = PhoneApi(self.room, assets)
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._run, args=(api,), name=f"room-server-{self.port}", daemon=True
        )
        self._thread.start()
        if not self._ready.wait(START_SECONDS) or self._failure is not None:
            self.stop()
            raise RoomServerError(
                _("The room's server did not start ({reason}).").format(reason=self._failure)
            )
        _RUNNING.add(self)
        return self.url()

    def _run(self, api: PhoneApi) -> None:
        loop = self._loop
        assert loop is not None
        asyncio.set_event_loop(loop)
        try:
            loop.run_until_complete(self._serve(api))
        except BaseException as error:  # reported by start(); the thread just ends
            self._failure = error
            self._ready.set()
        finally:
            loop.close()

    async def _serve(self, api: PhoneApi) -> None:
        lim = self.room.limits
        runner = web.AppRunner(
            api.application(), handle_signals=False, access_log=None, shutdown_timeout=1.0,
            keepalive_timeout=20, max_line_size=lim.max_line, max_field_size=lim.max_header,
            max_headers=40, auto_decompress=False, logger=_QUIET,
        )  # fmt: skip
        await runner.setup()
        try:
            assert self._sock is not None
            await web.SockSite(runner, self._sock).start()
            self._stopping = asyncio.Event()
            self._ready.set()
            await self._stopping.wait()
        finally:
            await runner.cleanup()

    def stop(self) -> None:
        """Stop serving: the port closes, every connection drops, the room's tokens die."""
        self.room.close()
        loop, thread = self._loop, self._thread
        if loop is not None and thread is not None and thread.is_alive():
            stopping = self._stopping
            if stopping is not None:
                loop.call_soon_threadsafe(stopping.set)
            thread.join(STOP_SECONDS)
        if self._sock is not None:
            self._sock.close()
        _RUNNING.discard(self)


def stop_all() -> None:
    """Stop every room server of this process (the interpreter's exit calls it)."""
    for server in list(_RUNNING):
        server.stop()


atexit.register(stop_all)
