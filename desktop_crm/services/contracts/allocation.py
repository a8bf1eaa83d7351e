"""Which instalments the payments received have settled, and what is left and overdue.

A payment recorded against an instalment pays that one first; what it brings beyond it, and
every payment recorded against the contract as a whole, settles the oldest unpaid instalments
in due order. With no payment tied to an instalment this is
``domain.payment_plans.outstanding`` exactly; tying a payment to a later instalment leaves the
earlier one owed (and, once past due, overdue), as the customer meant it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_crm.services.contracts.dto import Balance

ZERO = Decimal(0)


@dataclass(frozen=True)
class PlannedItem:
    """An instalment as the arithmetic needs it.

    Attributes:
        id: The plan row's id.
        due_on: The day it is due.
        amount: What is due.
        position: Its place among instalments due the same day.
    """

    id: str
    due_on: date
    amount: Decimal
    position: int = 0


@dataclass(frozen=True)
class Settled:
    """An instalment with what has been paid of it on a day.

    Attributes:
        item: The instalment.
        paid: What has been received against it.
        outstanding: What is still owed of it.
        overdue: ``outstanding`` if it was due before the day, else zero.
    """

    item: PlannedItem
    paid: Decimal
    outstanding: Decimal
    overdue: Decimal


def settle(
    plan: Sequence[PlannedItem], payments: Iterable[tuple[str | None, Decimal]], today: date
) -> list[Settled]:
    """The instalments of ``plan`` in due order with what ``payments`` paid of each.

    Args:
        plan: The instalments, in any order.
        payments: ``(plan id or None, amount)`` of each payment; a plan id not in ``plan``
            (an instalment since replaced) counts as the contract's.
        today: The day overdue is reckoned on: instalments due before it are past due.
    """
    ordered = sorted(plan, key=lambda i: (i.due_on, i.position))
    by_id = {item.id: item for item in ordered}
    paid = dict.fromkeys(by_id, ZERO)
    pool = ZERO
    for plan_id, amount in payments:
        if plan_id is not None and plan_id in by_id:
            taken = min(amount, max(by_id[plan_id].amount - paid[plan_id], ZERO))
            paid[plan_id] += taken
            pool += amount - taken
        else:
            pool += amount
    for item in ordered:
        taken = min(pool, max(item.amount - paid[item.id], ZERO))
        paid[item.id] += taken
        pool -= taken
    out: list[Settled] = []
    for item in ordered:
        owed = item.amount - paid[item.id]
        out.append(Settled(item, paid[item.id], owed, owed if item.due_on < today else ZERO))
    return out


def balance(total: Decimal, received: Decimal, settled: Sequence[Settled]) -> Balance:
    """A contract's figures from its total, what was received and its settled plan.

    Without a plan, everything not received is outstanding and nothing is overdue (no day
    was set for it).
    """
    if not settled:
        return Balance(total, received, max(total - received, ZERO), ZERO)
    return Balance(
        total,
        received,
        sum((s.outstanding for s in settled), ZERO),
        sum((s.overdue for s in settled), ZERO),
    )


def next_due(settled: Sequence[Settled]) -> date | None:
    """The due day of the oldest instalment not fully paid."""
    return next((s.item.due_on for s in settled if s.outstanding > 0), None)
