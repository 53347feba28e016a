"""Reading and writing .alignment files: strict validation, migrations and atomic save.

The format is described in FORMAT.md beside this file. The public API:

- `loads(data)` / `load(path)`: a `Workshop` from bytes or a file;
- `dumps(workshop)` / `save(workshop, path)`: deterministic bytes, written atomically
  with the previous file kept as `<name>.bak`;
- `load_with_state(path)`, and `save`'s result: the `DiskState` (size, time, hash) of
  the file, for noticing later that another program changed it (`compare`);
- `WorkshopFileError`: the only exception loading raises (and the base of
  `WorkshopSaveError` and `NewerVersionError`), with a one-line message naming the place.
"""

from .atomic import backup_path, replace_file
from .disk_state import Change, DiskState, compare, state_of
from .errors import (
    NewerVersionError,
    WorkshopFileError,
    WorkshopSaveError,
    WorkshopTooLargeError,
)
from .jsonparse import MAX_FILE_BYTES
from .migrations import FORMAT_NAME, FORMAT_VERSION
from .reader import load, load_with_state, loads
from .writer import dumps, save, saveable_bytes

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "Change",
    "DiskState",
    "NewerVersionError",
    "WorkshopFileError",
    "WorkshopSaveError",
    "WorkshopTooLargeError",
    "backup_path",
    "compare",
    "dumps",
    "load",
    "load_with_state",
    "loads",
    "replace_file",
    "save",
    "saveable_bytes",
    "state_of",
]
