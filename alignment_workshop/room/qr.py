"""The room's address as a QR code, made in memory by segno (no file, no Qt).

`qr_png(url)` gives PNG bytes with whole-pixel modules and the quiet zone the standard
asks for, so a phone's camera reads it off a projector from the back of the room.
Error correction "M" (15 %) survives a glare spot without making the code much denser.
"""

from __future__ import annotations

import io

import segno


def qr_png(url: str, *, scale: int = 10) -> bytes:
    """A PNG of `url` as a QR code, each module `scale` pixels, with a 4-module margin."""
    code = segno.make_qr(url, error="m", boost_error=False)
    buffer = io.BytesIO()
    code.save(buffer, kind="png", scale=scale, border=4, dark="#000000", light="#ffffff")
    return buffer.getvalue()


def qr_modules(url: str) -> int:
    """How many modules wide the QR code of `url` is (without the margin)."""
    return int(segno.make_qr(url, error="m", boost_error=False).symbol_size(border=0)[0])
