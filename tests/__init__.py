"""Tests of Alignment Workshop."""
