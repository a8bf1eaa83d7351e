"""Contracts made from accepted quotes, their payment plans and the payments received (回款)."""
