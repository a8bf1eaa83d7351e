"""The Conflicts screen: fields two laptops changed apart, each decided here."""
