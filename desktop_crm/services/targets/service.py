"""Setting and reading monthly sales targets (the ``sales_targets`` table).

The targets report (:mod:`desktop_crm.services.reports`) counts a live target in the month
its ``period_start`` falls in, so a target here is one row per owner and month: from the
month's first day to its last, in the workspace's currency (``currency.default``). A year's
grid is written as ONE operation, so one undo takes the whole edit back.
"""

from __future__ import annotations

import calendar
from collections.abc import Mapping
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.services.targets.dto import MonthTarget, TargetOwner
from desktop_crm.store.models import SalesTarget, User
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

# The largest target accepted: far above any real one, well inside the stored integer.
MAX_AMOUNT = Decimal("999999999999")
_PLACES = Decimal("0.0001")  # what the store keeps (ten-thousandths)

TargetKey = tuple[str, date]


class TargetService:
    """Monthly sales targets over one workspace.

    Args:
        store: The workspace's store (a reader's store serves the reading calls only).
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def owners(self) -> list[TargetOwner]:
        """The live users a target can be set for, by name."""
        with self._store.read() as session:
            rows = session.scalars(
                select(User).where(User.deleted_at.is_(None)).order_by(User.name, User.id)
            ).all()
            return [TargetOwner(u.id, u.name) for u in rows]

    def currency(self) -> str:
        """The currency new targets are set in (the workspace's ``currency.default``)."""
        with self._store.read() as session:
            return _currency(session)

    def month_targets(self, year: int) -> list[MonthTarget]:
        """The targets starting in ``year``, by owner name and month.

        Rows of the same owner, month and currency (written elsewhere) are added up;
        targets without an owner are left out (the grid has no row for them).
        """
        _check_year(year)
        with self._store.read() as session:
            names = {u.id: u.name for u in session.scalars(select(User))}
            totals: dict[tuple[str, date, str], Decimal] = {}
            for row in _rows_of_year(session, year):
                if row.user_id is None:
                    continue
                key = (row.user_id, row.period_start.replace(day=1), row.currency)
                totals[key] = totals.get(key, Decimal(0)) + row.amount
        targets = [
            MonthTarget(owner, names.get(owner, owner), month, amount, currency)
            for (owner, month, currency), amount in totals.items()
        ]
        return sorted(targets, key=lambda t: (t.owner_name, t.owner_id, t.month, t.currency))

    def set_targets(self, year: int, values: Mapping[TargetKey, Decimal | None]) -> ChangeResult:
        """Write targets of ``year`` as ONE operation ("Set sales targets for 2026").

        Each ``(owner_id, month)`` named gets one row from the month's first to last day in
        the workspace's currency, replacing what that owner had starting in that month;
        ``None`` or 0 removes it. Cells not named are left as they are. Nothing changed
        gives ``operation_id`` None.

        Args:
            year: The year of the grid.
            values: Amount per owner id and month (any day of the month; its first is used).

        Raises:
            ValidationError: A month outside ``year`` (``field="month"``), an unknown owner
                (``field="owner_id"``), or an amount that is negative, too large or no
                number (``field="amount"``, with ``owner_id`` and ``month``).
        """
        _check_year(year)
        wanted = _cleaned(year, values)
        with self._store.unit_of_work(op_label(LabelCode.SET_TARGETS, year=year)) as (
            session,
            rec,
        ):
            live_users = set(
                session.scalars(select(User.id).where(User.deleted_at.is_(None))).all()
            )
            for owner, _month in wanted:
                if owner not in live_users:
                    raise ValidationError("no such user", field="owner_id", owner_id=owner)
            currency = _currency(session)
            existing: dict[TargetKey, list[SalesTarget]] = {}
            for row in _rows_of_year(session, year):
                if row.user_id is not None:
                    existing.setdefault((row.user_id, row.period_start.replace(day=1)), []).append(
                        row
                    )
            now = utc_now()
            for key, amount in wanted.items():
                _write(session, key, amount, currency, existing.get(key, []), now)
            session.flush()
            return change_result(rec)


def _write(
    session: Session,
    key: TargetKey,
    amount: Decimal | None,
    currency: str,
    rows: list[SalesTarget],
    now: datetime,
) -> None:
    """Make ``key``'s month hold exactly ``amount`` (one row), or nothing for None."""
    owner, month = key
    end = _month_end(month)
    keep = None
    if amount is not None:
        # Keep the row that already says so, else reuse the first one (an update, not a
        # delete and an add, so the history shows one changed target).
        keep = next((r for r in rows if r.amount == amount and r.currency == currency), None) or (
            rows[0] if rows else None
        )
    for row in rows:
        if row is not keep:
            row.deleted_at = now
    if amount is None:
        return
    if keep is None:
        session.add(
            SalesTarget(
                user_id=owner, period_start=month, period_end=end, amount=amount, currency=currency
            )
        )
        return
    # Assign only what differs: an unchanged cell must not count as an edit.
    if keep.amount != amount:
        keep.amount = amount
    if keep.currency != currency:
        keep.currency = currency
    if keep.period_start != month:
        keep.period_start = month
    if keep.period_end != end:
        keep.period_end = end


def _currency(session: Session) -> str:
    return str(read_setting(session, "currency.default") or "CNY")


def _rows_of_year(session: Session, year: int) -> list[SalesTarget]:
    return list(
        session.scalars(
            select(SalesTarget).where(
                SalesTarget.deleted_at.is_(None),
                SalesTarget.period_start >= date(year, 1, 1),
                SalesTarget.period_start <= date(year, 12, 31),
            )
        ).all()
    )


def _cleaned(
    year: int, values: Mapping[TargetKey, Decimal | None]
) -> dict[TargetKey, Decimal | None]:
    """Months as first days, amounts as checked Decimals with four places (0 as None)."""
    out: dict[TargetKey, Decimal | None] = {}
    for (owner, month), raw in values.items():
        if month.year != year:
            raise ValidationError(
                "month outside the year", field="month", month=month.isoformat(), year=year
            )
        first = month.replace(day=1)
        out[(owner, first)] = _amount(raw, owner, first)
    return out


def _amount(raw: Decimal | None, owner: str, month: date) -> Decimal | None:
    if raw is None:
        return None
    try:
        value = Decimal(raw).quantize(_PLACES)
    except (InvalidOperation, TypeError, ValueError):
        value = None
    if value is None or not value.is_finite() or value < 0 or value > MAX_AMOUNT:
        raise ValidationError(
            "target must be a number from 0 up",
            field="amount",
            owner_id=owner,
            month=month.isoformat(),
        )
    return value if value != 0 else None


def _month_end(first: date) -> date:
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def _check_year(year: int) -> None:
    if not 1900 <= year <= 9999:
        raise ValidationError("year out of range", field="year", year=year)
