"""``today``: every Today list, computed as at a moment; nothing is changed.

``desktop-crm today PATH [--at ISO-MOMENT] [--json]``. ``--at`` is an ISO 8601 moment with an
offset or ``Z`` (``2026-11-23T09:30:00+08:00``), or without one: a wall time in this machine's
zone (``TZ`` honoured), as is a plain date (its midnight). Local days (today, overdue all-day
follow-ups, the week of birthdays) are read in this machine's zone. Works while the app has the
workspace open. The lists are complete (the app shows the first 200 of each).

``--json`` prints one object with exactly these keys, each a list of objects (scripts read
these names: they do not change; new fields may be added). Dates are ``YYYY-MM-DD``, moments
ISO 8601 in UTC (``2026-11-23T01:00:00+00:00``), amounts decimal strings to the currency's
minor unit, absent values ``null``:

* ``overdue``, ``due_today``, ``next_7_days`` (planned follow-ups, earliest due first):
  ``id``, ``kind`` (call, meeting, visit, email, message), ``subject``, ``due_on`` (date),
  ``due_at`` (moment; ``null``: all day), ``zone`` (IANA zone it was planned in),
  ``overdue`` (bool), ``remind_at`` (a snoozed reminder's moment), ``repeat`` (RRULE body),
  ``person_id``, ``person``, ``company_id``, ``company``, ``deal_id``, ``deal``,
  ``owner_id``, ``owner``, ``phone``, ``notes``.
* ``stale_customers`` (most days over the limit first): ``kind`` (person, company), ``id``,
  ``name``, ``level`` (A, B, C or ``null``), ``last_contacted_at`` (moment; ``null``: never),
  ``days_waited``, ``limit_days``, ``phone``, ``owner_id``, ``owner``.
* ``stale_deals`` (most days over first): ``id``, ``number``, ``title``, ``company_id``,
  ``company``, ``person_id``, ``person``, ``stage_id``, ``stage``, ``entered_stage_at``
  (moment), ``days_in_stage``, ``rotting_days``, ``amount``, ``currency``, ``owner_id``,
  ``owner``.
* ``returning_to_pool`` (soonest first): ``kind``, ``id``, ``name``, ``owner``,
  ``returns_on`` (date), ``days_left``.
* ``overdue_instalments`` (oldest first): ``contract_id``, ``contract_number``, ``customer``,
  ``due_on`` (date), ``unpaid``, ``currency``, ``days_overdue``.
* ``birthdays`` (by day): ``id``, ``name``, ``birthday`` (date as stored), ``on`` (the day
  in the week it is celebrated; 29 February on 28 February in other years), ``age`` (turned
  that day; ``null`` when the year is unknown), ``phone``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from desktop_crm.cli.common import EXIT_OK, UsageError, emit, json_arg, workspace_arg
from desktop_crm.cli.contracts import money
from desktop_crm.domain.followup_time import moment_of
from desktop_crm.domain.local_zone import zone as local_zone

if TYPE_CHECKING:
    from desktop_crm.services.followups.dto import FollowUpRow
    from desktop_crm.services.today.dto import TodayLists

COMMANDS = {
    "today": ("every Today list as at a moment (nothing is changed)", "compute Today"),
}

SHOWN = 10  # rows of each list in the text output
T = TypeVar("T")


def add_parsers(sub: Any) -> None:
    """Add the today command to the CLI's subparsers."""
    p = sub.add_parser(
        "today",
        help=COMMANDS["today"][0],
        description="Print every Today list (overdue, due today, next 7 days, stale "
        "customers, stale deals, returning to the pool, overdue instalments, birthdays) as "
        "at a moment, with local days in this machine's zone (TZ honoured). Nothing is "
        "changed; works while the app has the workspace open. With --json: one object of "
        "those lists, keyed overdue, due_today, next_7_days, stale_customers, stale_deals, "
        "returning_to_pool, overdue_instalments, birthdays.",
    )
    workspace_arg(p)
    p.add_argument(
        "--at",
        metavar="ISO-MOMENT",
        help="compute as at this moment, e.g. 2026-11-23T09:30+08:00 or 2026-11-23T01:30Z; "
        "without an offset: local time (default: now)",
    )
    json_arg(p)


def parse_at(text: str) -> datetime:
    """``--at``: an ISO moment (UTC), a naive one read as local wall time.

    Raises:
        UsageError: Not an ISO 8601 date or moment.
    """
    cleaned = text.strip()
    try:
        # Python 3.11 reads "Z" and most ISO forms; a lower-case "z" is ISO too.
        parsed = datetime.fromisoformat(cleaned[:-1] + "Z" if cleaned.endswith("z") else cleaned)
    except ValueError:
        raise UsageError(
            f"--at “{text}” is not an ISO moment (e.g. 2026-11-23T09:30:00+08:00)"
        ) from None
    if parsed.tzinfo is None:
        parsed = moment_of(parsed.date(), parsed.time(), local_zone(None))
    return parsed.astimezone(UTC)


def cmd_today(args: argparse.Namespace) -> int:
    """``today PATH [--at ISO-MOMENT] [--json]``."""
    from desktop_crm.services.workspace.reading import open_for_reading

    at = parse_at(args.at) if args.at is not None else None
    reader = open_for_reading(args.path)  # no lock: works while the app has it open
    try:
        lists = reader.today.lists(at, limit=None)
    finally:
        reader.close()
    if args.json:
        emit(args, as_json(lists), "")
    else:
        print("\n".join(as_text(lists)))
    return EXIT_OK


def _moment(value: datetime | None) -> str | None:
    return None if value is None else value.astimezone(UTC).isoformat()


def _day(value: date | None) -> str | None:
    return None if value is None else value.isoformat()


def as_json(lists: TodayLists) -> dict[str, list[dict[str, Any]]]:
    """The JSON object of ``services.today.dto.TodayLists`` (the fields in this docstring)."""

    def follow_up(r: FollowUpRow) -> dict[str, Any]:
        return {
            "id": r.id,
            "kind": str(r.kind),
            "subject": r.subject,
            "due_on": _day(r.due_on),
            "due_at": _moment(r.due_at),
            "zone": r.zone,
            "overdue": r.overdue,
            "remind_at": _moment(r.remind_at),
            "repeat": r.repeat,
            "person_id": r.person_id,
            "person": r.person,
            "company_id": r.company_id,
            "company": r.company,
            "deal_id": r.deal_id,
            "deal": r.deal,
            "owner_id": r.owner_id,
            "owner": r.owner,
            "phone": r.phone,
            "notes": r.notes,
        }

    return {
        "overdue": [follow_up(r) for r in lists.overdue.items],
        "due_today": [follow_up(r) for r in lists.due_today.items],
        "next_7_days": [follow_up(r) for r in lists.next_7_days.items],
        "stale_customers": [
            {
                "kind": c.kind,
                "id": c.id,
                "name": c.name,
                "level": c.level,
                "last_contacted_at": _moment(c.last_contacted_at),
                "days_waited": c.days_waited,
                "limit_days": c.limit_days,
                "phone": c.phone,
                "owner_id": c.owner_id,
                "owner": c.owner,
            }
            for c in lists.stale_customers.items
        ],
        "stale_deals": [
            {
                "id": d.id,
                "number": d.number,
                "title": d.title,
                "company_id": d.company_id,
                "company": d.company,
                "person_id": d.person_id,
                "person": d.person,
                "stage_id": d.stage_id,
                "stage": d.stage,
                "entered_stage_at": _moment(d.entered_at),
                "days_in_stage": d.days_in_stage,
                "rotting_days": d.rotting_days,
                "amount": money(d.amount, d.currency),
                "currency": d.currency,
                "owner_id": d.owner_id,
                "owner": d.owner,
            }
            for d in lists.stale_deals.items
        ],
        "returning_to_pool": [
            {
                "kind": w.kind,
                "id": w.id,
                "name": w.name,
                "owner": w.owner,
                "returns_on": _day(w.returns_on),
                "days_left": w.days_left,
            }
            for w in lists.returning_to_pool
        ],
        "overdue_instalments": [
            {
                "contract_id": i.contract_id,
                "contract_number": i.contract_number,
                "customer": i.customer,
                "due_on": _day(i.due_on),
                "unpaid": money(i.unpaid, i.currency),
                "currency": i.currency,
                "days_overdue": i.days_overdue,
            }
            for i in lists.overdue_instalments
        ],
        "birthdays": [
            {
                "id": b.id,
                "name": b.name,
                "birthday": _day(b.birthday),
                "on": _day(b.on),
                "age": b.age,
                "phone": b.phone,
            }
            for b in lists.birthdays.items
        ],
    }


def as_text(lists: TodayLists) -> list[str]:
    """A readable summary: each list's count and its first rows, local times in its zone."""
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(lists.zone)
    local = lists.at.astimezone(zone)
    lines = [f"Today {lists.today:%a %Y-%m-%d}, as at {local:%H:%M} ({lists.zone})."]

    def when(r: FollowUpRow) -> str:
        if r.due_at is None:
            return f"{r.due_on}      "
        return f"{r.due_at.astimezone(zone):%Y-%m-%d %H:%M}"

    def follow_up(r: FollowUpRow) -> str:
        who = " · ".join(part for part in (r.contact, r.phone) if part)
        return f"{when(r)}  {r.kind:<7}  {r.subject}" + (f" — {who}" if who else "")

    def section(title: str, rows: Sequence[T], total: int, line: Callable[[T], str]) -> None:
        lines.append("")
        lines.append(f"{title}: {total}")
        lines.extend(f"  {line(row)}" for row in rows[:SHOWN])
        if total > min(len(rows), SHOWN):
            lines.append(f"  … and {total - min(len(rows), SHOWN)} more (--json lists all)")

    section("Overdue", lists.overdue.items, lists.overdue.total, follow_up)
    section("Due today", lists.due_today.items, lists.due_today.total, follow_up)
    section("Next 7 days", lists.next_7_days.items, lists.next_7_days.total, follow_up)
    section(
        "Stale customers",
        lists.stale_customers.items,
        lists.stale_customers.total,
        lambda c: (
            f"{c.name} ({c.level or '-'}): {c.days_waited} days without contact, "
            f"limit {c.limit_days}" + (f" · {c.phone}" if c.phone else "")
        ),
    )
    section(
        "Stale deals",
        lists.stale_deals.items,
        lists.stale_deals.total,
        lambda d: (
            f"{d.number or ''} {d.title} ({d.company or d.person or '-'}): "
            f"{d.days_in_stage} days in {d.stage}, limit {d.rotting_days}; "
            f"{money(d.amount, d.currency)} {d.currency}".strip()
        ),
    )
    section(
        "Returning to the pool",
        lists.returning_to_pool,
        len(lists.returning_to_pool),
        lambda w: (
            f"{w.returns_on}  {w.name}"
            + (f" (held by {w.owner})" if w.owner else "")
            + (f", in {w.days_left} days" if w.days_left else ", today")
        ),
    )
    section(
        "Overdue instalments",
        lists.overdue_instalments,
        len(lists.overdue_instalments),
        lambda i: (
            f"{i.due_on}  {i.contract_number}  {i.customer}: "
            f"{money(i.unpaid, i.currency)} {i.currency} unpaid, {i.days_overdue} days late"
        ),
    )
    section(
        "Birthdays",
        lists.birthdays.items,
        lists.birthdays.total,
        lambda b: (
            f"{b.on:%a %m-%d}  {b.name}"
            + (f" turns {b.age}" if b.age is not None else "")
            + (f" · {b.phone}" if b.phone else "")
        ),
    )
    return lines
