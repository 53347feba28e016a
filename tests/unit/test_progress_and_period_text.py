"""A key result's progress and numbers in words, and the workshop's period in a few words."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alignment_workshop import i18n
from alignment_workshop.analysis.periods import period_span, period_text
from alignment_workshop.analysis.progress import (
    FURTHEST,
    measure_text,
    number_text,
    percent_text,
    progress,
)
from alignment_workshop.model import Node, NodeKind, Period


def kr(baseline=None, current=None, target=None, unit="") -> Node:
    return Node(
        "k", NodeKind.KEY_RESULT, "Logo churn", baseline=baseline, current=current,
        target=target, unit=unit,
    )  # fmt: skip


def test_a_falling_target_counts_progress_towards_it() -> None:
    churn = kr(9, 7.5, 5, "%")
    assert measure_text(churn) == "9 % → 7.5 % → 5 %"
    shown = progress(churn)
    assert shown.fraction == pytest.approx(0.375) and shown.note == "38%"


def test_a_rising_target_and_the_bar_is_clamped() -> None:
    assert progress(kr(0, 25, 100)).fraction == pytest.approx(0.25)
    beyond = progress(kr(0, 120, 100, "%"))
    assert (beyond.fraction, beyond.note, beyond.bar) == (pytest.approx(1.2), "beyond target", 1.0)
    worse = progress(kr(42, 50, 20, "min"))
    assert worse.note == "worse than baseline" and worse.bar == 0.0
    assert progress(kr(9, 5, 5)).note == "target reached"


def test_numbers_at_the_ends_of_the_float_range_give_a_share_that_can_be_drawn() -> None:
    # The gap between baseline and target is a denormal: the plain quotient is infinite.
    tiny = progress(kr(5e-324, -525.0, -0.0))
    assert (tiny.fraction, tiny.note, tiny.bar) == (FURTHEST, "beyond target", 1.0)
    # The differences overflow a float, though the share is exactly 1 or 0.5.
    assert progress(kr(-1.7e308, 1.7e308, 1.7e308)).note == "target reached"
    assert progress(kr(-1.7e308, 0.0, 1.7e308)).fraction == 0.5


_finite = st.floats(allow_nan=False, allow_infinity=False)


@given(_finite, _finite, _finite)
def test_any_numbers_the_format_takes_give_a_finite_share_and_words(
    baseline: float, current: float, target: float
) -> None:
    shown = progress(kr(baseline, current, target))
    if shown.fraction is not None:
        assert math.isfinite(shown.fraction) and abs(shown.fraction) <= FURTHEST
        assert percent_text(shown.fraction).endswith("%")
    assert 0.0 <= shown.bar <= 1.0 and shown.note


def test_almost_there_is_not_rounded_up_to_done() -> None:
    assert progress(kr(0, 0.996, 1)).note == "99%"


@pytest.mark.parametrize(
    ("numbers", "words", "note"),
    [
        ((9, None, 5), "9 % → target 5 %", "not measured yet"),
        ((None, 7.5, 5), "now 7.5 % → target 5 %", "no baseline"),
        ((9, 7.5, None), "9 % → now 7.5 %", "no target yet"),
        ((9, None, None), "from 9 %", "no target yet"),
        ((None, None, 5), "target 5 %", "no baseline"),
        ((None, None, None), "no numbers yet", "no target yet"),
        ((75, 78, 75), "75 % → 78 % → 75 %", "target equals baseline"),
        ((75, 75, 75), "75 % → 75 % → 75 %", "holding at target"),
    ],
)
def test_missing_numbers_are_named_and_give_no_fraction(numbers, words, note) -> None:
    node = kr(*numbers, unit="%")
    assert measure_text(node) == words
    assert progress(node).fraction is None and progress(node).note == note
    assert progress(node).bar == 0.0


def test_numbers_are_written_as_people_write_them() -> None:
    assert number_text(20.0) == "20" and number_text(7.5) == "7.5"
    assert number_text(1_200_000.0) == "1,200,000" and number_text(0.0035) == "0.0035"
    assert number_text(-3.0) == "-3" and number_text(1e15) == "1e+15"
    assert measure_text(kr(0, 1_500_000, 2_000_000, "$")) == "$0 → $1,500,000 → $2,000,000"
    assert measure_text(kr(42, 35, 20, " min ")) == "42 min → 35 min → 20 min"
    assert measure_text(kr(1, 2, 3)) == "1 → 2 → 3"


def test_numbers_and_progress_follow_the_language() -> None:
    """German writes "7,5", "1.200.000" and "38 %" (CLDR, through Babel); the unit is
    the user's and stays as written; the roles are named in German."""
    i18n.set_language("de")
    assert measure_text(kr(9, 7.5, 5, "%")) == "9 % → 7,5 % → 5 %"
    assert measure_text(kr(0, 1_500_000, 2_000_000, "$")) == "$0 → $1.500.000 → $2.000.000"
    assert progress(kr(9, 7.5, 5, "%")).note == "38\u00a0%"
    assert progress(kr(0, 0.996, 1)).note == "99\u00a0%"
    assert measure_text(kr(9, None, 5, "%")) == "9 % → Zielwert 5 %"
    assert measure_text(kr(None, 7.5, None, "%")) == "jetzt 7,5 %"
    assert measure_text(kr(9, None, None, "%")) == "Ausgangswert 9 %"
    assert number_text(0.0035) == "0,0035" and number_text(3.5e-8) == "3,5e-08"


D = dt.date


@pytest.mark.parametrize(
    ("start", "end", "text"),
    [
        (D(2027, 1, 1), D(2027, 12, 31), "2027"),
        (D(2027, 1, 1), D(2027, 6, 30), "H1 2027"),
        (D(2027, 7, 1), D(2027, 12, 31), "H2 2027"),
        (D(2027, 4, 1), D(2027, 6, 30), "Q2 2027"),
        (D(2027, 10, 1), D(2027, 12, 31), "Q4 2027"),
        (D(2028, 2, 1), D(2028, 2, 29), "Feb 2028"),
        (D(2027, 2, 1), D(2027, 5, 31), "Feb – May 2027"),
        (D(2026, 7, 1), D(2027, 6, 30), "Jul 2026 – Jun 2027"),
        (D(2027, 3, 3), D(2027, 6, 15), "3 Mar – 15 Jun 2027"),
        (D(2026, 11, 3), D(2027, 1, 15), "3 Nov 2026 – 15 Jan 2027"),
        (D(2027, 3, 3), D(2027, 3, 3), "3 Mar 2027"),
        (D(2027, 2, 1), D(2027, 4, 30), "Feb – Apr 2027"),  # three months, not a quarter
    ],
)
def test_a_period_without_a_label_is_said_in_short(start, end, text) -> None:
    assert period_text(Period(start, end)) == text


def test_a_label_wins_and_is_kept_on_one_line() -> None:
    period = Period(D(2027, 1, 1), D(2027, 6, 30), " First\nhalf ")
    assert period_text(period) == "First half"
    assert period_span(period) == "1 Jan – 30 Jun 2027"
