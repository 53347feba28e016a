"""Shared test support: Hypothesis strategies and workshop generators."""
