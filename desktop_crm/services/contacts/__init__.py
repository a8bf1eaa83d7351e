"""People and companies: their records, the editor's save, custom fields."""
