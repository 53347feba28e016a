"""The plan's progress hook, without Qt: a bar that rises through every stage to the end,
and a `Cancelled` raised at any report that leaves the previous file as it was."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from alignment_workshop.progress import Cancelled, Stages
from alignment_workshop.report import export as plan_export
from alignment_workshop.report import export_pdf
from tests.unit.test_report_content import plan_workshop

Report = tuple[int, int, str]


def run(path: Path, team_id: str | None = None) -> tuple[list[Report], int]:
    reports: list[Report] = []
    pages = export_pdf(
        plan_workshop(), path, team_id, progress=lambda *report: reports.append(report)
    )
    return reports, pages


def test_the_bar_rises_through_every_stage_to_the_end(tmp_path: Path) -> None:
    reports, pages = run(tmp_path / "plan.pdf")
    done = [d for d, _, _ in reports]
    assert done == sorted(done) and done[0] == 0
    assert reports[-1][:2] == (Stages.SCALE, Stages.SCALE)
    assert {total for _, total, _ in reports} == {Stages.SCALE}
    labels = [label for _, _, label in reports]
    for stage, _ in plan_export.STAGES:
        if stage != plan_export.LAYING_OUT:  # told page by page instead
            assert stage in labels, stage
    laid_out = [int(m[1]) for m in (re.fullmatch(r"Laying out page (\d+)", x) for x in labels) if m]
    # The last page begins as the last flowable is placed, so it is laid out while writing.
    assert laid_out == sorted(laid_out) and pages - 1 <= max(laid_out) <= pages
    assert labels.index(plan_export.ANALYSING) < labels.index(plan_export.MAP)
    assert labels.index(plan_export.TEAMS) < labels.index(plan_export.WRITING)


def test_a_team_plan_draws_the_map_of_its_work(tmp_path: Path) -> None:
    reports, _ = run(tmp_path / "plan.pdf", team_id="prod")
    labels = {label for _, _, label in reports}
    assert plan_export.MAP in labels and plan_export.TEAMS in labels
    assert reports[-1][:2] == (Stages.SCALE, Stages.SCALE)


def test_listening_changes_nothing_in_the_file(tmp_path: Path) -> None:
    quiet, told = tmp_path / "quiet.pdf", tmp_path / "told.pdf"
    export_pdf(plan_workshop(), quiet)
    run(told)
    assert quiet.read_bytes() == told.read_bytes()


@pytest.fixture(scope="module")
def report_count(tmp_path_factory: pytest.TempPathFactory) -> int:
    return len(run(tmp_path_factory.mktemp("count") / "plan.pdf")[0])


@pytest.mark.parametrize("where", [0.0, 0.2, 0.5, 0.8, 1.0])
def test_cancel_at_any_report_keeps_the_previous_file(
    tmp_path: Path, where: float, report_count: int
) -> None:
    stop_at = round(where * (report_count - 1))
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.pdf"
    target.write_bytes(b"%PDF-1.4 last week's plan")
    calls: list[Report] = []

    def cancel_at(done: int, total: int, label: str) -> None:
        calls.append((done, total, label))
        if len(calls) > stop_at:
            raise Cancelled()

    with pytest.raises(Cancelled):
        export_pdf(plan_workshop(), target, progress=cancel_at)
    assert len(calls) == stop_at + 1  # stopped at that very report
    assert target.read_bytes() == b"%PDF-1.4 last week's plan"
    assert [p.name for p in folder.iterdir()] == ["plan.pdf"]


def test_cancel_before_a_first_export_writes_no_file(tmp_path: Path) -> None:
    def cancel(_done: int, _total: int, _label: str) -> None:
        raise Cancelled()

    with pytest.raises(Cancelled):
        export_pdf(plan_workshop(), tmp_path / "plan.pdf", progress=cancel)
    assert list(tmp_path.iterdir()) == []


def test_stages_share_the_bar_by_weight() -> None:
    reports: list[Report] = []
    stages = Stages(lambda *r: reports.append(r), [("small", 1), ("big", 3)])
    stages.begin("small")
    stages.advance(1, 2)
    stages.begin("big")
    stages.advance(2, 4, "half way")
    stages.advance(1, 4)  # a count that went back: the bar does not
    stages.advance(3, 0)  # nothing to count: the stage is done
    stages.finish()
    assert reports == [
        (0, 1000, "small"),
        (125, 1000, "small"),
        (250, 1000, "big"),
        (625, 1000, "half way"),
        (625, 1000, "big"),
        (1000, 1000, "big"),
        (1000, 1000, "big"),
    ]


def test_stages_without_a_listener_are_quiet() -> None:
    stages = Stages(None, [("only", 1)])
    stages.begin("only")
    stages.advance(5, 10)
    stages.finish()
