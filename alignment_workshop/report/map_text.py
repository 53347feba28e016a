"""Text that fits a card: greedy word wrap that also breaks words too long for a line.

Widths are measured run by run in the faces that will draw them (`scripts.width`).
"""

from __future__ import annotations

from .scripts import width as string_width
from .text import drawable


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """`word` cut into pieces that each fit `width`."""
    pieces, current = [], ""
    for char in word:
        if current and string_width(current + char, font, size) > width:
            pieces.append(current)
            current = char
        else:
            current += char
    return [*pieces, current] if current else pieces


def wrap_lines(text: str, font: str, size: float, width: float, max_lines: int) -> list[str]:
    """At most `max_lines` lines of `text` that fit `width`; an ellipsis marks a cut."""
    if max_lines <= 0:
        return []
    words: list[str] = []
    for word in drawable(text).split():
        words += (
            _split_word(word, font, size, width)
            if string_width(word, font, size) > width
            else [word]
        )
    lines: list[str] = []
    current = ""
    for word in words:
        candidate = f"{current} {word}" if current else word
        if current and string_width(candidate, font, size) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and string_width(last + "…", font, size) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
