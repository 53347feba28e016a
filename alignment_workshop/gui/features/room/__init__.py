"""The room in the editor: open it, run voting rounds, moderate proposals, show the join code."""
