"""People entered twice: finding likely pairs and merging them."""
