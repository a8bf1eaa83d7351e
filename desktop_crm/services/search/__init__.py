"""Search as you type and the global search (Ctrl+K)."""
