"""The default team colours, and the colour-vision maths that shows they stay apart.

New teams take their colours from `TEAM_COLORS` in order, from Paul Tol's schemes,
made to stay distinct for viewers with red-green colour blindness and in greyscale, on
a projector as on paper. `simulate` shows how a colour looks to a viewer with
protanopia, deuteranopia or tritanopia (Machado, Oliveira and Fernandes 2009, severity
1.0, applied in linear sRGB), and `delta_e` measures how far apart two colours look
(CIE 1976 ΔE*ab in CIELAB, D65). Pure Python: the GUI, the PDF and the tests share it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from enum import StrEnum
from itertools import combinations
from typing import Final

#: New teams' colours, in the order they are offered: Paul Tol's "bright" scheme without
#: its grey (too near the stripe of a goal with no team), then the indigo of his "muted".
TEAM_COLORS: Final = (
    "#4477AA",  # blue
    "#EE6677",  # red
    "#228833",  # green
    "#CCBB44",  # yellow
    "#66CCEE",  # cyan
    "#AA3377",  # purple
    "#332288",  # indigo
)

Matrix = tuple[tuple[float, float, float], ...]
RGB = tuple[float, float, float]


class Deficiency(StrEnum):
    """The three kinds of dichromacy the simulation knows."""

    PROTANOPIA = "protanopia"
    DEUTERANOPIA = "deuteranopia"
    TRITANOPIA = "tritanopia"


#: Machado et al. 2009, severity 1.0, for linear RGB.
_MACHADO: Final[dict[Deficiency, Matrix]] = {
    Deficiency.PROTANOPIA: (
        (0.152286, 1.052583, -0.204868),
        (0.114503, 0.786281, 0.099216),
        (-0.003882, -0.048116, 1.051998),
    ),
    Deficiency.DEUTERANOPIA: (
        (0.367322, 0.860646, -0.227968),
        (0.280085, 0.672501, 0.047413),
        (-0.011820, 0.042940, 0.968881),
    ),
    Deficiency.TRITANOPIA: (
        (1.255528, -0.076749, -0.178779),
        (-0.078411, 0.930809, 0.147602),
        (0.004733, 0.691367, 0.303900),
    ),
}

#: sRGB (linear) to CIE XYZ, D65.
_TO_XYZ: Final[Matrix] = (
    (0.4124564, 0.3575761, 0.1804375),
    (0.2126729, 0.7151522, 0.0721750),
    (0.0193339, 0.1191920, 0.9503041),
)
_WHITE: Final = (0.95047, 1.0, 1.08883)


def parse(color: str) -> RGB:
    """ "#RRGGBB" as three sRGB channels from 0 to 1."""
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {color!r}")
    return (int(text[0:2], 16) / 255, int(text[2:4], 16) / 255, int(text[4:6], 16) / 255)


def to_hex(rgb: RGB) -> str:
    """Three sRGB channels from 0 to 1 as "#RRGGBB"."""
    return "#" + "".join(f"{round(_clip(c) * 255):02X}" for c in rgb)


def _clip(value: float) -> float:
    return min(1.0, max(0.0, value))


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def _gamma(channel: float) -> float:
    channel = _clip(channel)
    return 12.92 * channel if channel <= 0.0031308 else 1.055 * channel ** (1 / 2.4) - 0.055


def _apply(matrix: Matrix, vector: Sequence[float]) -> RGB:
    x, y, z = (sum(m * v for m, v in zip(row, vector, strict=True)) for row in matrix)
    return (x, y, z)


def simulate(color: str, deficiency: Deficiency) -> str:
    """How `color` looks to a viewer with `deficiency`, as "#RRGGBB"."""
    linear = [_linear(c) for c in parse(color)]
    seen = _apply(_MACHADO[deficiency], linear)
    return to_hex((_gamma(seen[0]), _gamma(seen[1]), _gamma(seen[2])))


def lab(color: str) -> RGB:
    """`color` in CIELAB (L*, a*, b*), D65 white."""
    xyz = _apply(_TO_XYZ, [_linear(c) for c in parse(color)])

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(v / w) for v, w in zip(xyz, _WHITE, strict=True))
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def delta_e(first: str, second: str) -> float:
    """How far apart two colours look: the CIE 1976 ΔE*ab between them."""
    a, b = lab(first), lab(second)
    return math.dist(a, b)


def closest_pair(colors: Iterable[str], deficiency: Deficiency | None = None) -> float:
    """The smallest ΔE between any two of `colors`, as seen with `deficiency` (or normally)."""
    seen = [simulate(c, deficiency) if deficiency else c for c in colors]
    return min((delta_e(a, b) for a, b in combinations(seen, 2)), default=float("inf"))


def next_color(used: Iterable[str]) -> str:
    """The first default colour no team uses yet (the first one when all are taken)."""
    taken = {color.upper() for color in used}
    return next((c for c in TEAM_COLORS if c.upper() not in taken), TEAM_COLORS[0])


def text_on(color: str) -> str:
    """Black or white, whichever reads better on `color` (its WCAG relative luminance)."""
    red, green, blue = (_linear(c) for c in parse(color))
    luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    return "#000000" if luminance > 0.179 else "#FFFFFF"
