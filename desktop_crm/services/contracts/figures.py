"""Contracts' figures on a day: each instalment's paid, outstanding and overdue, and the sums.

Read in two queries per chunk of contracts (their plans, their payments), then settled in
Python by ``allocation``: the lists, Today and the per-customer sums all use this one path.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.services.contracts.allocation import PlannedItem, Settled, balance, settle
from desktop_crm.services.contracts.dto import Balance
from desktop_crm.store.batches import in_chunks
from desktop_crm.store.models import Payment, PaymentPlan

ZERO = Decimal(0)


@dataclass(frozen=True)
class Figures:
    """One contract's figures on a day.

    Attributes:
        settled: Its instalments in due order, with what was paid of each.
        balance: Total, paid, outstanding and overdue.
    """

    settled: tuple[Settled, ...]
    balance: Balance


def figures_of(session: Session, amounts: dict[str, Decimal], today: date) -> dict[str, Figures]:
    """The figures of the contracts in ``amounts`` (contract id -> its total) on ``today``."""
    plans: dict[str, list[PlannedItem]] = defaultdict(list)
    paid: dict[str, list[tuple[str | None, Decimal]]] = defaultdict(list)
    for chunk in in_chunks(list(amounts)):
        rows = session.execute(
            select(
                PaymentPlan.contract_id,
                PaymentPlan.id,
                PaymentPlan.due_on,
                PaymentPlan.amount,
                PaymentPlan.position,
            ).where(PaymentPlan.contract_id.in_(chunk), PaymentPlan.deleted_at.is_(None))
        )
        for contract_id, plan_id, due_on, amount, position in rows:
            plans[contract_id].append(PlannedItem(plan_id, due_on, amount, position))
        payments = session.execute(
            select(Payment.contract_id, Payment.plan_id, Payment.amount)
            .where(Payment.contract_id.in_(chunk), Payment.deleted_at.is_(None))
            .order_by(Payment.paid_on, Payment.id)
        )
        for contract_id, paid_against, amount in payments:
            paid[contract_id].append((paid_against, amount))
    return {
        cid: _one(total, plans.get(cid, []), paid.get(cid, []), today)
        for cid, total in amounts.items()
    }


def _one(
    total: Decimal,
    plan: list[PlannedItem],
    payments: list[tuple[str | None, Decimal]],
    today: date,
) -> Figures:
    settled = settle(plan, payments, today)
    received = sum((amount for _, amount in payments), ZERO)
    return Figures(tuple(settled), balance(total, received, settled))


def add_up(balances: Iterable[Balance]) -> Balance:
    """The sum of ``balances`` (all in one currency)."""
    total = paid = owed = overdue = ZERO
    for b in balances:
        total += b.total
        paid += b.paid
        owed += b.outstanding
        overdue += b.overdue
    return Balance(total, paid, owed, overdue)
