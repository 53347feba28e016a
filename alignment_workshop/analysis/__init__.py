"""The alignment checks: pure functions from a workshop to findings and scores (networkx).

`analyze(workshop)` gives a `Report`: the score, each team's score, the findings sorted
most severe first, and the ids of the aligned goals. `why_paths(workshop, node_id)` gives
the chains of supports links from a node up to a vision, and `why_sentence` and
`so_that_sentence` put one chain into words. `WhyIndex` answers many such questions about
one workshop without rebuilding its graph each time.
"""

from .checks import analyze
from .findings import Finding, Report, Severity, TeamScore
from .why import MAX_PATHS, WhyIndex, so_that_sentence, why_paths, why_sentence

__all__ = [
    "MAX_PATHS",
    "Finding",
    "Report",
    "Severity",
    "TeamScore",
    "WhyIndex",
    "analyze",
    "so_that_sentence",
    "why_paths",
    "why_sentence",
]
