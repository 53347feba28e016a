"""Progress and cancellation for long work, shared by every layer and tied to none.

A `Progress` is a plain callable, `progress(done, total, label)`, that long work (the
PDF plan, the map image, later the imports) calls between its steps. It may raise
`Cancelled` to stop the work: the work lets it propagate and writes nothing. The
command line passes no progress at all, which is `quiet`: it reports nothing and never
cancels. The editor passes the reporter of a background operation
(`gui/support/background.py`), which raises `Cancelled` once the user pressed Cancel.

`Stages` turns work of several unequal stages into one bar that only rises: each stage
owns a share of `Stages.SCALE`, and `advance(done, total)` moves within it.

Standard library only: the model, the report and the file formats may all import it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from .i18n import _


class Cancelled(Exception):  # noqa: N818 - the user stopped it; not an error
    """The user stopped the work; whatever it would have written was not written."""

    def __init__(self, message: str = "cancelled") -> None:
        super().__init__(message)


class Progress(Protocol):
    """Told `done` of `total` steps and what is being done; may raise `Cancelled`."""

    def __call__(self, done: int, total: int, label: str) -> None: ...


def quiet(done: int, total: int, label: str) -> None:
    """The progress of the command line: nothing to show, nothing to cancel."""


class Stages:
    """One rising bar over stages of unequal length, reported to a `Progress`.

    `Stages(progress, [("Analysing", 2), ("Laying out", 60), …])` gives each stage a
    share in proportion to its weight. `begin(name)` enters a stage, `advance(done,
    total)` moves within it (an optional `label` names the step, e.g. "page 12"), and
    `finish()` reports the whole bar. The bar never goes back, even when a step count
    does. Every call reports, so every call may raise `Cancelled`.
    """

    #: The bar's length: fine enough for a smooth bar, coarse enough to be cheap.
    SCALE = 1000

    def __init__(self, progress: Progress | None, weights: Sequence[tuple[str, float]]) -> None:
        self._progress = progress or quiet
        whole = sum(weight for _, weight in weights) or 1.0
        self._spans: dict[str, tuple[float, float]] = {}
        start = 0.0
        for name, weight in weights:
            span = self.SCALE * weight / whole
            self._spans[name] = (start, span)
            start += span
        self._name = ""
        self._start, self._span = 0.0, 0.0
        self._value = 0

    def begin(self, name: str) -> None:
        """Enter the stage `name` (one of the weights) and report its start."""
        self._name = name
        self._start, self._span = self._spans[name]
        self.advance(0, 1)

    def advance(self, done: float, total: float, label: str = "") -> None:
        """Report `done` of `total` within the current stage, with `label` if given."""
        fraction = min(max(done / total, 0.0), 1.0) if total > 0 else 1.0
        # Never back: a step count may shrink (a flowable split in two is counted again).
        self._value = max(self._value, int(self._start + self._span * fraction))
        self._progress(self._value, self.SCALE, label or _(self._name))

    def finish(self) -> None:
        """Report the whole bar, under the last stage's name."""
        self._progress(self.SCALE, self.SCALE, self._name)
