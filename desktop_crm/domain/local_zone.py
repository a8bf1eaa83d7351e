"""The time zone of this machine, by its IANA name (``TZ`` honoured)."""

from __future__ import annotations

import contextlib
import os
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import tzlocal


def local_zone_name() -> str:
    """This machine's zone, e.g. ``Asia/Shanghai``; ``UTC`` when it cannot be told.

    ``TZ`` first (read on every call), then the system's setting through tzlocal, which knows
    where Linux, macOS and Windows keep it (and maps Windows zone names to IANA ones); it caches
    the answer until :func:`refresh_local_zone`.
    """
    name = os.environ.get("TZ", "").lstrip(":")
    if not _known(name):
        try:
            name = tzlocal.get_localzone_name() or ""
        except (ZoneInfoNotFoundError, ValueError, OSError):
            name = ""
    return name if _known(name) else "UTC"


def refresh_local_zone() -> None:
    """Read the system's zone again (a laptop carried to another zone)."""
    with contextlib.suppress(ZoneInfoNotFoundError, ValueError, OSError):
        tzlocal.reload_localzone()


def _known(name: str) -> bool:
    if not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def zone(name: str | None) -> ZoneInfo:
    """The zone called ``name``, else this machine's (an unknown name too)."""
    return ZoneInfo(name if name and _known(name) else local_zone_name())
