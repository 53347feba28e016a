"""Reading and writing .alignment files: strict validation, migrations and atomic save.

The format is described in FORMAT.md beside this file. The public API:

- `loads(data)` / `load(path)`: a `Workshop` from bytes or a file;
- `dumps(workshop)` / `save(workshop, path)`: deterministic bytes, written atomically
  with the previous file kept as `<name>.bak`;
- `WorkshopFileError`: the only exception loading raises (and the base of
  `WorkshopSaveError` and `NewerVersionError`), with a one-line message naming the place.
"""

from .atomic import backup_path, replace_file
from .errors import NewerVersionError, WorkshopFileError, WorkshopSaveError
from .jsonparse import MAX_FILE_BYTES
from .migrations import FORMAT_NAME, FORMAT_VERSION
from .reader import load, loads
from .writer import dumps, save

__all__ = [
    "FORMAT_NAME",
    "FORMAT_VERSION",
    "MAX_FILE_BYTES",
    "NewerVersionError",
    "WorkshopFileError",
    "WorkshopSaveError",
    "backup_path",
    "dumps",
    "load",
    "loads",
    "replace_file",
    "save",
]
