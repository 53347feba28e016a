"""The workshop: its records, and the one edit API that changes them.

Every edit plans its change first: it validates what it is given with the rules of the
file format and raises `ValidationError` before touching anything. Then it applies the
plan and emits one fine-grained event and `changed`. The `check_*` dry runs run the same
plans without applying them, so the GUI asks the model whether an edit would pass
instead of keeping its own copy of the rules (the plans are in `plans.py`). Readers get
copies or frozen records (see `store.py`), so the only way to change a workshop is
through these methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from .entities import Link, Meta, Node, Position, Team
from .errors import ValidationError
from .events import Added, Changed, Event, Removed
from .plans import EditPlans
from .store import RecordStore
from .validation import validate_meta

T = TypeVar("T")
R = TypeVar("R")


def _position(index: int, count: int) -> int:
    """Where a record inserted at `index` of `count` records lands (the store's rule)."""
    return min(max(index, 0), count)


def _changed_fields(old: Any, new: Any) -> frozenset[str]:
    return frozenset(name for name in old.__slots__ if getattr(old, name) != getattr(new, name))


class Workshop(EditPlans):
    """A whole workshop: metadata, teams, nodes and links, each in their order."""

    def __init__(self, meta: Meta | None = None) -> None:
        super().__init__(validate_meta(meta or Meta()))

    @classmethod
    def from_records(
        cls,
        meta: Meta,
        teams: Iterable[Team],
        nodes: Iterable[Node],
        links: Iterable[Link],
    ) -> Workshop:
        """A workshop built from whole records, checked as a file would be.

        Errors are located as in a file: "nodes[3].title: must not be blank".
        """
        try:
            checked = validate_meta(meta)
        except ValidationError as error:
            raise error.within("workshop") from None
        workshop = cls.__new__(cls)
        RecordStore.__init__(workshop, checked)
        workshop._load("teams", teams, workshop._plan_add_team, workshop._store_team)
        workshop._load("nodes", nodes, workshop._plan_add_node, workshop._store_node)
        workshop._load("links", links, workshop._plan_add_link, workshop._store_link)
        return workshop

    def _load(
        self,
        collection: str,
        records: Iterable[R],
        plan: Callable[[R], R],
        store: Callable[[int, R], R],
    ) -> None:
        for index, record in enumerate(records):
            try:
                store(index, plan(record))
            except ValidationError as error:
                raise error.within(f"{collection}[{index}]") from None

    # ----------------------------------------------------------------- dry runs
    #
    # Every edit first plans its change with a `_plan_*` method, which raises
    # `ValidationError` or returns the checked record, and only then applies it. Each
    # `check_*` runs the same plan and stops there, so a dry run refuses exactly what its
    # edit refuses, with the same reason; it changes nothing and emits nothing.

    def check_update_meta(self, **changes: Any) -> Meta:
        """The metadata `update_meta(**changes)` would store; raises as the edit would."""
        return self._plan_update_meta(changes)

    def check_new_team(self, team: Team) -> Team:
        """The record `add_team(team)` or `insert_team` would store; raises as they would."""
        return self._plan_add_team(team)

    def check_update_team(self, team_id: str, **changes: Any) -> Team:
        """The record `update_team(team_id, **changes)` would store; raises as it would."""
        return self._plan_update_team(team_id, changes)[1]

    def check_remove_team(self, team_id: str) -> Team:
        """The record `remove_team(team_id)` would remove; raises as it would."""
        return self._plan_remove_team(team_id)

    def check_new_node(self, node: Node) -> Node:
        """The record `add_node(node)` or `insert_node` would store; raises as they would."""
        return self._plan_add_node(node)

    def check_update_node(self, node_id: str, **changes: Any) -> Node:
        """The record `update_node(node_id, **changes)` would store; raises as it would."""
        return self._plan_update_node(node_id, changes)[1]

    def check_move_node(self, node_id: str, pos: Position | None) -> Node:
        """The record `move_node(node_id, pos)` would store; raises as it would."""
        return self._plan_move_node(node_id, pos)[1]

    def check_remove_node(self, node_id: str) -> Node:
        """The record `remove_node(node_id)` would remove; raises as it would."""
        return self._plan_remove_node(node_id)

    def check_new_link(self, link: Link) -> Link:
        """The record `add_link(link)` or `insert_link` would store; raises as they would."""
        return self._plan_add_link(link)

    def check_update_link(self, link_id: str, **changes: Any) -> Link:
        """The record `update_link(link_id, **changes)` would store; raises as it would."""
        return self._plan_update_link(link_id, changes)[1]

    def check_remove_link(self, link_id: str) -> Link:
        """The record `remove_link(link_id)` would remove; raises as it would."""
        return self._plan_remove_link(link_id)

    def check_new_items(
        self, nodes: Iterable[Node], links: Iterable[Link]
    ) -> tuple[list[Node], list[Link]]:
        """The records adding every node, then every link, would store: all or nothing.

        Each record is checked as if every one before it had been added, so a batch may
        link its own new nodes, and the limits count the whole batch. Raises the first
        refusal.
        """
        nodes, links = list(nodes), list(links)

        def add_all(trial: Workshop) -> tuple[list[Node], list[Link]]:
            return [trial.add_node(n) for n in nodes], [trial.add_link(k) for k in links]

        return self.dry_run(add_all)

    def dry_run(self, edits: Callable[[Workshop], T]) -> T:
        """Run `edits` on a scratch copy and return its result; this workshop is untouched.

        This checks a sequence of edits in which each step must see the ones before it
        (re-home a team's goals, then remove the team): the first refused step raises.
        The copy has no subscribers, so nothing is emitted.
        """
        return edits(self.copy())

    # ----------------------------------------------------------------- metadata

    def update_meta(self, **changes: Any) -> Meta:
        """Change fields of the metadata; returns the old metadata."""
        old, new = self._meta, self._plan_update_meta(changes)
        if new != old:
            self._meta = new
            self._emit(self.events.meta_changed, Changed(old, new, _changed_fields(old, new)))
        return old

    # ----------------------------------------------------------------- teams

    def add_team(self, team: Team) -> Team:
        """Append `team`; returns it as stored."""
        return self.insert_team(len(self._teams), team)

    def insert_team(self, index: int, team: Team) -> Team:
        """Insert `team` at `index` of the team order."""
        checked = self._plan_add_team(team)
        position = _position(index, len(self._teams))
        stored = self._store_team(index, checked)
        self._emit(self.events.team_added, Added(position, stored))
        return stored

    def remove_team(self, team_id: str) -> tuple[int, Team]:
        """Remove a team no goal refers to; returns its index and record for undo."""
        team = self._plan_remove_team(team_id)
        index = self.team_index(team_id)
        self._drop_team(team_id)
        self._emit(self.events.team_removed, Removed(index, team))
        return index, team

    def update_team(self, team_id: str, **changes: Any) -> Team:
        """Change fields of a team; returns the old record."""
        old, new = self._plan_update_team(team_id, changes)
        if new != old:
            self._teams[team_id] = new
            self._emit(self.events.team_changed, Changed(old, new, _changed_fields(old, new)))
        return old

    # ----------------------------------------------------------------- nodes

    def add_node(self, node: Node) -> Node:
        """Append `node`; returns it as stored."""
        return self.insert_node(len(self._nodes), node)

    def insert_node(self, index: int, node: Node) -> Node:
        """Insert `node` at `index` of the node order."""
        checked = self._plan_add_node(node)
        position = _position(index, len(self._nodes))
        stored = self._store_node(index, checked)
        self._emit(self.events.node_added, Added(position, stored))
        return stored

    def remove_node(self, node_id: str) -> tuple[int, Node]:
        """Remove a node that no link touches; returns its index and record for undo."""
        node = self._plan_remove_node(node_id)
        index = self.node_index(node_id)
        self._drop_node(node_id)
        self._emit(self.events.node_removed, Removed(index, node))
        return index, node

    def update_node(self, node_id: str, **changes: Any) -> Node:
        """Change fields of a node (not its id or kind); returns the old record."""
        return self._replace_node(*self._plan_update_node(node_id, changes))

    def move_node(self, node_id: str, pos: Position | None) -> Node:
        """Place a node at `pos` (None: let the layout place it); returns the old record."""
        return self._replace_node(*self._plan_move_node(node_id, pos))

    # ----------------------------------------------------------------- links

    def add_link(self, link: Link) -> Link:
        """Append `link`; returns it as stored."""
        return self.insert_link(len(self._links), link)

    def insert_link(self, index: int, link: Link) -> Link:
        """Insert `link` at `index` of the link order."""
        checked = self._plan_add_link(link)
        position = _position(index, len(self._links))
        stored = self._store_link(index, checked)
        self._emit(self.events.link_added, Added(position, stored))
        return stored

    def remove_link(self, link_id: str) -> tuple[int, Link]:
        """Remove a link; returns its index and record for undo."""
        link = self._plan_remove_link(link_id)
        index = self.link_index(link_id)
        self._drop_link(link)
        self._emit(self.events.link_removed, Removed(index, link))
        return index, link

    def update_link(self, link_id: str, **changes: Any) -> Link:
        """Change fields of a link (note, resolved, resolution…); returns the old record."""
        old, new = self._plan_update_link(link_id, changes)
        if new != old:
            self._unindex_link(old)
            self._index_link(new)
            self._links[link_id] = new
            self._emit(self.events.link_changed, Changed(old, new, _changed_fields(old, new)))
        return old

    # ----------------------------------------------------------------- applying plans

    def _emit(self, channel: Event[T], payload: T) -> None:
        channel.emit(payload)
        self.events.changed.emit(None)

    def _replace_node(self, old: Node, new: Node) -> Node:
        if new != old:
            self._nodes[old.id] = new
            self._emit(self.events.node_changed, Changed(old, new, _changed_fields(old, new)))
        return old
