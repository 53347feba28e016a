"""The Inspector dock: edits every field of the selection or of the workshop."""
