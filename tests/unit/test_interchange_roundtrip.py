"""Export → import gives back the same workshop, for every fixture and random workshops.

"The same" is defined in `tests/support/sameness.py` (and README): XLSX keeps everything
but positions; CSV keeps what one table of cards can hold. Either way `check --json`
agrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from alignment_workshop import fileio
from alignment_workshop.interchange import export_file, import_file
from alignment_workshop.interchange.columns import normalise
from alignment_workshop.model import Workshop
from tests.conftest import examples
from tests.support.sameness import (
    check_json,
    csv_reduced,
    named_check_json,
    table_view,
    without_positions,
)
from tests.support.strategies import workshops

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = sorted(
    [
        *ROOT.glob("tests/fixtures/v*/*.alignment"),
        *ROOT.glob("tests/fixtures/real/*.alignment"),
        ROOT / "resources/examples/product-company.alignment",
    ]
)


def round_trip(workshop: Workshop, path: Path) -> Workshop:
    export_file(workshop, path)
    return import_file(path).workshop


def assert_same_xlsx(workshop: Workshop, back: Workshop) -> None:
    assert without_positions(back) == without_positions(workshop)
    assert check_json(back) == check_json(workshop)
    assert all(node.pos is not None for node in back.iter_nodes()), "placed by the auto-layout"


def assert_same_csv(workshop: Workshop, back: Workshop) -> None:
    assert table_view(back) == table_view(workshop)
    assert named_check_json(back) == named_check_json(csv_reduced(workshop))


def test_every_fixture_is_covered() -> None:
    assert len(FIXTURES) >= 9 and all(path.exists() for path in FIXTURES)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_xlsx_round_trip_of_every_fixture(path: Path, tmp_path: Path) -> None:
    workshop = fileio.load(path)
    assert_same_xlsx(workshop, round_trip(workshop, tmp_path / "cards.xlsx"))


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_csv_round_trip_of_every_fixture(path: Path, tmp_path: Path) -> None:
    workshop = fileio.load(path)
    assert_same_csv(workshop, round_trip(workshop, tmp_path / "cards.csv"))


def test_a_csv_round_trip_of_a_csv_made_workshop_is_exact(tmp_path: Path) -> None:
    """Once its teams were made from names, a workshop comes back from CSV unchanged."""
    once = round_trip(fileio.load(FIXTURES[-1]), tmp_path / "once.csv")
    twice = round_trip(once, tmp_path / "twice.csv")
    assert [t.id for t in twice.teams] == [t.id for t in once.teams]
    assert table_view(twice) == table_view(once)
    assert check_json(twice).replace("link-", "") == check_json(once).replace("link-", "")


_SLOW = [HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture]


@settings(max_examples=examples(ci=150, dev=25), deadline=None, suppress_health_check=_SLOW)
@given(workshop=workshops(max_nodes=12))
def test_xlsx_round_trip_of_random_workshops(workshop: Workshop, tmp_path: Path) -> None:
    assert_same_xlsx(workshop, round_trip(workshop, tmp_path / "random.xlsx"))


def _names_distinct(workshop: Workshop) -> bool:
    names = [normalise(team.name) for team in workshop.teams]
    return len(set(names)) == len(names)


@settings(max_examples=examples(ci=150, dev=25), deadline=None, suppress_health_check=_SLOW)
@given(workshop=workshops(max_nodes=12).filter(_names_distinct))
def test_csv_round_trip_of_random_workshops(workshop: Workshop, tmp_path: Path) -> None:
    assert_same_csv(workshop, round_trip(workshop, tmp_path / "random.csv"))
