"""Workspace settings and the human-facing numbers drawn from their patterns."""
