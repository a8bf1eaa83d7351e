"""The Lead pool screen (公海): records nobody holds, claimed from a list."""
