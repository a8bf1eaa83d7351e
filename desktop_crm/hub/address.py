"""A hub's address (host, port, database, TLS mode) and how to connect to it.

The address names no user and no password: the user is given apart, and the password comes
from the OS keychain or ``DESKTOP_CRM_HUB_PASSWORD``, never from the workspace or an argument.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from functools import partial
from typing import Any
from urllib.parse import parse_qs, urlsplit

import psycopg
from psycopg.types.json import set_json_loads

from desktop_crm.domain.errors import HubError, HubUnreachableError, ValidationError

TLS_MODES = ("disable", "prefer", "require", "verify-ca", "verify-full")
DEFAULT_PORT = 5432
CONNECT_TIMEOUT = 5  # seconds: an unreachable hub means "offline", quickly


@dataclass(frozen=True)
class HubAddress:
    """Where a hub is."""

    host: str
    port: int
    database: str
    tls: str = "prefer"

    @classmethod
    def parse(cls, url: str, tls: str | None = None) -> HubAddress:
        """Read ``postgresql://host[:port]/database[?sslmode=…]`` (``host:port/db`` too).

        Raises:
            ValidationError: It names no host or database, or holds a user or password.
        """
        text = url.strip()
        if "://" not in text:
            text = "postgresql://" + text
        parts = urlsplit(text)
        if parts.scheme not in ("postgresql", "postgres"):
            raise ValidationError(f"{url!r} is not a PostgreSQL address.", field="url")
        if parts.username or parts.password:
            raise ValidationError(
                "Give the user with --user and the password through the keychain or "
                "DESKTOP_CRM_HUB_PASSWORD, not in the address.",
                field="url",
            )
        database = parts.path.lstrip("/")
        if not parts.hostname or not database:
            raise ValidationError(
                f"{url!r} names no host and database (postgresql://host:port/database).",
                field="url",
            )
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError as exc:
            raise ValidationError(f"{url!r} has a bad port.", field="url") from exc
        mode = tls or parse_qs(parts.query).get("sslmode", ["prefer"])[0]
        if mode not in TLS_MODES:
            raise ValidationError(
                f"Unknown TLS mode {mode!r}; use one of {', '.join(TLS_MODES)}.", field="tls"
            )
        return cls(parts.hostname, port, database, mode)

    @property
    def url(self) -> str:
        """The address as text (no user, no password)."""
        suffix = "" if self.tls == "prefer" else f"?sslmode={self.tls}"
        return f"postgresql://{self.host}:{self.port}/{self.database}{suffix}"

    @property
    def keychain_key(self) -> str:
        """The keychain entry's account part: the hub, without the user."""
        return f"{self.host}:{self.port}/{self.database}"


def connect(address: HubAddress, user: str, password: str | None) -> psycopg.Connection[Any]:
    """A connection to the hub as ``user`` (not autocommit: each call is one transaction).

    Raises:
        HubUnreachableError: The server cannot be reached.
        HubError: It refused the user or password.
    """
    try:
        conn = psycopg.connect(
            host=address.host,
            port=address.port,
            dbname=address.database,
            user=user,
            password=password or "",
            sslmode=address.tls,
            connect_timeout=CONNECT_TIMEOUT,
            application_name="desktop-crm",
        )
    except psycopg.OperationalError as exc:
        raise connect_error(exc, address, user, password_given=bool(password)) from exc
    # Amounts come back exact: numeric JSON numbers as Decimal, never float.
    set_json_loads(partial(json.loads, parse_float=Decimal), conn)
    return conn


def connect_error(
    exc: psycopg.Error, address: HubAddress, user: str, *, password_given: bool = True
) -> HubError:
    """One readable line for a failed connection."""
    text = str(exc).strip()
    detail = " ".join(text.splitlines()[-1].split()) if text else type(exc).__name__
    lowered = text.lower()
    if not password_given and ("password" in lowered or "authentication" in lowered):
        return HubError(
            f"No password for {user!r} at {address.host}:{address.port}: keep it in the "
            "keychain (Settings > Team, or join with --remember-password) or set "
            "DESKTOP_CRM_HUB_PASSWORD.",
            reason="password",
        )
    if "password" in lowered or "authentication" in lowered or "role" in lowered:
        return HubError(
            f"The hub at {address.host}:{address.port} refused user {user!r}: wrong user or "
            "password.",
            reason="auth",
        )
    if "database" in lowered and "does not exist" in lowered:
        return HubError(f"The hub has no database {address.database!r}.", reason="database")
    return HubUnreachableError(
        f"The hub at {address.host}:{address.port} cannot be reached ({detail}).",
        reason="unreachable",
    )
