"""The open document and its undo commands: every edit the editor makes to the model."""
