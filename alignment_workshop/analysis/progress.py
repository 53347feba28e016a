"""How far a key result has come: from its baseline, through its current value, to its target.

`progress(node)` reads a key result's numbers and says what can honestly be said: the
share of the way from baseline to target (which works the same for a target below the
baseline, like churn going down), or why there is none (no target, no baseline, not
measured yet, a target equal to the baseline). `measure_text(node)` writes the numbers
with their unit, "9 % → 7.5 % → 5 %", naming the roles only when a number is missing.
The editor's chips and Inspector and the PDF read the same words from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from alignment_workshop import formats
from alignment_workshop.i18n import _
from alignment_workshop.model import Node

#: Units written before the number ("$120"), not after it ("120 min").
_PREFIX_UNITS = frozenset({"$", "€", "£", "¥", "₹", "US$", "CHF"})
#: The furthest a fraction is told beyond either end (±1,000,000 %). Any finite numbers
#: are accepted, and a denormal gap between baseline and target would otherwise make
#: the share overflow to infinity, which no bar or percentage can draw.
FURTHEST = 10_000.0
_FURTHEST = Fraction(FURTHEST)


@dataclass(frozen=True, slots=True)
class Progress:
    """The progress of one key result."""

    #: The share of the way from baseline to target, not clamped (1.2 is beyond the
    #: target, -0.1 is worse than the baseline); None when it cannot be said.
    fraction: float | None
    #: A few words for people: "38 %", "target reached", "no target yet"…
    note: str

    @property
    def bar(self) -> float:
        """The fraction clamped to 0…1, for a progress bar (0 when there is none)."""
        if self.fraction is None:
            return 0.0
        return min(1.0, max(0.0, self.fraction))


def progress(node: Node) -> Progress:
    """How far the key result `node` has come from its baseline towards its target."""
    baseline, target, current = node.baseline, node.target, node.current
    if target is None:
        return Progress(None, _("no target yet"))
    if baseline is None:
        return Progress(None, _("no baseline"))
    if current is None:
        return Progress(None, _("not measured yet"))
    if target == baseline:
        return Progress(
            None, _("holding at target") if current == target else _("target equals baseline")
        )
    start = Fraction(baseline)
    fraction = share(Fraction(current) - start, Fraction(target) - start)
    if fraction > 1.0:
        return Progress(fraction, _("beyond target"))
    if fraction == 1.0:
        return Progress(fraction, _("target reached"))
    if fraction < 0.0:
        return Progress(fraction, _("worse than baseline"))
    return Progress(fraction, percent_text(fraction))


def share(part: Fraction, whole: Fraction) -> float:
    """`part / whole` worked out exactly, then kept within ±`FURTHEST`: always finite."""
    return float(max(-_FURTHEST, min(_FURTHEST, part / whole)))


def percent_text(fraction: float) -> str:
    """ "38%" / "38 %": a fraction as a whole percentage the language's way, never
    rounded up to 100 % too early."""
    percent = int(fraction * 100) if 0.99 < fraction < 1.0 else round(fraction * 100)
    return formats.percent(percent / 100)


def number_text(value: float) -> str:
    """A measure as people write it, in the language's way: "20", "7.5", "1,200,000",
    "0.0035" ("7,5", "1.200.000" in German), to ten significant digits; "1e+15"."""
    if value == int(value) and abs(value) < 1e15:
        return formats.integer(int(value))
    text = f"{value:.10g}"
    if "e" in text:  # 1e+15, 3.5e-08: as science writes it, with the language's decimal sign
        return text.replace(".", formats.decimal_sign())
    exact = Decimal(text)
    exponent = exact.as_tuple().exponent
    places = max(0, -exponent) if isinstance(exponent, int) else 0
    return formats.decimal(float(exact), places)


def with_unit(value: float, unit: str) -> str:
    """ "7.5 %", "42 min", "$120": the number with its unit, if any."""
    unit = " ".join(unit.split())
    if not unit:
        return number_text(value)
    if unit in _PREFIX_UNITS:
        return f"{unit}{number_text(value)}"
    return f"{number_text(value)} {unit}"


def measure_text(node: Node) -> str:
    """ "9 % → 7.5 % → 5 %": baseline, current and target, or what of them there is.

    With all three the arrows say it all. When one is missing the others are named,
    so that "9 % → target 5 %" is never read as a current value of 5 %.
    """
    unit = node.unit
    baseline, current, target = node.baseline, node.current, node.target
    if baseline is not None and current is not None and target is not None:
        return " → ".join(with_unit(v, unit) for v in (baseline, current, target))
    parts = []
    if baseline is not None:
        parts.append(_("from {value}").format(value=with_unit(baseline, unit)))
    if current is not None:
        parts.append(_("now {value}").format(value=with_unit(current, unit)))
    if target is not None:
        parts.append(_("target {value}").format(value=with_unit(target, unit)))
    if not parts:
        return _("no numbers yet")
    if baseline is not None and len(parts) > 1:
        parts[0] = with_unit(baseline, unit)  # "9 % → target 5 %" reads as a start
    return " → ".join(parts)
