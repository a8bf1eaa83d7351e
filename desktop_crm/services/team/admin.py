"""The hub administrator's work: set up or upgrade a hub, add team members."""

from __future__ import annotations

from desktop_crm.domain.errors import HubError, ValidationError
from desktop_crm.hub.address import HubAddress, connect
from desktop_crm.hub.setup import add_member, init_hub
from desktop_crm.services.team.password import find_password
from desktop_crm.store.schema import SCHEMA_VERSION


def set_up_hub(url: str, admin: str, password: str | None = None) -> str:
    """Create or upgrade the hub at ``url`` as ``admin`` (idempotent); what was done.

    Raises:
        ValidationError: The address is not one.
        HubError, HubUnreachableError: The server refused or cannot be reached.
    """
    address = HubAddress.parse(url)
    secret = password if password is not None else find_password(address, admin)
    with connect(address, admin, secret) as conn:
        try:
            return init_hub(conn, SCHEMA_VERSION)
        except HubError:
            raise
        except Exception as exc:  # a permission or server error, as one line
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise HubError(f"The hub could not be set up: {first}", reason="setup") from exc


def add_team_member(
    url: str, admin: str, member: str, member_password: str, password: str | None = None
) -> None:
    """Create a member's login role (or set its password), allowed to sync only.

    Raises:
        ValidationError: No password given, or the address is not one.
        HubError, HubUnreachableError: The server refused or cannot be reached.
    """
    if not member_password:
        raise ValidationError("The new member needs a password.", field="password")
    address = HubAddress.parse(url)
    secret = password if password is not None else find_password(address, admin)
    with connect(address, admin, secret) as conn:
        try:
            add_member(conn, member, member_password)
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise HubError(f"The member could not be added: {first}", reason="setup") from exc
