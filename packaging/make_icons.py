"""Render the app icon from resources/icons/app.svg into every format the packaging needs.

Writes, next to the SVG:
- hicolor/<N>x<N>/apps/alignment-workshop.png for the freedesktop icon sizes,
- app.ico (Windows, PNG-compressed entries) and app.icns (macOS).

The outputs are committed, so a build never needs to regenerate them; run this script
again after changing the SVG:  .venv/bin/python packaging/make_icons.py
The ICO and ICNS writers are small and dependency-free; Qt (QtSvg, part of
PySide6-Essentials) does the rendering, offscreen.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ICON_NAME = "alignment-workshop"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS element types and the pixel size each holds (the @2x types hold double).
ICNS_TYPES = (
    ("icp4", 16),
    ("icp5", 32),
    ("icp6", 64),
    ("ic07", 128),
    ("ic08", 256),
    ("ic09", 512),
    ("ic10", 1024),
    ("ic11", 32),
    ("ic12", 64),
    ("ic13", 256),
    ("ic14", 512),
)

ICONS_DIR = Path(__file__).resolve().parent.parent / "resources" / "icons"


def render_png(svg: Path, size: int) -> bytes:
    """Render the SVG as a square PNG of `size` pixels, with antialiasing."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _ = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico holding one PNG-compressed image per size (Vista and later)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        blob = pngs[size]
        edge = 0 if size >= 256 else size  # 0 means 256 in the directory entry
        entries.append(struct.pack("<BBBBHHII", edge, edge, 0, 0, 1, 32, len(blob), offset))
        blobs.append(blob)
        offset += len(blob)
    return header + b"".join(entries) + b"".join(blobs)


def icns_bytes(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns whose elements are PNG data, one per ICNS type."""
    body = b""
    for kind, size in ICNS_TYPES:
        blob = pngs[size]
        body += kind.encode("ascii") + struct.pack(">I", len(blob) + 8) + blob
    return b"icns" + struct.pack(">I", len(body) + 8) + body


def generate(icons_dir: Path = ICONS_DIR) -> list[Path]:
    """Write every generated icon file below `icons_dir`; return the paths written."""
    svg = icons_dir / "app.svg"
    needed = set(HICOLOR_SIZES) | set(ICO_SIZES) | {size for _, size in ICNS_TYPES}
    pngs = {size: render_png(svg, size) for size in sorted(needed)}
    written = []
    for size in HICOLOR_SIZES:
        target = icons_dir / "hicolor" / f"{size}x{size}" / "apps" / f"{ICON_NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(pngs[size])
        written.append(target)
    for name, data in (
        ("app.ico", ico_bytes({s: pngs[s] for s in ICO_SIZES})),
        ("app.icns", icns_bytes(pngs)),
    ):
        (icons_dir / name).write_bytes(data)
        written.append(icons_dir / name)
    return written


def main() -> int:
    """Regenerate the icons in the repository's resources/icons folder."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in generate():
        print(path.relative_to(ICONS_DIR.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
