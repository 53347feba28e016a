"""The bundle's entry point: PyInstaller runs this script as `alignment-workshop`.

It is the console script `alignment-workshop = alignment_workshop.cli:main` as a plain
script, because `alignment_workshop/__main__.py` uses a relative import that a frozen
top-level script cannot.
"""

import sys

from alignment_workshop.cli import main

if __name__ == "__main__":
    sys.exit(main())
