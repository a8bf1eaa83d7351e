"""Payment plans as users give them, checked and priced against a contract's total.

The shares or amounts must come to the total exactly; when they do not, the message says by
how much they miss, which is what the user needs to fix the plan.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.payment_plans import PLAN_LIMIT, parse_plan
from desktop_crm.domain.quote_totals import split_by_percent
from desktop_crm.services.contracts.dto import InstalmentDraft, PlanDraft

HUNDRED = Decimal(100)
ZERO = Decimal(0)


@dataclass(frozen=True)
class PricedInstalment:
    """An instalment ready to store.

    Attributes:
        due_on: The day it is due.
        amount: What is due, in the contract's currency.
        percent: Its share of the total, when planned as one.
        note: What it is for.
    """

    due_on: date
    amount: Decimal
    percent: Decimal | None
    note: str | None


def plan_from_text(text: str) -> PlanDraft:
    """The plan typed as ``30%:2027-01-15,70%:2027-03-01`` or ``3000:2027-01-15,…``.

    Raises:
        ValidationError: A part is malformed (the message quotes it; ``params['part']``).
    """
    parts = parse_plan(text)
    return PlanDraft(tuple(InstalmentDraft(p.due_on, p.value, p.percent) for p in parts))


def whole_on(day: date) -> PlanDraft:
    """The default plan: everything due on ``day``."""
    return PlanDraft((InstalmentDraft(day, HUNDRED, percent=True),))


def price(plan: PlanDraft, total: Decimal, currency: str) -> list[PricedInstalment]:
    """``plan``'s instalments in due order, amounts to the currency's minor unit.

    Percent shares are rounded and the last instalment takes what rounding left
    (``split_by_percent``), so the amounts always come to ``total``.

    Raises:
        ValidationError: The plan is empty, mixes shares and amounts, has an instalment that
            is not above zero, or does not come to the total (saying by how much).
    """
    parts = sorted(plan.instalments, key=lambda p: p.due_on)
    if not parts:
        raise ValidationError("the payment plan is empty", field="plan")
    if len({p.percent for p in parts}) > 1:
        raise ValidationError(
            "a payment plan gives either percentages or amounts, not both", field="plan"
        )
    for part in parts:
        if not part.value.is_finite() or part.value <= 0:
            raise ValidationError(
                f"the instalment due {part.due_on} must be more than zero", field="plan"
            )
        if part.value >= PLAN_LIMIT:
            raise ValidationError(
                f"the instalment due {part.due_on} is too large (it must be under {PLAN_LIMIT:,})",
                field="plan",
            )
    if parts[0].percent:
        amounts = _by_percent(parts, total, currency)
    else:
        amounts = [to_minor_unit(p.value, currency) for p in parts]
        _check_sum(sum(amounts, ZERO), total, currency)
    for part, amount in zip(parts, amounts, strict=True):
        if amount <= 0:
            raise ValidationError(
                f"the instalment due {part.due_on} comes to {_money(amount, currency)}: "
                "each instalment must be more than zero",
                field="plan",
            )
    return [
        PricedInstalment(p.due_on, a, p.value if p.percent else None, p.note)
        for p, a in zip(parts, amounts, strict=True)
    ]


def _by_percent(parts: list[InstalmentDraft], total: Decimal, currency: str) -> list[Decimal]:
    shares = sum((p.value for p in parts), ZERO)
    if shares != HUNDRED:
        gap = HUNDRED - shares
        miss = f"{_plain(abs(gap))}% short of" if gap > 0 else f"{_plain(-gap)}% over"
        raise ValidationError(
            f"the instalments' percentages add up to {_plain(shares)}%, {miss} 100%",
            field="plan",
            difference=str(gap),
        )
    return split_by_percent(total, [p.value for p in parts], currency)


def _check_sum(planned: Decimal, total: Decimal, currency: str) -> None:
    if planned == total:
        return
    gap = total - planned
    miss = "short of" if gap > 0 else "over"
    raise ValidationError(
        f"the instalments add up to {_money(planned, currency)}, "
        f"{_money(abs(gap), currency)} {miss} the total {_money(total, currency)}",
        field="plan",
        difference=str(gap),
    )


def _money(amount: Decimal, currency: str) -> str:
    """``12,345.60 CNY``: digits grouped, to the currency's minor unit."""
    return f"{to_minor_unit(amount, currency):,} {currency}"


def _plain(value: Decimal) -> str:
    """``30`` for ``Decimal("30.00")``, ``12.5`` for ``Decimal("12.50")``."""
    return format(value.normalize(), "f")
