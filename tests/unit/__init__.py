"""Unit tests: no Qt anywhere below this folder."""
