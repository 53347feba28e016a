"""`alignment-workshop FILE --room`: open the editor with the room already open.

The room listens on the address given (`--room-address`), else on this computer's first
local network address (wireless first), else on this computer only, and the one line
`Room open: URL` goes to standard output, so a script or the facilitator can pass it
on. A room that cannot open says why in one line on standard error; the editor stays.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from alignment_workshop.i18n import _
from alignment_workshop.room.server import DEFAULT_PORT
from alignment_workshop.terminal import visible

from .controller import RoomController
from .network import LOOPBACK, lan_addresses


@dataclass(frozen=True, slots=True)
class RoomRequest:
    """What the command line asked of the room."""

    address: str | None = None
    port: int = DEFAULT_PORT
    named: bool = False


def default_address() -> str:
    """The first local network address, or this computer only when there is none."""
    return next((address.ip for address in lan_addresses()), LOOPBACK)


def open_requested_room(controller: RoomController, map_shown: bool, request: RoomRequest) -> str:
    """Open the room the command line asked for; prints `Room open: URL` and returns URL."""
    if not map_shown:
        print(_("error: room: the workshop did not open, so no room was opened"), file=sys.stderr)
        return ""
    address = request.address or default_address()
    url = controller.open_room(address, request.port, named=request.named)
    if url is None:
        print(
            visible(_("error: room: {last_error}").format(last_error=controller.last_error)),
            file=sys.stderr,
            flush=True,
        )
        return ""
    print(_("Room open: {url}").format(url=url), flush=True)
    return url
