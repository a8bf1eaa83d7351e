"""The operation history: listing, undoing and redoing whole operations."""
