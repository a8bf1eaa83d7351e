"""Deals: what one is worth, where it stands in its pipeline, and whose it is."""
