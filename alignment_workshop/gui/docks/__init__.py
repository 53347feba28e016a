"""The panels and dialogs around the canvas: palette, alignment check, teams, Inspector."""
