"""What every feature's services share: change results, lookups, bulk-work helpers."""
