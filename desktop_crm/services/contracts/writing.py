"""Changes to contracts, their payment plans and payments, inside the caller's unit of work.

Each function checks everything before it writes, so a refused change leaves nothing behind;
the service wraps each in one labelled operation, which undo reverts as a whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.services.contracts.dto import ContractChanges, PaymentDraft
from desktop_crm.services.contracts.figures import figures_of
from desktop_crm.services.contracts.plans import PricedInstalment
from desktop_crm.store.models import Contract, Payment, PaymentPlan
from desktop_crm.store.types import utc_now

ZERO = Decimal(0)


def live_plan(session: Session, contract_id: str) -> list[PaymentPlan]:
    """The contract's instalments in due order."""
    return list(
        session.scalars(
            select(PaymentPlan)
            .where(PaymentPlan.contract_id == contract_id, PaymentPlan.deleted_at.is_(None))
            .order_by(PaymentPlan.due_on, PaymentPlan.position)
        )
    )


def live_payments(session: Session, contract_id: str) -> list[Payment]:
    """The contract's payments, oldest first."""
    return list(
        session.scalars(
            select(Payment)
            .where(Payment.contract_id == contract_id, Payment.deleted_at.is_(None))
            .order_by(Payment.paid_on, Payment.id)
        )
    )


def write_plan(session: Session, contract: Contract, plan: Sequence[PricedInstalment]) -> None:
    """Replace the contract's instalments with ``plan``.

    Payments tied to an instalment that goes are kept and made the contract's: they then
    settle the oldest unpaid instalments of the new plan.
    """
    now = utc_now()
    gone = set()
    for old in live_plan(session, contract.id):
        old.deleted_at = now
        gone.add(old.id)
    for payment in live_payments(session, contract.id):
        if payment.plan_id in gone:
            payment.plan_id = None
    for position, part in enumerate(plan):
        session.add(
            PaymentPlan(
                contract_id=contract.id,
                due_on=part.due_on,
                amount=part.amount,
                percent=part.percent,
                position=position,
                note=part.note,
            )
        )


def apply_changes(contract: Contract, changes: ContractChanges) -> None:
    """Set the fields ``changes`` gives.

    Raises:
        ValidationError: The title is empty, or the contract would end before it starts.
    """
    if changes.title is not None:
        if not changes.title.strip():
            raise ValidationError("a contract needs a title", field="title")
        contract.title = changes.title.strip()
    for name in ("signed_on", "starts_on", "ends_on"):
        value = getattr(changes, name)
        if value is not None:
            setattr(contract, name, value)
    if contract.starts_on and contract.ends_on and contract.ends_on < contract.starts_on:
        raise ValidationError(
            f"the contract would end ({contract.ends_on}) before it starts ({contract.starts_on})",
            field="ends_on",
        )
    if changes.status is not None:
        contract.status = changes.status.value
    if changes.owner_id is not None:
        contract.owner_id = changes.owner_id or None
    if changes.language is not None:
        contract.language = changes.language
    for name in ("notes", "terms", "template"):
        value = getattr(changes, name)
        if value is not None:
            setattr(contract, name, value or None)


def checked_payment(
    session: Session,
    contract: Contract,
    draft: PaymentDraft,
    today: date,
    replacing: Payment | None = None,
) -> Decimal:
    """The amount of ``draft`` to the currency's minor unit, once it is known to fit.

    Raises:
        ValidationError: The amount is not above zero, or it is more than the contract still
            owes (counting ``replacing`` as not received), or the instalment is not this
            contract's.
    """
    if not draft.amount.is_finite() or draft.amount <= 0:
        raise ValidationError("a payment must be more than zero", field="amount")
    amount = to_minor_unit(draft.amount, contract.currency)
    if amount <= 0:
        raise ValidationError("a payment must be more than zero", field="amount")
    if draft.plan_id is not None:
        instalment = session.get(PaymentPlan, draft.plan_id)
        if (
            instalment is None
            or instalment.deleted_at is not None
            or instalment.contract_id != contract.id
        ):
            raise NotFoundError(
                f"that instalment is not part of contract {contract.number}", field="plan_id"
            )
    owed = figures_of(session, {contract.id: contract.amount}, today)[contract.id]
    left = to_minor_unit(
        owed.balance.total - owed.balance.paid + (replacing.amount if replacing else ZERO),
        contract.currency,
    )
    if amount > left:
        raise ValidationError(
            f"the payment of {amount:,} {contract.currency} is more than the "
            f"{max(left, ZERO):,} {contract.currency} still owed on contract {contract.number}",
            field="amount",
        )
    return amount


def set_payment(payment: Payment, draft: PaymentDraft, amount: Decimal) -> None:
    """Write ``draft``'s values on ``payment`` (new or existing)."""
    payment.amount = amount
    payment.paid_on = draft.paid_on
    payment.plan_id = draft.plan_id
    payment.method = draft.method or None
    payment.reference = draft.reference or None
    payment.note = draft.note or None
