"""The product catalogue: codes, names in two languages, prices, tax rates."""
