"""The limits every spreadsheet or outline must keep before it is read, and while it is.

They are checked as early as the format allows: the file's size before it is opened, the
XLSX archive's entries and uncompressed sizes before openpyxl sees it (a zip bomb never
expands), a sheet's declared dimension before its rows are parsed, and each row, column
and cell as it is read. The model's own limits (50,000 cards, 200 characters a title…)
apply on top, when the records are checked.
"""

from __future__ import annotations

from typing import Final

from alignment_workshop.model.rules import MAX_LINKS

#: The largest spreadsheet, CSV or Markdown file read, in bytes (as for .alignment files).
MAX_FILE_BYTES: Final = 20 * 1024 * 1024
#: The most rows one sheet or CSV file may hold, the header included: enough for the
#: model's 200,000 links listed one a row, and far below a million-row sheet.
MAX_ROWS: Final = MAX_LINKS + 1
#: The most columns one sheet may hold; the cards need 23.
MAX_COLUMNS: Final = 200
#: The most characters one cell may hold: Excel's own limit for a cell.
MAX_CELL_CHARS: Final = 32_767

#: The most entries an XLSX archive may hold; an export has 12.
MAX_ZIP_ENTRIES: Final = 1_000
#: The most bytes an XLSX archive may expand to, all entries together.
MAX_UNCOMPRESSED_BYTES: Final = 256 * 1024 * 1024
#: The most an entry larger than `RATIO_FLOOR_BYTES` may expand, as a multiple of its
#: compressed size. Real sheets compress 5 to 30 times; a zip bomb, thousands of times.
MAX_COMPRESSION_RATIO: Final = 150
RATIO_FLOOR_BYTES: Final = 1024 * 1024
