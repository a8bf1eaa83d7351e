"""Payment plans of contracts: instalments that must add up to the contract's total.

A plan is written as the CLI's ``--plan`` takes it and a user would type it:
``30%:2027-01-15,70%:2027-03-01`` (shares) or ``3000:2027-01-15,7000:2027-03-01`` (amounts),
not mixed. Percent shares are turned into amounts rounded to the currency's minor unit, the last
instalment taking what rounding left, so the amounts always sum to the total exactly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import split_by_percent

# An instalment must be under this: larger amounts cannot be rounded to a currency or stored.
PLAN_LIMIT = Decimal(10) ** 12


@dataclass(frozen=True)
class Instalment:
    """One expected payment.

    Attributes:
        due_on: The day it is due.
        amount: What is due, in the contract's currency.
    """

    due_on: date
    amount: Decimal


@dataclass(frozen=True)
class PlanPart:
    """One part of a typed plan, before it is priced.

    Attributes:
        due_on: The day it is due.
        value: A percentage (``percent``) or an amount.
        percent: Whether ``value`` is a share of the total.
    """

    due_on: date
    value: Decimal
    percent: bool


def parse_plan(text: str) -> list[PlanPart]:
    """The parts of ``VALUE:DATE[,VALUE:DATE…]``; VALUE ``30%`` or ``3000``, DATE ISO.

    Raises:
        ValidationError: A part is not ``VALUE:DATE``, a value or day is not valid, or percent
            and amount parts are mixed. ``params['part']`` is the offending part.
    """
    parts: list[PlanPart] = []
    # Typed with a Chinese input method, the colon and comma come full-width: ： ，
    normal = text.replace("：", ":").replace("，", ",")
    for raw in (p.strip() for p in normal.split(",")):
        if not raw:
            continue
        value_text, sep, day_text = raw.partition(":")
        if not sep:
            raise ValidationError(f"“{raw}” is not VALUE:DATE (e.g. 30%:2027-01-15)", part=raw)
        value_text = value_text.strip().replace("％", "%")
        percent = value_text.endswith("%")
        try:
            value = Decimal(value_text.rstrip("%").replace(",", "").strip())
            due_on = date.fromisoformat(day_text.strip())
        except (InvalidOperation, ValueError):
            raise ValidationError(f"“{raw}” has no valid amount or day", part=raw) from None
        if not value.is_finite() or value <= 0:
            raise ValidationError(f"“{raw}”: an instalment must be more than zero", part=raw)
        if value >= PLAN_LIMIT:
            raise ValidationError(
                f"“{raw}”: the amount is too large (an instalment must be under {PLAN_LIMIT:,})",
                part=raw,
            )
        parts.append(PlanPart(due_on, value, percent))
    if not parts:
        raise ValidationError("the payment plan is empty", part=text)
    if len({p.percent for p in parts}) > 1:
        raise ValidationError("a plan gives either percentages or amounts, not both", part=text)
    return parts


def price_plan(parts: list[PlanPart], total: Decimal, currency: str) -> list[Instalment]:
    """The instalments of ``parts`` for a contract of ``total``, in due order.

    Raises:
        ValidationError: Percentages do not sum to 100, or amounts do not sum to ``total``.
    """
    ordered = sorted(parts, key=lambda p: p.due_on)
    if ordered[0].percent:
        amounts = split_by_percent(total, [p.value for p in ordered], currency)
    else:
        amounts = [to_minor_unit(p.value, currency) for p in ordered]
        if sum(amounts, Decimal(0)) != total:
            raise ValidationError(
                f"the instalments add up to {sum(amounts, Decimal(0))}, not the total {total}",
                part="",
            )
    return [Instalment(p.due_on, a) for p, a in zip(ordered, amounts, strict=True)]


def outstanding(plan: list[Instalment], paid: Decimal, today: date) -> tuple[Decimal, Decimal]:
    """``(outstanding, overdue)`` of ``plan`` when ``paid`` has been received in all.

    Payments settle the earliest instalments first; what is unpaid of instalments due before
    ``today`` is overdue.
    """
    left = paid
    owed = overdue = Decimal(0)
    for instalment in sorted(plan, key=lambda i: i.due_on):
        settled = min(left, instalment.amount)
        left -= settled
        unpaid = instalment.amount - settled
        owed += unpaid
        if instalment.due_on < today:
            overdue += unpaid
    return owed, overdue
