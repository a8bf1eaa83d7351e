"""The lead pool (公海): records nobody holds, claims, and returns of neglected ones."""
