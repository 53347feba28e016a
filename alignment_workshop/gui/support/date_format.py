"""How the Inspector's date fields write a date, for the language in effect.

English keeps the ISO form (2027-03-01) the editor has always shown, which every reader
can parse; other languages use their own short form with a four-digit year, from Qt's
locale data for the language chosen at start-up (German: 01.03.2027).
"""

from __future__ import annotations

from PySide6.QtCore import QLocale

from alignment_workshop import i18n

ISO = "yyyy-MM-dd"


def date_format() -> str:
    """A QDateEdit display format for the language in effect."""
    if i18n.language() == i18n.SOURCE_LANGUAGE:
        return ISO
    short = QLocale(i18n.language()).dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in short:
        short = short.replace("yy", "yyyy")
    return short
