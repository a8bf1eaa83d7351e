"""Birthdays in the coming week, as Today lists them.

The week is the seven local days from today. A birthday on 29 February is celebrated on
28 February in years without one. A birthday stored with a year before 1900 has no known year
(address books write 1604 or 0001 for "no year"): it is listed without an age.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.services.today.contact_phones import first_phones
from desktop_crm.services.today.dto import Birthday, Listed
from desktop_crm.services.today.scans import live_in_scan
from desktop_crm.store.models import Person

WEEK = 7
KNOWN_YEARS_FROM = 1900


def celebrated_days(today: date, days: int = WEEK) -> dict[str, date]:
    """``MM-DD`` of each birthday celebrated in the ``days`` days from ``today``, with its day.

    29 February maps to 28 February of a year without it.
    """
    found: dict[str, date] = {}
    for n in range(days):
        day = today + timedelta(days=n)
        found[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not calendar.isleap(day.year):
            found["02-29"] = day
    return found


def age_on(birthday: date, on: date) -> int | None:
    """The age turned on ``on``; ``None`` when the birthday's year is not known."""
    return None if birthday.year < KNOWN_YEARS_FROM else on.year - birthday.year


def birthdays(session: Session, today: date, limit: int | None) -> Listed[Birthday]:
    """Live people whose birthday is celebrated in the week from ``today``, by day, then name.

    One scan of the people (a birthday is stored as ``YYYY-MM-DD`` text; its month and day are
    compared with the week's).
    """
    days = celebrated_days(today)
    month_day = func.substr(Person.birthday, 6, 5)
    rows = session.execute(
        select(Person.id, Person.name, Person.birthday, Person.company_id).where(
            # The rarest first: most people have no birthday, and SQLite tests them in order.
            Person.birthday.is_not(None),
            month_day.in_(list(days)),
            live_in_scan(Person),
        )
    ).all()
    found = sorted(
        (
            (days[row.birthday.strftime("%m-%d")], row.name, row.id, row.birthday, row.company_id)
            for row in rows
        ),
    )
    kept = found if limit is None else found[:limit]
    phones = first_phones(
        session, [item[2] for item in kept], [item[4] for item in kept if item[4]]
    )
    return Listed(
        tuple(
            Birthday(
                id=pid,
                name=name,
                birthday=born,
                on=on,
                age=age_on(born, on),
                phone=phones.get(pid) or (phones.get(company_id, "") if company_id else ""),
            )
            for on, name, pid, born, company_id in kept
        ),
        len(found),
    )
