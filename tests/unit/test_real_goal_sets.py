"""The real goal sets in tests/fixtures/real: captured faithfully, and judged.

Two published goal sets (GitLab's FY20-Q3 OKRs, the Rust project's 2025H2 slate) were
captured in format version 2 and every finding `check` gives on them was judged by hand
in JUDGEMENT.md. These tests pin the findings to that judgement: a rule that starts or
stops firing on real data fails here until the judgement is redone, and the tally in
JUDGEMENT.md must add up.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from alignment_workshop.analysis import analyze
from alignment_workshop.fileio import load
from alignment_workshop.model import NodeKind, Workshop
from tests.support.scripts import load_script

REAL = Path(__file__).parents[1] / "fixtures" / "real"
SETS = ("gitlab-fy20-q3", "rust-2025h2")
#: A row of JUDGEMENT.md's "Every finding" table: set, rule, first node, verdict.
ROW = re.compile(r"^\| (\S+) \| ([a-z-]+) \| (\S+) \| (true|noise) \| .+ \|$")
TALLY = re.compile(r"^\| ([a-z-]+) \| (\d+) \| (\d+) \| (\d+) \|$")


def _capture() -> ModuleType:
    return load_script(REAL / "capture.py")


def _unplaced(workshop: Workshop) -> list[object]:
    """The workshop's records with positions left out: the layout may change, the data not."""
    nodes = [dataclasses.replace(n, pos=None) for n in workshop.nodes]
    return [workshop.meta, workshop.teams, nodes, workshop.links]


def _judged() -> list[tuple[str, ...]]:
    text = (REAL / "JUDGEMENT.md").read_text(encoding="utf-8")
    return [m.groups() for line in text.splitlines() if (m := ROW.match(line))]


@pytest.mark.parametrize("name", SETS)
def test_each_fixture_is_what_its_capture_writes(name: str) -> None:
    build = _capture().CAPTURES[f"{name}.alignment"]
    assert _unplaced(load(REAL / f"{name}.alignment")) == _unplaced(build())


def test_the_captures_use_what_version_2_added() -> None:
    gitlab = load(REAL / "gitlab-fy20-q3.alignment")
    rust = load(REAL / "rust-2025h2.alignment")
    kinds = Counter(n.kind for n in gitlab.nodes)
    assert (kinds[NodeKind.OBJECTIVE], kinds[NodeKind.GOAL], kinds[NodeKind.KEY_RESULT]) == (
        3, 25, 95,
    )  # fmt: skip
    assert gitlab.meta.period is not None and gitlab.meta.period.label == "FY20-Q3"
    assert rust.meta.period is not None and rust.meta.period.label == "2025H2"
    shared = [n for n in rust.nodes if len(n.contributors) >= 2]
    assert len(shared) >= 10, "the slate asks several teams for help on many goals"
    assert all(n.owner for n in rust.nodes if n.kind is NodeKind.GOAL)


def test_every_finding_is_judged_and_nothing_else() -> None:
    found = []
    for name in SETS:
        for finding in analyze(load(REAL / f"{name}.alignment")).findings:
            found.append((name, finding.rule, finding.nodes[0] if finding.nodes else "-"))
    assert found == [row[:3] for row in _judged()]


def test_the_tally_adds_up() -> None:
    counts: dict[str, Counter[str]] = {}
    for _, rule, _, verdict in _judged():
        counts.setdefault(rule, Counter())[verdict] += 1
    text = (REAL / "JUDGEMENT.md").read_text(encoding="utf-8")
    tally = {
        m.group(1): tuple(map(int, m.groups()[1:]))
        for line in text.splitlines()
        if (m := TALLY.match(line))
    }
    assert tally == {rule: (sum(c.values()), c["true"], c["noise"]) for rule, c in counts.items()}


def test_the_scores_on_real_data() -> None:
    assert analyze(load(REAL / "gitlab-fy20-q3.alignment")).score == 100.0
    # 27 of the 41 active Rust goals serve no theme: they skip the objectives.
    assert analyze(load(REAL / "rust-2025h2.alignment")).score == round(100 * 14 / 41, 1)
