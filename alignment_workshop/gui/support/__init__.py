"""Plumbing under the editor: settings, single-instance checks, logs, OS file-open events
and the background operations that keep long work off the GUI thread."""
