"""Dates and numbers as the language in effect writes them, through Babel's CLDR data.

"30 Nov 2026" in English is "30.11.2026" in German, "0.75" is "0,75" and "75%" is
"75 %". Every layer that shows a date or a number to a person (the status bar, the
Inspector, the CLI, the PDF) formats it here, for `i18n.language()`. Babel is imported
inside the functions, so that importing this module costs nothing.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING

from . import i18n

if TYPE_CHECKING:
    from babel import Locale


@cache
def _locale(code: str) -> Locale:
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(code)
    except (ValueError, UnknownLocaleError):
        return Locale.parse(i18n.SOURCE_LANGUAGE)


def locale() -> Locale:
    """Babel's locale for the language in effect."""
    return _locale(i18n.language())


def date(day: datetime.date, width: str = "medium") -> str:
    """`day` as the language writes it: "Nov 30, 2026" / "30.11.2026" (medium)."""
    from babel.dates import format_date

    return format_date(day, format=width, locale=locale())


def decimal(number: float, digits: int | None = None) -> str:
    """`number` with the language's decimal and grouping signs, `digits` after the point."""
    from babel.numbers import format_decimal

    pattern = None if digits is None else "#,##0." + "0" * digits if digits else "#,##0"
    return format_decimal(number, format=pattern, locale=locale())


def decimal_sign() -> str:
    """The language's decimal sign: "." in English, "," in German."""
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(locale())


def percent(fraction: float, digits: int = 0) -> str:
    """`fraction` (0.755) as a percentage the language's way, with `digits` after the
    point: "75.5%" in English, "75,5 %" in German."""
    from babel.numbers import format_percent

    pattern = locale().percent_formats[None].pattern
    if digits:
        pattern = re.sub(r"0(?=[^0#]*%)", "0." + "0" * digits, pattern, count=1)
    return format_percent(fraction, format=pattern, locale=locale())


def score(points: float) -> str:
    """An alignment score (0 to 100 points) as a percentage, one decimal when it has one:
    "72.7%" / "72,7 %", "100%" / "100 %"."""
    return percent(points / 100, digits=0 if float(points).is_integer() else 1)


def integer(count: int) -> str:
    """A whole number with the language's grouping: "12,000" / "12.000"."""
    return decimal(count, 0)


def one_of(items: Iterable[str]) -> str:
    """Alternatives as the language lists them: "kind or title", "a, b, or c" / "kind oder
    title". The items are written as they are (they are names from a file: keys, columns)."""
    from babel.lists import format_list

    return format_list(list(items), style="or", locale=locale())


def all_of(items: Iterable[str]) -> str:
    """Items as the language lists them all: "team and action" / "team und action"."""
    from babel.lists import format_list

    return format_list(list(items), style="standard", locale=locale())


def language_name(code: str) -> str:
    """`code`'s own name for itself, as a person picks it from a list: "Deutsch"."""
    name = _locale(code).get_display_name(_locale(code)) or code
    return name[:1].upper() + name[1:]
