"""Importing payments received (回款) against contracts, one row per payment.

Rules, the same as recording a payment on the contract's screen (``services.contracts``):

* The contract is a live one, found by its number (exactly, else ignoring case).
* The amount is above zero, rounded to the contract currency's minor unit, and no more than
  the contract still owes (counting the rows above it in the sheet).
* A payment goes to the contract's oldest unpaid instalment when it fits in what is left of
  it; otherwise it stays the contract's (unassigned), and settles instalments in due order
  as every unassigned payment does.
* A row with the contract, day and amount of a payment already recorded is that payment
  (skipped, or its note filled under those policies): importing a sheet twice does not count
  the money twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typing_extensions import override

from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.services.contracts.allocation import PlannedItem, settle
from desktop_crm.services.contracts.figures import figures_of
from desktop_crm.services.importing.cell_problems import CellProblems
from desktop_crm.services.importing.importer import ImportContext, Importer, apply_fields
from desktop_crm.services.importing.quote_lookups import number_key
from desktop_crm.spreadsheet.row_reader import RowRead
from desktop_crm.store.changelog import Recorder
from desktop_crm.store.models import Contract, Payment

ZERO = Decimal(0)


@dataclass(frozen=True)
class PaymentRow:
    """A payment a row records.

    Attributes:
        contract_id: Its contract.
        paid_on: The day it was received.
        amount: How much, in the contract's currency.
        values: Its method, reference and note (``None`` where the row has none).
    """

    contract_id: str
    paid_on: date
    amount: Decimal
    values: dict[str, Any]


@dataclass
class _Contract:
    """A live contract and what it still owed before the rows judged so far."""

    id: str
    number: str
    currency: str
    total: Decimal
    left: Decimal


class PaymentImporter(Importer[PaymentRow]):
    """Payments against live contracts, each on its contract's oldest unpaid instalment.

    Args:
        ctx: The import's context.
        mapping: Column index -> field, to mark problems on their cells.
    """

    entity = "payments"
    model = Payment

    def __init__(self, ctx: ImportContext, mapping: dict[int, str]) -> None:
        super().__init__(ctx)
        self.marks = CellProblems("payments", mapping)

    @override
    def prepare(self, session: Session) -> None:
        received: dict[str, Decimal] = {
            cid: Decimal(paid)
            for cid, paid in session.execute(
                select(Payment.contract_id, func.coalesce(func.sum(Payment.amount), 0))
                .where(Payment.deleted_at.is_(None))
                .group_by(Payment.contract_id)
            )
        }
        self.by_number: dict[str, _Contract] = {}
        self.by_key: dict[str, _Contract] = {}
        for cid, number, currency, amount in session.execute(
            select(Contract.id, Contract.number, Contract.currency, Contract.amount)
            .where(Contract.deleted_at.is_(None))
            .order_by(Contract.created_at, Contract.id)
        ):
            paid = received.get(cid, ZERO)
            found = _Contract(cid, number, currency, amount, amount - paid)
            self.by_number[number.strip()] = found
            self.by_key.setdefault(number_key(number), found)
        self.contracts = {c.id: c for c in self.by_number.values()}
        self.existing: dict[tuple[str, date, Decimal], str] = {
            (cid, paid_on, amount): pid
            for pid, cid, paid_on, amount in session.execute(
                select(Payment.id, Payment.contract_id, Payment.paid_on, Payment.amount).where(
                    Payment.deleted_at.is_(None)
                )
            )
        }

    @override
    def prepare_preview(self, session: Session) -> None:
        self.prepare(session)  # a row is judged against the workspace in the preview too

    @override
    def item(self, read: RowRead, row: Sequence[Any]) -> tuple[PaymentRow | None, str]:
        reasons = self.marks.conversion_problems(read)
        contract: _Contract | None = None
        number = read.text("contract")
        if not number:
            reasons.append(self.marks.mark(read, "contract", "no contract number"))
        else:
            contract = self.by_number.get(number.strip()) or self.by_key.get(number_key(number))
            if contract is None:
                reasons.append(self.marks.mark(read, "contract", "no contract has this number"))
        paid_on = read.values.get("date")
        if paid_on is None and not self.marks.unreadable(read, "date"):
            reasons.append(self.marks.mark(read, "date", "no date"))
        amount = read.values.get("amount")
        if amount is None and not self.marks.unreadable(read, "amount"):
            reasons.append(self.marks.mark(read, "amount", "no amount"))
        elif amount is not None:
            amount = to_minor_unit(amount, contract.currency if contract else None)
            if amount <= 0:
                reasons.append(self.marks.mark(read, "amount", "a payment must be more than 0"))
        if reasons or contract is None or amount is None or paid_on is None:
            return None, "; ".join(reasons)
        payment = PaymentRow(contract.id, paid_on, amount, self._details(read))
        if self.find(payment) is None or self.ctx.duplicates == "create":
            if amount > contract.left:  # the rule of the contract's own screen
                left = to_minor_unit(max(contract.left, ZERO), contract.currency)
                owed = f"{left:,} {contract.currency}"
                problem = f"more than the {owed} still owed on contract {contract.number}"
                return None, self.marks.mark(read, "amount", problem)
            contract.left -= amount
        return payment, ""

    def _details(self, read: RowRead) -> dict[str, Any]:
        """The payment's method, reference and note (unmapped columns join the note)."""
        note = "\n".join(x for x in (read.text("notes"), *read.kept) if x) or None
        return {
            "method": (read.text("method") or "")[:50] or None,
            "reference": (read.text("reference") or "")[:200] or None,
            "note": note[:500] if note else None,
        }

    @override
    def find(self, item: PaymentRow) -> str | None:
        return self.existing.get((item.contract_id, item.paid_on, item.amount))

    @override
    def write_new(self, session: Session, rec: Recorder, items: list[PaymentRow]) -> None:
        # What each contract's instalments had received before this chunk (earlier chunks'
        # payments are in the transaction already), then this chunk's payments one by one.
        figures = figures_of(
            session,
            {cid: self.contracts[cid].total for cid in {i.contract_id for i in items}},
            self.ctx.today,
        )
        plans: dict[str, list[PlannedItem]] = {}
        paid: dict[str, list[tuple[str | None, Decimal]]] = {}
        for cid, found in figures.items():
            plans[cid] = [s.item for s in found.settled]
            paid[cid] = [(s.item.id, s.paid) for s in found.settled]
        rows = []
        for item in items:
            plan_id = self._instalment(plans[item.contract_id], paid[item.contract_id], item)
            paid[item.contract_id].append((plan_id, item.amount))
            rows.append(
                {
                    "contract_id": item.contract_id,
                    "plan_id": plan_id,
                    "paid_on": item.paid_on,
                    "amount": item.amount,
                    **item.values,
                }
            )
        self.made["payments"] += len(rec.bulk_insert(session, Payment, rows))

    def _instalment(
        self,
        plan: list[PlannedItem],
        paid: list[tuple[str | None, Decimal]],
        item: PaymentRow,
    ) -> str | None:
        """The oldest unpaid instalment when ``item`` fits in what is left of it, else None."""
        oldest = next((s for s in settle(plan, paid, self.ctx.today) if s.outstanding > 0), None)
        return oldest.item.id if oldest is not None and item.amount <= oldest.outstanding else None

    @override
    def update(
        self, session: Session, rec: Recorder, rid: str, item: PaymentRow, overwrite: bool
    ) -> int:
        payment = session.get(Payment, rid)
        if payment is None:
            return 0
        return int(apply_fields(payment, item.values, overwrite))
