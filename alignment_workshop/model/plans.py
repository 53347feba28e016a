"""The plans of the workshop's edits: each checks one edit against the whole workshop
and returns what applying it would store, or raises `ValidationError`, changing nothing.

`Workshop` (workshop.py) applies a plan only after it passed, and its `check_*` dry
runs run the same plans without applying them. Each plan validates the record itself
with the rules of the file format (validation.py), then what depends on the rest of the
workshop: ids free or existing, teams named, links allowed between their ends and not
doubled, a key result measuring one node, and the limits on how many records there are.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from ..i18n import N_, _, grouped, pgettext
from .entities import Link, Meta, Node, Team
from .errors import ValidationError
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


class EditPlans(RecordStore):
    """The records, and a plan for each kind of edit (see the module docstring)."""

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
