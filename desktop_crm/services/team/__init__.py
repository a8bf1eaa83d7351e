"""Team mode: this workspace joined to a PostgreSQL hub, pushed to and pulled from it."""
