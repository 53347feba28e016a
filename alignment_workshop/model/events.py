"""A small observer, and the events a workshop emits after each edit.

The model knows nothing of Qt. A GUI subscribes plain callables to the channels of
`WorkshopEvents` and turns them into Qt signals on its side of the fence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from .entities import Link, Meta, Node, Team

T = TypeVar("T")


class Event(Generic[T]):
    """One channel: subscribers are called in order with each emitted payload."""

    __slots__ = ("_subscribers",)

    def __init__(self) -> None:
        self._subscribers: list[Callable[[T], object]] = []

    def subscribe(self, callback: Callable[[T], object]) -> None:
        """Call `callback` with every later payload."""
        self._subscribers.append(callback)

    def unsubscribe(self, callback: Callable[[T], object]) -> None:
        """Stop calling `callback`; unknown callbacks are ignored."""
        if callback in self._subscribers:
            self._subscribers.remove(callback)

    def emit(self, payload: T) -> None:
        """Call every subscriber with `payload`."""
        for callback in tuple(self._subscribers):
            callback(payload)

    def __len__(self) -> int:
        return len(self._subscribers)


@dataclass(frozen=True, slots=True)
class Added(Generic[T]):
    """A record was inserted at `index` of its collection."""

    index: int
    item: T


@dataclass(frozen=True, slots=True)
class Removed(Generic[T]):
    """A record was removed from `index` of its collection."""

    index: int
    item: T


@dataclass(frozen=True, slots=True)
class Changed(Generic[T]):
    """A record was replaced; `fields` names what differs between `old` and `new`."""

    old: T
    new: T
    fields: frozenset[str]


class WorkshopEvents:
    """Every channel a workshop emits on, one per kind of change.

    `changed` fires once after any edit, after the specific channel, for listeners
    that only need to know "something changed" (the live check, autosave).
    """

    def __init__(self) -> None:
        self.meta_changed: Event[Changed[Meta]] = Event()
        self.team_added: Event[Added[Team]] = Event()
        self.team_removed: Event[Removed[Team]] = Event()
        self.team_changed: Event[Changed[Team]] = Event()
        self.node_added: Event[Added[Node]] = Event()
        self.node_removed: Event[Removed[Node]] = Event()
        self.node_changed: Event[Changed[Node]] = Event()
        self.link_added: Event[Added[Link]] = Event()
        self.link_removed: Event[Removed[Link]] = Event()
        self.link_changed: Event[Changed[Link]] = Event()
        self.changed: Event[None] = Event()
