"""A context that holds off Python's cyclic garbage collector while a file is converted.

Loading builds hundreds of thousands of small objects that all stay alive, so the
collector would run again and again and find nothing to free: pausing it takes about a
quarter off the time to load a large workshop. Nothing created meanwhile forms cycles
that need it, and it runs again as usual as soon as the context ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """Disable the cyclic collector inside the block, if it was enabled."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
