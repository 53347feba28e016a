"""The room's secrets: the room token in every address, and the id each phone is given.

The room token is 20 characters from a 32-letter alphabet without look-alikes (no 0/o,
1/l), so 100 bits from `secrets`: unguessable, yet short enough to read off a projector
and type on a phone. A phone id is 128 bits, issued by the server in a cookie when the
phone joins. Every comparison of a secret a request brings is constant-time.
"""

from __future__ import annotations

import hmac
import secrets

#: The letters of a room token: a-z and 2-9 without l, o, 0 and 1 (32 letters, 5 bits).
TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 20
#: The bits of randomness in a room token (at least 96, as the room's safety asks).
TOKEN_BITS = TOKEN_LENGTH * 5


def new_room_token() -> str:
    """A fresh room token: 100 random bits, spelled in `TOKEN_ALPHABET`."""
    return "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))


def new_phone_id() -> str:
    """A fresh phone id: 128 random bits, URL-safe."""
    return secrets.token_urlsafe(16)


def same_secret(given: str, expected: str) -> bool:
    """Whether `given` is `expected`, compared in constant time (for equal lengths)."""
    return hmac.compare_digest(
        given.encode("utf-8", "surrogatepass"), expected.encode("utf-8", "surrogatepass")
    )
