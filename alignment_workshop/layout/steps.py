"""The presentation's steps: which cards the room sees together, and where, at what size.

`step_plan(workshop, findings, measure)` is the one drawing plan that presentation mode
and the slides share. Units are pixels of a page 1080 high (`PAGE_HEIGHT`); the screen
scales the page to its height and the slides are 1920 × 1080 points. Every title is
wrapped whole, never cut, in text `TITLE_PX` tall: 30 of 1080, 2.8 % of the height, so at
least 28 px on a 1080p screen. When the whole map fits on one page at that size it is a
single step, the objectives side by side with their key results and team goals under
them. Otherwise the map becomes a sequence of steps:

1. the overview: the vision, the objectives and the values;
2. one step per objective: its key results, the team goals that serve it (directly or
   through other goals) and their teams;
3. the cards that serve no objective yet (only when there are some);
4. the open findings (errors and warnings, only when there are some).

A step that overflows its page continues on the next one ("(2/3)"). Text is measured by
the caller's `measure(text, pixels, bold)` (Qt's font metrics on screen, reportlab's
`stringWidth` in the slides), so this module stays free of both. The top and bottom
bands of each page (`TOP_BAND`, `BOTTOM_BAND`) hold no card: they are where the screen
shows the score, step counter, timer and Why sentence, and where a slide has its heading
and footer.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

from alignment_workshop.analysis.findings import Finding, Severity
from alignment_workshop.model import LinkKind, Node, NodeKind, Workshop

from .step_parts import (
    BOTTOM_BAND,
    GAP,
    GRID,
    HEADING_PX,
    LINE,
    NARROWEST,
    PAD,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    ROW_GAP,
    SECTION_GAP,
    SIDE,
    TEAM_STRIP,
    TITLE_PX,
    TOP_BAND,
    WIDE,
    Box,
    Label,
    Measure,
    Step,
    StepPlan,
    team_band,
    wrap,
)

__all__ = [
    "BOTTOM_BAND",
    "HEADING_PX",
    "LINE",
    "PAD",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "SIDE",
    "TEAM_STRIP",
    "TITLE_PX",
    "TOP_BAND",
    "Box",
    "Label",
    "Measure",
    "Step",
    "StepPlan",
    "open_findings",
    "step_plan",
    "wrap",
]


class _Cards:
    """Cards measured once: the wrapped lines and height of a node at a width."""

    def __init__(self, workshop: Workshop, measure: Measure) -> None:
        self.workshop, self.measure = workshop, measure
        self._lines: dict[tuple[str, float], tuple[str, ...]] = {}
        self._boxes: dict[tuple[str, float], Box] = {}

    def lines(self, node: Node, width: float) -> tuple[str, ...]:
        key = (node.id, width)
        if key not in self._lines:
            bold = node.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
            text = wrap(node.title, self.measure, TITLE_PX, width - 2 * PAD, bold)
            self._lines[key] = tuple(text)
        return self._lines[key]

    def box(self, node: Node, width: float) -> Box:
        """`node`'s card `width` wide, at (0, 0): measured once per width."""
        key = (node.id, width)
        if key not in self._boxes:
            self._boxes[key] = self._measure_box(node, width)
        return self._boxes[key]

    def _measure_box(self, node: Node, width: float) -> Box:
        lines = self.lines(node, width)
        has = node.team is not None and self.workshop.has_team(node.team)
        team = self.workshop.team(node.team) if has and node.team else None
        name = team.name if team else ("No team" if node.kind is NodeKind.GOAL else "")
        team_lines: tuple[str, ...] = ()
        band = 0.0
        if node.kind is NodeKind.GOAL:
            team_lines = tuple(wrap(name, self.measure, TITLE_PX, width - 2 * PAD, True))
            band = team_band(len(team_lines))
        height = 2 * PAD + band + len(lines) * TITLE_PX * LINE
        color = team.color if team else ""
        return Box(node.id, node.kind, 0.0, 0.0, width, height, lines, name, color, team_lines)

    def longest_word(self, node: Node) -> float:
        """The width of the widest word of `node`'s title (no column should split it)."""
        bold = node.kind in (NodeKind.VISION, NodeKind.OBJECTIVE)
        return max((self.measure(w, TITLE_PX, bold) for w in node.title.split()), default=0.0)

    def label(self, text: str, width: float, bold: bool = True) -> Label:
        lines = wrap(text, self.measure, TITLE_PX, width, bold)
        return Label(0.0, 0.0, width, tuple(lines), bold)


# ---------------------------------------------------------------------- the map's shape


@dataclass
class _Map:
    """The active cards of a workshop, grouped the way the steps show them."""

    visions: list[Node]
    objectives: list[Node]
    values: list[Node]
    goals_of: dict[str, list[Node]]
    results_of: dict[str, list[Node]]
    unlinked: list[Node] = field(default_factory=list)


def _order(nodes: Iterable[Node], rank: dict[str, int]) -> list[Node]:
    """Left to right as on the map, then top to bottom, then in file order (`rank`):
    the same order in every process, whatever order `nodes` came in."""

    def key(node: Node) -> tuple[float, float, int]:
        x, y = node.pos if node.pos else (0.0, 0.0)
        return (x, y, rank[node.id])

    return sorted(nodes, key=key)


def _map(workshop: Workshop) -> _Map:
    active = [node for node in workshop.iter_nodes() if node.is_active]
    rank = {node.id: i for i, node in enumerate(active)}
    by_kind = {kind: _order((n for n in active if n.kind is kind), rank) for kind in NodeKind}
    ids = {node.id for node in active}
    supports: dict[str, set[str]] = {}
    measures: dict[str, list[str]] = {}
    for link in workshop.iter_links():
        if link.source in ids and link.target in ids:
            if link.kind is LinkKind.SUPPORTS:
                supports.setdefault(link.target, set()).add(link.source)
            elif link.kind is LinkKind.MEASURES:
                measures.setdefault(link.target, []).append(link.source)
    goals = {node.id: node for node in by_kind[NodeKind.GOAL]}
    results = {node.id: node for node in by_kind[NodeKind.KEY_RESULT]}
    shape = _Map(
        by_kind[NodeKind.VISION], by_kind[NodeKind.OBJECTIVE], by_kind[NodeKind.VALUE], {}, {}
    )
    placed: set[str] = set()
    for objective in shape.objectives:
        serving = _serving_goals(objective.id, supports, goals)
        shape.goals_of[objective.id] = _order((goals[g] for g in serving), rank)
        measured = [objective.id, *(g.id for g in shape.goals_of[objective.id])]
        chips = [
            results[r] for target in measured for r in measures.get(target, ()) if r in results
        ]
        shape.results_of[objective.id] = list(dict.fromkeys(chips))
        placed |= serving | {r.id for r in chips}
    left_goals = [g for g in goals.values() if g.id not in placed]
    left_ids = {g.id for g in left_goals}
    chips = [r for r in results.values() if r.id not in placed]
    chips.sort(key=lambda r: 0 if _measured(r.id, measures, left_ids) else 1)
    shape.unlinked = _order(left_goals, rank) + chips
    return shape


def _measured(result_id: str, measures: dict[str, list[str]], targets: set[str]) -> bool:
    return any(result_id in measures.get(target, ()) for target in targets)


def _serving_goals(target: str, supports: dict[str, set[str]], goals: dict[str, Node]) -> set[str]:
    """The goals whose supports links lead to `target`, directly or through goals."""
    found: set[str] = set()
    todo = [target]
    while todo:
        for source in supports.get(todo.pop(), ()):
            if source in goals and source not in found:
                found.add(source)
                todo.append(source)
    return found


# ---------------------------------------------------------------------- packing pages


@dataclass
class _Section:
    """A heading (or none) and cards laid out in a grid of `width`-wide columns."""

    heading: str
    nodes: list[Node]
    width: float


class _Pages:
    """Fills pages of one step from the top, starting a new page when one is full."""

    def __init__(self, cards: _Cards, page_width: float, page_height: float) -> None:
        self.cards = cards
        self.left, self.right = SIDE, page_width - SIDE
        self.top, self.bottom = TOP_BAND, page_height - BOTTOM_BAND
        self.pages: list[tuple[list[Box], list[Label]]] = []
        self._new_page()

    def _new_page(self) -> None:
        self.pages.append(([], []))
        self.y = self.top

    def _full(self, height: float) -> bool:
        """Whether `height` more no longer fits on this page (an empty page takes anything)."""
        boxes, labels = self.pages[-1]
        return self.y + height > self.bottom and bool(boxes or labels)

    def _room(self, height: float) -> None:
        """Start a new page unless `height` still fits on this one."""
        if self._full(height):
            self._new_page()

    def heading(self, text: str, follow: float) -> None:
        """A section heading, kept with at least `follow` of what comes under it."""
        label = self.cards.label(text, self.right - self.left)
        self._room(label.height + follow)
        self.pages[-1][1].append(_moved(label, self.left, self.y))
        self.y += label.height + 6

    def label(self, label: Label) -> None:
        self._room(label.height)
        self.pages[-1][1].append(_moved(label, self.left, self.y))
        self.y += label.height + 10

    def section(self, section: _Section) -> None:
        columns, width = self._columns(section)
        rows = [section.nodes[i : i + columns] for i in range(0, len(section.nodes), columns)]
        for index, row in enumerate(rows):
            boxes = [self.cards.box(node, width) for node in row]
            height = max(box.height for box in boxes)
            if index == 0 and section.heading:
                self.heading(section.heading, height)
            elif self._full(height) and section.heading:  # the rest on a new page
                self._new_page()
                self.heading(f"{section.heading} (continued)", height)
            self._room(height)
            used = len(row) * width + (len(row) - 1) * GAP
            x = self.left + (self.right - self.left - used) / 2
            for box in boxes:
                self.pages[-1][0].append(_at(box, x, self.y))
                x += width + GAP
            self.y += height + ROW_GAP
        self.y += SECTION_GAP

    def _columns(self, section: _Section) -> tuple[int, float]:
        """How many columns, how wide (at most `section.width`), make the section least
        tall; of equal heights, the fewest columns."""
        inner = self.right - self.left
        nodes = section.nodes
        best: tuple[float, int, float] = (float("inf"), 1, min(section.width, inner))
        longest = max((self.cards.longest_word(n) for n in nodes), default=0.0) + 2 * PAD
        for count in range(1, len(nodes) + 1):
            width = min(section.width, (inner - (count - 1) * GAP) / count)
            if (width < NARROWEST or width < longest) and count > 1:
                break
            rows = [nodes[i : i + count] for i in range(0, len(nodes), count)]
            height = sum(
                max(self.cards.box(n, width).height for n in row) + ROW_GAP for row in rows
            )
            if height < best[0] - 1:
                best = (height, count, width)
        return best[1], best[2]

    def steps(self, key: str, title: str) -> list[Step]:
        filled = [page for page in self.pages if page[0] or page[1]] or [([], [])]
        count = len(filled)
        return [
            Step(
                key if count == 1 else f"{key}#{n + 1}",
                title if count == 1 else f"{title} ({n + 1}/{count})",
                tuple(boxes),
                tuple(labels),
            )
            for n, (boxes, labels) in enumerate(filled)
        ]


def _at(box: Box, x: float, y: float) -> Box:
    return replace(box, x=x, y=y)


def _moved(label: Label, x: float, y: float) -> Label:
    return replace(label, x=x, y=y)


# ---------------------------------------------------------------------- the steps


def step_plan(
    workshop: Workshop,
    findings: Sequence[Finding],
    measure: Measure,
    width: float = PAGE_WIDTH,
    height: float = PAGE_HEIGHT,
) -> StepPlan:
    """The steps of the presentation of `workshop` on a page of `width` × `height`."""
    cards = _Cards(workshop, measure)
    shape = _map(workshop)
    whole = _whole_map(shape, cards, width, height)
    steps = [whole] if whole is not None else _map_steps(shape, cards, width, height)
    steps += _findings_steps(workshop, findings, cards, width, height)
    return StepPlan(tuple(steps), width, height)


def _map_steps(shape: _Map, cards: _Cards, width: float, height: float) -> list[Step]:
    pages = _Pages(cards, width, height)
    pages.section(_Section("", shape.visions, WIDE))
    pages.section(_Section("Objectives", shape.objectives, GRID))
    pages.section(_Section("Values", shape.values, GRID))
    steps = pages.steps("overview", "Vision, objectives and values")
    for number, objective in enumerate(shape.objectives, 1):
        pages = _Pages(cards, width, height)
        pages.section(_Section("", [objective], WIDE))
        pages.section(_Section("Key results", shape.results_of[objective.id], GRID))
        pages.section(_Section("Team goals that serve it", shape.goals_of[objective.id], GRID))
        title = f"Objective {number} of {len(shape.objectives)}"
        steps += pages.steps(f"objective:{objective.id}", title)
    if shape.unlinked:
        pages = _Pages(cards, width, height)
        pages.section(_Section("", shape.unlinked, GRID))
        steps += pages.steps("unlinked", "Not yet serving an objective")
    return steps


def _whole_map(shape: _Map, cards: _Cards, width: float, height: float) -> Step | None:
    """All cards on one page, each objective a column over its results and goals; None
    when they do not fit at full title size."""
    columns = [[o, *shape.results_of[o.id], *shape.goals_of[o.id]] for o in shape.objectives]
    if shape.unlinked:
        columns.append(shape.unlinked)
    inner = width - 2 * SIDE
    count = max(1, len(columns))
    column = (inner - (count - 1) * GAP) / count
    shown = [node.id for nodes in columns for node in nodes]
    if column < NARROWEST or len(set(shown)) != len(shown):
        return None  # too narrow, or a card serving two objectives: one step each
    boxes: list[Box] = []
    y = TOP_BAND
    for vision in shape.visions:
        box = cards.box(vision, min(WIDE, inner))
        boxes.append(_at(box, (width - box.width) / 2, y))
        y += box.height + GAP
    bottom = y
    for index, nodes in enumerate(columns):
        x, cy = SIDE + index * (column + GAP), y
        for node in nodes:
            box = cards.box(node, column)
            boxes.append(_at(box, x, cy))
            cy += box.height + ROW_GAP  # room for its votes pill and the next card's marks
        bottom = max(bottom, cy)
    y = bottom + GAP / 2
    values = [cards.box(v, min(GRID * 0.75, inner)) for v in shape.values]
    x, row_height = SIDE, 0.0
    for box in values:
        if x + box.width > width - SIDE:
            x, y, row_height = SIDE, y + row_height + GAP, 0.0
        boxes.append(_at(box, x, y))
        x, row_height = x + box.width + GAP, max(row_height, box.height)
    if y + row_height > height - BOTTOM_BAND:
        return None
    return Step("map", "The map", tuple(boxes))


def open_findings(findings: Iterable[Finding]) -> list[Finding]:
    """The errors, then the warnings: what the findings step lists."""
    shown = [f for f in findings if f.severity in (Severity.ERROR, Severity.WARNING)]
    return sorted(shown, key=lambda f: f.severity.rank)


def _findings_steps(
    workshop: Workshop, findings: Sequence[Finding], cards: _Cards, width: float, height: float
) -> list[Step]:
    shown = open_findings(findings)
    if not shown:
        return []
    pages = _Pages(cards, width, height)
    for finding in shown:
        mark = "■ Error" if finding.severity is Severity.ERROR else "▲ Warning"
        label = cards.label(f"{mark}: {finding.message}", width - 2 * SIDE, bold=False)
        pages.label(Label(0, 0, label.width, label.lines, False, finding.severity))
    return pages.steps("findings", "Open findings")
