"""The only API the UI calls: synchronous, Qt-free, returning frozen dataclasses."""
