"""Simulated phones for the room's tests: each an aiohttp client with its own cookie jar.

A `Phone` talks to a running `RoomServer` over real loopback sockets exactly as the phone
page does (JSON POSTs, the room's cookie), and `served_room` starts and stops one room
on 127.0.0.1 with a free port. `raw_request` sends bytes the page never would.
"""

from __future__ import annotations

import socket
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiohttp

from alignment_workshop.room.limits import RoomLimits
from alignment_workshop.room.server import RoomServer
from alignment_workshop.room.state import Room


@contextmanager
def served_room(limits: RoomLimits | None = None, *, named: bool = False) -> Iterator[RoomServer]:
    """A room served on 127.0.0.1 (any free port) for the length of the block."""
    server = RoomServer(Room(named=named, limits=limits), "127.0.0.1", 0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


class Phone:
    """One simulated phone: its own session and cookies, the page's requests."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.session = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    async def close(self) -> None:
        await self.session.close()

    async def call(self, method: str, path: str, body: Any = None) -> tuple[int, dict[str, Any]]:
        kwargs = {} if body is None else {"json": body}
        async with self.session.request(method, self.url + path, **kwargs) as response:
            return response.status, await response.json()

    async def state(self) -> dict[str, Any]:
        status, reply = await self.call("GET", "api/state")
        assert status == 200, reply
        return reply["view"]

    async def join(self, name: str = "") -> tuple[int, dict[str, Any]]:
        return await self.call("POST", "api/join", {"name": name})

    async def vote(self, round_number: int, votes: dict[str, int]) -> tuple[int, dict[str, Any]]:
        return await self.call("POST", "api/ballot", {"round": round_number, "votes": votes})


def raw_request(port: int, data: bytes, timeout: float = 5.0) -> bytes:
    """Send `data` as is to 127.0.0.1:`port` and return everything the server answers."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def refuses_connections(port: int) -> bool:
    """Whether nothing listens on 127.0.0.1:`port` any more."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def port_of(url: str) -> int:
    """The port in a room's address."""
    port = urllib.parse.urlsplit(url).port
    assert port is not None, url
    return port
