"""Today's lists as the screen shows them: sections of rows with their texts, in local time.

Pure text work over a ``TodayLists`` (no widgets), so it runs once per load and the model only
hands the strings out. Times are read in the zone the lists were computed in (the clock's):
"14:30" today, "Yesterday 09:00", "Tomorrow", "Wed 25 Nov"; a timed follow-up planned in
another zone also names the wall time it was planned at ("02:00 (09:00 Shanghai)").
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate

from desktop_crm.domain.choices import RecordKind
from desktop_crm.domain.followup_time import moment_of, wall_time
from desktop_crm.services.contracts.dto import OverdueInstalment
from desktop_crm.services.followups.dto import FollowUpRow
from desktop_crm.services.pool.dto import PoolWarning
from desktop_crm.services.today.dto import Birthday, Listed, StaleCustomer, StaleDeal, TodayLists
from ui.amounts import money_text, ui_locale
from ui.followups.texts import kind_labels, rule_text
from ui.text_fill import fill
from ui.translation_context import TranslationContext

SectionKey = Literal[
    "overdue",
    "due_today",
    "next_7_days",
    "stale_customers",
    "stale_deals",
    "returning_to_pool",
    "overdue_instalments",
    "birthdays",
]
SECTION_KEYS: tuple[SectionKey, ...] = (
    "overdue",
    "due_today",
    "next_7_days",
    "stale_customers",
    "stale_deals",
    "returning_to_pool",
    "overdue_instalments",
    "birthdays",
)
"""The sections in the order the screen shows them (the keys of ``today --json``)."""

RowKind = Literal["follow_up", "stale_customer", "stale_deal", "pool", "instalment", "birthday"]
Item = FollowUpRow | StaleCustomer | StaleDeal | PoolWarning | OverdueInstalment | Birthday


class TodayTexts(TranslationContext):
    """Translation context of Today's row and section texts."""


@dataclass(frozen=True)
class TodayRow:
    """One row of a Today section.

    Attributes:
        section: The section it is in.
        kind: What it is (decides its actions).
        id: The id of what it shows (follow-up, person or company, deal, contract, person).
        when: Its moment or day in local time ("14:30", "Yesterday 09:00", "Wed 25 Nov").
        what: The follow-up's subject, the customer's or deal's name.
        who: The contact, company or owner it concerns.
        note: Why it is listed ("2 days overdue", "waited 23 days (limit 14)").
        late: Shown in red (overdue, rotting).
        tip: Everything about it, for the tooltip.
        item: The row as the service returned it.
        phone: A phone to copy or call ("" without one).
    """

    section: SectionKey
    kind: RowKind
    id: str
    when: str
    what: str
    who: str
    note: str
    late: bool
    tip: str
    item: Item
    phone: str = ""

    @property
    def key(self) -> str:
        """Stable across reloads: the selection is found again by it."""
        return f"{self.section}/{self.id}"

    def contact(self) -> tuple[RecordKind, str] | None:
        """The card this row opens: the person's, else the company's (``None``: no card)."""
        item = self.item
        if isinstance(item, FollowUpRow):
            if item.person_id:
                return "person", item.person_id
            if item.company_id:
                return "company", item.company_id
            return None
        if isinstance(item, StaleCustomer | PoolWarning):
            return item.kind, item.id
        if isinstance(item, Birthday):
            return "person", item.id
        if isinstance(item, StaleDeal):
            if item.person_id:
                return "person", item.person_id
            if item.company_id:
                return "company", item.company_id
        return None


class Section:
    """One section of Today: its rows, made when first asked for, and how many in all.

    A row's texts are made when it is painted or looked for (a load may hand over a thousand
    rows, of which a screenful shows).

    Args:
        key: Which list it shows.
        title: Its heading ("Overdue").
        total: How many rows the list has (``items`` may hold fewer).
        items: The rows as the service returned them.
        empty: What an empty section says ("Nothing overdue").
        make: Makes a row of an item.
    """

    __slots__ = ("_made", "_make", "empty", "items", "key", "title", "total")

    def __init__(
        self,
        key: SectionKey,
        title: str,
        total: int,
        items: Sequence[Item],
        empty: str,
        make: Callable[[Item], TodayRow],
    ) -> None:
        self.key = key
        self.title = title
        self.total = total
        self.items = items
        self.empty = empty
        self._make = make
        self._made: list[TodayRow | None] = [None] * len(items)

    @property
    def count(self) -> int:
        """Rows shown."""
        return len(self.items)

    @property
    def more(self) -> int:
        """Rows of the list not shown."""
        return self.total - len(self.items)

    def note(self) -> str:
        """What the heading says beside the count: it is empty, or only the first rows show."""
        if self.total == 0:
            return self.empty
        if self.more > 0:
            return TodayTexts.tr("the first %n shown", "", self.count)
        return ""

    def row(self, position: int) -> TodayRow:
        """The row at ``position`` (made on first use)."""
        made = self._made[position]
        if made is None:
            made = self._made[position] = self._make(self.items[position])
        return made

    @property
    def rows(self) -> tuple[TodayRow, ...]:
        """Every row shown (each made now if it was not yet)."""
        return tuple(self.row(n) for n in range(len(self.items)))

    def key_at(self, position: int) -> str:
        """The :attr:`TodayRow.key` of the row at ``position``, without making the row."""
        return f"{self.key}/{row_id(self.items[position])}"


def row_id(item: Item) -> str:
    """The id a row of ``item`` carries (an instalment: its contract and day)."""
    if isinstance(item, OverdueInstalment):
        # One contract may have several overdue instalments: the day tells them apart.
        return f"{item.contract_id}@{item.due_on.isoformat()}"
    return item.id


def section_titles() -> dict[SectionKey, tuple[str, str]]:
    """Each section's heading and what it says when empty."""
    return {
        "overdue": (TodayTexts.tr("Overdue"), TodayTexts.tr("Nothing overdue")),
        "due_today": (TodayTexts.tr("Due today"), TodayTexts.tr("Nothing else due today")),
        "next_7_days": (
            TodayTexts.tr("Next 7 days"),
            TodayTexts.tr("Nothing planned for the next 7 days"),
        ),
        "stale_customers": (
            TodayTexts.tr("Stale customers"),
            TodayTexts.tr("No customer has waited too long"),
        ),
        "stale_deals": (
            TodayTexts.tr("Stale deals"),
            TodayTexts.tr("No deal is stuck in its stage"),
        ),
        "returning_to_pool": (
            TodayTexts.tr("Returning to the pool soon"),
            TodayTexts.tr("Nothing goes back to the pool soon"),
        ),
        "overdue_instalments": (
            TodayTexts.tr("Overdue payments"),
            TodayTexts.tr("No payment is overdue"),
        ),
        "birthdays": (
            TodayTexts.tr("Birthdays this week"),
            TodayTexts.tr("No birthdays this week"),
        ),
    }


# --- days and times -----------------------------------------------------------------------------


class Words:
    """The words of one load, each made once: a thousand rows share a few dozen days.

    Args:
        today: The local day the lists were computed on.
        zone: The zone they were computed in.
        at: The moment they were computed at (a snooze still to come is said).
    """

    def __init__(self, today: date, zone: ZoneInfo, at: datetime | None = None) -> None:
        self.today = today
        self.zone = zone
        self.at = at
        self.kinds = kind_labels()
        self._days: dict[date, str] = {}
        self._late: dict[int, str] = {}
        self._rules: dict[str, str] = {}
        self._day_time = TodayTexts.tr("%1 %2", "a day, then a time")
        self._locale = ui_locale()

    def day(self, day: date) -> str:
        """A day as people say it: Today, Yesterday, Tomorrow, "Wed 25 Nov", "3 Feb 2025"."""
        found = self._days.get(day)
        if found is None:
            found = self._days[day] = self._day(day)
        return found

    def _day(self, day: date) -> str:
        offset = (day - self.today).days
        if offset == 0:
            return TodayTexts.tr("Today")
        if offset == -1:
            return TodayTexts.tr("Yesterday")
        if offset == 1:
            return TodayTexts.tr("Tomorrow")
        # Date formats are translated: Chinese reads "11月25日 周三", not "周三 25 11月".
        if day.year == self.today.year:
            pattern = TodayTexts.tr("ddd d MMM")
        else:
            pattern = TodayTexts.tr("d MMM yyyy")
        return self._locale.toString(QDate(day.year, day.month, day.day), pattern)

    def moment(self, moment: datetime) -> tuple[date, str]:
        """A moment's local day, and the moment in words: "14:30" today, "Yesterday 09:00"."""
        local = moment.astimezone(self.zone)
        day = local.date()
        clock = f"{local.hour:02}:{local.minute:02}"
        if day == self.today:
            return day, clock
        return day, fill(self._day_time, self.day(day), clock)

    def due(self, row: FollowUpRow) -> tuple[date, str]:
        """A follow-up's local day and when it is due; one planned elsewhere names that zone."""
        if row.due_at is None:
            return row.due_on, self.day(row.due_on)
        day, text = self.moment(row.due_at)
        if row.zone and row.zone != self.zone.key:
            try:
                planned = wall_time(row.due_at, ZoneInfo(row.zone))[1].strftime("%H:%M")
            except (ValueError, KeyError):  # an unknown zone: the local time says enough
                return day, text
            city = row.zone.rsplit("/", 1)[-1].replace("_", " ")
            text = fill(
                TodayTexts.tr("%1 (%2 %3)", "local time (planned time, city)"), text, planned, city
            )
        return day, text

    def late(self, days: int) -> str:
        """How late something is: "Overdue" the same day, else "2 days overdue"."""
        found = self._late.get(days)
        if found is None:
            found = self._late[days] = overdue_text(days)
        return found

    def rule(self, rule: str | None) -> str:
        """A repeat in words ("" for none)."""
        if not rule:
            return ""
        found = self._rules.get(rule)
        if found is None:
            found = self._rules[rule] = rule_text(rule)
        return found


def day_text(day: date, today: date) -> str:
    """A day as people say it: Today, Yesterday, Tomorrow, "Wed 25 Nov", "3 Feb 2025"."""
    return Words(today, ZoneInfo("UTC")).day(day)


def overdue_text(days: int) -> str:
    """How late something is: "Overdue" the same day, else "2 days overdue"."""
    if days <= 0:
        return TodayTexts.tr("Overdue")
    return TodayTexts.tr("%n days overdue", "", days)


# --- rows ---------------------------------------------------------------------------------------


def _joined(*parts: str) -> str:
    return " · ".join(p for p in parts if p)


def follow_up_row(section: SectionKey, row: FollowUpRow, words: Words) -> TodayRow:
    """A follow-up's row: due time, subject, contact (and deal), overdue or its kind."""
    kind = words.kinds.get(row.kind, str(row.kind))
    due_day, when = words.due(row)
    repeat = words.rule(row.repeat)
    if row.overdue:
        note = words.late((words.today - due_day).days)
        tip_when = f"{when} · {note}"
    else:
        note = f"{kind} · {repeat}" if repeat else kind
        tip_when = when
    if row.remind_at is not None and words.at is not None and row.remind_at > words.at:
        # Snoozed: it stays where it is due, and says when it reminds again.
        snoozed = fill(TodayTexts.tr("snoozed until %1"), words.moment(row.remind_at)[1])
        note = f"{note} · {snoozed}"
        tip_when = f"{tip_when} · {snoozed}"
    who = _joined(row.person, row.company if row.person else "", row.deal) or row.company
    tip = "\n".join(
        p
        for p in (
            f"{kind} · {row.subject}" if row.subject else kind,
            tip_when,
            _joined(row.contact, row.phone),
            row.deal,
            repeat,
            row.notes,
        )
        if p
    )
    return TodayRow(
        section=section,
        kind="follow_up",
        id=row.id,
        when=when,
        what=row.subject or kind,
        who=who,
        note=note,
        late=row.overdue,
        tip=tip,
        item=row,
        phone=row.phone,
    )


def stale_customer_row(found: StaleCustomer, words: Words) -> TodayRow:
    """A customer gone quiet: last contact, name, level and owner, "waited 23 days (limit 14)"."""
    if found.last_contacted_at is None:
        when = TodayTexts.tr("Never contacted")
    else:
        when = words.day(found.last_contacted_at.astimezone(words.zone).date())
    note = fill(TodayTexts.tr("waited %n days (limit %1)", "", found.days_waited), found.limit_days)
    level = fill(TodayTexts.tr("Level %1"), found.level) if found.level else ""
    # The owner only in the tooltip: alone on a laptop it is always the same name.
    who = level
    return TodayRow(
        section="stale_customers",
        kind="stale_customer",
        id=found.id,
        when=when,
        what=found.name,
        who=who,
        note=note,
        late=False,
        tip="\n".join(p for p in (found.name, _joined(who, found.owner, found.phone), note) if p),
        item=found,
        phone=found.phone,
    )


def stale_deal_row(deal: StaleDeal, words: Words) -> TodayRow:
    """A deal rotting in its stage: "31 days in Proposal (rots after 21)"."""
    when = (
        "" if deal.entered_at is None else words.day(deal.entered_at.astimezone(words.zone).date())
    )
    note = fill(
        TodayTexts.tr("%n days in %1 (rots after %2)", "", deal.days_in_stage),
        deal.stage,
        deal.rotting_days,
    )
    title = _joined(deal.number or "", deal.title)
    who = _joined(deal.company or deal.person, money_text(deal.amount, deal.currency, whole=True))
    return TodayRow(
        section="stale_deals",
        kind="stale_deal",
        id=deal.id,
        when=when,
        what=title,
        who=who,
        note=note,
        late=True,
        tip="\n".join(p for p in (title, who, deal.owner, note) if p),
        item=deal,
    )


def pool_row(warning: PoolWarning, words: Words) -> TodayRow:
    """A held record going back to the lead pool: "returns in 2 days"."""
    if warning.days_left <= 0:
        note = TodayTexts.tr("returns to the pool today")
    else:
        note = TodayTexts.tr("returns in %n days", "", warning.days_left)
    who = fill(TodayTexts.tr("held by %1"), warning.owner) if warning.owner else ""
    return TodayRow(
        section="returning_to_pool",
        kind="pool",
        id=warning.id,
        when=words.day(warning.returns_on),
        what=warning.name,
        who=who,
        note=note,
        late=warning.days_left <= 0,
        tip="\n".join(p for p in (warning.name, who, note) if p),
        item=warning,
    )


def instalment_row(due: OverdueInstalment, words: Words) -> TodayRow:
    """An instalment past due: "¥1,200.00 unpaid on contract HT-2026-001", days overdue."""
    what = fill(
        TodayTexts.tr("%1 unpaid on contract %2"),
        money_text(due.unpaid, due.currency),
        due.contract_number,
    )
    note = words.late(due.days_overdue)
    return TodayRow(
        section="overdue_instalments",
        kind="instalment",
        id=row_id(due),
        when=words.day(due.due_on),
        what=what,
        who=due.customer,
        note=note,
        late=True,
        tip="\n".join((what, due.customer, note)),
        item=due,
    )


def birthday_row(person: Birthday, words: Words) -> TodayRow:
    """A birthday in the coming week: the day, the name, "turns 40"."""
    note = fill(TodayTexts.tr("turns %1"), person.age) if person.age is not None else ""
    return TodayRow(
        section="birthdays",
        kind="birthday",
        id=person.id,
        when=words.day(person.on),
        what=person.name,
        who=person.phone,
        note=note,
        late=False,
        tip="\n".join(p for p in (person.name, person.phone, note) if p),
        item=person,
        phone=person.phone,
    )


def sections(lists: TodayLists) -> list[Section]:
    """Every section of ``lists`` in screen order; rows are made as they are asked for."""
    words = Words(lists.today, ZoneInfo(lists.zone), lists.at)
    titles = section_titles()

    def section(
        key: SectionKey, items: Sequence[Item], total: int, make: Callable[[Any], TodayRow]
    ) -> Section:
        title, empty = titles[key]
        return Section(key, title, total, items, empty, make)

    def follow_ups(key: SectionKey, found: Listed[FollowUpRow]) -> Section:
        return section(key, found.items, found.total, lambda row: follow_up_row(key, row, words))

    pool, payments = lists.returning_to_pool, lists.overdue_instalments
    customers, deals, birthdays = lists.stale_customers, lists.stale_deals, lists.birthdays
    return [
        follow_ups("overdue", lists.overdue),
        follow_ups("due_today", lists.due_today),
        follow_ups("next_7_days", lists.next_7_days),
        section(
            "stale_customers",
            customers.items,
            customers.total,
            lambda c: stale_customer_row(c, words),
        ),
        section("stale_deals", deals.items, deals.total, lambda d: stale_deal_row(d, words)),
        section("returning_to_pool", pool, len(pool), lambda w: pool_row(w, words)),
        section("overdue_instalments", payments, len(payments), lambda i: instalment_row(i, words)),
        section("birthdays", birthdays.items, birthdays.total, lambda b: birthday_row(b, words)),
    ]


def next_change(lists: TodayLists) -> datetime:
    """The first moment the lists would read differently with nothing changed in the file.

    A row due later today turns overdue at its moment; at local midnight every day-based text
    ("Yesterday", "2 days overdue", "returns in 2 days") and the windows themselves move on.
    Rows are ordered by due moment, so the first timed row due today is the earliest.
    """
    zone = ZoneInfo(lists.zone)
    midnight = moment_of(lists.today + timedelta(days=1), time(0), zone)
    timed = [row.due_at for row in lists.due_today.items if row.due_at is not None]
    return min([midnight, *timed])
