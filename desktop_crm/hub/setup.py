"""``hub init``: create or upgrade a hub's schema, functions and the sync role (idempotent).

Run by the studio's administrator (a role that may create schemas in the database). Team
members' roles join the ``crm_sync`` role, which may call the hub's ``sync_*`` functions and
nothing else.
"""

from __future__ import annotations

from importlib import resources
from typing import Any

import psycopg

from desktop_crm import __version__
from desktop_crm.domain.errors import HubError
from desktop_crm.hub.tables import SCHEMA, synced_tables, table_ddl
from desktop_crm.store.schema import shown_version

SYNC_ROLE = "crm_sync"
_LOCK = 0x43524D48  # advisory lock key: two inits at once run one after the other

_BOOKKEEPING = f"""
CREATE SCHEMA IF NOT EXISTS {SCHEMA};
CREATE TABLE IF NOT EXISTS {SCHEMA}.meta (key text PRIMARY KEY, value text NOT NULL);
CREATE TABLE IF NOT EXISTS {SCHEMA}.clock (
    id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL);
INSERT INTO {SCHEMA}.clock VALUES (1, 0) ON CONFLICT DO NOTHING;
CREATE TABLE IF NOT EXISTS {SCHEMA}.devices (
    id uuid PRIMARY KEY, role name NOT NULL, user_id uuid, slot integer NOT NULL UNIQUE,
    joined_at timestamptz NOT NULL);
CREATE TABLE IF NOT EXISTS {SCHEMA}.changes (
    seq bigint PRIMARY KEY, op_id uuid, device_id uuid, user_id uuid, user_name text,
    entity text NOT NULL, row_id uuid NOT NULL, action text NOT NULL, fields jsonb NOT NULL,
    at timestamptz NOT NULL, client_at timestamptz);
CREATE TABLE IF NOT EXISTS {SCHEMA}.conflicts (
    id uuid PRIMARY KEY, entity text NOT NULL, row_id uuid NOT NULL, field text NOT NULL,
    base jsonb, kept jsonb, offered jsonb, kept_by text, kept_device uuid,
    kept_at timestamptz, offered_by text, offered_device uuid, offered_at timestamptz,
    resolved_at timestamptz, resolved_by text, resolution jsonb);
ALTER TABLE {SCHEMA}.conflicts ADD COLUMN IF NOT EXISTS seq bigint;
CREATE TABLE IF NOT EXISTS {SCHEMA}.applied (
    op_id uuid PRIMARY KEY, operation_id uuid, device_id uuid, at timestamptz NOT NULL);
CREATE INDEX IF NOT EXISTS ix_applied_operation ON {SCHEMA}.applied (operation_id);
CREATE TABLE IF NOT EXISTS {SCHEMA}.synced_tables (name text PRIMARY KEY);
"""

_API = (
    "sync_hello(uuid, integer)",
    "sync_mark(bigint)",
    "sync_register(uuid, uuid, integer)",
    "sync_push(uuid, jsonb)",
    "sync_seed(uuid, uuid, text, jsonb)",
    "sync_pull(uuid, bigint, integer)",
    "sync_known(uuid[])",
    "sync_seeded(uuid)",
)


def functions_sql() -> str:
    """The hub's functions (``functions.sql`` beside this module)."""
    return resources.files("desktop_crm.hub").joinpath("functions.sql").read_text("utf-8")


def init_hub(
    conn: psycopg.Connection[Any], schema_version: int, *, app_version: str = __version__
) -> str:
    """Create or upgrade the hub in ``conn``'s database; what was done, in a few words.

    The hub remembers (``meta`` key ``app_version``) the app version that set it up at its
    schema: a laptop behind it is told which version to install. Running ``init`` again at the
    same schema keeps it (that version still serves the hub).

    Raises:
        HubError: The hub was made by a newer version of the app (``reason`` ``hub_newer``,
            ``params['needed']`` that version when the hub knows it); nothing was changed.
    """
    with conn.transaction():
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK,))
        conn.execute(_BOOKKEEPING)
        found = _meta(conn, "schema")
        before = None if found is None else int(found)
        if before is not None and before > schema_version:
            raise _hub_newer(before, shown_version(_meta(conn, "app_version")), app_version)
        conn.execute(
            f"INSERT INTO {SCHEMA}.meta VALUES ('epoch', gen_random_uuid()::text) "
            "ON CONFLICT DO NOTHING"
        )
        conn.execute(
            f"INSERT INTO {SCHEMA}.meta VALUES ('schema', %s) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (str(schema_version),),
        )
        # A new schema is this version's doing; else a hub from before the record gets one.
        keep = "NOTHING" if before == schema_version else "UPDATE SET value = excluded.value"
        conn.execute(
            f"INSERT INTO {SCHEMA}.meta VALUES ('app_version', %s) ON CONFLICT (key) DO {keep}",
            (app_version,),
        )
        for table in synced_tables():
            for statement in table_ddl(table):
                conn.execute(statement.encode())
            conn.execute(
                f"INSERT INTO {SCHEMA}.synced_tables VALUES (%s) ON CONFLICT DO NOTHING",
                (table.name,),
            )
        conn.execute(functions_sql().encode())
        conn.execute(
            "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
            f"'{SYNC_ROLE}') THEN CREATE ROLE {SYNC_ROLE} NOLOGIN; END IF; END $$"
        )
        conn.execute(f"REVOKE ALL ON SCHEMA {SCHEMA} FROM PUBLIC")
        conn.execute(f"GRANT USAGE ON SCHEMA {SCHEMA} TO {SYNC_ROLE}")
        conn.execute(f"REVOKE ALL ON ALL TABLES IN SCHEMA {SCHEMA} FROM PUBLIC, {SYNC_ROLE}")
        conn.execute(f"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA {SCHEMA} FROM PUBLIC, {SYNC_ROLE}")
        for function in _API:
            conn.execute(f"GRANT EXECUTE ON FUNCTION {SCHEMA}.{function} TO {SYNC_ROLE}")
    if before is None:
        return f"created (schema {schema_version})"
    if before < schema_version:
        return f"upgraded (schema {before} to {schema_version})"
    return f"up to date (schema {schema_version})"


def _meta(conn: psycopg.Connection[Any], key: str) -> str | None:
    row = conn.execute(f"SELECT value FROM {SCHEMA}.meta WHERE key = %s", (key,)).fetchone()
    return None if row is None else str(row[0])


def _hub_newer(schema: int, needed: str | None, this: str) -> HubError:
    if needed is None:
        message = f"The hub was set up by a newer Desktop CRM (schema {schema}); update the app."
    else:
        message = (
            f"The team hub needs Desktop CRM {needed} or newer (this is {this}): update the app "
            "to set it up; the hub was not changed."
        )
    return HubError(message, reason="hub_newer", needed=needed, this_version=this)


def add_member(conn: psycopg.Connection[Any], role: str, password: str) -> None:
    """Create (or update the password of) a team member's login role, allowed to sync only."""
    from psycopg import sql

    with conn.transaction():
        exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchone()
        verb = "ALTER" if exists else "CREATE"
        conn.execute(
            sql.SQL("{} ROLE {} LOGIN PASSWORD {}").format(
                sql.SQL(verb), sql.Identifier(role), sql.Literal(password)
            )
        )
        conn.execute(
            sql.SQL("GRANT {} TO {}").format(sql.Identifier(SYNC_ROLE), sql.Identifier(role))
        )
