"""`python -m alignment_workshop`: the same as the `alignment-workshop` command."""

import sys

from .cli import main

sys.exit(main())
