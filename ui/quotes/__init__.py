"""The Quotes screen, the quote editor and the quotes section of a customer's card."""
