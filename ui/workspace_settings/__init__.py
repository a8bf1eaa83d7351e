"""The Settings screen: the workspace file, preferences, backups and history."""
