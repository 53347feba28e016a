"""The phone page, its script, its style and its words, read once into memory.

The page ships as package data (`resources/room/`). The server reads it when it starts
and then answers from memory, so no phone request ever reaches the file system, and a
request can name no file: there are exactly these four things to fetch.
"""

from __future__ import annotations

import importlib.resources
import json
from dataclasses import dataclass

from .strings import phone_strings

#: The files of the phone page in resources/room/, by the name the page fetches them as.
_FILES = {
    "": ("phone.html", "text/html"),
    "app.js": ("phone.js", "text/javascript"),
    "app.css": ("phone.css", "text/css"),
}


@dataclass(frozen=True, slots=True)
class Asset:
    """One thing a phone may fetch: its bytes and its content type (always UTF-8)."""

    body: bytes
    content_type: str


def load_assets(language: str | None = None) -> dict[str, Asset]:
    """The page, script and style, and `strings.json` in `language` (None: the language
    in effect), by request name."""
    folder = importlib.resources.files("alignment_workshop.resources") / "room"
    assets = {
        name: Asset((folder / file).read_bytes(), kind) for name, (file, kind) in _FILES.items()
    }
    words = json.dumps(phone_strings(language), ensure_ascii=True).encode("ascii")
    assets["strings.json"] = Asset(words, "application/json")
    return assets
