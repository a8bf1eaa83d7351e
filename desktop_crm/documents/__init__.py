"""Printable documents (quotes, contracts) drawn with reportlab; Qt-free."""
