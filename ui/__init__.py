"""The PySide6 desktop app: composition root, windows and views."""
