"""What needs attention today (the Today screen)."""
