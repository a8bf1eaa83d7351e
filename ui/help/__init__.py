"""Help: the user guide window (F1) and the Help menu."""
