"""Which backups to keep: the newest few, one a day, one a week."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class RetentionPolicy:
    """How many backups survive rotation.

    Attributes:
        recent: The newest backups kept whatever their age.
        daily: Days (the newest that have a backup) whose newest backup is kept.
        weekly: ISO weeks whose newest backup is kept.
    """

    recent: int = 10
    daily: int = 7
    weekly: int = 8


def backups_to_keep(stamps: Sequence[datetime], policy: RetentionPolicy) -> set[datetime]:
    """Return the subset of backup times that the policy keeps."""
    newest_first = sorted(set(stamps), reverse=True)
    keep = set(newest_first[: max(policy.recent, 0)])
    keep |= _newest_per(newest_first, lambda t: t.date().isoformat(), policy.daily)
    keep |= _newest_per(
        newest_first, lambda t: "{}-W{:02d}".format(*t.isocalendar()[:2]), policy.weekly
    )
    return keep


def _newest_per(newest_first: list[datetime], bucket_of, limit: int) -> set[datetime]:  # type: ignore[no-untyped-def]
    chosen: dict[str, datetime] = {}
    for stamp in newest_first:
        bucket = bucket_of(stamp)
        if bucket not in chosen:
            if len(chosen) >= limit:
                break
            chosen[bucket] = stamp
    return set(chosen.values())
