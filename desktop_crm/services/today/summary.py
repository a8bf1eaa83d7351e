"""What needs attention today: follow-ups due, quiet customers, overdue instalments.

``TodayService.lists`` computes every Today list at a moment (``services.today.lists``);
``summary`` and ``info`` are the older figures the status bar and the Today screen read.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlalchemy import case, func, or_, select

from desktop_crm.domain.clock import Clock, SystemClock
from desktop_crm.domain.vocab import ActivityKind
from desktop_crm.services.contracts.summaries import overdue_instalments
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.services.today.dto import (
    LIST_LIMIT,
    FollowUpItem,
    TodayLists,
    TodaySummary,
    WorkspaceInfo,
)
from desktop_crm.services.today.lists import today_lists
from desktop_crm.store.models import Company, Deal, FollowUp, Person, Product, Quote
from desktop_crm.store.store import Store


class TodayService:
    """Counts and lists for the Today screen and the status bar."""

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()

    def lists(self, at: datetime | None = None, *, limit: int | None = LIST_LIMIT) -> TodayLists:
        """Every Today list as at ``at`` (default: the clock's now), local days in its zone.

        Reads only, in one read (one consistent state of the file).

        Args:
            at: The moment to compute them at (timezone-aware).
            limit: Rows per list (``None``: all); each list's ``total`` counts them all.

        Raises:
            ValueError: ``at`` is naive.
        """
        if at is not None and at.tzinfo is None:
            raise ValueError("a moment must be timezone-aware")
        now = (at or self._clock.now()).astimezone(UTC)
        zone = self._clock.zone()
        with self._store.read() as session:
            return today_lists(session, now, zone, limit)

    def info(self) -> WorkspaceInfo:
        """Headline counts of the workspace."""
        with self._store.read() as session:

            def count(model, *where) -> int:  # type: ignore[no-untyped-def]
                return int(
                    session.scalar(
                        select(func.count())
                        .select_from(model)
                        .where(model.deleted_at.is_(None), *where)
                    )
                    or 0
                )

            return WorkspaceInfo(
                path=self._store.path,
                people=count(Person),
                companies=count(Company),
                open_deals=count(Deal, Deal.status == "open"),
                products=count(Product),
                quotes=count(Quote),
            )

    def summary(self, today: date) -> TodaySummary:
        """Follow-ups due up to a week ahead, overdue first, and quiet customers."""
        week = today + timedelta(days=7)
        with self._store.read() as session:
            stale_days = int(read_setting(session, "followup.stale_days"))
            planned = (FollowUp.status == "planned", FollowUp.deleted_at.is_(None))
            bucket = case(
                (FollowUp.due_on < today, "overdue"),
                (FollowUp.due_on == today, "today"),
                else_="upcoming",
            ).label("bucket")
            by_due: dict[str, int] = dict(
                session.execute(
                    select(bucket, func.count())
                    .where(*planned, FollowUp.due_on <= week)
                    .group_by(bucket)
                ).all()
            )
            contact = func.coalesce(Person.name, Company.name, "")
            rows = session.execute(
                select(FollowUp.id, FollowUp.subject, FollowUp.kind, FollowUp.due_on, contact)
                .outerjoin(Person, Person.id == FollowUp.person_id)
                .outerjoin(Company, Company.id == FollowUp.company_id)
                .where(*planned, FollowUp.due_on <= week)
                .order_by(FollowUp.due_on, FollowUp.id)
                .limit(200)
            ).all()
            items = tuple(
                FollowUpItem(id_, subject, ActivityKind(kind), due, name or "", due < today)
                for id_, subject, kind, due, name in rows
            )
            cutoff = datetime.combine(today - timedelta(days=stale_days), time(), UTC)
            stale = session.scalar(
                select(func.count())
                .select_from(Person)
                .where(
                    Person.deleted_at.is_(None),
                    Person.status == "customer",
                    or_(Person.last_contacted_at.is_(None), Person.last_contacted_at < cutoff),
                )
            )
            # Amounts add up within one currency: the workspace's (others are not converted).
            currency = str(read_setting(session, "currency.default"))
            pipeline = session.scalar(
                select(func.sum(Deal.amount)).where(
                    Deal.deleted_at.is_(None), Deal.status == "open", Deal.currency == currency
                )
            )
            overdue_payments = overdue_instalments(session, today)
        return TodaySummary(
            today=today,
            overdue=by_due.get("overdue", 0),
            due_today=by_due.get("today", 0),
            upcoming=by_due.get("upcoming", 0),
            items=items,
            stale_customers=int(stale or 0),
            stale_days=stale_days,
            open_pipeline=pipeline if pipeline is not None else Decimal(0),
            currency=currency,
            overdue_payments=overdue_payments,
        )
