"""Screens whose features arrive in later releases: what they will hold, and figures."""
