"""The Products screen, its editor, and the picker and quick add the quote editor uses."""
