"""Export → import gives back the same workshop, for every fixture and random workshops.

"The same" is defined in `tests/support/sameness.py` (and README): everything but the
cards' positions, which a spreadsheet has no room for, and a byte-identical `check
--json`. XLSX and CSV are held to exactly the same test.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from alignment_workshop import fileio
from alignment_workshop.interchange import export_file, import_file
from alignment_workshop.model import Workshop
from tests.conftest import examples
from tests.support.sameness import check_json, without_positions
from tests.support.strategies import workshops

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "resources/examples/product-company.alignment"
FIXTURES = sorted(
    [
        *ROOT.glob("tests/fixtures/v*/*.alignment"),
        *ROOT.glob("tests/fixtures/real/*.alignment"),
        EXAMPLE,
    ]
)
SUFFIXES = [".xlsx", ".csv"]


def round_trip(workshop: Workshop, path: Path) -> Workshop:
    export_file(workshop, path)
    return import_file(path).workshop


def assert_same(workshop: Workshop, back: Workshop) -> None:
    assert without_positions(back) == without_positions(workshop)
    assert check_json(back) == check_json(workshop)
    assert all(node.pos is not None for node in back.iter_nodes()), "placed by the auto-layout"


def test_every_fixture_is_covered() -> None:
    assert len(FIXTURES) >= 9 and all(path.exists() for path in FIXTURES)


@pytest.mark.parametrize("suffix", SUFFIXES)
@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_round_trip_of_every_fixture(path: Path, suffix: str, tmp_path: Path) -> None:
    workshop = fileio.load(path)
    assert_same(workshop, round_trip(workshop, tmp_path / f"cards{suffix}"))


def test_the_example_carries_what_only_the_detail_rows_can_say(tmp_path: Path) -> None:
    """The example has every kind of detail a table of cards alone would lose."""
    workshop = fileio.load(EXAMPLE)
    assert workshop.meta.period is not None and workshop.meta.participants
    assert any(link.resolved for link in workshop.iter_links())
    assert any(node.actions for node in workshop.iter_nodes())
    back = round_trip(workshop, tmp_path / "example.csv")
    assert back.meta == workshop.meta and back.teams == workshop.teams
    assert list(back.iter_links()) == list(workshop.iter_links())


_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]


@settings(max_examples=examples(ci=150, dev=25), deadline=None, suppress_health_check=_SLOW)
@given(workshop=workshops(max_nodes=12))
def test_xlsx_round_trip_of_random_workshops(workshop: Workshop, tmp_path: Path) -> None:
    assert_same(workshop, round_trip(workshop, tmp_path / "random.xlsx"))


@settings(max_examples=examples(ci=150, dev=25), deadline=None, suppress_health_check=_SLOW)
@given(workshop=workshops(max_nodes=12))
def test_csv_round_trip_of_random_workshops(workshop: Workshop, tmp_path: Path) -> None:
    assert_same(workshop, round_trip(workshop, tmp_path / "random.csv"))
