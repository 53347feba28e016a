"""SVG that always parses: characters XML 1.0 forbids are replaced before the file is written.

The loader accepts any text in a title (a backspace, U+FFFE, a lone surrogate), but XML
1.0 allows only tab, newline, carriage return and the characters from U+0020 up, less
the surrogates, U+FFFE and U+FFFF. Qt's SVG generator writes such characters as they
are, which makes the file unreadable. `xml_safe(svg)` replaces each of them, written raw
or as a character reference, with U+FFFD (the replacement character "�"), which every
viewer shows. No Qt here: bytes in, bytes out.
"""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
_FORBIDDEN = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_REFERENCE = re.compile(r"&#(?:x([0-9A-Fa-f]+)|([0-9]+));")


def _allowed(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or (
        0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF
    )


def _reference(match: re.Match[str]) -> str:
    hexadecimal, decimal = match.groups()
    code = int(hexadecimal, 16) if hexadecimal else int(decimal)
    return match.group() if _allowed(code) else "&#xFFFD;"


def xml_safe(svg: bytes) -> bytes:
    """`svg` (UTF-8) with every character XML 1.0 forbids replaced by U+FFFD."""
    text = svg.decode("utf-8", errors="replace")
    text = _FORBIDDEN.sub(REPLACEMENT, text)
    return _REFERENCE.sub(_reference, text).encode("utf-8")
