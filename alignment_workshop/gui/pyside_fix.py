"""A guard against a reference-counting bug of PySide6 6.12.0 on Python 3.11.

PySide6 6.12.0 returns `None` from every void Qt method without taking a reference to
it. On Python 3.11, where `None` is still reference-counted, each call to
`widget.update()`, `stack.undo()`, `timer.start()`… lowers None's count by one, and
after a few thousand calls the interpreter aborts with "none_dealloc: deallocating
None". Emitting a `Signal(bool)` does the same to `True` or `False`. Python 3.12 made
these singletons immortal (PEP 683), which hides the bug there.

`apply()` gives `None`, `True` and `False` a reference count so large that it can never
reach zero, which is what Python 3.12 does for them. It changes nothing on 3.12+ or on other PySide6
versions. Every GUI module that calls Qt imports this module first.
"""

from __future__ import annotations

import ctypes
import sys

import PySide6

#: The PySide6 versions known to drop a reference to None on each void call.
AFFECTED_VERSIONS = frozenset({"6.12.0"})

#: Added to None's count once: far more void calls than a process will ever make.
_HEADROOM = 1 << 40


def needed() -> bool:
    """Whether this interpreter and this PySide6 have the bug."""
    return sys.version_info < (3, 12) and PySide6.__version__ in AFFECTED_VERSIONS


def apply() -> None:
    """Make the singletons effectively immortal if the bug is present; idempotent."""
    if not needed():
        return
    for singleton in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(singleton))
        if count.value < _HEADROOM:
            count.value += _HEADROOM


apply()
