"""Text for a terminal: control characters are shown as visible escapes, never obeyed.

A workshop title, a team name or a file name may hold escape sequences that clear the
screen, set the terminal's title or write the clipboard (OSC 52), or bidi overrides that
reorder what is shown. `visible(text)` replaces every C0 control but tab and newline,
DEL, every C1 control, the line and paragraph separators and the bidi controls with an
escape a person can read (`\\x1b`, `\\u202e`). The command line passes its human output
and its error lines through it; `check --json` stays exact. Standard library only.
"""

from __future__ import annotations

import re

_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control character a terminal would obey shown as an escape."""
    return _CONTROLS.sub(_escape, text)
