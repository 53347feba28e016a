"""Markdown outlines in: the convention, and two real, public OKR pages.

The real outlines (tests/fixtures/outlines, sources in SOURCES.md there) are counted two
ways that do not use the importer: by hand from the published page (the literal numbers
below, section by section), and by `count_outline`, a line scan of the source text. The
importer must agree with both.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from alignment_workshop.interchange import InterchangeError, import_file
from alignment_workshop.model import LinkKind, NodeKind, Workshop

OUTLINES = Path(__file__).resolve().parents[1] / "fixtures" / "outlines"


def outline(tmp_path: Path, text: str, **options: str) -> Workshop:
    path = tmp_path / "okrs.md"
    path.write_text(text, encoding="utf-8")
    return import_file(path, **options).workshop  # type: ignore[arg-type]


def test_sections_items_and_nesting_follow_the_convention(tmp_path: Path) -> None:
    workshop = outline(
        tmp_path,
        "# Q3 plan\n\nWhy we meet.\n\n## Company-wide\n\n1. Grow revenue\n   1. ARR to 2m\n"
        "      - first deeper line\n        - deeper still\n\n"
        "## Sales team\n\n* Close deals\n  * 10 contracts\n* Hire two AEs\n\n> A quote.\n",
    )
    assert workshop.meta.title == "Q3 plan"
    assert workshop.meta.notes == "Why we meet.\n\nA quote."
    assert [t.name for t in workshop.teams] == ["Sales team"]
    kinds = [(n.kind, n.title, n.team) for n in workshop.nodes]
    assert kinds == [
        (NodeKind.OBJECTIVE, "Grow revenue", None),
        (NodeKind.KEY_RESULT, "ARR to 2m", None),
        (NodeKind.GOAL, "Close deals", "sales-team"),
        (NodeKind.KEY_RESULT, "10 contracts", "sales-team"),
        (NodeKind.GOAL, "Hire two AEs", "sales-team"),
    ]
    assert workshop.nodes[1].description == "- first deeper line\n  - deeper still"
    measures = [(k.source, k.target) for k in workshop.links if k.kind is LinkKind.MEASURES]
    assert measures == [("kr-1", "objective-1"), ("kr-2", "goal-1")]


def test_inline_markdown_becomes_plain_text(tmp_path: Path) -> None:
    workshop = outline(
        tmp_path,
        "## Objectives\n\n- **Reach** [_N<sub>6</sub>_][n6] WAU, see [docs](http://x) `code`\n\n"
        "[n6]: https://example.com\n",
    )
    assert workshop.nodes[0].title == "Reach N6 WAU, see docs code"


def test_objectives_section_names_another_section(tmp_path: Path) -> None:
    text = "## CEO\n\n- Grow\n\n## Company\n\n- Hire\n"
    default = outline(tmp_path, text)
    assert [(n.kind, n.title) for n in default.nodes] == [
        (NodeKind.GOAL, "Grow"), (NodeKind.OBJECTIVE, "Hire"),
    ]  # fmt: skip
    named = outline(tmp_path, text, objectives_section="ceo")
    assert [(n.kind, n.title) for n in named.nodes] == [
        (NodeKind.OBJECTIVE, "Grow"), (NodeKind.GOAL, "Hire"),
    ]  # fmt: skip


def test_front_matter_long_titles_and_later_paragraphs(tmp_path: Path) -> None:
    long = "word " * 60
    workshop = outline(
        tmp_path,
        '---\ntitle: "Not a heading"\n---\n\n'
        f"- {long}\n\n  Second paragraph.\n- Short \\\n  rest\n",
    )
    first, second = workshop.nodes
    assert len(first.title) <= 200 and first.title.endswith("…")
    assert first.description.startswith(long.strip()) and "Second paragraph." in first.description
    assert (second.title, second.description) == ("Short", "rest")
    assert workshop.meta.title == "okrs" and not workshop.teams


def test_an_outline_without_lists_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match="has no list items"):
        outline(tmp_path, "# Title\n\nJust prose.\n")


def test_a_problem_in_an_outline_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(InterchangeError, match=r"^line 3, column description: "):
        outline(tmp_path, "## Company\n\n- Grow\n\n  " + "x" * 10_001 + "\n")


# ------------------------------------------------------------------ the real outlines

_ITEM = re.compile(r"^( *)(?:\d+\.|[-*+]) ")


def count_outline(text: str, objectives: set[str]) -> Counter[str]:
    """Objectives, teams, goals and key results by a line scan: an independent count.

    A list item at indentation 0 is a top item; one indented 2 to 5 spaces is nested one
    level. `## ` starts a section; a section named in `objectives` holds objectives.
    """
    counts: Counter[str] = Counter()
    section: str | None = None
    team_seen = False
    for line in text.splitlines():
        if line.startswith("## "):
            section, team_seen = line[3:].strip(), False
            continue
        match = _ITEM.match(line)
        if not match:
            continue
        indent = len(match.group(1))
        is_objective = section is None or section.casefold() in objectives
        if indent == 0:
            counts["objectives" if is_objective else "goals"] += 1
            if not is_objective and not team_seen:
                counts["teams"] += 1
                team_seen = True
        elif 2 <= indent <= 5:
            counts["key results"] += 1
    return counts


def imported_counts(workshop: Workshop) -> Counter[str]:
    kinds = Counter(node.kind for node in workshop.nodes)
    return Counter(
        {
            "objectives": kinds[NodeKind.OBJECTIVE],
            "teams": len(workshop.teams),
            "goals": kinds[NodeKind.GOAL],
            "key results": kinds[NodeKind.KEY_RESULT],
        }
    )


REAL = [
    # file, --objectives-section, counted by hand from the published page, per team
    (
        "sourcegraph-fy22-q1.md",
        None,
        {"objectives": 4, "key results on objectives": 8},
        {  # team: (goals, key results)
            "Marketing": (3, 10),
            "Sales": (4, 9),
            "Customer Engineering": (3, 9),
            "Product/Engineering": (4, 7),
            "Operations (Finance, Legal, BizOps, People Ops, Tech Ops)": (3, 13),
            "Talent": (4, 8),
        },
    ),
    (
        "sourcegraph-fy21-q1.md",
        "CEO",
        {"objectives": 2, "key results on objectives": 6},
        {
            "Sales and marketing": (7, 15),
            "Product": (2, 5),
            "Engineering": (14, 37),
            "Operations": (1, 2),
            "People Ops": (3, 8),
        },
    ),
]


@pytest.mark.parametrize(("name", "section", "company", "teams"), REAL, ids=[r[0] for r in REAL])
def test_real_outlines_give_the_counts_of_their_source(
    name: str, section: str | None, company: dict[str, int], teams: dict[str, tuple[int, int]]
) -> None:
    path = OUTLINES / name
    workshop = import_file(path, objectives_section=section).workshop
    by_hand = Counter(
        {
            "objectives": company["objectives"],
            "teams": len(teams),
            "goals": sum(goals for goals, _ in teams.values()),
            "key results": company["key results on objectives"]
            + sum(krs for _, krs in teams.values()),
        }
    )
    names = {section.casefold()} if section else {"company"}
    assert count_outline(path.read_text(encoding="utf-8"), names) == by_hand
    assert imported_counts(workshop) == by_hand
    for team in workshop.teams:
        goals = [n for n in workshop.nodes if n.team == team.id and n.kind is NodeKind.GOAL]
        krs = [n for n in workshop.nodes if n.team == team.id and n.kind is NodeKind.KEY_RESULT]
        assert (len(goals), len(krs)) == teams[team.name], team.name
    measured = [k for k in workshop.links if k.kind is LinkKind.MEASURES]
    assert len(measured) == by_hand["key results"], "every key result measures its parent"


def test_the_real_outlines_keep_their_prose_as_notes_and_drop_their_markup() -> None:
    workshop = import_file(OUTLINES / "sourcegraph-fy22-q1.md").workshop
    assert workshop.meta.title == "FY22-Q1 OKRs"
    assert workshop.meta.notes.startswith("These OKRs are for Q1 in fiscal year 2022")
    titles = [node.title for node in workshop.nodes]
    assert "KR: Reach N0 MAU (see latest)" in titles
    assert not any(mark in title for title in titles for mark in ("**", "](", "<sub>", "[_"))
