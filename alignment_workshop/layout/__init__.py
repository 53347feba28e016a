"""Automatic placement of the nodes of a workshop, layered from the vision down."""
