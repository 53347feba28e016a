"""The alignment checks: pure functions from a workshop to findings and scores (networkx)."""
