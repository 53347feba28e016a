"""WCAG 2 contrast: relative luminance of an sRGB colour and the ratio between two.

Presentation mode promises text at least 7:1 against its background (WCAG AAA); the
theme's tests check every pair with `contrast_ratio`. No Qt here: colours are "#RRGGBB".
"""

from __future__ import annotations

#: WCAG AAA: the least contrast presentation text may have.
AAA_RATIO = 7.0


def _channel(value: int) -> float:
    """One sRGB channel (0–255) made linear, as WCAG 2 defines it."""
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(color: str) -> float:
    """The relative luminance of "#RRGGBB": 0 for black, 1 for white."""
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"expected a colour like #1A2B3C, got {color!r}")
    red, green, blue = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(red) + 0.7152 * _channel(green) + 0.0722 * _channel(blue)


def contrast_ratio(first: str, second: str) -> float:
    """The WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
