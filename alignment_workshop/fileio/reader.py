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
        raise WorkshopFileError("format", "is required; this is not an Alignment Workshop file")
    if document["format"] != migrations.FORMAT_NAME:
        raise WorkshopFileError(
            "format",
            f'must be "{migrations.FORMAT_NAME}" (got {show(document["format"])}); '
            "this is not an Alignment Workshop file",
        )
    if "version" not in document:
        raise WorkshopFileError("version", "is required")
    version = document["version"]
    if isinstance(version, bool) or not isinstance(version, int):
        raise WorkshopFileError("version", f"must be an integer (got {type_name(version)})")
    if version < 1:
        raise WorkshopFileError("version", f"must be at least 1 (got {show(version)})")
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
            f"this file of format version {version} could not be upgraded "
            f"({type(error).__name__}); it may be damaged",
        ) from None


def _loads(data: bytes) -> Workshop:
    document = parse_json(data)
    if not isinstance(document, dict):
        raise WorkshopFileError(TOP, f"must be a JSON object (got {type_name(document)})")
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
        raise WorkshopFileError("", "the file is nested too deeply to be a workshop") from None
    except MemoryError:
        raise WorkshopFileError("", "the file is too large to load in this memory") from None
    except Exception as error:  # the last guard: never expected, always logged
        log.exception("unexpected error while reading a workshop file")
        raise WorkshopFileError(
            "", f"the file could not be read ({type(error).__name__}); it may be damaged"
        ) from error


def _read_file(path: str | os.PathLike[str]) -> tuple[bytes, os.stat_result]:
    """The bytes of the regular file at `path`, and its status; never blocks, never hangs."""
    if not isinstance(path, (str, bytes, os.PathLike)):
        raise WorkshopFileError("", f"{show(str(path))} is not a usable file path")
    try:
        with open_regular(path) as file:
            info = os.fstat(file.fileno())
            if info.st_size > MAX_FILE_BYTES:
                raise size_error(info.st_size)
            return file.read(MAX_FILE_BYTES + 1), info
    except FileNotFoundError:
        raise WorkshopFileError("", "there is no such file") from None
    except IsADirectoryError:
        raise WorkshopFileError("", "this is a folder, not a workshop file") from None
    except NotRegularFileError as error:
        raise WorkshopFileError("", f"this is {error.what}, not a workshop file") from None
    except PermissionError:
        raise WorkshopFileError("", "permission denied: the file cannot be read") from None
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise WorkshopFileError("", f"the file cannot be read ({reason})") from None
    except (TypeError, ValueError):
        raise WorkshopFileError("", f"{show(str(path))} is not a usable file path") from None


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
