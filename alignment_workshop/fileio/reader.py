"""Loading a workshop: strict JSON, the envelope, migrations, then the checked records.

`loads` runs the phases in order: `jsonparse` (bytes to JSON values), the envelope
(`format` and `version`), the migration chain for older versions, and `schema` (types,
keys and limits, then the model's own value rules). Every refusal is a
`WorkshopFileError`; a last guard turns anything unforeseen into one as well, and logs
it, so that no other exception can escape for any input.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from alignment_workshop.i18n import _
from alignment_workshop.model import Workshop
from alignment_workshop.model.validation import show, type_name
from alignment_workshop.safe_files import NotRegularFileError, open_regular

from . import migrations
from .disk_state import DiskState
from .errors import NewerVersionError, WorkshopFileError
from .gcpause import collector_paused
from .jsonparse import MAX_FILE_BYTES, parse_json, size_error
from .locations import TOP
from .schema import as_object, read_document

log = logging.getLogger(__name__)


def _version(document: dict[str, Any]) -> int:
    """The checked `format` and `version` of a document."""
    if "format" not in document:
        raise WorkshopFileError("format", _("is required; this is not an Alignment Workshop file"))
    if document["format"] != migrations.FORMAT_NAME:
        raise WorkshopFileError(
            "format",
            _('must be "{name}" (got {value}); this is not an Alignment Workshop file').format(
                name=migrations.FORMAT_NAME, value=show(document["format"])
            ),
        )
    if "version" not in document:
        raise WorkshopFileError("version", _("is required"))
    version = document["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorkshopFileError(
            "version",
            _("must be an integer (got {type_name})").format(type_name=type_name(version)),
        )
    if version < 1:
        raise WorkshopFileError(
            "version", _("must be at least 1 (got {value})").format(value=show(version))
        )
    if version > migrations.FORMAT_VERSION:
        generator = document.get("generator")
        named = generator if isinstance(generator, str) and len(generator) <= 60 else None
        raise NewerVersionError(version, migrations.FORMAT_VERSION, named)
    return version


def _upgraded(document: dict[str, Any], version: int) -> dict[str, Any]:
    """`document` brought to the current version by the migration chain."""
    try:
        return migrations.upgrade(document, version)
    except WorkshopFileError:
        raise
    except Exception as error:  # a step met data it could not handle: the file is bad
        raise WorkshopFileError(
            "version",
            _(
                "this file of format version {version} could not be upgraded ({type}); "
                "it may be damaged"
            ).format(version=version, type=type(error).__name__),
        ) from None


def _loads(data: bytes) -> Workshop:
    document = parse_json(data)
    if not isinstance(document, dict):
        raise WorkshopFileError(
            TOP, _("must be a JSON object (got {type_name})").format(type_name=type_name(document))
        )
    document = as_object(document, TOP)
    version = _version(document)
    if version < migrations.FORMAT_VERSION:
        document = as_object(_upgraded(document, version), TOP)
    return read_document(document)


def loads(data: bytes) -> Workshop:
    """The workshop in `data`, the bytes of a .alignment file.

    Raises `WorkshopFileError`, and nothing else, when the bytes are not a valid file.
    """
    try:
        with collector_paused():
            return _loads(data)
    except WorkshopFileError:
        raise
    except RecursionError:
        raise WorkshopFileError("", _("the file is nested too deeply to be a workshop")) from None
    except MemoryError:
        raise WorkshopFileError("", _("the file is too large to load in this memory")) from None
    except Exception as error:  # the last guard: never expected, always logged
        log.exception("unexpected error while reading a workshop file")
        raise WorkshopFileError(
            "",
            _("the file could not be read ({type}); it may be damaged").format(
                type=type(error).__name__
            ),
        ) from error


def _read_file(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path`, and its status; never blocks, never hangs."""
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise WorkshopFileError(
            "", _("{value} is not a usable file path").format(value=show(str(path)))
        )
    try:
        with open_regular(path) as file:
            info = os.fstat(file.fileno())
            if info.st_size > MAX_FILE_BYTES:
                raise size_error(info.st_size)
            return file.read(MAX_FILE_BYTES + 1), info
    except FileNotFoundError:
        raise WorkshopFileError("", _("there is no such file")) from None
    except IsADirectoryError:
        raise WorkshopFileError("", _("this is a folder, not a workshop file")) from None
    except NotRegularFileError as error:
        raise WorkshopFileError(
            "", _("this is {what}, not a workshop file").format(what=error.what)
        ) from None
    except PermissionError:
        raise WorkshopFileError("", _("permission denied: the file cannot be read")) from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WorkshopFileError(
            "", _("the file cannot be read ({reason})").format(reason=reason)
        ) from None
    except (TypeError, ValueError):
        raise WorkshopFileError(
            "", _("{value} is not a usable file path").format(value=show(str(path)))
        ) from None


def load(path: str | os.PathLike[str]) -> Workshop:
    """The workshop in the .alignment file at `path`; raises only `WorkshopFileError`.

    Only a regular file (or a symbolic link to one) is read: a FIFO, socket or device is
    refused at once, in one line, and never opened for a blocking read.
    """
    return loads(_read_file(path)[0])


def load_with_state(path: str | os.PathLike[str]) -> tuple[Workshop, DiskState]:
    """`load`, with the state of the bytes it read, to notice later outside changes."""
    data, info = _read_file(path)
    return loads(data), DiskState.of(data, info)
