"""Importing files (vCard, spreadsheets, web tables, LDIF) as one undoable operation."""
