"""The Contracts screen: contracts made from quotes, their payment plans and payments (回款)."""
