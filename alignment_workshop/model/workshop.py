"""The workshop: its records in order, and the one edit API that changes them.

Every edit validates what it is given with the rules of the file format, raises
`ValidationError` before touching anything, applies the change, then emits one
fine-grained event and `changed`. Readers get copies or frozen records, so the only way
to change a workshop is through these methods.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from .entities import Link, Meta, Node, Team
from .errors import ValidationError
from .events import Added, Changed, Removed, WorkshopEvents
from .kinds import LinkKind, NodeKind
from .rules import MAX_LINKS, MAX_NODES, MAX_TEAMS, link_allowed, link_key
from .validation import (
    check_pos,
    replace_checked,
    validate_link,
    validate_meta,
    validate_node,
    validate_team,
)

R = TypeVar("R", Team, Node, Link)


def _insert(records: dict[str, Any], index: int, key: str, record: Any) -> dict[str, Any]:
    """`records` with `record` placed at `index`, keeping dict order as list order."""
    if index >= len(records):
        records[key] = record
        return records
    items = list(records.items())
    items.insert(max(index, 0), (key, record))
    return dict(items)


def _index_of(records: dict[str, Any], key: str) -> int:
    for index, candidate in enumerate(records):
        if candidate == key:
            return index
    raise KeyError(key)


def _article(word: str) -> str:
    return "an" if word[:1] in "aeiou" else "a"


def _changed_fields(old: Any, new: Any) -> frozenset[str]:
    return frozenset(name for name in old.__slots__ if getattr(old, name) != getattr(new, name))


class Workshop:
    """A whole workshop: metadata, teams, nodes and links, each in their order."""

    def __init__(self, meta: Meta | None = None) -> None:
        self.events = WorkshopEvents()
        self._meta = validate_meta(meta or Meta())
        self._teams: dict[str, Team] = {}
        self._nodes: dict[str, Node] = {}
        self._links: dict[str, Link] = {}
        self._link_keys: dict[tuple[str, str, str], str] = {}
        self._links_at: dict[str, dict[str, None]] = {}

    # ----------------------------------------------------------------- building

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
        workshop = cls.__new__(cls)
        workshop.events = WorkshopEvents()
        try:
            workshop._meta = validate_meta(meta)
        except ValidationError as error:
            raise error.within("workshop") from None
        workshop._teams, workshop._nodes, workshop._links = {}, {}, {}
        workshop._link_keys, workshop._links_at = {}, {}
        _put_each("teams", teams, workshop._put_team)
        _put_each("nodes", nodes, workshop._put_node)
        _put_each("links", links, workshop._put_link)
        return workshop

    def copy(self) -> Workshop:
        """An equal workshop with no subscribers; records are immutable, so none is copied."""
        twin = Workshop.__new__(Workshop)
        twin.events = WorkshopEvents()
        twin._meta = self._meta
        twin._teams, twin._nodes, twin._links = (
            dict(self._teams),
            dict(self._nodes),
            dict(self._links),
        )
        twin._link_keys = dict(self._link_keys)
        twin._links_at = {node: dict(ids) for node, ids in self._links_at.items()}
        return twin

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Workshop):
            return NotImplemented
        return (
            self._meta == other._meta
            and list(self._teams.values()) == list(other._teams.values())
            and list(self._nodes.values()) == list(other._nodes.values())
            and list(self._links.values()) == list(other._links.values())
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return (
            f"<Workshop {self._meta.title!r}: {len(self._teams)} teams, "
            f"{len(self._nodes)} nodes, {len(self._links)} links>"
        )

    # ----------------------------------------------------------------- reading

    @property
    def meta(self) -> Meta:
        return self._meta

    @property
    def teams(self) -> list[Team]:
        """The teams in order (a copy)."""
        return list(self._teams.values())

    @property
    def nodes(self) -> list[Node]:
        """The nodes in order (a copy)."""
        return list(self._nodes.values())

    @property
    def links(self) -> list[Link]:
        """The links in order (a copy)."""
        return list(self._links.values())

    def iter_nodes(self) -> Iterator[Node]:
        """The nodes in order, without copying; do not edit while iterating."""
        return iter(self._nodes.values())

    def iter_links(self) -> Iterator[Link]:
        """The links in order, without copying; do not edit while iterating."""
        return iter(self._links.values())

    def team(self, team_id: str) -> Team:
        return self._teams[team_id]

    def node(self, node_id: str) -> Node:
        return self._nodes[node_id]

    def link(self, link_id: str) -> Link:
        return self._links[link_id]

    def has_team(self, team_id: str) -> bool:
        return team_id in self._teams

    def has_node(self, node_id: str) -> bool:
        return node_id in self._nodes

    def has_link(self, link_id: str) -> bool:
        return link_id in self._links

    def team_index(self, team_id: str) -> int:
        return _index_of(self._teams, team_id)

    def node_index(self, node_id: str) -> int:
        return _index_of(self._nodes, node_id)

    def link_index(self, link_id: str) -> int:
        return _index_of(self._links, link_id)

    def links_of(self, node_id: str) -> list[Link]:
        """Every link that touches `node_id`, in the order they were attached."""
        return [self._links[i] for i in self._links_at.get(node_id, {})]

    def goals_of_team(self, team_id: str) -> list[Node]:
        """The goals assigned to `team_id`, in node order."""
        return [n for n in self._nodes.values() if n.kind is NodeKind.GOAL and n.team == team_id]

    def find_link(self, kind: LinkKind, source: str, target: str) -> Link | None:
        """The link of `kind` between the two nodes (either way round for conflicts)."""
        link_id = self._link_keys.get(link_key(kind, source, target))
        return None if link_id is None else self._links[link_id]

    def check_new_link(self, link: Link) -> None:
        """Raise `ValidationError` if `link` could not be added now; change nothing."""
        self._checked_link(validate_link(link), replacing=None)

    # ----------------------------------------------------------------- metadata

    def update_meta(self, **changes: Any) -> Meta:
        """Change fields of the metadata; returns the old metadata."""
        old = self._meta
        new = validate_meta(replace_checked(old, changes))
        if new != old:
            self._meta = new
            self.events.meta_changed.emit(Changed(old, new, _changed_fields(old, new)))
            self.events.changed.emit(None)
        return old

    # ----------------------------------------------------------------- teams

    def add_team(self, team: Team) -> Team:
        """Append `team`; returns it as stored."""
        return self.insert_team(len(self._teams), team)

    def insert_team(self, index: int, team: Team) -> Team:
        """Insert `team` at `index` of the team order."""
        stored = self._put_team(index, team)
        self.events.team_added.emit(Added(self.team_index(stored.id), stored))
        self.events.changed.emit(None)
        return stored

    def remove_team(self, team_id: str) -> tuple[int, Team]:
        """Remove a team no goal refers to; returns its index and record for undo."""
        team = self._require(self._teams, team_id, "team")
        goals = self.goals_of_team(team_id)
        if goals:
            raise ValidationError(
                "team",
                f"'{team.name}' still has {len(goals)} goal(s); move them or leave them "
                "without a team first",
            )
        index = self.team_index(team_id)
        del self._teams[team_id]
        self.events.team_removed.emit(Removed(index, team))
        self.events.changed.emit(None)
        return index, team

    def update_team(self, team_id: str, **changes: Any) -> Team:
        """Change fields of a team; returns the old record."""
        old = self._require(self._teams, team_id, "team")
        new = validate_team(replace_checked(old, changes))
        if new != old:
            self._teams[team_id] = new
            self.events.team_changed.emit(Changed(old, new, _changed_fields(old, new)))
            self.events.changed.emit(None)
        return old

    # ----------------------------------------------------------------- nodes

    def add_node(self, node: Node) -> Node:
        """Append `node`; returns it as stored."""
        return self.insert_node(len(self._nodes), node)

    def insert_node(self, index: int, node: Node) -> Node:
        """Insert `node` at `index` of the node order."""
        stored = self._put_node(index, node)
        self.events.node_added.emit(Added(self.node_index(stored.id), stored))
        self.events.changed.emit(None)
        return stored

    def remove_node(self, node_id: str) -> tuple[int, Node]:
        """Remove a node that no link touches; returns its index and record for undo."""
        node = self._require(self._nodes, node_id, "node")
        if self._links_at.get(node_id):
            raise ValidationError(
                "node", f"'{node.title}' still has links; remove them before the node"
            )
        index = self.node_index(node_id)
        del self._nodes[node_id]
        self._links_at.pop(node_id, None)
        self.events.node_removed.emit(Removed(index, node))
        self.events.changed.emit(None)
        return index, node

    def update_node(self, node_id: str, **changes: Any) -> Node:
        """Change fields of a node (not its id or kind); returns the old record."""
        old = self._require(self._nodes, node_id, "node")
        if "kind" in changes and changes["kind"] != old.kind:
            raise ValidationError("kind", "cannot be changed; add a new node instead")
        new = validate_node(replace_checked(old, changes))
        self._check_team_ref(new)
        if new != old:
            self._nodes[node_id] = new
            self.events.node_changed.emit(Changed(old, new, _changed_fields(old, new)))
            self.events.changed.emit(None)
        return old

    def move_node(self, node_id: str, pos: tuple[float, float] | None) -> Node:
        """Place a node at `pos` (None: let the layout place it); returns the old record."""
        return self.update_node(node_id, pos=check_pos(pos))

    # ----------------------------------------------------------------- links

    def add_link(self, link: Link) -> Link:
        """Append `link`; returns it as stored."""
        return self.insert_link(len(self._links), link)

    def insert_link(self, index: int, link: Link) -> Link:
        """Insert `link` at `index` of the link order."""
        stored = self._put_link(index, link)
        self.events.link_added.emit(Added(self.link_index(stored.id), stored))
        self.events.changed.emit(None)
        return stored

    def remove_link(self, link_id: str) -> tuple[int, Link]:
        """Remove a link; returns its index and record for undo."""
        link = self._require(self._links, link_id, "link")
        index = self.link_index(link_id)
        del self._links[link_id]
        del self._link_keys[link_key(link.kind, link.source, link.target)]
        for end in (link.source, link.target):
            self._links_at[end].pop(link_id, None)
        self.events.link_removed.emit(Removed(index, link))
        self.events.changed.emit(None)
        return index, link

    def update_link(self, link_id: str, **changes: Any) -> Link:
        """Change fields of a link (note, resolved, resolution…); returns the old record."""
        old = self._require(self._links, link_id, "link")
        new = self._checked_link(validate_link(replace_checked(old, changes)), replacing=old)
        if new != old:
            del self._link_keys[link_key(old.kind, old.source, old.target)]
            self._link_keys[link_key(new.kind, new.source, new.target)] = link_id
            for end in (old.source, old.target):
                self._links_at[end].pop(link_id, None)
            for end in (new.source, new.target):
                self._links_at.setdefault(end, {})[link_id] = None
            self._links[link_id] = new
            self.events.link_changed.emit(Changed(old, new, _changed_fields(old, new)))
            self.events.changed.emit(None)
        return old

    # ----------------------------------------------------------------- internals

    @staticmethod
    def _require(records: dict[str, R], key: str, what: str) -> R:
        try:
            return records[key]
        except (KeyError, TypeError):
            raise ValidationError(what, f"there is no {what} with id {key!r}") from None

    def _put_team(self, index: int, team: Team) -> Team:
        if not isinstance(team, Team):
            raise ValidationError("", f"must be a team (got {type(team).__name__})")
        team = validate_team(team)
        if team.id in self._teams:
            raise ValidationError("id", f"duplicate team id {team.id!r}")
        if len(self._teams) >= MAX_TEAMS:
            raise ValidationError("", f"a workshop holds at most {MAX_TEAMS:,} teams")
        self._teams = _insert(self._teams, index, team.id, team)
        return team

    def _check_team_ref(self, node: Node) -> None:
        if node.team is not None and node.team not in self._teams:
            raise ValidationError("team", f"refers to a team that does not exist ({node.team!r})")

    def _put_node(self, index: int, node: Node) -> Node:
        if not isinstance(node, Node):
            raise ValidationError("", f"must be a node (got {type(node).__name__})")
        node = validate_node(node)
        if node.id in self._nodes:
            raise ValidationError("id", f"duplicate node id {node.id!r}")
        self._check_team_ref(node)
        if len(self._nodes) >= MAX_NODES:
            raise ValidationError("", f"a workshop holds at most {MAX_NODES:,} nodes")
        self._nodes = _insert(self._nodes, index, node.id, node)
        return node

    def _checked_link(self, link: Link, replacing: Link | None) -> Link:
        if replacing is None and link.id in self._links:
            raise ValidationError("id", f"duplicate link id {link.id!r}")
        ends = []
        for field in ("source", "target"):
            node_id = getattr(link, field)
            if node_id not in self._nodes:
                raise ValidationError(field, f"refers to a node that does not exist ({node_id!r})")
            ends.append(self._nodes[node_id])
        source, target = ends
        if source.id == target.id:
            raise ValidationError("target", "a link cannot join a node to itself")
        if not link_allowed(link.kind, source.kind, target.kind):
            ends_text = " to ".join(
                f"{_article(label)} {label}"
                for label in (source.kind.label.lower(), target.kind.label.lower())
            )
            raise ValidationError(
                "kind", f"{_article(link.kind)} {link.kind} link cannot run from {ends_text}"
            )
        holder = self._link_keys.get(link_key(link.kind, link.source, link.target))
        if holder is not None and (replacing is None or holder != replacing.id):
            raise ValidationError(
                "target",
                f"{_article(link.kind)} {link.kind} link already joins these nodes ({holder!r})",
            )
        return link

    def _put_link(self, index: int, link: Link) -> Link:
        if not isinstance(link, Link):
            raise ValidationError("", f"must be a link (got {type(link).__name__})")
        link = self._checked_link(validate_link(link), replacing=None)
        if len(self._links) >= MAX_LINKS:
            raise ValidationError("", f"a workshop holds at most {MAX_LINKS:,} links")
        self._links = _insert(self._links, index, link.id, link)
        self._link_keys[link_key(link.kind, link.source, link.target)] = link.id
        for end in (link.source, link.target):
            self._links_at.setdefault(end, {})[link.id] = None
        return link


def _put_each(collection: str, records: Iterable[R], put: Callable[[int, R], R]) -> None:
    """Append `records` one by one; an error names the record as a file would place it."""
    for index, record in enumerate(records):
        try:
            put(index, record)
        except ValidationError as error:
            raise error.within(f"{collection}[{index}]") from None
