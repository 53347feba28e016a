"""The checks an XLSX archive passes before openpyxl opens it: no zip bomb gets through.

An XLSX file is a zip archive of XML files. Before any of it is decompressed, its
central directory must list at most `MAX_ZIP_ENTRIES` entries, expanding to at most
`MAX_UNCOMPRESSED_BYTES` in all, none of them (above a megabyte) more than
`MAX_COMPRESSION_RATIO` times its compressed size. The sizes come from the directory,
which a hostile file could understate; Python's zipfile then stops each entry at its
stated size and fails its checksum, so the stated sizes bound what is ever decompressed.
The XML inside is then parsed by openpyxl through defusedxml, which refuses entity
declarations (the "billion laughs") and external references.
"""

from __future__ import annotations

import io
import zipfile

from alignment_workshop import formats
from alignment_workshop.i18n import _

from .errors import InterchangeError
from .limits import (
    MAX_COMPRESSION_RATIO,
    MAX_UNCOMPRESSED_BYTES,
    MAX_ZIP_ENTRIES,
    RATIO_FLOOR_BYTES,
)


def check_archive(data: bytes) -> None:
    """Refuse `data` unless it is a zip archive within the limits; reads no entry."""
    if not data.startswith(b"PK"):
        raise InterchangeError(
            _(
                "this is not an XLSX workbook (it is not a zip archive); save it from the "
                "spreadsheet as .xlsx, or as .csv"
            )
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise InterchangeError(
            _("the workbook is damaged: its zip archive is unreadable ({error})").format(
                error=error
            )
        ) from None
    if len(entries) > MAX_ZIP_ENTRIES:
        raise InterchangeError(
            _("the workbook's archive holds {count} files; at most {limit} are read").format(
                count=formats.integer(len(entries)), limit=formats.integer(MAX_ZIP_ENTRIES)
            )
        )
    total = sum(entry.file_size for entry in entries)
    if total > MAX_UNCOMPRESSED_BYTES:
        raise InterchangeError(
            _(
                "the workbook expands to {total} MB; at most {limit} MB are read (is it a "
                "zip bomb?)"
            ).format(
                total=formats.integer(round(total / 1024 / 1024)),
                limit=MAX_UNCOMPRESSED_BYTES // 1024 // 1024,
            )
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size > RATIO_FLOOR_BYTES and ratio > MAX_COMPRESSION_RATIO:
            raise InterchangeError(
                _(
                    "the workbook's {filename} expands {ratio} times; files that expand more "
                    "than {limit} times are refused (is it a zip bomb?)"
                ).format(
                    filename=entry.filename,
                    ratio=formats.integer(round(ratio)),
                    limit=MAX_COMPRESSION_RATIO,
                )
            )
