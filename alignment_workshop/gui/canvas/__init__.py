"""The map canvas: scene, view, items, the interaction gestures and drawing style."""
