"""Typed makers for the reportlab shapes the map and its legend draw.

reportlab's shape constructors take their styles as loose keyword arguments; these set
them as attributes, which its type stubs describe, so that mypy checks every use.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.shapes import PolyLine, Rect
from reportlab.lib import colors

from . import palette


def filled_rect(
    box: tuple[float, float, float, float],
    fill: colors.Color,
    stroke: colors.Color | None,
    *,
    width: float = 1,
    dash: Sequence[float] = (),
    radius: float = 0,
) -> Rect:
    """A filled rectangle (x, y, width, height), outlined in `stroke` unless it is None."""
    rect = Rect(*box, rx=radius, ry=radius)
    rect.fillColor = fill
    rect.strokeColor = stroke
    rect.strokeWidth = width
    if dash:
        rect.strokeDashArray = dash
    return rect


def link_line(points: list[float], stroke: colors.Color, style: palette.LinkStyle) -> PolyLine:
    """A polyline in a link's stroke width and dash (solid when it has none)."""
    line = PolyLine(points, strokeColor=stroke, strokeWidth=style.width)
    if style.dash:
        line.strokeDashArray = list(style.dash)
    return line
