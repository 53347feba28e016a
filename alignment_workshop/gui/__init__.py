"""The desktop editor (PySide6): the only layer that imports Qt; nothing imports it."""
