"""Contracts made from quotes, their payment plans and the payments received (回款).

Every change is one labelled operation (undo reverts it whole) and returns a
:class:`ChangeResult`; reads return frozen values with the figures as of a ``today`` the caller
gives, so tests and the Today screen agree on what "overdue" means.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import BinaryIO

from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import Document
from desktop_crm.domain.choices import Language
from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.contracts import listing, summaries
from desktop_crm.services.contracts.creation import create_from_quote
from desktop_crm.services.contracts.detail import contract_detail
from desktop_crm.services.contracts.document import contract_document
from desktop_crm.services.contracts.dto import (
    ContractChanges,
    ContractDetail,
    ContractFilter,
    ContractList,
    ContractRow,
    CustomerBalance,
    OverdueInstalment,
    PaymentDraft,
    PlanDraft,
)
from desktop_crm.services.contracts.lookup import find_contract
from desktop_crm.services.contracts.plans import plan_from_text, price
from desktop_crm.services.contracts.writing import (
    apply_changes,
    checked_payment,
    live_payments,
    live_plan,
    set_payment,
    write_plan,
)
from desktop_crm.services.printing.dto import PrintResult
from desktop_crm.services.printing.service import PrintingService
from desktop_crm.store.models import Contract, Payment
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


def _plan(plan: str | PlanDraft) -> PlanDraft:
    return plan_from_text(plan) if isinstance(plan, str) else plan


class ContractService:
    """Contracts, payment plans and payments of one workspace."""

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- changes ---------------------------------------------------------------------------

    def from_quote(
        self,
        quote: str,
        plan: str | PlanDraft | None = None,
        *,
        title: str | None = None,
        signed_on: date | None = None,
        starts_on: date | None = None,
        ends_on: date | None = None,
        today: date | None = None,
    ) -> ChangeResult:
        """Make a contract of a quote (by id or number), accepting the quote if it is not yet.

        The contract takes the quote's customer, deal, owner, currency, language and terms,
        its priced total and its current revision's lines, and the next contract number. A
        draft or sent quote is accepted in the same operation (undo reverts both).

        Args:
            quote: The quote's number or id.
            plan: Instalments (``30%:2027-01-15,70%:2027-03-01`` or a :class:`PlanDraft`);
                by default everything is due on the start day.
            title: What the contract is about (default: the deal's title, else the quote's
                number).
            signed_on: The day it was signed (default ``today``).
            starts_on: The first day it runs (default the signing day).
            ends_on: The last day it runs.
            today: The day it is made on (default: the system's date).

        Returns:
            The change; ``ids`` holds the new contract's id.

        Raises:
            NotFoundError: No such quote.
            ValidationError: The quote was rejected or expired, already has a contract, adds
                up to nothing, or the plan is malformed or misses the total (the message says
                which part, or by how much).
        """
        today = today or date.today()
        draft = None if plan is None else _plan(plan)
        with self._store.unit_of_work(op_label(LabelCode.CONTRACT_FROM_QUOTE)) as (session, rec):
            contract = create_from_quote(
                session,
                rec,
                quote,
                draft,
                title=title,
                signed_on=signed_on,
                starts_on=starts_on,
                ends_on=ends_on,
                today=today,
            )
        return change_result(rec, [contract.id])

    def edit(self, contract: str, changes: ContractChanges) -> ChangeResult:
        """Change a contract's own fields (see :class:`ContractChanges`).

        Raises:
            NotFoundError: No such contract.
            ValidationError: An empty title, or an end before the start.
        """
        with self._store.unit_of_work(op_label(LabelCode.EDIT_CONTRACT)) as (session, rec):
            row = find_contract(session, contract)
            rec.label = op_label(LabelCode.EDIT_CONTRACT, number=row.number)
            apply_changes(row, changes)
        return change_result(rec, [row.id])

    def set_plan(self, contract: str, plan: str | PlanDraft) -> ChangeResult:
        """Replace a contract's payment plan; it must come to the contract's total.

        Payments tied to an instalment that goes become the contract's (they then settle the
        oldest unpaid instalments).

        Raises:
            NotFoundError: No such contract.
            ValidationError: The plan is malformed or misses the total (by how much).
        """
        draft = _plan(plan)
        with self._store.unit_of_work(op_label(LabelCode.SET_PAYMENT_PLAN)) as (session, rec):
            row = find_contract(session, contract)
            rec.label = op_label(LabelCode.SET_PAYMENT_PLAN, number=row.number)
            write_plan(session, row, price(draft, row.amount, row.currency))
        return change_result(rec, [row.id])

    def record_payment(
        self, contract: str, draft: PaymentDraft, *, today: date | None = None
    ) -> ChangeResult:
        """Record money received against a contract, or one of its instalments.

        Returns:
            The change; ``ids`` holds the payment's id.

        Raises:
            NotFoundError: No such contract, or the instalment is not its.
            ValidationError: The amount is not above zero or more than is still owed.
        """
        with self._store.unit_of_work(op_label(LabelCode.RECORD_PAYMENT)) as (session, rec):
            row = find_contract(session, contract)
            amount = checked_payment(session, row, draft, today or date.today())
            # Named before the first write: the operation row is written with it.
            rec.label = op_label(
                LabelCode.RECORD_PAYMENT,
                number=row.number,
                amount=f"{amount:,} {row.currency}",
            )
            payment = Payment(contract_id=row.id)
            set_payment(payment, draft, amount)
            session.add(payment)
            session.flush()
        return change_result(rec, [payment.id])

    def edit_payment(
        self, payment_id: str, draft: PaymentDraft, *, today: date | None = None
    ) -> ChangeResult:
        """Change a payment's amount, day, instalment or details.

        Raises:
            NotFoundError: No such payment (or its instalment is not its contract's).
            ValidationError: As for :meth:`record_payment`.
        """
        with self._store.unit_of_work(op_label(LabelCode.EDIT_PAYMENT)) as (session, rec):
            payment, row = self._payment(session, payment_id)
            rec.label = op_label(LabelCode.EDIT_PAYMENT, number=row.number)
            amount = checked_payment(session, row, draft, today or date.today(), payment)
            set_payment(payment, draft, amount)
        return change_result(rec, [payment.id])

    def delete_payment(self, payment_id: str) -> ChangeResult:
        """Delete a payment (undo brings it back).

        Raises:
            NotFoundError: No such payment.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_PAYMENT)) as (session, rec):
            payment, row = self._payment(session, payment_id)
            rec.label = op_label(LabelCode.DELETE_PAYMENT, number=row.number)
            payment.deleted_at = utc_now()
        return change_result(rec, [payment.id])

    def delete(self, contract: str) -> ChangeResult:
        """Delete a contract with its plan and payments (undo brings them all back).

        Raises:
            NotFoundError: No such contract.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_CONTRACT)) as (session, rec):
            row = find_contract(session, contract)
            rec.label = op_label(LabelCode.DELETE_CONTRACT, number=row.number)
            now = utc_now()
            for owned in (*live_payments(session, row.id), *live_plan(session, row.id)):
                owned.deleted_at = now
            row.deleted_at = now
        return change_result(rec, [row.id])

    @staticmethod
    def _payment(session: Session, payment_id: str) -> tuple[Payment, Contract]:
        payment = session.get(Payment, payment_id)
        contract = session.get(Contract, payment.contract_id) if payment else None
        if (
            payment is None
            or payment.deleted_at is not None
            or contract is None
            or contract.deleted_at is not None
        ):
            raise NotFoundError("there is no such payment", payment=payment_id)
        return payment, contract

    # --- reads -----------------------------------------------------------------------------

    def get(self, contract: str, today: date | None = None) -> ContractDetail:
        """A contract by number or id, with its figures on ``today`` (default: the date).

        Raises:
            NotFoundError: No such contract.
        """
        with self._store.read() as session:
            return contract_detail(session, find_contract(session, contract), today or date.today())

    def open_list(self, flt: ContractFilter, today: date) -> ContractList:
        """How many contracts the filter lets through (and their ids for ``has_overdue``)."""
        with self._store.read() as session:
            return listing.open_list(session, flt, today)

    def page(
        self, flt: ContractFilter, today: date, offset: int = 0, limit: int = 100
    ) -> list[ContractRow]:
        """Rows ``offset`` to ``offset + limit`` of the filtered list, newest number first."""
        with self._store.read() as session:
            return listing.page(session, flt, today, offset, limit)

    def rows(self, ids: list[str], today: date) -> list[ContractRow]:
        """The rows of these contracts, in the same order."""
        with self._store.read() as session:
            return listing.rows(session, ids, today)

    def customer_balances(
        self,
        today: date,
        *,
        company_id: str | None = None,
        person_id: str | None = None,
    ) -> list[CustomerBalance]:
        """Each customer's total, paid, outstanding and overdue, per currency."""
        with self._store.read() as session:
            return summaries.customer_balances(
                session, today, company_id=company_id, person_id=person_id
            )

    def overdue_instalments(
        self, today: date, limit: int = summaries.TODAY_LIMIT
    ) -> tuple[OverdueInstalment, ...]:
        """Instalments due before ``today`` and not fully paid, oldest first (Today)."""
        with self._store.read() as session:
            return summaries.overdue_instalments(session, today, limit)

    # --- documents -------------------------------------------------------------------------

    def document(
        self, contract: str, language: Language | None = None, today: date | None = None
    ) -> Document:
        """The contract as a printable document (parties, lines, totals, plan with paid).

        Raises:
            NotFoundError: No such contract.
        """
        with self._store.read() as session:
            row = find_contract(session, contract)
            detail = contract_detail(session, row, today or date.today())
            return contract_document(session, detail, language)

    def write_pdf(
        self,
        contract: str,
        out: Path | BinaryIO,
        *,
        template: str | None = None,
        language: Language | None = None,
        paper: str | None = None,
        log: bool = True,
    ) -> PrintResult:
        """Print a contract to a PDF file and note it in its print log (unless ``log`` is false).

        Args:
            contract: Its number or id.
            out: The file (path or binary stream) to write.
            template: A template name (default: the contract's, else the company profile's
                contract template, else the shipped contract design; a contract's own
                template deleted since falls back the same way).
            language: The language of its fixed texts (default: the contract's, else the
                customer's).
            paper: ``A4`` or ``Letter`` (default: the template's).
            log: Whether to note the printing; ``False`` for a workspace opened read-only
                beside the app that holds it.

        Raises:
            NotFoundError: No such contract.
            TemplateError: No such template, one for quotes, or a paper other than A4/Letter.
            StorageError: ``out`` cannot be written.
        """
        printing = PrintingService(self._store)
        with self._store.read() as session:
            row = find_contract(session, contract)
            detail = contract_detail(session, row, date.today())
            doc = contract_document(session, detail, language)
        chosen = printing.template_for("contract", template, row.template)
        info = printing.render(doc, chosen.name, out, paper=paper)
        used_paper = paper or chosen.spec.paper
        revision = row.quote_revision or 1  # the quote revision whose lines it printed
        if log:
            printing.log_print(
                kind="contract",
                record_id=row.id,
                revision=revision,
                template=chosen.name,
                language=doc.language,
                paper=used_paper,
                destination="pdf",
            )
        return PrintResult(
            path=str(out) if isinstance(out, Path) else "",
            pages=info.pages,
            template=chosen.name,
            language=doc.language,
            paper=used_paper,
            revision=revision,
            font_source=info.font_source,
        )
