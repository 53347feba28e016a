"""Reading and writing .alignment files: strict validation, migrations and atomic save."""
