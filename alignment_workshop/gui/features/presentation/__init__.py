"""Presentation mode: the full-screen, high-contrast view the room watches."""
