import uuid
from datetime import UTC, date, datetime, timedelta

import pytest

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.ids import id_timestamp_ms, new_id
from desktop_crm.domain.numbering import format_number, sequence_key, validate_pattern
from desktop_crm.domain.retention import RetentionPolicy, backups_to_keep


def test_ids_are_uuid7_unique_and_time_ordered():
    ids = [new_id() for _ in range(20_000)]
    assert len(set(ids)) == len(ids)
    assert ids == sorted(ids)
    parsed = uuid.UUID(ids[0])
    assert parsed.version == 7
    assert parsed.variant == uuid.RFC_4122
    now_ms = datetime.now(UTC).timestamp() * 1000
    assert abs(id_timestamp_ms(ids[-1]) - now_ms) < 5_000


def test_number_patterns_format_and_reset_by_their_date_part():
    day = date(2026, 3, 9)
    assert format_number("Q-{yyyy}-{seq:04}", day, 7) == "Q-2026-0007"
    assert format_number("HT{yy}{mm}{dd}-{seq}", day, 12) == "HT260309-12"
    assert sequence_key("quote", "Q-{yyyy}-{seq:04}", day) == "quote:Q-2026-{seq}"
    assert sequence_key("quote", "Q-{yyyy}-{seq:04}", date(2027, 1, 1)) == "quote:Q-2027-{seq}"


@pytest.mark.parametrize("bad", ["Q-{yyyy}", "Q-{seq}-{seq}", "Q-{year}-{seq}", "{seq:4"])
def test_invalid_number_patterns_are_refused(bad):
    with pytest.raises(ValidationError):
        validate_pattern(bad)


def test_retention_keeps_recent_daily_and_weekly():
    start = datetime(2026, 1, 1, 12, tzinfo=UTC)
    # one backup every 6 hours for 120 days
    stamps = [start + timedelta(hours=6 * i) for i in range(480)]
    policy = RetentionPolicy(recent=10, daily=7, weekly=8)
    keep = backups_to_keep(stamps, policy)
    newest_first = sorted(stamps, reverse=True)
    assert set(newest_first[:10]) <= keep
    days = {t.date() for t in keep}
    assert len({t.date() for t in newest_first[:40]} & days) >= 7
    weeks = {t.isocalendar()[:2] for t in keep}
    assert len(weeks) == 8
    assert len(keep) <= 10 + 7 + 8
    assert min(keep) > newest_first[0] - timedelta(weeks=9)


def test_snooze_next_week_is_never_tomorrow():
    from datetime import time
    from zoneinfo import ZoneInfo

    from desktop_crm.domain.followup_time import Snooze, snoozed_until

    zone = ZoneInfo("Asia/Shanghai")
    morning = time(9)

    def local(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    # Wednesday 2 December 2026: next Monday. Sunday the 6th: the Monday after next.
    wednesday = datetime(2026, 12, 2, 15, 0, tzinfo=zone).astimezone(UTC)
    sunday = datetime(2026, 12, 6, 15, 0, tzinfo=zone).astimezone(UTC)
    assert local(snoozed_until(Snooze.NEXT_WEEK, wednesday, zone, morning)) == datetime(
        2026, 12, 7, 9, 0
    )
    assert local(snoozed_until(Snooze.NEXT_WEEK, sunday, zone, morning)) == datetime(
        2026, 12, 14, 9, 0
    )
    assert local(snoozed_until(Snooze.TOMORROW_MORNING, sunday, zone, morning)) == datetime(
        2026, 12, 7, 9, 0
    )
