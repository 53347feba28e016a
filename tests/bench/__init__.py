"""Benchmarks run by `make bench`: standalone scripts, never timed unit tests."""
