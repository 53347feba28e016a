"""The CSV layout: one table whose card rows come first, then team, action, link and
workshop rows, each problem reported at the CSV cell a person sees."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import pytest

from alignment_workshop import fileio
from alignment_workshop.interchange import InterchangeError, export_bytes, import_file
from alignment_workshop.interchange.cells import format_period, parse_period
from alignment_workshop.interchange.columns import CARD_COLUMNS, CSV_COLUMNS
from alignment_workshop.interchange.limits import MAX_CELL_CHARS
from alignment_workshop.model import NodeKind, Workshop
from alignment_workshop.paths import example_workshop

HEADER = ",".join(CSV_COLUMNS)


def rows_of(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def cells(**values: str) -> str:
    """One CSV line with the given columns filled ("workshop_date" for "workshop date")."""
    named = {name.replace("_", " "): value for name, value in values.items()}
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow([named.get(c, "") for c in CSV_COLUMNS])
    return buffer.getvalue()


def write(tmp_path: Path, *lines: str) -> Path:
    path = tmp_path / "workshop.csv"
    path.write_text(HEADER + "\n" + "".join(lines), encoding="utf-8")
    return path


def problems(path: Path) -> list[str]:
    with pytest.raises(InterchangeError) as caught:
        import_file(path)
    return [str(problem) for problem in caught.value.problems]


def test_the_example_opens_on_its_cards_then_teams_actions_links_and_the_workshop() -> None:
    workshop = fileio.load(example_workshop())
    rows = rows_of(export_bytes(workshop, ".csv"))
    assert list(rows[0]) == list(CSV_COLUMNS) and list(CSV_COLUMNS[:23]) == list(CARD_COLUMNS)
    kinds = [row["kind"] for row in rows]
    cards = len(workshop.nodes)
    assert kinds[:cards] == [node.kind.value for node in workshop.iter_nodes()]
    order = ["team", "action", "link", "workshop"]
    rest = kinds[cards:]
    assert rest == sorted(rest, key=order.index) and set(rest) == set(order)
    assert rest.count("team") == len(workshop.teams) and rest.count("link") == len(workshop.links)
    team = rows[kinds.index("team")]
    assert (team["id"], team["title"], team["color"]) == ("product", "Product", "#2563EB")
    (meta,) = [row for row in rows if row["kind"] == "workshop"]
    assert meta["workshop date"] == "2026-11-24"
    assert meta["period"] == "2027 (2027-01-01 to 2027-12-31)"
    assert meta["facilitator"] == "Helen Brooks" and meta["participants"].startswith("Priya")
    resolved = [row for row in rows if row["kind"] == "link" and row["status"] == "resolved"]
    assert [(r["card"], r["conflicts"]) for r in resolved] == [("g-templates", "g-perf")]
    assert resolved[0]["resolution"].startswith("Templates read from pre-aggregated tables")


def test_a_card_row_leaves_the_other_rows_columns_empty() -> None:
    rows = rows_of(export_bytes(fileio.load(example_workshop()), ".csv"))
    for row in rows:
        filled = {column for column, value in row.items() if value}
        if row["kind"] in {kind.value for kind in NodeKind}:
            assert filled <= set(CARD_COLUMNS), row["id"]


def test_long_notes_and_many_participants_go_on_in_more_workshop_rows(tmp_path: Path) -> None:
    workshop = Workshop()
    notes = "".join(f"Note {i:05}. " for i in range(7_000))  # 84,000 characters
    participants = tuple(f"Participant {i:03} " + "x" * 180 for i in range(400))
    workshop.update_meta(title="Long", notes=notes, participants=participants)
    data = export_bytes(workshop, ".csv")
    rows = [row for row in rows_of(data) if row["kind"] == "workshop"]
    assert len(rows) == 3 and rows[0]["title"] == "Long" and not rows[1]["title"]
    assert all(len(value) <= MAX_CELL_CHARS for row in rows for value in row.values())
    path = tmp_path / "long.csv"
    path.write_bytes(data)
    assert import_file(path).workshop.meta == workshop.meta


def test_a_hand_made_csv_with_team_rows_makes_the_teams_it_does_not_list(
    tmp_path: Path,
) -> None:
    path = write(
        tmp_path,
        cells(id="o", kind="objective", title="Grow"),
        cells(id="g1", kind="goal", title="Ship", team="prod", supports="o"),
        cells(id="g2", kind="goal", title="Sell", team="Sales", supports="Grow"),
        cells(id="prod", kind="team", title="Product", color="#112233"),
        cells(kind="action", card="g1", title="Write the spec", owner="Ana", status="done"),
        cells(kind="workshop", title="Offsite", period="H1 (2027-01-01 to 2027-06-30)"),
    )
    workshop = import_file(path).workshop
    assert [(t.id, t.name) for t in workshop.teams] == [("prod", "Product"), ("sales", "Sales")]
    assert workshop.team("prod").color == "#112233"
    assert workshop.node("g2").team == "sales"
    (action,) = workshop.node("g1").actions
    assert (action.text, action.owner, action.done) == ("Write the spec", "Ana", True)
    period = workshop.meta.period
    assert period is not None and (period.label, period.end) == ("H1", dt.date(2027, 6, 30))
    assert workshop.meta.title == "Offsite"


def test_a_link_row_gives_its_link_an_id_a_note_and_a_resolution(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        cells(id="a", kind="goal", title="A", conflicts="b"),
        cells(id="b", kind="goal", title="B"),
        cells(
            id="c-1",
            kind="link",
            card="a",
            conflicts="b",
            description="Same slot",
            status="resolved",
            resolution="A goes first",
        ),
    )
    (link,) = import_file(path).workshop.links
    assert (link.id, link.note, link.resolved, link.resolution) == (
        "c-1", "Same slot", True, "A goes first",
    )  # fmt: skip


#: A row added under an objective `o` and a goal `g`, and the start of the problem it is.
BAD_ROWS = [
    ({"kind": "team", "title": "T", "color": "blue"}, "column color: must be a colour"),
    ({"kind": "team", "title": " "}, "column title: a team needs a name"),
    ({"kind": "team", "title": "T", "owner": "Ana"}, "column owner: a team row has no owner"),
    ({"kind": "action", "card": "nope", "title": "Do"}, "column card: refers to no card"),
    ({"kind": "action", "card": "g", "title": "Do", "status": "maybe"}, "column status: must be"),
    ({"kind": "link", "card": "g", "supports": "o", "depends": "o"}, "column depends: a link row"),
    ({"kind": "link", "card": "g", "supports": "o; g"}, "column supports: a link row names"),
    ({"kind": "link", "card": "g", "depends": "o"}, "no card lists this link"),
    ({"kind": "link", "card": "zz", "supports": "o"}, "column card: refers to no card"),
    ({"kind": "workshop", "period": "next year"}, "column period: must be a period"),
    ({"kind": "workshop", "period": "2027-06-30 to 2027-01-01"}, "column period: "),
    ({"kind": "workshop", "workshop_date": "2027-02-30"}, "column workshop date: is not a real"),
    (
        {"kind": "goal", "title": "X", "color": "#123456"},
        "column color: a card row has no color; leave this cell empty (only team rows have one)",
    ),
]


@pytest.mark.parametrize(("line", "expected"), BAD_ROWS)
def test_problems_name_the_csv_cell(line: dict[str, str], expected: str, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        cells(id="o", kind="objective", title="O"),
        cells(id="g", kind="goal", title="G", supports="o"),
        cells(**line),
    )
    found = problems(path)
    assert any(
        problem.startswith(f"row 4, {expected}") or problem.startswith(f"row 4: {expected}")
        for problem in found
    ), found


JAN, JUN = dt.date(2027, 1, 1), dt.date(2027, 6, 30)


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("2027-01-01 to 2027-06-30", (JAN, JUN, "")),
        ("H1 2027 (2027-01-01 to 2027-06-30)", (JAN, JUN, "H1 2027")),
        ("a (b) (2027-01-01 to 2027-01-01)", (JAN, JAN, "a (b)")),
        (" 2027-01-01 – 2027-06-30 ", (JAN, JUN, "")),
        ("2027-01-01/2027-06-30", (JAN, JUN, "")),
    ],
)
def test_periods_are_read_as_people_write_them(
    text: str, period: tuple[dt.date, dt.date, str]
) -> None:
    assert parse_period(text) == period


@pytest.mark.parametrize(
    "label", ["", " ", "H1", "Q3 (draft)", "x\ny", "(2020-01-01 to 2020-02-02)"]
)
def test_a_written_period_reads_back_exactly(label: str) -> None:
    start, end = dt.date(1, 1, 1), dt.date(9999, 12, 31)
    assert parse_period(format_period(start, end, label)) == (start, end, label)


def test_a_key_results_parent_reads_as_measures_on_its_link_row_too(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        cells(id="o", kind="objective", title="O"),
        cells(id="kr", kind="key_result", title="KR", supports="o"),
        cells(id="m-1", kind="link", card="kr", supports="o", description="the one that counts"),
    )
    (link,) = import_file(path).workshop.links
    assert (link.id, link.kind.value, link.note) == ("m-1", "measures", "the one that counts")
