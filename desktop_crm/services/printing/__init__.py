"""Printing quotes and contracts: templates, the company profile, the print log, PDF output."""
