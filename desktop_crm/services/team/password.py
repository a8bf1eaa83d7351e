"""Hub passwords: the OS keychain (keyring), or ``DESKTOP_CRM_HUB_PASSWORD`` for scripts.

Never in the workspace file, never on a command line.
"""

from __future__ import annotations

import os

from desktop_crm.domain.errors import HubError
from desktop_crm.hub.address import HubAddress

PASSWORD_ENV = "DESKTOP_CRM_HUB_PASSWORD"
SERVICE = "Desktop CRM hub"


def _account(address: HubAddress, user: str) -> str:
    return f"{user}@{address.keychain_key}"


def find_password(address: HubAddress, user: str) -> str | None:
    """The environment's password, else the keychain's (None: neither has one)."""
    from_env = os.environ.get(PASSWORD_ENV)
    if from_env:
        return from_env
    try:
        import keyring

        return keyring.get_password(SERVICE, _account(address, user))
    except Exception:
        return None


def lookup_password(url: str, user: str) -> str | None:
    """:func:`find_password` for a hub address given as text."""
    return find_password(HubAddress.parse(url), user)


def remember_password(address: HubAddress, user: str, password: str) -> None:
    """Keep the password in the OS keychain.

    Raises:
        HubError: This system has no keychain to keep it in.
    """
    try:
        import keyring

        keyring.set_password(SERVICE, _account(address, user), password)
    except Exception as exc:
        raise HubError(
            "This system has no keychain to keep the hub password in; set "
            f"{PASSWORD_ENV} instead ({type(exc).__name__}).",
            reason="keychain",
        ) from exc


def forget_password(address: HubAddress, user: str) -> None:
    """Remove the password from the keychain (nothing if it holds none)."""
    try:
        import keyring

        keyring.delete_password(SERVICE, _account(address, user))
    except Exception:
        return
