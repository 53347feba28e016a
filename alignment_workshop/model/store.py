"""The storage under a workshop: its records in order, the indexes behind fast lookups,
and the read API.

`Workshop` (workshop.py) builds its edit API on top. Nothing here validates or emits:
the store only keeps records and hands out copies or frozen records.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, Self

from .entities import Link, Meta, Node, Team
from .events import WorkshopEvents
from .kinds import LinkKind, NodeKind
from .rules import link_key


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


class RecordStore:
    """Metadata, teams, nodes and links, each in their order, with their lookups."""

    def __init__(self, meta: Meta) -> None:
        self.events = WorkshopEvents()
        self._meta = meta
        self._teams: dict[str, Team] = {}
        self._nodes: dict[str, Node] = {}
        self._links: dict[str, Link] = {}
        #: The link holding each (kind, source, target) key: the no-duplicates index.
        self._link_keys: dict[tuple[str, str, str], str] = {}
        #: The ids of the links touching each node, in the order they were attached.
        self._links_at: dict[str, dict[str, None]] = {}

    def copy(self) -> Self:
        """An equal workshop with no subscribers; records are immutable, so none is copied."""
        twin = type(self).__new__(type(self))
        RecordStore.__init__(twin, self._meta)
        twin._teams, twin._nodes, twin._links = (
            dict(self._teams),
            dict(self._nodes),
            dict(self._links),
        )
        twin._link_keys = dict(self._link_keys)
        twin._links_at = {node: dict(ids) for node, ids in self._links_at.items()}
        return twin

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RecordStore):
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

    def team_references(self, team_id: str) -> list[Node]:
        """The nodes that name `team_id` as their team or as a contributor, in node order."""
        return [n for n in self._nodes.values() if n.team == team_id or team_id in n.contributors]

    def find_link(self, kind: LinkKind, source: str, target: str) -> Link | None:
        """The link of `kind` between the two nodes (either way round for conflicts)."""
        link_id = self._link_keys.get(link_key(kind, source, target))
        return None if link_id is None else self._links[link_id]

    # ----------------------------------------------------------------- storing

    def _store_team(self, index: int, team: Team) -> Team:
        self._teams = _insert(self._teams, index, team.id, team)
        return team

    def _store_node(self, index: int, node: Node) -> Node:
        self._nodes = _insert(self._nodes, index, node.id, node)
        return node

    def _store_link(self, index: int, link: Link) -> Link:
        self._links = _insert(self._links, index, link.id, link)
        self._index_link(link)
        return link

    def _index_link(self, link: Link) -> None:
        self._link_keys[link_key(link.kind, link.source, link.target)] = link.id
        for end in (link.source, link.target):
            self._links_at.setdefault(end, {})[link.id] = None

    def _unindex_link(self, link: Link) -> None:
        del self._link_keys[link_key(link.kind, link.source, link.target)]
        for end in (link.source, link.target):
            self._links_at[end].pop(link.id, None)

    def _drop_team(self, team_id: str) -> None:
        del self._teams[team_id]

    def _drop_node(self, node_id: str) -> None:
        del self._nodes[node_id]
        self._links_at.pop(node_id, None)

    def _drop_link(self, link: Link) -> None:
        del self._links[link.id]
        self._unindex_link(link)
