"""Files on disk: open and save actions, prompts, recent files, locks, autosave and recovery."""
