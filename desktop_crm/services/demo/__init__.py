"""A demo workspace with realistic bilingual data."""
