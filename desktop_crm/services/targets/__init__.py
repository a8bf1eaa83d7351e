"""Monthly sales targets per owner: what the targets report compares won amounts with."""
