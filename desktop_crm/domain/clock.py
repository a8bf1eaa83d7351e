"""What time it is, and where: every rule about due, overdue and stale reads a clock.

The app uses :class:`SystemClock`; tests pass a :class:`FixedClock` they move by hand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from desktop_crm.domain.local_zone import local_zone_name


class Clock(Protocol):
    """The moment and the local time zone."""

    def now(self) -> datetime:
        """The current moment, timezone-aware UTC."""
        ...

    def zone(self) -> ZoneInfo:
        """The zone local days and wall times are read in."""
        ...


class SystemClock:
    """The machine's clock and zone (the zone read on every call: a laptop travels)."""

    def now(self) -> datetime:
        """The current moment, UTC."""
        return datetime.now(UTC)

    def zone(self) -> ZoneInfo:
        """This machine's zone now."""
        return ZoneInfo(local_zone_name())


@dataclass
class FixedClock:
    """A clock standing still at ``moment`` in ``zone_name`` until moved."""

    moment: datetime
    zone_name: str = "Asia/Shanghai"
    _zone: ZoneInfo = field(init=False)

    def __post_init__(self) -> None:
        if self.moment.tzinfo is None:
            raise ValueError("a clock's moment must be timezone-aware")
        self._zone = ZoneInfo(self.zone_name)

    def now(self) -> datetime:
        """The moment, UTC."""
        return self.moment.astimezone(UTC)

    def zone(self) -> ZoneInfo:
        """The zone."""
        return self._zone

    def advance(self, delta: timedelta) -> None:
        """Move the clock on."""
        self.moment = self.moment + delta

    def travel(self, zone_name: str) -> None:
        """Carry the laptop to another zone (the moment does not change)."""
        self.zone_name = zone_name
        self._zone = ZoneInfo(zone_name)


def local_today(clock: Clock) -> date:
    """The day it is where the clock is."""
    return clock.now().astimezone(clock.zone()).date()
