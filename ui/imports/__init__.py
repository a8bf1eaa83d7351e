"""The import wizard: file, mapping, preview, duplicates, then the run with progress."""
