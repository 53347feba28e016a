"""Alignment Workshop: build, check and present a company's alignment map."""

__version__ = "0.1.0"
