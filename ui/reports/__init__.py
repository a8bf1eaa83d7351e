"""The Reports screen: charts and tables of the sales reports."""
