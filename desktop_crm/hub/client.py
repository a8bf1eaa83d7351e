"""Calls to a hub's ``sync_*`` functions, one transaction each, errors as one line."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from desktop_crm import __version__
from desktop_crm.domain.errors import HubError, HubUnreachableError, HubVersionError
from desktop_crm.hub.address import HubAddress, connect, connect_error
from desktop_crm.store.schema import shown_version

PULL_PAGE = 1000  # changes per pull call


@dataclass(frozen=True)
class HubChange:
    """One change the hub logged, in commit order."""

    seq: int
    op_id: str | None
    device_id: str | None
    user_id: str | None
    user_name: str | None
    entity: str
    row_id: str
    action: str
    fields: dict[str, Any]
    at: datetime


@dataclass(frozen=True)
class HubState:
    """Where a hub stands (``sync_hello``)."""

    epoch: str
    schema: int
    seq: int
    devices: int
    changes: int
    slot: int | None
    user_id: str | None
    seeded: bool


class HubClient:
    """One connection to a hub, as one team member."""

    def __init__(self, address: HubAddress, user: str, password: str | None) -> None:
        self.address = address
        self.user = user
        self._conn = connect(address, user, password)

    def close(self) -> None:
        """Close the connection."""
        self._conn.close()

    def __enter__(self) -> HubClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _call(self, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
        try:
            with self._conn.transaction():
                rows: list[tuple[Any, ...]] = list(self._conn.execute(sql, params).fetchall())
                return rows
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            if exc.sqlstate is None or exc.sqlstate.startswith("08"):
                raise connect_error(exc, self.address, self.user) from exc
            raise _refusal(exc, self.user) from exc
        except psycopg.Error as exc:
            raise _refusal(exc, self.user) from exc

    def hello(self, device: str | None, schema: int) -> HubState:
        """The version gate and the hub's state (``device`` None: not joined yet)."""
        (row,) = self._call("SELECT crm.sync_hello(%s, %s)", (device, schema))
        data = row[0]
        return HubState(
            epoch=str(data["epoch"]),
            schema=int(data["schema"]),
            seq=int(data["seq"]),
            devices=int(data["devices"]),
            changes=int(data["rows"]),
            slot=None if data["slot"] is None else int(data["slot"]),
            user_id=None if data["user_id"] is None else str(data["user_id"]),
            seeded=bool(data["seeded"]),
        )

    def register(self, device: str, user_id: str, slot: int | None = None) -> tuple[int, str]:
        """Join this device for the calling role; its number slot and user record id.

        ``slot``: the range this device had (asked back after a hub restore; given if free).
        """
        (row,) = self._call("SELECT crm.sync_register(%s, %s, %s)", (device, user_id, slot))
        return int(row[0]["slot"]), str(row[0]["user_id"])

    def mark(self, seq: int) -> str | None:
        """The operation the hub logged at ``seq`` (None: it holds no such change)."""
        (row,) = self._call("SELECT crm.sync_mark(%s)", (seq,))
        return None if row[0] is None else str(row[0])

    def push(self, device: str, ops: list[dict[str, Any]]) -> dict[str, Any]:
        """Apply ``ops`` in one hub transaction (all or none); counts and the hub's seq."""
        (row,) = self._call("SELECT crm.sync_push(%s, %s)", (device, Jsonb(ops, dumps=_dumps)))
        return dict(row[0])

    def seed(self, device: str, page: str, table: str, rows: list[dict[str, Any]]) -> None:
        """Upload one page of a table into an empty hub (the seeding device only)."""
        self._call(
            "SELECT crm.sync_seed(%s, %s, %s, %s)", (device, page, table, Jsonb(rows, dumps=_dumps))
        )

    def seeded(self, device: str) -> int:
        """Say the upload is complete (other laptops may join now); the hub's sequence then."""
        (row,) = self._call("SELECT crm.sync_seeded(%s)", (device,))
        return int(row[0])

    def pull(self, device: str, after: int, limit: int = PULL_PAGE) -> list[HubChange]:
        """The changes after ``after``, in commit order (at most ``limit``)."""
        rows = self._call(
            "SELECT seq, op_id, device_id, user_id, user_name, entity, row_id, action, fields, "
            "at FROM crm.sync_pull(%s, %s, %s)",
            (device, after, limit),
        )
        return [
            HubChange(
                seq=int(r[0]),
                op_id=None if r[1] is None else str(r[1]),
                device_id=None if r[2] is None else str(r[2]),
                user_id=None if r[3] is None else str(r[3]),
                user_name=r[4],
                entity=r[5],
                row_id=str(r[6]),
                action=r[7],
                fields=dict(r[8]),
                at=r[9],
            )
            for r in rows
        ]

    def known(self, operations: list[str]) -> set[str]:
        """Which of these operations the hub has applied (any part of them)."""
        rows = self._call("SELECT crm.sync_known(%s::uuid[])", (operations,))
        return {str(r[0]) for r in rows}


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _app_older(exc: psycopg.Error, message: str) -> HubVersionError:
    """The hub needs a newer app: the version to install, from the refusal's DETAIL.

    A newer app's ``sync_hello`` raised it, so its DETAIL (``{"needed": "0.3.0", …}``) is read
    warily: anything but a version string leaves the hub's own words.
    """
    needed = None
    try:
        detail = json.loads(exc.diag.message_detail or "null")
    except ValueError:
        detail = None
    if isinstance(detail, dict):
        needed = shown_version(detail.get("needed"))
    if needed is None or needed == __version__:  # unknown, or a development build's own
        needed = None
        text = message[0].upper() + message[1:] + "."  # a hub set up before the record
    else:
        text = (
            f"The team hub needs Desktop CRM {needed} or newer (this is {__version__}): update "
            "the app. Your changes wait on this computer."
        )
    return HubVersionError(text, reason="app_older", needed=needed, this_version=__version__)


def _refusal(exc: psycopg.Error, user: str) -> HubError:
    """The hub's refusals (its functions' RAISEs, permissions) as typed one-line errors."""
    message = _first_line(exc)
    state = exc.sqlstate or ""
    if state == "CRMV1":
        return _app_older(exc, message)
    if state == "CRMV2":
        return HubVersionError(message[0].upper() + message[1:] + ".", reason="hub_older")
    if state == "CRMJ2":
        return HubError(message[0].upper() + message[1:] + ".", reason="seeding")
    if state == "CRMJ1":
        return HubError(
            "This laptop is not joined to this hub (or the hub was replaced).",
            reason="not_joined",
        )
    if state in ("3F000", "42883"):  # no crm schema, or no sync functions in it
        return HubError(
            "There is no Desktop CRM hub in this database: set it up with "
            "'desktop-crm hub init' first.",
            reason="no_hub",
        )
    if state == "42501":
        return HubError(f"The hub refused {user!r}: {message}", reason="permission")
    return HubError(f"The hub refused the request: {message}", reason="refused")


__all__ = ["HubChange", "HubClient", "HubState", "HubUnreachableError"]
