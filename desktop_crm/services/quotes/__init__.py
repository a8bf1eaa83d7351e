"""Quotes: the catalogue's prices on lines, revisions, statuses and totals."""
