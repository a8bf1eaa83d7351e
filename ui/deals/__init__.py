"""Deals: a deal's view with its quotes, and the deals listed on a contact's card."""
