"""The one kind of refusal the room gives a phone: `RoomError`, with a code the page words.

Every refusal carries a short code ("round-closed", "too-long", "room-full"); the server
sends the code, and the phone page shows the sentence its string table has for it, in
the editor's language. No refusal carries text a phone sent.
"""

from __future__ import annotations


class RoomError(ValueError):
    """Something a phone asked that the room will not do; `code` names why."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code
