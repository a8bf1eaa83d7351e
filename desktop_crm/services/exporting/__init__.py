"""Exporting lists, cards and templates to files other software reads."""
