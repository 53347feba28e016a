"""Help › About: the version, the licences and the credits, plus the app icon.

Everything shown comes from files shipped in the package (`resources/guide/LICENSE.txt`,
`resources/fonts/LICENSE-DejaVu.txt`), so the dialog says the same in a wheel, in the
PyInstaller bundle and in a checkout. The text holds no links: it is read, not clicked.
"""

from __future__ import annotations

import html
import platform
from importlib.resources import files
from pathlib import Path

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from alignment_workshop import __version__
from alignment_workshop.i18n import N_, _

APP_TITLE = "Alignment Workshop"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)

CREDITS = (
    N_("Alignment Workshop is written and maintained by the Alignment Workshop maintainers."),
    N_(
        "It is built with Qt and Qt for Python (PySide6) for the window and the map, networkx "
        "for the alignment checks, reportlab for the PDF action plan, Pillow for images in the "
        "PDF, and appdirs for where settings and autosaves live."
    ),
    N_("The PDF is set in DejaVu Sans, from the DejaVu fonts project, based on Bitstream Vera."),
    N_("Thanks to every facilitator who tried an early version in a real workshop."),
)

QT_LICENCE = N_(
    "Qt and Qt for Python (PySide6) are used under the GNU Lesser General Public License, "
    "version 3 (LGPLv3). The Qt libraries are not changed and are loaded as separate shared "
    "libraries: in the installed app they sit in its folder, and you may replace them with "
    "your own compatible build of Qt. The source code of Qt and of Qt for Python, and the "
    "full text of the LGPLv3, are published by The Qt Company and the Qt Project."
)

OTHER_LICENCES = N_(
    "networkx: 3-clause BSD licence. reportlab: BSD licence. Pillow: MIT-CMU licence. "
    "uharfbuzz and HarfBuzz: Apache 2.0 and MIT (Old MIT) licences. "
    "python-bidi: GNU LGPL version 3 (its Rust unicode-bidi core: MIT or Apache 2.0). "
    "appdirs: MIT licence. Python: Python Software Foundation License."
)


def resource_path(*parts: str) -> Path:
    """A file shipped in alignment_workshop.resources (they ship unzipped, so a real path).

    importlib.resources directly, not alignment_workshop.paths, which would pull appdirs
    into the GUI's imports (see the import-linter contracts).
    """
    node = files("alignment_workshop.resources")
    for part in parts:
        node = node.joinpath(part)
    return Path(str(node))


def app_icon() -> QIcon:
    """The app icon in every rendered size, plus the SVG for any other size."""
    icon = QIcon()
    for size in ICON_SIZES:
        png = resource_path("icons", "hicolor", f"{size}x{size}", "apps", "alignment-workshop.png")
        if png.is_file():
            icon.addFile(str(png), QSize(size, size))
    svg = resource_path("icons", "app.svg")
    if icon.isNull() and svg.is_file():
        icon.addFile(str(svg))
    return icon


def read_resource(*parts: str) -> str:
    """A shipped text file, or a sentence saying it is missing (never an exception)."""
    path = resource_path(*parts)
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return _("({file} is missing from this installation.)").format(file="/".join(parts))


def versions_text() -> str:
    """One line with the versions that matter in a bug report."""
    import PySide6

    return _("Version {version} · Qt {qt} · PySide6 {pyside} · Python {python}").format(
        version=__version__,
        qt=qVersion(),
        pyside=PySide6.__version__,
        python=platform.python_version(),
    )


def licences_html() -> str:
    """The licences page: the app's MIT licence, Qt's LGPL, the fonts' licences, the rest."""

    def section(title: str, body: str, pre: bool = False) -> str:
        text = html.escape(body)
        inner = f"<pre style='white-space: pre-wrap'>{text}</pre>" if pre else f"<p>{text}</p>"
        return f"<h3>{html.escape(title)}</h3>{inner}"

    return "".join(
        (
            section(
                _("Alignment Workshop: MIT License"), read_resource("guide", "LICENSE.txt"), True
            ),
            section(_("Qt and Qt for Python: GNU LGPL version 3"), _(QT_LICENCE)),
            section(_("DejaVu fonts"), read_resource("fonts", "LICENSE-DejaVu.txt"), True),
            section(
                _("Noto Sans (Arabic, Hebrew, Thai, Indic) and Noto Emoji: SIL Open Font License"),
                read_resource("fonts", "LICENSE-Noto-OFL.txt"),
                True,
            ),
            section(
                _("Droid Sans Fallback (Chinese, Japanese, Korean): Apache License 2.0"),
                read_resource("fonts", "LICENSE-DroidSansFallback-Apache-2.0.txt"),
                True,
            ),
            section(_("Other components"), _(OTHER_LICENCES)),
        )
    )


def credits_html() -> str:
    """The credits page: plain paragraphs, no links."""
    return "".join(f"<p>{html.escape(paragraph)}</p>" for paragraph in map(_, CREDITS))


class AboutDialog(QDialog):
    """The About box: icon, name, versions, then Credits and Licences tabs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("About {APP_TITLE}").format(APP_TITLE=APP_TITLE))
        self.setWindowIcon(app_icon())
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        layout.addLayout(self._header())
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self._page(credits_html()), _("Credits"))
        self.tabs.addTab(self._page(licences_html()), _("Licences"))
        layout.addWidget(self.tabs, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _header(self) -> QHBoxLayout:
        row = QHBoxLayout()
        icon = QLabel(self)
        icon.setPixmap(app_icon().pixmap(64, 64))
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        title = QLabel(
            "<h2>{title}</h2><p>{summary}</p><p>{versions}</p><p>{copyright}</p>".format(
                title=APP_TITLE,
                summary=html.escape(
                    _(
                        "Build, check and present a company's alignment map: vision, values, "
                        "objectives and team goals."
                    )
                ),
                versions=html.escape(versions_text()),
                copyright=html.escape(
                    _("Copyright © 2026 Alignment Workshop maintainers. MIT License.")
                ),
            ),
            self,
        )
        title.setObjectName("aboutTitle")
        title.setWordWrap(True)
        title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row.addWidget(title, 1)
        return row

    def _page(self, body: str) -> QTextBrowser:
        page = QTextBrowser(self)
        page.setOpenLinks(False)
        page.setHtml(body)
        return page


def show_about(parent: QWidget | None = None) -> int:
    """Show the About box modally; returns the dialog's result."""
    return AboutDialog(parent).exec()
