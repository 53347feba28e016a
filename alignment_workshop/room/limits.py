"""How much a room accepts: sizes, counts and request rates, with the rate limiter.

`RoomLimits` holds every bound in one place: the server and the room state read it, the
phone page is told the text lengths, and tests make a tighter one. `RateLimiter` is a
token bucket per key (a phone, an address): each request takes one token, tokens come
back at `rate` a second up to `burst`, and a key with none left is refused. It keeps at
most `max_keys` buckets, forgetting the least recently used, so a flood of addresses
cannot grow it without bound.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from alignment_workshop.model.rules import TEXT_LIMITS


@dataclass(frozen=True, slots=True)
class RoomLimits:
    """Every bound a room enforces; the defaults suit a room of up to a few hundred people."""

    #: Phones that may join one room.
    max_phones: int = 300
    #: Bytes of a request body, and of the request line and each header line.
    max_body: int = 4096
    max_line: int = 2048
    max_header: int = 4096
    #: Characters of a proposed goal's title and why, a 5 Whys answer and a name.
    title: int = min(120, TEXT_LIMITS["node.title"])
    why: int = min(1000, TEXT_LIMITS["node.why"])
    answer: int = min(200, TEXT_LIMITS["node.title"])
    name: int = 40
    #: Proposals one phone may have waiting for the facilitator, and the whole queue.
    proposals_per_phone: int = 5
    max_proposals: int = 500
    #: Answers one phone may give to one 5 Whys question, and all answers to it.
    answers_per_phone: int = 3
    max_answers: int = 600
    #: The largest number of votes per phone and of options in one round.
    max_votes: int = 20
    max_options: int = 200
    #: Requests a second (and the burst) from one phone, and from one network address.
    phone_rate: float = 5.0
    phone_burst: int = 30
    address_rate: float = 60.0
    address_burst: int = 300
    #: Joins a second (and the burst) from one network address.
    join_rate: float = 1.0
    join_burst: int = 60


class RateLimiter:
    """A token bucket per key; thread-safe."""

    def __init__(
        self,
        rate: float,
        burst: int,
        *,
        max_keys: int = 4096,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.rate, self.burst, self.max_keys, self.clock = rate, burst, max_keys, clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self._lock = threading.Lock()

    def allow(self, key: str) -> bool:
        """Take one token for `key`; False when it has none left."""
        now = self.clock()
        with self._lock:
            tokens, last = self._buckets.pop(key, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            allowed = tokens >= 1.0
            self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
            while len(self._buckets) > self.max_keys:
                self._buckets.popitem(last=False)
        return allowed
