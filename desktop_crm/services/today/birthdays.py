"""Birthdays in the coming week, as Today lists them.

The week is the seven local days from today. A birthday on 29 February is celebrated on
28 February in years without one. A birthday stored with a year before 1900 has no known year
(address books write 1604 or 0001 for "no year"): it is listed without an age.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop_crm.services.today.dto import Birthday, Listed
from desktop_crm.store.models import BIRTHDAY_DAY
from desktop_crm.store.types import id_text

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


# A person's first phone (else their company's, to call the switchboard), by position.
_PHONE_OF = (
    "(SELECT ph.value FROM phones ph WHERE ph.{column} = {owner} AND ph.deleted_at IS NULL "
    "ORDER BY ph.position LIMIT 1)"
)
_PHONE = (
    f"coalesce({_PHONE_OF.format(column='person_id', owner='k.id')}, "
    f"{_PHONE_OF.format(column='company_id', owner='k.company_id')})"
)


def birthdays(session: Session, today: date, limit: int | None) -> Listed[Birthday]:
    """Live people whose birthday is celebrated in the week from ``today``, by day, then name.

    A birthday is stored as ``YYYY-MM-DD`` text; each day of the week is one seek of
    ``ix_people_birthday_day``, the partial index of live people's birthdays by month and day
    (the query names its expression and condition as the index does, literals included). SQL
    orders them by the day they are celebrated, then name and id, and reads phones for the
    first ``limit`` only. Plain SQL: ids as stored.
    """
    days = celebrated_days(today)
    params: dict[str, Any] = {"limit": -1 if limit is None else limit}
    week, order = [], []
    for n, (month_day, on) in enumerate(days.items()):
        params[f"day{n}"] = month_day
        week.append(f":day{n}")
        order.append(f"WHEN :day{n} THEN {(on - today).days}")
    where = f"birthday IS NOT NULL AND deleted_at IS NULL AND {BIRTHDAY_DAY} IN ({', '.join(week)})"
    rows = (
        session.connection()
        .execute(
            text(
                f"SELECT (SELECT count(*) FROM people WHERE {where}), k.id, k.name, k.birthday, "
                f"k.day, {_PHONE} FROM (SELECT id, name, birthday, company_id, "
                f"CASE {BIRTHDAY_DAY} {' '.join(order)} END AS day FROM people WHERE {where} "
                "ORDER BY day, name, id LIMIT :limit) k ORDER BY k.day, k.name, k.id"
            ),
            params,
        )
        .all()
    )
    found = []
    for _total, stored, name, born_text, day, phone in rows:
        born = date.fromisoformat(born_text)
        on = today + timedelta(days=day)
        found.append(
            Birthday(
                id=id_text(stored),
                name=name,
                birthday=born,
                on=on,
                age=age_on(born, on),
                phone=phone or "",
            )
        )
    if rows:
        total = int(rows[0][0])
    else:  # no row to carry the count: there are none, unless the limit kept none
        total = (
            0
            if limit != 0
            else int(
                session.connection()
                .execute(text(f"SELECT count(*) FROM people WHERE {where}"), params)
                .scalar_one()
            )
        )
    return Listed(tuple(found), total)
