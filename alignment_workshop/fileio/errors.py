"""The errors the file layer raises: one type for every refusal, with one-line messages.

Every problem with a file, whether it cannot be read, is not valid JSON, breaks a rule
or comes from a newer version, is a `WorkshopFileError`. Callers catch that one type;
the subclasses only let a caller tell a newer version or a failed save apart if it wants.
"""

from __future__ import annotations

import re

from alignment_workshop import formats
from alignment_workshop.i18n import _

#: The longest message a `WorkshopFileError` carries, in characters.
MESSAGE_MAX = 300

# Characters that would break a message across lines or could not be printed: C0 and
# C1 controls, line and paragraph separators, and lone surrogates.
_UNPRINTABLE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def one_line(text: str, limit: int = MESSAGE_MAX) -> str:
    """`text` on a single printable line of at most `limit` characters."""
    text = _UNPRINTABLE.sub(" ", text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class WorkshopFileError(Exception):
    """A workshop file could not be read, was refused, or could not be saved.

    `where` names the place in the file ("nodes[2].priority"; empty when the problem is
    the file as a whole) and `reason` says what is wrong. `str(error)` is
    "where: reason" on one line of at most 300 characters.
    """

    def __init__(self, where: str, reason: str) -> None:
        self.where = where
        self.reason = reason
        super().__init__(one_line(f"{where}: {reason}" if where else reason))

    def __str__(self) -> str:
        return str(self.args[0])


class NewerVersionError(WorkshopFileError):
    """The file was saved by a newer version of Alignment Workshop than this one."""

    def __init__(self, file_version: int, supported: int, generator: str | None) -> None:
        self.file_version = file_version
        self.supported = supported
        by = f" ({generator})" if generator else ""
        super().__init__(
            "version",
            _(
                "this file was saved by a newer version of Alignment Workshop{by} in file "
                "format version {version}, but this version reads format version "
                "{supported} at most; update Alignment Workshop to open it"
            ).format(by=by, version=str(file_version)[:20], supported=supported),
        )


class WorkshopSaveError(WorkshopFileError):
    """Saving failed; the file that was on disk before is unchanged."""


class WorkshopTooLargeError(WorkshopSaveError):
    """The workshop would make a file larger than the loader opens; nothing was written."""

    def __init__(self, size: int, limit: int) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            "",
            _(
                "the workshop would take {size} MiB, more than the {limit} MiB a workshop "
                "file may hold, so it was not saved; shorten long texts or split the workshop"
            ).format(size=formats.decimal(size / 1024 / 1024, 1), limit=limit // 1024 // 1024),
        )
