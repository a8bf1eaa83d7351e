"""Fixtures for team-mode tests: one PostgreSQL per session, a fresh hub database per test."""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import select

from desktop_crm.hub.address import HubAddress
from desktop_crm.hub.client import HubClient
from desktop_crm.hub.setup import add_member, init_hub
from desktop_crm.hub.tables import synced_tables
from desktop_crm.services.team.dto import SyncReport
from desktop_crm.services.team.join import download, upload
from desktop_crm.services.team.sync import sync_once
from desktop_crm.services.workspace.handle import Workspace, create_workspace
from desktop_crm.store.models import Tracked
from desktop_crm.store.schema import SCHEMA_VERSION
from desktop_crm.store.store import Store
from tests import drafts
from tests.conftest import TODAY
from tests.hub import server

_numbers = itertools.count(1)
REQUIRE_ENV = "DESKTOP_CRM_REQUIRE_POSTGRES"
MEMBER_PASSWORD = "member-secret"


@pytest.fixture(scope="session")
def pg() -> Iterator[server.PgServer]:
    """A PostgreSQL server for the whole session (skips, saying why, if none can start)."""
    try:
        running = server.start()
    except (RuntimeError, OSError) as exc:
        if os.environ.get(REQUIRE_ENV):  # CI: a missing server is a failure, not a skip
            pytest.fail(f"no PostgreSQL for team-mode tests: {exc}")
        pytest.skip(f"no PostgreSQL for team-mode tests: {exc}")
    yield running
    running.stop()


@dataclass(frozen=True)
class Hub:
    """A fresh, initialised hub database with members alice, bob and carol."""

    server: server.PgServer
    database: str

    @property
    def url(self) -> str:
        return self.server.url(self.database)

    @property
    def address(self) -> HubAddress:
        return HubAddress.parse(self.url)

    def client(self, user: str = "alice") -> HubClient:
        return HubClient(self.address, user, MEMBER_PASSWORD)

    def admin(self) -> psycopg.Connection[object]:
        return psycopg.connect(self.server.admin_dsn(self.database))


@pytest.fixture
def hub(pg: server.PgServer) -> Iterator[Hub]:
    database = f"hub_{next(_numbers)}"
    with psycopg.connect(pg.admin_dsn(), autocommit=True) as conn:
        conn.execute(f"CREATE DATABASE {database}")
    made = Hub(pg, database)
    with made.admin() as conn:
        init_hub(conn, SCHEMA_VERSION)
        for member in ("alice", "bob", "carol"):
            add_member(conn, member, MEMBER_PASSWORD)
    yield made
    with psycopg.connect(pg.admin_dsn(), autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")


def laptop_path(tmp_path: Path, name: str) -> Path:
    return tmp_path / f"{name}.crm"


class Laptop:
    """One team member's laptop: a workspace file and a way to the hub."""

    def __init__(self, ws: Workspace, hub: Hub, user: str) -> None:
        self.ws = ws
        self.hub = hub
        self.user = user

    @property
    def store(self) -> Store:
        return self.ws.store

    def sync(self) -> SyncReport:
        with self.hub.client(self.user) as client:
            return sync_once(self.store, client)

    def add_person(self, name: str, **fields: Any) -> str:
        return self.ws.people.save(drafts.person(name, **fields), today=TODAY).ids[0]

    def edit(self, model: type[Tracked], row_id: str, **fields: Any) -> None:
        """Change fields as the editors do: one operation through the store."""
        with self.store.unit_of_work("edit") as (session, _rec):
            row = session.get(model, row_id)
            assert row is not None
            for key, value in fields.items():
                setattr(row, key, value)

    def delete(self, model: type[Tracked], row_id: str) -> None:
        with self.store.unit_of_work("delete") as (session, rec):
            row = session.get(model, row_id)
            assert row is not None
            row.deleted_at = rec.at

    def get(self, model: type[Tracked], row_id: str) -> Tracked | None:
        with self.store.read() as session:
            return session.get(model, row_id)

    def close(self) -> None:
        self.ws.close(backup_if_changed=False)


def first_laptop(hub: Hub, tmp_path: Path, user: str = "alice") -> Laptop:
    """A workspace with data that uploads itself to the (empty) hub."""
    ws = create_workspace(laptop_path(tmp_path, user))
    laptop = Laptop(ws, hub, user)
    with hub.client(user) as client:
        upload(ws.store, client)
    return laptop


def joining_laptop(hub: Hub, tmp_path: Path, user: str) -> Laptop:
    """A new workspace downloaded from the hub."""
    with hub.client(user) as client:
        store = download(laptop_path(tmp_path, user), client, user)
    return Laptop(Workspace(store), hub, user)


def canonical(laptop: Laptop) -> dict[str, list[tuple[Any, ...]]]:
    """Every synced table's rows (but local stamps), to compare laptops."""
    dump: dict[str, list[tuple[Any, ...]]] = {}
    with laptop.store.read() as session:
        for table in synced_tables():
            columns = [c for c in table.columns if c.name not in ("updated_at",)]
            rows = session.execute(select(*columns)).all()
            dump[table.name] = sorted((tuple(r) for r in rows), key=repr)
    return dump
