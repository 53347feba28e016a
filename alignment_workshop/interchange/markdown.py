"""Markdown outlines in: a handbook's OKR page as objectives, teams, goals and key results.

The convention, read with a CommonMark parser (markdown-it-py), never with patterns:

- the first `# Heading` is the workshop's title (else the file's name);
- each `## Section` named Company, Company-wide, Organisation, Organization or Objectives
  (any case; `objectives_section` names another instead) holds objectives; every other
  `##` section is a team, named by its heading; lists before the first section hold
  objectives too;
- first-level list items (numbered or bulleted) are objectives in an objectives section
  and team goals in a team section; items nested under them are key results that measure
  them; deeper items go into that key result's description, as an indented list;
- a list item's first paragraph is its title (up to a hard line break; a title longer
  than 200 characters is cut at a word, and the whole text kept in the description);
  its later paragraphs go into its description;
- inline Markdown (emphasis, links, reference-style links, inline HTML such as `<sub>`)
  becomes its plain text; paragraphs, quotes, code and deeper headings (`###`) outside
  the lists go into the workshop's notes. A YAML front matter block is skipped.

The outline becomes the same tables a spreadsheet gives, with line numbers for rows, so
that `build` checks it exactly as it checks a spreadsheet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any, Final

from alignment_workshop.i18n import _
from alignment_workshop.model.rules import TEXT_LIMITS

from .build_teams import TEAM_PALETTE, slug, unique_id
from .columns import normalise
from .errors import InterchangeError
from .tables import Row, Table, Tables

#: The section names that hold objectives, compared case-insensitively.
OBJECTIVE_SECTIONS: Final = frozenset(
    normalise(name)
    for name in ("Company", "Company-wide", "Organisation", "Organization", "Objectives")
)
_TITLE_MAX: Final = TEXT_LIMITS["node.title"]


@dataclass(slots=True)
class _Card:
    """A card an item makes; its row is built at the end, when its text is complete."""

    line: int
    values: dict[str, str]
    title: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    has_title: bool = False
    #: Whether the last part of the description is a list of deeper items, to extend.
    in_list: bool = False

    def add(self, text: str, *, list_line: bool = False) -> None:
        """Add a paragraph to the description, or a line to its list of deeper items."""
        if list_line and self.in_list:
            self.description[-1] += "\n" + text
        else:
            self.description.append(text)
        self.in_list = list_line

    def row(self) -> Row:
        title, rest = _title_and_rest(" ".join(self.title).strip())
        values = dict(self.values, title=title)
        values["description"] = "\n\n".join(part for part in (rest, *self.description) if part)
        return Row(self.line, values)


@dataclass(slots=True)
class _Item:
    """A list item being read: its depth, its card (or the card its text goes into)."""

    depth: int
    card: _Card
    owns_card: bool
    level: int
    paragraphs: int = 0


class _TextOfHtml(HTMLParser):
    """The text of an HTML block, its tags dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_text(html: str) -> str:
    """The plain text of an HTML fragment, white space collapsed."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    return " ".join("".join(parser.parts).split())


def inline_text(token: Any) -> str:
    """The plain text of an inline token: markup dropped, a hard break kept as a newline."""
    parts: list[str] = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        elif child.type == "image":
            parts.append(child.content)
    lines = "".join(parts).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines).strip()


def _title_and_rest(text: str) -> tuple[str, str]:
    """An item's title (its first line, cut at a word if too long) and the rest of its text."""
    first, _sep, rest = text.partition("\n")
    if len(first) <= _TITLE_MAX:
        return first, rest.strip()
    cut = first[: _TITLE_MAX - 1].rsplit(" ", 1)[0].rstrip(" ,;:")
    return cut + "…", f"{first}\n{rest}".strip()


class _Outline:
    """Walks the token stream once, building teams, cards and notes."""

    def __init__(self, objectives_section: str | None) -> None:
        names = {normalise(objectives_section)} if objectives_section else OBJECTIVE_SECTIONS
        self.objective_names = names
        self.title: tuple[int, str] | None = None
        self.notes: list[str] = []
        self.team: str | None = None
        self.section: tuple[int, str] | None = None
        self.teams: list[Row] = []
        self.cards: list[_Card] = []
        self.items: list[_Item] = []
        self.depth = 0
        self.taken_teams: set[str] = set()
        self.counts: dict[str, int] = {}

    # ---------------------------------------------------------------- cards

    def _new_id(self, prefix: str) -> str:
        self.counts[prefix] = self.counts.get(prefix, 0) + 1
        return f"{prefix}-{self.counts[prefix]}"

    def _team_id(self) -> str | None:
        """The current section's team, made when its first goal appears; None for objectives."""
        if self.section is None:
            return None
        line, name = self.section
        if normalise(name.rstrip(": ")) in self.objective_names:
            return None
        if self.team is None:
            self.team = unique_id(slug(name, "team"), self.taken_teams)
            color = TEAM_PALETTE[len(self.teams) % len(TEAM_PALETTE)]
            self.teams.append(Row(line, {"id": self.team, "name": name, "color": color}))
        return self.team

    def open_item(self, line: int, level: int) -> None:
        parent = next((i for i in reversed(self.items) if i.owns_card), None)
        if self.depth == 1:
            team = self._team_id()
            kind = "objective" if team is None else "goal"
            values = {"id": self._new_id(kind), "kind": kind, "team": team or ""}
        elif self.depth == 2 and parent is not None:
            team = self._team_id() or ""
            values = {"id": self._new_id("kr"), "kind": "key_result", "team": team}
            values["measures"] = parent.card.values["id"]
        elif parent is not None:
            self.items.append(_Item(self.depth, parent.card, False, level))
            return
        else:  # a nested list whose parent item has no card: cannot happen in CommonMark
            return
        card = _Card(line, values)
        self.cards.append(card)
        self.items.append(_Item(self.depth, card, True, level))

    def close_item(self) -> None:
        if self.items:
            self.items.pop()

    def text(self, text: str, level: int) -> None:
        """A block of text: an item's title or description, else the workshop's notes."""
        if not text:
            return
        if not self.items:
            self.notes.append(text)
            return
        item = self.items[-1]
        item.paragraphs += 1
        if item.owns_card and not item.card.has_title and level == item.level + 1:
            item.card.title.append(text)
            item.card.has_title = True
        elif item.owns_card:
            item.card.add(text)
        else:
            indent = "  " * (item.depth - 3)
            mark = "- " if item.paragraphs == 1 else "  "
            item.card.add(indent + mark + text.replace("\n", " "), list_line=True)

    def heading(self, tag: str, line: int, text: str) -> None:
        if tag == "h1" and self.title is None and not self.items:
            self.title = (line, text)
        elif tag in ("h1", "h2") and not self.items:
            self.section, self.team = (line, text), None
        else:
            self.notes.append(text)


def _walk(tokens: list[Any], outline: _Outline) -> None:
    skip = False
    for index, token in enumerate(tokens):
        if skip:
            skip = False
            continue
        kind = token.type
        if kind == "heading_open":
            line = token.map[0] + 1 if token.map else 0
            outline.heading(token.tag, line, inline_text(tokens[index + 1]))
            skip = True
        elif kind in ("bullet_list_open", "ordered_list_open"):
            outline.depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            outline.depth -= 1
        elif kind == "list_item_open":
            outline.open_item(token.map[0] + 1 if token.map else 0, token.level)
        elif kind == "list_item_close":
            outline.close_item()
        elif kind == "inline":
            outline.text(inline_text(token), token.level - 1)
        elif kind in ("fence", "code_block"):
            outline.text(token.content.strip("\n"), -1)
        elif kind == "html_block":
            outline.text(html_text(token.content), -1)


def _without_front_matter(text: str) -> str:
    """`text` with a leading YAML front matter block blanked (line numbers kept)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    for end in range(1, len(lines)):
        if lines[end].rstrip() in ("---", "..."):
            return "\n" * end + "\n" + "\n".join(lines[end + 1 :])
    return text


def read_markdown(data: bytes, name: str, *, objectives_section: str | None = None) -> Tables:
    """The tables of a Markdown outline; raises InterchangeError for text that is not UTF-8."""
    from markdown_it import MarkdownIt

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterchangeError(
            _("byte {offset}: the file is not UTF-8 text").format(offset=error.start + 1)
        ) from None
    outline = _Outline(objectives_section)
    _walk(MarkdownIt("commonmark").parse(_without_front_matter(text)), outline)
    return _tables(outline, name)


def _tables(outline: _Outline, name: str) -> Tables:
    cards = Table(None, [card.row() for card in outline.cards], line_numbers=True)
    teams = Table(None, outline.teams, line_numbers=True)
    title_line, title = outline.title or (1, name)
    title, _rest = _title_and_rest(title)
    workshop_rows = [Row(title_line, {"field": "title", "value": title})]
    if outline.notes:
        workshop_rows.append(Row(1, {"field": "notes", "value": "\n\n".join(outline.notes)}))
    workshop = Table(None, workshop_rows, line_numbers=True)
    if not outline.cards:
        raise InterchangeError(
            _(
                "the outline has no list items: write objectives and goals as lists under ## "
                "headings (see the Markdown convention in the README)"
            )
        )
    return Tables(cards, teams, workshop, teams_by_name=False)
