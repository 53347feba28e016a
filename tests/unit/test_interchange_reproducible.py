"""An XLSX export is the same bytes every time: dated by the workshop, never by the clock."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import time
import zipfile
from pathlib import Path

import pytest

from alignment_workshop import fileio
from alignment_workshop.interchange import export_bytes, export_file
from alignment_workshop.interchange.xlsx import FIXED_DATE, export_stamp
from alignment_workshop.paths import example_workshop


def _archive(data: bytes) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(data))


def test_two_exports_are_byte_identical_whatever_the_clock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    workshop = fileio.load(example_workshop())
    clock = itertools.count(1_700_000_000, 3_600 * 24 * 40)  # 40 days later at every call
    real_time = time.time
    monkeypatch.setattr(time, "time", lambda: float(next(clock)))
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    export_file(workshop, first)
    export_file(workshop, second)
    monkeypatch.setattr(time, "time", real_time)
    assert first.read_bytes() == second.read_bytes()


def test_the_workbook_is_dated_by_the_workshop() -> None:
    workshop = fileio.load(example_workshop())
    assert workshop.meta.date is not None
    archive = _archive(export_bytes(workshop, ".xlsx"))
    day = workshop.meta.date
    midnight = (day.year, day.month, day.day, 0, 0, 0)
    assert {info.date_time for info in archive.infolist()} == {midnight}
    core = archive.read("docProps/core.xml").decode("utf-8")
    assert core.count(f"{day.isoformat()}T00:00:00Z") == 2, "created and modified"
    assert "<dc:creator>Alignment Workshop</dc:creator>" in core


def test_a_workshop_without_a_date_gets_the_fixed_date() -> None:
    workshop = fileio.load(example_workshop())
    workshop.update_meta(date=None)
    archive = _archive(export_bytes(workshop, ".xlsx"))
    assert {info.date_time[:3] for info in archive.infolist()} == {(1980, 1, 1)}
    assert "1980-01-01T00:00:00Z" in archive.read("docProps/core.xml").decode("utf-8")


@pytest.mark.parametrize(
    ("day", "stamp"),
    [
        (None, FIXED_DATE),
        (dt.date(1, 1, 1), FIXED_DATE),
        (dt.date(2027, 3, 9), dt.date(2027, 3, 9)),
        (dt.date(9999, 12, 31), dt.date(2107, 12, 31)),
    ],
)
def test_the_stamp_stays_within_what_a_zip_archive_can_date(
    day: dt.date | None, stamp: dt.date
) -> None:
    assert export_stamp(day) == dt.datetime(stamp.year, stamp.month, stamp.day)
