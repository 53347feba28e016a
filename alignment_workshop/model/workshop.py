"""The workshop: its records, and the one edit API that changes them.

Every edit plans its change first: it validates what it is given with the rules of the
file format and raises `ValidationError` before touching anything. Then it applies the
plan and emits one fine-grained event and `changed`. The `check_*` dry runs run the same
plans without applying them, so the GUI asks the model whether an edit would pass
instead of keeping its own copy of the rules. Readers get copies or frozen records (see
`store.py`), so the only way to change a workshop is through these methods.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from ..i18n import N_, _, grouped, pgettext
from .entities import Link, Meta, Node, Position, Team
from .errors import ValidationError
from .events import Added, Changed, Event, Removed
from .kinds import LinkKind, NodeKind
from .rules import (
    MAX_LINKS,
    MAX_NODES,
    MAX_TEAMS,
    SINGLE_SOURCE_LINKS,
    link_allowed,
    link_key,
)
from .store import RecordStore
from .validation import (
    check_pos,
    replace_checked,
    validate_link,
    validate_meta,
    validate_node,
    validate_team,
)

T = TypeVar("T")
R = TypeVar("R")


#: A link of each kind, as a refusal names it ("a supports link").
_A_LINK = {
    LinkKind.SUPPORTS: N_("a supports link"),
    LinkKind.UPHOLDS: N_("an upholds link"),
    LinkKind.CONFLICTS: N_("a conflicts link"),
    LinkKind.DEPENDS: N_("a depends link"),
    LinkKind.MEASURES: N_("a measures link"),
}


def _a_node(kind: NodeKind) -> str:
    """A card of `kind` at one end of a link ("from a team goal to a value"), in the
    context "link end", for languages whose articles change after "from" and "to"."""
    if kind is NodeKind.VISION:
        return pgettext("link end", "a vision")
    if kind is NodeKind.VALUE:
        return pgettext("link end", "a value")
    if kind is NodeKind.OBJECTIVE:
        return pgettext("link end", "an objective")
    if kind is NodeKind.GOAL:
        return pgettext("link end", "a team goal")
    return pgettext("link end", "a key result")


def _position(index: int, count: int) -> int:
    """Where a record inserted at `index` of `count` records lands (the store's rule)."""
    return min(max(index, 0), count)


def _changed_fields(old: Any, new: Any) -> frozenset[str]:
    return frozenset(name for name in old.__slots__ if getattr(old, name) != getattr(new, name))


class Workshop(RecordStore):
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

    # ----------------------------------------------------------------- plans

    @staticmethod
    def _require(records: dict[str, R], key: str, what: str) -> R:
        try:
            return records[key]
        except (KeyError, TypeError):
            raise ValidationError(
                what, _("there is no {what} with id {key!r}").format(what=what, key=key)
            ) from None

    def _plan_update_meta(self, changes: dict[str, Any]) -> Meta:
        return validate_meta(replace_checked(self._meta, changes))

    def _plan_add_team(self, team: object) -> Team:
        if not isinstance(team, Team):
            raise ValidationError(
                "", _("must be a team (got {name})").format(name=type(team).__name__)
            )
        team = validate_team(team)
        if team.id in self._teams:
            raise ValidationError("id", _("duplicate team id {id!r}").format(id=team.id))
        if len(self._teams) >= MAX_TEAMS:
            raise ValidationError(
                "",
                _("a workshop holds at most {MAX_TEAMS} teams").format(
                    MAX_TEAMS=grouped(MAX_TEAMS)
                ),
            )
        return team

    def _plan_update_team(self, team_id: str, changes: dict[str, Any]) -> tuple[Team, Team]:
        old = self._require(self._teams, team_id, "team")
        return old, validate_team(replace_checked(old, changes))

    def _plan_remove_team(self, team_id: str) -> Team:
        team = self._require(self._teams, team_id, "team")
        cards = self.team_references(team_id)
        if cards:
            raise ValidationError(
                "team",
                _(
                    "'{name}' still has {count} goal(s) or key result(s) that name it; move them "
                    "or leave them without this team first"
                ).format(name=team.name, count=len(cards)),
            )
        return team

    def _plan_add_node(self, node: object) -> Node:
        if not isinstance(node, Node):
            raise ValidationError(
                "", _("must be a node (got {name})").format(name=type(node).__name__)
            )
        node = validate_node(node)
        if node.id in self._nodes:
            raise ValidationError("id", _("duplicate node id {id!r}").format(id=node.id))
        self._check_node_refs(node)
        if len(self._nodes) >= MAX_NODES:
            raise ValidationError(
                "",
                _("a workshop holds at most {MAX_NODES} nodes").format(
                    MAX_NODES=grouped(MAX_NODES)
                ),
            )
        return node

    def _plan_update_node(self, node_id: str, changes: dict[str, Any]) -> tuple[Node, Node]:
        old = self._require(self._nodes, node_id, "node")
        if "kind" in changes and changes["kind"] != old.kind:
            raise ValidationError("kind", _("cannot be changed; add a new node instead"))
        new = validate_node(replace_checked(old, changes))
        self._check_node_refs(new)
        return old, new

    def _plan_move_node(self, node_id: str, pos: object) -> tuple[Node, Node]:
        # Only the position changes, and the stored record is valid: checking the new
        # position is checking the whole record (a layout moves thousands at once).
        old = self._require(self._nodes, node_id, "node")
        return old, dataclasses.replace(old, pos=check_pos(pos))

    def _plan_remove_node(self, node_id: str) -> Node:
        node = self._require(self._nodes, node_id, "node")
        if self._links_at.get(node_id):
            raise ValidationError(
                "node",
                _("'{title}' still has links; remove them before the node").format(
                    title=node.title
                ),
            )
        return node

    def _check_node_refs(self, node: Node) -> None:
        """Refuse a node that names a team (its own or a contributor) that does not exist."""
        if node.team is not None and node.team not in self._teams:
            raise ValidationError(
                "team", _("refers to a team that does not exist ({team!r})").format(team=node.team)
            )
        for i, team_id in enumerate(node.contributors):
            if team_id not in self._teams:
                raise ValidationError(
                    f"contributors[{i}]",
                    _("refers to a team that does not exist ({team_id!r})").format(team_id=team_id),
                )

    def _plan_add_link(self, link: object) -> Link:
        if not isinstance(link, Link):
            raise ValidationError(
                "", _("must be a link (got {name})").format(name=type(link).__name__)
            )
        link = self._check_link_ends(validate_link(link), replacing=None)
        if len(self._links) >= MAX_LINKS:
            raise ValidationError(
                "",
                _("a workshop holds at most {MAX_LINKS} links").format(
                    MAX_LINKS=grouped(MAX_LINKS)
                ),
            )
        return link

    def _plan_update_link(self, link_id: str, changes: dict[str, Any]) -> tuple[Link, Link]:
        old = self._require(self._links, link_id, "link")
        return old, self._check_link_ends(validate_link(replace_checked(old, changes)), old)

    def _plan_remove_link(self, link_id: str) -> Link:
        return self._require(self._links, link_id, "link")

    def _check_link_ends(self, link: Link, replacing: Link | None) -> Link:
        if replacing is None and link.id in self._links:
            raise ValidationError("id", _("duplicate link id {id!r}").format(id=link.id))
        ends = []
        for field in ("source", "target"):
            node_id = getattr(link, field)
            if node_id not in self._nodes:
                raise ValidationError(
                    field,
                    _("refers to a node that does not exist ({node_id!r})").format(node_id=node_id),
                )
            ends.append(self._nodes[node_id])
        source, target = ends
        if source.id == target.id:
            raise ValidationError("target", _("a link cannot join a node to itself"))
        if not link_allowed(link.kind, source.kind, target.kind):
            message = _("{link} cannot run from {source} to {target}").format(
                link=_(_A_LINK[link.kind]),
                source=_a_node(source.kind),
                target=_a_node(target.kind),
            )
            raise ValidationError("kind", message)
        holder = self._link_keys.get(link_key(link.kind, link.source, link.target))
        if holder is not None and (replacing is None or holder != replacing.id):
            message = _("{link} already joins these nodes ({holder})").format(
                link=_(_A_LINK[link.kind]), holder=repr(holder)
            )
            raise ValidationError("target", message)
        if link.kind in SINGLE_SOURCE_LINKS:
            self._check_single_source(link, source, replacing)
        return link

    def _check_single_source(self, link: Link, source: Node, replacing: Link | None) -> None:
        """A key result measures one node: refuse a second `measures` link from it."""
        for other_id in self._links_at.get(link.source, {}):
            other = self._links[other_id]
            if (
                other.kind is link.kind
                and other.source == link.source
                and (replacing is None or other.id != replacing.id)
            ):
                message = _(
                    "a key result measures one node only, and this one already measures "
                    "{target} ({link})"
                ).format(target=repr(other.target), link=repr(other.id))
                raise ValidationError("source", message)

    # ----------------------------------------------------------------- applying plans

    def _emit(self, channel: Event[T], payload: T) -> None:
        channel.emit(payload)
        self.events.changed.emit(None)

    def _replace_node(self, old: Node, new: Node) -> Node:
        if new != old:
            self._nodes[old.id] = new
            self._emit(self.events.node_changed, Changed(old, new, _changed_fields(old, new)))
        return old
