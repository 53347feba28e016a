"""Links from the link columns of the cards, with the details a Links sheet adds.

A reference in a link column is a card id, or else a card's exact title (an error when
several cards share it). The Links sheet, when there is one, gives the link of the same
kind and ends its id, note and resolution; a row of it that no card lists is an error,
so that the Cards sheet alone says which links exist. In a key result's `supports`
column ("Parent"), a reference becomes a `measures` link, the only kind a key result
may have towards an objective or goal.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from alignment_workshop.model import Link, LinkKind, NodeKind, Workshop, link_allowed
from alignment_workshop.model.rules import link_key

from .cells import parse_bool
from .columns import LINK_COLUMNS, normalise
from .problems import Problems
from .tables import Row, Table

Key = tuple[str, str, str]


@dataclass(slots=True)
class Detail:
    """What a Links sheet row says about one link, and where it is."""

    row: Row
    link_id: str
    note: str
    resolved: bool
    resolution: str
    used: bool = False


class CardFinder:
    """Finds the card a reference names: by id, else by exact (then trimmed) title."""

    def __init__(self, workshop: Workshop) -> None:
        self.workshop = workshop
        self.titles: dict[str, list[str]] = defaultdict(list)
        self.trimmed: dict[str, list[str]] = defaultdict(list)
        for node in workshop.iter_nodes():
            self.titles[node.title].append(node.id)
            self.trimmed[normalise(node.title)].append(node.id)

    def find(self, ref: str) -> str:
        """The id of the card `ref` names; raises ValueError when none or several do."""
        if self.workshop.has_node(ref):
            return ref
        found = self.titles.get(ref) or self.trimmed.get(normalise(ref)) or []
        if len(found) == 1:
            return found[0]
        if found:
            raise ValueError(f"{len(found)} cards have the title {ref!r}; use the card's id")
        shown = ref if len(ref) <= 60 else ref[:59] + "…"
        raise ValueError(f"refers to no card: no id or title is {shown!r}")


def link_kind_for(column: str, source: NodeKind, target: NodeKind) -> LinkKind:
    """The link a column makes: `supports` from a key result is read as `measures`."""
    kind = LINK_COLUMNS[column]
    if (
        kind is LinkKind.SUPPORTS
        and not link_allowed(kind, source, target)
        and link_allowed(LinkKind.MEASURES, source, target)
    ):
        return LinkKind.MEASURES
    return kind


def read_details(table: Table, finder: CardFinder, problems: Problems) -> dict[Key, Detail]:
    """The Links sheet by link kind and ends."""
    details: dict[Key, Detail] = {}
    for row in table.rows:
        if not any(v.strip() for v in row.values.values()):
            continue
        try:
            kind = LinkKind(row.get("kind").strip().casefold())
        except ValueError:
            kinds = ", ".join(k.value for k in LinkKind)
            problems.add(table, row, "kind", f"must be one of {kinds} (got {row.get('kind')!r})")
            continue
        ends = []
        for column in ("source", "target"):
            try:
                ends.append(finder.find(row.get(column).strip()))
            except ValueError as error:
                problems.add(table, row, column, str(error))
        try:
            resolved = parse_bool(row.get("resolved"))
        except ValueError as error:
            problems.add(table, row, "resolved", str(error))
            continue
        if len(ends) < 2:
            continue
        nodes = finder.workshop
        kind = link_kind_for(kind.value, nodes.node(ends[0]).kind, nodes.node(ends[1]).kind)
        key = link_key(kind, ends[0], ends[1])
        if key in details:
            first = details[key].row.number
            problems.add(table, row, None, f"this link is also on row {first}")
            continue
        details[key] = Detail(
            row, row.get("id").strip(), row.get("note"), resolved, row.get("resolution")
        )
    return details


class LinkIds:
    """Ids for links the source gives none: link-1, link-2… never one already used."""

    def __init__(self, workshop: Workshop, details: dict[Key, Detail]) -> None:
        self.taken = {link.id for link in workshop.iter_links()}
        self.taken.update(d.link_id for d in details.values() if d.link_id)
        self._count = 0

    def next(self) -> str:
        """A fresh link id."""
        while True:
            self._count += 1
            candidate = f"link-{self._count}"
            if candidate not in self.taken:
                self.taken.add(candidate)
                return candidate


def make_link(
    kind: LinkKind, source: str, target: str, detail: Detail | None, ids: LinkIds
) -> Link:
    """The link record, with the Links sheet's details when it has a row for it."""
    if detail is None:
        return Link(ids.next(), kind, source, target)
    detail.used = True
    return Link(
        detail.link_id or ids.next(), kind, source, target,
        detail.note, detail.resolved, detail.resolution,
    )  # fmt: skip
