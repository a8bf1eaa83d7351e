"""follow-ups that keep time, reminders, stale rules and the lead pool

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07

What follow-ups, reminders and the lead pool need (issue 12):

- follow_ups: a timed follow-up is a moment (``due_at``, UTC) planned in a time zone
  (``due_zone``, IANA, which repeats keep); ``due_on`` stays the day (the local day of the
  moment for a timed one). ``due_time`` ("HH:MM" wall time) goes: existing ones become moments
  in this machine's zone. ``remind_at`` is a snoozed reminder's moment; ``repeat`` an RFC 5545
  RRULE body with the series' first day (``series_start``) and id (``series_id``), and for an
  occurrence moved off its day, the series day it stands for (``series_day``); ``outcome``
  what completing it said;
- stages: ``rotting_days``, after which an open deal waiting in the stage is stale, and a
  colour;
- companies, people: ``claimed_at``, when the current owner took the record (the pool's clock
  starts at the later of it and the last logged contact);
- ``ix_follow_ups_open``: open follow-ups' due and snooze columns and ids (the reminder check
  and Today read only those, not the closed ones of past years);
- ``ix_people_stale``, ``ix_companies_stale``: live customers by level and the moment their
  wait started (Today's stale customers, a range per level); ``ix_people_birthday_day``: live
  people's birthdays by month and day (Today's birthdays of the week, a seek per day);
- ``reminder_marks``: which reminder of each follow-up this machine has shown (machine-local,
  like print_log: not in the change log, never synced).
"""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

from desktop_crm.domain.local_zone import local_zone_name
from desktop_crm.store.types import IdType, UtcDateTime

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

COLUMNS: tuple[tuple[str, sa.Column[object]], ...] = (
    ("follow_ups", sa.Column("due_at", UtcDateTime(), nullable=True)),
    ("follow_ups", sa.Column("due_zone", sa.String(64), nullable=True)),
    ("follow_ups", sa.Column("remind_at", UtcDateTime(), nullable=True)),
    ("follow_ups", sa.Column("repeat", sa.String(200), nullable=True)),
    ("follow_ups", sa.Column("series_start", sa.Date(), nullable=True)),
    ("follow_ups", sa.Column("series_id", IdType(), nullable=True)),
    ("follow_ups", sa.Column("series_day", sa.Date(), nullable=True)),
    ("follow_ups", sa.Column("outcome", sa.Text(), nullable=True)),
    ("stages", sa.Column("rotting_days", sa.Integer(), nullable=True)),
    ("stages", sa.Column("colour", sa.String(7), nullable=True)),
    ("companies", sa.Column("claimed_at", UtcDateTime(), nullable=True)),
    ("people", sa.Column("claimed_at", UtcDateTime(), nullable=True)),
)

LIVE_CUSTOMERS = sa.text("status = 'customer' AND deleted_at IS NULL")
HAS_BIRTHDAY = sa.text("birthday IS NOT NULL AND deleted_at IS NULL")


def upgrade() -> None:
    for table, column in COLUMNS:
        op.add_column(table, column)
    _times_become_moments()
    op.execute("ALTER TABLE follow_ups DROP COLUMN due_time")
    op.create_index("ix_follow_ups_due_at", "follow_ups", ["due_at"])
    op.create_index("ix_follow_ups_remind_at", "follow_ups", ["remind_at"])
    op.create_index(
        "ix_follow_ups_open",
        "follow_ups",
        ["due_on", "due_at", "remind_at", "id"],
        sqlite_where=sa.text("status = 'planned' AND deleted_at IS NULL"),
        postgresql_where=sa.text("status = 'planned' AND deleted_at IS NULL"),
    )
    for table in ("people", "companies"):
        op.create_index(
            f"ix_{table}_stale",
            table,
            ["level", sa.text("coalesce(last_contacted_at, created_at)")],
            sqlite_where=LIVE_CUSTOMERS,
            postgresql_where=LIVE_CUSTOMERS,
        )
    op.create_index(
        "ix_people_birthday_day",
        "people",
        [sa.text("substr(birthday, 6, 5)")],
        sqlite_where=HAS_BIRTHDAY,
        postgresql_where=HAS_BIRTHDAY,
    )
    op.create_table(
        "reminder_marks",
        sa.Column("follow_up_id", IdType(), nullable=False),
        sa.Column("shown", sa.String(40), nullable=False),
        sa.Column("at", UtcDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("follow_up_id", name="pk_reminder_marks"),
    )
    op.execute("PRAGMA user_version = 10")


def _times_become_moments() -> None:
    """A planned "HH:MM" on a day becomes that wall time's moment in this machine's zone."""
    bind = op.get_bind()
    zone_name = local_zone_name()
    zone = ZoneInfo(zone_name)
    rows = bind.execute(
        sa.text("SELECT id, due_on, due_time FROM follow_ups WHERE due_time IS NOT NULL")
    ).all()
    due_at = UtcDateTime()
    for row_id, due_on, due_time in rows:
        try:
            hour, minute = (int(part) for part in str(due_time).split(":"))
            day = datetime.strptime(str(due_on), "%Y-%m-%d").date()
            moment = datetime.combine(day, time(hour, minute), zone).astimezone(UTC)
        except ValueError:
            continue  # an unreadable time leaves an all-day follow-up
        bind.execute(
            sa.text("UPDATE follow_ups SET due_at = :at, due_zone = :zone WHERE id = :id"),
            {
                "at": due_at.process_bind_param(moment, bind.dialect),
                "zone": zone_name,
                "id": row_id,
            },
        )


def _moments_become_times() -> None:
    """Schema 9 kept a wall time: a moment's, in the zone it was planned in."""
    bind = op.get_bind()
    due_at = UtcDateTime()
    rows = bind.execute(
        sa.text("SELECT id, due_at, due_zone FROM follow_ups WHERE due_at IS NOT NULL")
    ).all()
    for row_id, moment, zone_name in rows:
        wall = due_at.process_result_value(moment, bind.dialect)
        if wall is None:
            continue
        local = wall.astimezone(ZoneInfo(zone_name or local_zone_name()))
        bind.execute(
            sa.text("UPDATE follow_ups SET due_time = :time WHERE id = :id"),
            {"time": local.strftime("%H:%M"), "id": row_id},
        )


def downgrade() -> None:
    op.drop_table("reminder_marks")
    op.drop_index("ix_people_birthday_day", "people")
    op.drop_index("ix_companies_stale", "companies")
    op.drop_index("ix_people_stale", "people")
    op.drop_index("ix_follow_ups_open", "follow_ups")
    op.drop_index("ix_follow_ups_remind_at", "follow_ups")
    op.drop_index("ix_follow_ups_due_at", "follow_ups")
    op.add_column("follow_ups", sa.Column("due_time", sa.String(5), nullable=True))
    _moments_become_times()
    for table, column in reversed(COLUMNS):
        op.execute(f"ALTER TABLE {table} DROP COLUMN {column.name}")
    op.execute("PRAGMA user_version = 9")
