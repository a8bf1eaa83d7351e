"""Alembic environment: runs on the connection handed in by ``schema.upgrade``."""

from __future__ import annotations

from alembic import context

from desktop_crm.store.models import Base

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - only `alembic` on the command line gets here
    from pathlib import Path

    from desktop_crm.store.database import make_engine

    engine = make_engine(Path(config.get_main_option("workspace", "dev.crm")))
    connection = engine.connect()


def include_object(obj, name, type_, reflected, compare_to):  # type: ignore[no-untyped-def]
    """FTS5 tables are created by hand in migrations; autogenerate leaves them alone."""
    return not (type_ == "table" and name is not None and name.startswith("search_fts"))


context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    include_object=include_object,
    render_as_batch=True,  # SQLite alters tables by copying them
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
if connection.in_transaction():
    connection.commit()
