"""Opening, creating, checking and restoring workspaces; backups; the handle the UI keeps."""
