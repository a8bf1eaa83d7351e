"""Contact cards: a person's or company's details and timeline, logging from a card."""
