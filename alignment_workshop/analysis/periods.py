"""The workshop's period in a few words: its label, or a short rendering of its dates.

"H1 2027" when the facilitator typed it; otherwise the dates say it as people do: a whole
year is "2027", a half "H2 2027", a quarter "Q3 2027", a month "Mar 2027", and any other
span "3 Mar – 15 Jun 2027". Month names and the order of day and month come from the
translation catalogue of the language in effect ("3. März – 15. Juni 2027"), never from
the system's locale, so the window title, the check dock and the PDF agree.
"""

from __future__ import annotations

import datetime as dt

from alignment_workshop.i18n import N_, _
from alignment_workshop.model import Period

# TRANSLATORS: the short month names of a period ("Mar 2027", "3 Mar – 15 Jun 2027").
_MONTHS = (
    N_("Jan"), N_("Feb"), N_("Mar"), N_("Apr"), N_("May"), N_("Jun"),
    N_("Jul"), N_("Aug"), N_("Sep"), N_("Oct"), N_("Nov"), N_("Dec"),
)  # fmt: skip


def _month_end(year: int, month: int) -> dt.date:
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return following - dt.timedelta(days=1)


def _whole_months(period: Period) -> bool:
    """Whether the period runs from the 1st of a month to the last day of a month."""
    end = period.end
    return period.start.day == 1 and end == _month_end(end.year, end.month)


def _month(day: dt.date) -> str:
    return _(_MONTHS[day.month - 1])


def _day(day: dt.date, *, year: bool) -> str:
    if year:
        return _("{day} {month} {year}").format(day=day.day, month=_month(day), year=day.year)
    return _("{day} {month}").format(day=day.day, month=_month(day))


def period_text(period: Period) -> str:
    """The period as a facilitator would say it: its label, or its dates made short."""
    label = " ".join(period.label.split())
    if label:
        return label
    start, end = period.start, period.end
    if _whole_months(period):
        if start.year != end.year:
            return f"{_month(start)} {start.year} – {_month(end)} {end.year}"
        first, last, year = start.month, end.month, start.year
        if (first, last) == (1, 12):
            return str(year)
        if (first, last) in ((1, 6), (7, 12)):
            return f"H{1 if first == 1 else 2} {year}"
        if last - first == 2 and first % 3 == 1:
            return f"Q{(first + 2) // 3} {year}"
        if first == last:
            return f"{_month(start)} {year}"
        return f"{_month(start)} – {_month(end)} {year}"
    return period_span(period)


def period_span(period: Period) -> str:
    """ "1 Jan – 30 Jun 2027": the dates themselves, to show beside a label."""
    start, end = period.start, period.end
    if start == end:
        return _day(start, year=True)
    return f"{_day(start, year=start.year != end.year)} – {_day(end, year=True)}"
