"""The one gate between workshop text and reportlab: every string passes through here.

Workshop text is plain text typed by people, never markup. `escape` makes it safe to put
inside a Paragraph: markup characters print literally, control characters become spaces,
each run of another script is set in the shipped face that draws it (`scripts.py`:
fallback per character, bidi, shaping), and only characters no shipped font has become
U+FFFD. Very long words are left to the paragraph styles, which all split long words.
`drawable` cleans text drawn straight on a canvas (`scripts.runs` then sets it), and
`plain` cleans text for the PDF's metadata and bookmarks, which keep every character.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final

from .scripts import clean_char, runs

_NEWLINES = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_XML: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"})


def _clean_char(char: str) -> str:
    """One character as it should reach the PDF, before fonts are picked; a newline kept."""
    return char if char == "\n" else clean_char(char)


def drawable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with newlines made one, control characters as spaces; logical order."""
    return _drawable(text, keep_newlines)


@lru_cache(maxsize=8192)
def _drawable(text: str, keep_newlines: bool) -> str:
    """`drawable`, once per text: a plan names the same cards and teams many times."""
    text = _NEWLINES.sub("\n", text)
    if not keep_newlines:
        text = text.replace("\n", " ")
    if all(c.isprintable() for c in text if c != "\n"):
        return text
    return "".join(_clean_char(c) for c in text)


def plain(text: str) -> str:
    """`text` for the PDF's metadata and outline: one line, every real character kept."""
    return drawable(text)


def _line_markup(line: str) -> str:
    parts = []
    for run in runs(line):
        text = run.text.translate(_XML)
        parts.append(text if run.face is None else f'<font face="{run.face}">{text}</font>')
    return "".join(parts)


def escape(text: str, *, keep_newlines: bool = True) -> str:
    """Workshop text as Paragraph markup that prints it literally, in the right fonts.

    Newlines become line breaks unless `keep_newlines` is false (then spaces), which is
    what an attribute value or a one-line heading wants.
    """
    text = drawable(text, keep_newlines=keep_newlines)
    return "<br/>".join(_line_markup(line) for line in text.split("\n"))
