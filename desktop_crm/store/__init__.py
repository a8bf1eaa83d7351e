"""SQLite persistence: models, migrations, backups, locking and the change log."""
