"""Plumbing under the editor: settings, single-instance checks, logs and OS file-open events."""
