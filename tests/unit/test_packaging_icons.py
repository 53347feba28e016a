"""The committed icon files: every hicolor size, and ICO/ICNS files that hold every size.

No Qt here: Pillow (a reportlab dependency) reads the files, and the ICO/ICNS writers of
packaging/make_icons.py are checked on synthetic PNGs. tests/gui/test_help_about.py checks
that the committed PNGs still match the SVG.
"""

from __future__ import annotations

import io
import struct
from pathlib import Path
from types import ModuleType

from PIL import Image

from tests.support.scripts import load_script

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"


def make_icons() -> ModuleType:
    return load_script(ROOT / "packaging" / "make_icons.py")


def png(size: int, colour: tuple[int, int, int, int] = (200, 30, 30, 255)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA", (size, size), colour).save(buffer, "PNG")
    return buffer.getvalue()


def test_every_hicolor_size_is_committed_at_its_size() -> None:
    for size in make_icons().HICOLOR_SIZES:
        path = ICONS / "hicolor" / f"{size}x{size}" / "apps" / "alignment-workshop.png"
        with Image.open(path) as image:
            assert image.size == (size, size), path
            assert image.mode == "RGBA"
            # Rounded corners: the corner pixel is transparent, the centre is opaque.
            assert image.getpixel((0, 0))[3] == 0
            assert image.getpixel((size // 2, size // 2))[3] == 255


def test_committed_ico_holds_every_windows_size() -> None:
    with Image.open(ICONS / "app.ico") as ico:
        assert ico.format == "ICO"
        assert set(ico.ico.sizes()) == {(s, s) for s in make_icons().ICO_SIZES}


def test_committed_icns_holds_the_retina_sizes() -> None:
    with Image.open(ICONS / "app.icns") as icns:
        assert icns.format == "ICNS"
        sizes = icns.info["sizes"]
        assert (512, 512, 2) in sizes and (16, 16, 1) in sizes and (128, 128, 1) in sizes


def test_ico_writer_round_trips_through_pillow() -> None:
    tool = make_icons()
    data = tool.ico_bytes({16: png(16), 256: png(256, (0, 0, 255, 255))})
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, 2)
    with Image.open(io.BytesIO(data)) as ico:
        assert set(ico.ico.sizes()) == {(16, 16), (256, 256)}
        big = ico.ico.getimage((256, 256)).convert("RGBA")
        assert big.getpixel((5, 5)) == (0, 0, 255, 255)


def test_icns_writer_declares_its_length_and_every_type() -> None:
    tool = make_icons()
    pngs = {size: png(size) for _, size in tool.ICNS_TYPES}
    data = tool.icns_bytes(pngs)
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)
    offset, kinds = 8, []
    while offset < len(data):
        kind, length = (
            data[offset : offset + 4].decode(),
            struct.unpack(">I", data[offset + 4 : offset + 8])[0],
        )
        assert data[offset + 8 : offset + 16] == b"\x89PNG\r\n\x1a\n"
        kinds.append(kind)
        offset += length
    assert offset == len(data)
    assert kinds == [kind for kind, _ in tool.ICNS_TYPES]
    with Image.open(io.BytesIO(data)) as icns:
        assert (512, 512, 2) in icns.info["sizes"] and (16, 16, 1) in icns.info["sizes"]
        icns.load()
        assert icns.size == (1024, 1024)  # ic10: 512 points at 2x
