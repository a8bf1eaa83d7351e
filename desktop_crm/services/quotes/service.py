"""The quote service: create, edit (in place or as a new revision), move, delete, read, list.

Every write is one undoable operation. Every amount is priced by ``pricing`` under the
workspace's tax rounding rule, so the editor, the list, the PDF and the CLI agree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import Document
from desktop_crm.domain.choices import Language
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.domain.quote_lifecycle import QuoteAction, edit_makes_revision, move, status_on
from desktop_crm.domain.vocab import QuoteStatus
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.printing.dto import Destination, PrintLogEntry, PrintResult
from desktop_crm.services.printing.service import PrintingService
from desktop_crm.services.quotes import list_queries
from desktop_crm.services.quotes.dto import (
    CurrencyTotals,
    QuoteDetail,
    QuoteDraft,
    QuoteFilter,
    QuoteRow,
    RevisionSummary,
)
from desktop_crm.services.quotes.editing import (
    checked_draft,
    customer_language,
    customer_names,
    product_codes,
    write_header,
    write_lines,
)
from desktop_crm.services.quotes.pricing import price_drafts, tax_rounding
from desktop_crm.services.quotes.quote_documents import quote_document
from desktop_crm.services.quotes.snapshots import FrozenQuote, frozen_quote, snapshot_of
from desktop_crm.services.settings.numbering import allocate_number
from desktop_crm.store.models import Contract, Deal, Quote, QuoteLine, QuoteRevision, User
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now

ENTITIES = frozenset({"quotes", "quote_lines", "quote_revisions"})


class QuoteService:
    """Quotes: their drafts, revisions, statuses, lists and documents.

    Args:
        store: The open workspace.
        today: The day it is (a sent quote expires after its valid-until day); tests pass
            their own.
    """

    def __init__(self, store: Store, today: Callable[[], date] = date.today) -> None:
        self._store = store
        self._today = today
        self._printing = PrintingService(store)

    # --- writing -------------------------------------------------------------------------

    def create(self, draft: QuoteDraft) -> ChangeResult:
        """Store a new draft quote, revision 1, numbered from the quote number pattern.

        ``ids`` of the result holds the new quote's id.

        Raises:
            ValidationError: See :func:`editing.checked_draft` (a line's problem names it).
        """
        today = self._today()
        with self._store.unit_of_work(op_label(LabelCode.ADD_QUOTE, number="")) as (
            session,
            rec,
        ):
            checked = checked_draft(session, draft, tax_rounding(session), today)
            if checked.owner_id is None:
                checked = _with_owner(checked, self._store.actor_id)
            number = allocate_number(session, "quote", checked.issued_on or today)
            rec.label = op_label(LabelCode.ADD_QUOTE, number=number)  # before the first flush
            quote = Quote(number=number, status=QuoteStatus.DRAFT.value, revision=1)
            write_header(quote, checked)
            session.add(quote)
            session.flush()
            write_lines(session, quote.id, checked.lines)
        return change_result(rec, [quote.id])

    def update(self, quote_id: str, draft: QuoteDraft) -> ChangeResult:
        """Save ``draft`` over the quote.

        A draft is changed in place. A sent, rejected or expired quote keeps what it was as a
        frozen revision and becomes its next revision, a draft again. An edit that changes
        nothing changes nothing (no revision either), compared with the stored quote as the
        editor reads it back; a draft without an owner keeps the quote's owner.

        Raises:
            NotFoundError: There is no such quote.
            ValidationError: The quote is accepted, or the draft is invalid.
        """
        today = self._today()
        with self._store.unit_of_work(op_label(LabelCode.EDIT_QUOTE, number="")) as (
            session,
            rec,
        ):
            quote = _live_quote(session, quote_id)
            revise = edit_makes_revision(_effective(quote, today))
            checked = checked_draft(session, draft, tax_rounding(session), today)
            if checked.owner_id is None:  # as on create: a quote keeps an owner
                checked = _with_owner(checked, quote.owner_id)
            lines = _live_lines(session, quote.id)
            codes = product_codes(session, {x.product_id for x in lines if x.product_id})
            if checked == _current_draft(quote, lines, codes):
                return change_result(rec, [quote.id])
            if revise:
                rec.label = op_label(
                    LabelCode.REVISE_QUOTE, number=quote.number, revision=quote.revision + 1
                )
                session.add(
                    QuoteRevision(
                        quote_id=quote.id,
                        revision=quote.revision,
                        snapshot=snapshot_of(quote, lines, codes, tax_rounding(session)),
                    )
                )
                quote.revision += 1
                quote.status = QuoteStatus.DRAFT.value
            else:
                rec.label = op_label(LabelCode.EDIT_QUOTE, number=quote.number)
            write_header(quote, checked)
            write_lines(session, quote.id, checked.lines)
        return change_result(rec, [quote.id])

    def set_status(self, quote_id: str, action: QuoteAction) -> ChangeResult:
        """Send, accept, reject or reopen the quote (from its status today).

        Raises:
            NotFoundError: There is no such quote.
            ValidationError: ``action`` makes no sense from the quote's status (accepting a
                draft, sending an accepted quote…; ``params`` name both); a draft whose
                valid-until day has passed is sent (extend it first); an accepted quote with a
                live contract is reopened or rejected.
        """
        today = self._today()
        with self._store.unit_of_work(op_label(LabelCode.SET_QUOTE_STATUS, number="")) as (
            session,
            rec,
        ):
            quote = _live_quote(session, quote_id)
            current = _effective(quote, today)
            refuse_past_valid_until(quote, current, action, today)
            if current is QuoteStatus.ACCEPTED and action in ("reopen", "reject"):
                _refuse_contracted(session, quote)
            new = move(current, action)
            rec.label = op_label(LabelCode.SET_QUOTE_STATUS, number=quote.number, status=new.value)
            if quote.status != new.value:
                quote.status = new.value
        return change_result(rec, [quote.id])

    def delete(self, quote_id: str) -> ChangeResult:
        """Delete the quote with its lines and earlier revisions (undoable).

        Raises:
            NotFoundError: There is no such quote.
            ValidationError: A contract was made from it: delete the contract first.
        """
        with self._store.unit_of_work(op_label(LabelCode.DELETE_QUOTE, number="")) as (
            session,
            rec,
        ):
            quote = _live_quote(session, quote_id)
            contract = _contract_of(session, quote)
            if contract is not None:
                raise ValidationError(
                    f"Quote {quote.number} has contract {contract}: delete the contract first.",
                    field="quote",
                    contract=contract,
                )
            rec.label = op_label(LabelCode.DELETE_QUOTE, number=quote.number)
            now = utc_now()
            for model in (QuoteLine, QuoteRevision):
                for row in session.scalars(
                    select(model).where(model.quote_id == quote.id, model.deleted_at.is_(None))
                ):
                    row.deleted_at = now
            quote.deleted_at = now
        return change_result(rec, [quote.id])

    # --- reading one ---------------------------------------------------------------------

    def get(self, quote_id: str) -> QuoteDetail:
        """The quote at its latest revision, priced.

        Raises:
            NotFoundError: There is no such quote.
        """
        with self._store.read() as session:
            return _detail(session, _live_quote(session, quote_id), None, self._today())

    def get_by_number(self, number: str) -> QuoteDetail:
        """The quote numbered ``number`` at its latest revision.

        Raises:
            NotFoundError: No live quote has that number.
            ValidationError: ``number`` is empty.
        """
        with self._store.read() as session:
            return _detail(session, _by_number(session, number), None, self._today())

    def id_of(self, number: str) -> str:
        """The id of the quote numbered ``number``.

        Raises:
            NotFoundError: No live quote has that number.
            ValidationError: ``number`` is empty.
        """
        with self._store.read() as session:
            return _by_number(session, number).id

    def revision(self, quote_id: str, revision: int) -> QuoteDetail:
        """The quote as it was at ``revision`` (the latest one included), priced the same way.

        Raises:
            NotFoundError: There is no such quote or revision.
        """
        with self._store.read() as session:
            return _detail(session, _live_quote(session, quote_id), revision, self._today())

    # --- lists ---------------------------------------------------------------------------

    def count(self, flt: QuoteFilter | None = None) -> int:
        """How many quotes the list shows."""
        with self._store.read() as session:
            return list_queries.count(session, flt or QuoteFilter(), self._today())

    def ids(
        self, flt: QuoteFilter | None = None, sort: str = "issued_on", descending: bool = True
    ) -> list[str]:
        """Every id the list shows, in order (``sort``: one of ``dto.QUOTE_SORTS``).

        Raises:
            ValueError: ``sort`` is no sortable column.
        """
        with self._store.read() as session:
            return list_queries.ids(session, flt or QuoteFilter(), self._today(), sort, descending)

    def page(
        self,
        flt: QuoteFilter | None = None,
        sort: str = "issued_on",
        descending: bool = True,
        offset: int = 0,
        limit: int = 100,
    ) -> list[QuoteRow]:
        """Rows ``offset`` to ``offset + limit`` of the list, priced.

        Raises:
            ValueError: ``sort`` is no sortable column.
        """
        today = self._today()
        with self._store.read() as session:
            chosen = list_queries.ids(
                session, flt or QuoteFilter(), today, sort, descending, offset, limit
            )
            return list_queries.rows(session, chosen, today)

    def rows(self, quote_ids: list[str]) -> list[QuoteRow]:
        """The list rows of these quotes, in the order given (deleted ones left out)."""
        with self._store.read() as session:
            return list_queries.rows(session, quote_ids, self._today())

    def totals(self, flt: QuoteFilter | None = None) -> list[CurrencyTotals]:
        """What the listed quotes add up to, per currency."""
        with self._store.read() as session:
            return list_queries.totals(session, flt or QuoteFilter(), self._today())

    def quotes_of_customer(
        self, *, company_id: str | None = None, person_id: str | None = None
    ) -> list[QuoteRow]:
        """A company's or a person's quotes (as customer or contact), newest first."""
        if company_id is None and person_id is None:
            return []
        return self.page(QuoteFilter(company_id=company_id, person_id=person_id), limit=1_000_000)

    def quotes_of_deal(self, deal_id: str) -> list[QuoteRow]:
        """A deal's quotes, newest first."""
        return self.page(QuoteFilter(deal_id=deal_id), limit=1_000_000)

    # --- documents -----------------------------------------------------------------------

    def document(
        self, quote_id: str, *, revision: int | None = None, language: Language | None = None
    ) -> Document:
        """The quote (at ``revision``, else its latest) as a printable document.

        Raises:
            NotFoundError: There is no such quote or revision.
        """
        today = self._today()
        with self._store.read() as session:
            detail = _detail(session, _live_quote(session, quote_id), revision, today)
            return quote_document(session, detail, detail.tax_rounding, language=language)

    def print_pdf(
        self,
        quote_id: str,
        out: Path,
        *,
        template: str | None = None,
        language: Language | None = None,
        paper: str | None = None,
        revision: int | None = None,
        destination: Destination = "pdf",
        log: bool = True,
    ) -> PrintResult:
        """Write the quote as a PDF to ``out`` and log the printing (unless ``log`` is false).

        ``log=False`` is for a workspace opened read-only beside the app that holds it.

        The template is ``template``, else the quote's own, else the company profile's
        default for quotes (also when the quote's own was deleted since), else the shipped
        one; the paper is ``paper``, else the template's.

        Raises:
            NotFoundError: There is no such quote or revision.
            TemplateError: No template ``template``, a contract template, or a bad paper.
            StorageError: ``out`` cannot be written.
        """
        today = self._today()
        with self._store.read() as session:
            detail = _detail(session, _live_quote(session, quote_id), revision, today)
            document = quote_document(session, detail, detail.tax_rounding, language=language)
        chosen = self._printing.template_for("quote", template, detail.draft.template)
        info = self._printing.render(document, chosen.name, out, paper=paper)
        used_paper = paper or chosen.spec.paper
        if log:
            self._printing.log_print(
                kind="quote",
                record_id=detail.id,
                revision=detail.revision,
                template=chosen.name,
                language=document.language,
                paper=used_paper,
                destination=destination,
            )
        return PrintResult(
            path=str(out),
            pages=info.pages,
            template=chosen.name,
            language=document.language,
            paper=used_paper,
            revision=detail.revision,
            font_source=info.font_source,
        )

    def print_log(self, quote_id: str) -> list[PrintLogEntry]:
        """Every printing of the quote, newest first."""
        return self._printing.print_log(quote_id)


# --- helpers -------------------------------------------------------------------------------


def _with_owner(draft: QuoteDraft, owner_id: str | None) -> QuoteDraft:
    return replace(draft, owner_id=owner_id)


def _effective(quote: Quote, today: date) -> QuoteStatus:
    return status_on(QuoteStatus(quote.status), quote.valid_until, today)


def _contract_of(session: Session, quote: Quote) -> str | None:
    """The number of the live contract made of ``quote``, if there is one."""
    return session.scalars(
        select(Contract.number).where(Contract.quote_id == quote.id, Contract.deleted_at.is_(None))
    ).first()


def _refuse_contracted(session: Session, quote: Quote) -> None:
    """Refuse to undo the acceptance of a quote a live contract was made of."""
    contract = _contract_of(session, quote)
    if contract is not None:
        raise ValidationError(
            f"quote {quote.number} has contract {contract}: delete the contract first",
            field="status",
            contract=contract,
        )


def refuse_past_valid_until(
    quote: Quote, status: QuoteStatus, action: QuoteAction, today: date
) -> None:
    """Refuse to send a draft that would read expired at once.

    Making a contract sends a draft before accepting it, so it asks here too.
    """
    if (
        action == "send"
        and status is QuoteStatus.DRAFT
        and quote.valid_until is not None
        and quote.valid_until < today
    ):
        raise ValidationError(
            f"quote {quote.number} was valid until {quote.valid_until.isoformat()}: extend its "
            "valid-until day before sending it",
            field="valid_until",
            valid_until=quote.valid_until.isoformat(),
        )


def _live_quote(session: Session, quote_id: str) -> Quote:
    quote = session.get(Quote, quote_id)
    if quote is None or quote.deleted_at is not None:
        raise NotFoundError("The quote no longer exists.", quote_id=quote_id)
    return quote


def _by_number(session: Session, number: str) -> Quote:
    if not number.strip():
        raise ValidationError("give a quote number", field="number")
    quote = session.scalars(
        select(Quote).where(Quote.number == number.strip(), Quote.deleted_at.is_(None))
    ).first()
    if quote is None:
        raise NotFoundError(f"no quote {number} in this workspace", number=number)
    return quote


def _live_lines(session: Session, quote_id: str) -> list[QuoteLine]:
    return list(
        session.scalars(
            select(QuoteLine)
            .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
            .order_by(QuoteLine.position, QuoteLine.created_at)
        )
    )


def _current_draft(quote: Quote, lines: list[QuoteLine], codes: dict[str, str]) -> QuoteDraft:
    """The stored quote as the draft the editor would get back."""
    frozen = frozen_quote(snapshot_of(quote, lines, codes))
    return frozen.draft


def _detail(session: Session, quote: Quote, revision: int | None, today: date) -> QuoteDetail:
    """``quote`` at ``revision`` (its latest when ``None``), priced."""
    rounding = tax_rounding(session)
    lines = _live_lines(session, quote.id)
    codes = product_codes(session, {x.product_id for x in lines if x.product_id})
    current = frozen_quote(snapshot_of(quote, lines, codes))
    earlier = {
        row.revision: (frozen_quote(row.snapshot), row.created_at)
        for row in session.scalars(
            select(QuoteRevision).where(
                QuoteRevision.quote_id == quote.id, QuoteRevision.deleted_at.is_(None)
            )
        )
    }
    wanted = quote.revision if revision is None else revision
    if wanted == quote.revision:
        shown: FrozenQuote = current
    elif wanted in earlier:
        shown = earlier[wanted][0]
    else:
        raise NotFoundError(
            f"Quote {quote.number} has no revision {wanted}.", number=quote.number, revision=wanted
        )
    summaries = [
        RevisionSummary(
            revision=n,
            issued_on=frozen.draft.issued_on or quote.issued_on,
            status=status_on(frozen.status, frozen.draft.valid_until, today),
            total=price_drafts(
                frozen.draft.lines, frozen.draft.currency or "CNY", frozen.tax_rounding or rounding
            )[0].total,
            frozen_at=at,
        )
        for n, (frozen, at) in sorted(earlier.items())
    ]
    draft = shown.draft
    if draft.language is None:  # quotes written before languages were stored
        language = customer_language(session, draft.company_id, draft.person_id)
        draft = replace(draft, language=language)
    # An earlier revision is priced as it was frozen; the current one under today's rule.
    shown_rounding = shown.tax_rounding or rounding
    totals, amounts = price_drafts(draft.lines, draft.currency or "CNY", shown_rounding)
    summaries.append(
        RevisionSummary(
            revision=quote.revision,
            issued_on=quote.issued_on,
            status=_effective(quote, today),
            total=totals.total
            if shown is current
            else price_drafts(current.draft.lines, quote.currency, rounding)[0].total,
            frozen_at=None,
        )
    )
    customer, contact = customer_names(session, draft.company_id, draft.person_id)
    owner = session.get(User, draft.owner_id) if draft.owner_id else None
    deal = session.get(Deal, draft.deal_id) if draft.deal_id else None
    return QuoteDetail(
        id=quote.id,
        number=quote.number,
        revision=wanted,
        latest=shown is current,
        status=status_on(shown.status, draft.valid_until, today),
        stored_status=shown.status,
        draft=draft,
        customer=customer,
        contact=contact,
        owner=owner.name if owner is not None else None,
        deal=deal.title if deal is not None else None,
        totals=totals,
        line_amounts=amounts,
        revisions=tuple(summaries),
        tax_rounding=shown_rounding,
    )
