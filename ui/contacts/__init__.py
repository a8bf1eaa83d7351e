"""The Contacts screen: lists of people and companies, and their cards."""
