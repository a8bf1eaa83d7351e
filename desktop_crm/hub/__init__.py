"""The team hub: a PostgreSQL database the laptops push to and pull from (team mode).

Beside the store: the same domain tables, in PostgreSQL, written only through the hub's own
functions (``functions.sql``), which merge field by field and keep conflicts.
"""
