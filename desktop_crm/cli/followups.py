"""``followups``: follow-ups by due date; nothing is changed.

``desktop-crm followups PATH [--from DATE] [--to DATE] [--status planned|done|cancelled|all]
[--json]`` lists follow-ups due from ``--from`` to ``--to`` (both included, either may be left
out), planned ones unless ``--status`` says, earliest due first (all-day ones before timed ones
on a day). Works while the app has the workspace open. Local times are this machine's zone
(``TZ`` honoured).

``--json`` prints a list of objects with exactly these keys (scripts read these names: they do
not change; new fields may be added): ``id``, ``due_on`` (``YYYY-MM-DD``), ``due_at`` (a timed
one's moment, ISO 8601 in UTC, ``2026-11-23T01:00:00+00:00``; ``null``: all day), ``time``
(that moment's local ``HH:MM``, or ``null``), ``kind`` (call, meeting, visit, email, message),
``subject``, ``status`` (planned, done, cancelled), ``overdue`` (bool, now), ``person``,
``company``, ``deal``, ``owner``, ``phone`` (names and the first phone; ``""`` when none), and
``repeat`` (its RRULE body, e.g. ``FREQ=WEEKLY;INTERVAL=1``, or ``null``).
"""

from __future__ import annotations

import argparse
from datetime import UTC, date
from typing import TYPE_CHECKING, Any

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg
from desktop_crm.cli.quotes import print_table
from desktop_crm.domain.followup_time import wall_time
from desktop_crm.domain.local_zone import zone as local_zone
from desktop_crm.domain.vocab import FollowUpStatus

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

    from desktop_crm.services.followups.dto import FollowUpRow

COMMANDS = {
    "followups": ("list follow-ups by due date (nothing is changed)", "list follow-ups"),
}

STATUSES = (*(s.value for s in FollowUpStatus), "all")


def add_parsers(sub: Any) -> None:
    """Add the followups command to the CLI's subparsers."""
    p = sub.add_parser(
        "followups",
        help=COMMANDS["followups"][0],
        description="List follow-ups due from --from to --to (both included; either may be "
        "left out), planned ones unless --status says, earliest due first. Times are shown in "
        "this machine's zone (TZ honoured). Works while the app has the workspace open. With "
        "--json: a list of objects with id, due_on, due_at (UTC, null when all day), time "
        "(local HH:MM or null), kind, subject, status, overdue, person, company, deal, owner, "
        "phone and repeat.",
    )
    workspace_arg(p)
    p.add_argument("--from", dest="start", metavar="DATE", help="first due date, YYYY-MM-DD")
    p.add_argument("--to", dest="end", metavar="DATE", help="last due date, YYYY-MM-DD")
    p.add_argument(
        "--status",
        choices=STATUSES,
        default=FollowUpStatus.PLANNED.value,
        help="which follow-ups (default: planned)",
    )
    json_arg(p)


def parse_day(text: str | None, option: str) -> date | None:
    """A ``YYYY-MM-DD`` option's day.

    Raises:
        UsageError: Not such a date.
    """
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} “{text}” is not a date (YYYY-MM-DD)") from None


def cmd_followups(args: argparse.Namespace) -> int:
    """``followups PATH [--from DATE] [--to DATE] [--status …] [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    start = parse_day(args.start, "--from")
    end = parse_day(args.end, "--to")
    if start is not None and end is not None and end < start:
        raise UsageError(f"--to {end} is before --from {start}")
    status = None if args.status == "all" else FollowUpStatus(args.status)
    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        rows = reader.followups.between(start, end, status=status)
    finally:
        reader.close()
    zone = local_zone(None)  # the reader's clock is the system's: TZ honoured
    listed = [as_json(row, zone) for row in rows]
    if args.json:
        emit(args, listed, "")
        return EXIT_OK
    if not listed:
        print("No follow-ups.")
        return EXIT_OK
    header = ("Due", "Time", "Kind", "Subject", "Contact", "Phone", "Status", "Repeat")
    table = [header] + [
        (
            item["due_on"],
            item["time"] or "",
            item["kind"],
            item["subject"],
            item["person"] or item["company"] or item["deal"],
            item["phone"],
            "overdue" if item["overdue"] else item["status"],
            item["repeat"] or "",
        )
        for item in listed
    ]
    print_table(table, set())
    return EXIT_OK


def as_json(row: FollowUpRow, zone: ZoneInfo) -> dict[str, Any]:
    """One follow-up as ``followups --json`` prints it."""
    return {
        "id": row.id,
        # The day here, as ``time`` is (a timed one planned elsewhere may fall on another).
        "due_on": (
            row.due_on if row.due_at is None else wall_time(row.due_at, zone)[0]
        ).isoformat(),
        "due_at": None if row.due_at is None else row.due_at.astimezone(UTC).isoformat(),
        "time": None if row.due_at is None else wall_time(row.due_at, zone)[1].strftime("%H:%M"),
        "kind": row.kind.value,
        "subject": row.subject,
        "status": row.status.value,
        "overdue": row.overdue,
        "person": row.person,
        "company": row.company,
        "deal": row.deal,
        "owner": row.owner,
        "phone": row.phone,
        "repeat": row.repeat,
    }
