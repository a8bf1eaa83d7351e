"""A contract as a printable ``documents.Document``: parties, its quote's lines, the plan.

The customer is addressed and the tax rounding stated the way quotes do it
(``quotes.quote_documents``), so a contract prints its lines exactly as its quote did.
"""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import DocLine, DocTotals, Document, Instalment
from desktop_crm.domain.choices import Language
from desktop_crm.services.contracts.dto import ContractDetail, ContractLine
from desktop_crm.services.quotes.editing import customer_language
from desktop_crm.services.quotes.quote_documents import ROUNDING_NOTES, customer_party

ZERO = Decimal(0)


def contract_document(
    session: Session, detail: ContractDetail, language: Language | None = None
) -> Document:
    """``detail`` ready to print, in ``language`` (default: the contract's, else the customer's).

    Empty terms stay empty: the renderer prints the company profile's default terms then.
    """
    chosen: Language = (
        language
        or detail.language
        or customer_language(session, detail.company_id, detail.person_id)
    )
    if detail.totals is not None:
        totals = DocTotals.from_quote_totals(detail.totals)
        note: str | None = ROUNDING_NOTES[chosen][detail.tax_rounding]
    else:  # a contract of no quote: its amount is all there is
        amount = detail.balance.total
        totals = DocTotals(subtotal=amount, discount=ZERO, tax_by_rate=(), tax=ZERO, total=amount)
        note = None
    return Document(
        kind="contract",
        number=detail.number,
        revision=1,  # contracts are not revised; changes are made to the contract itself
        language=chosen,
        currency=detail.currency,
        issued_on=detail.signed_on or detail.starts_on or detail.today,
        customer=customer_party(session, detail.company_id, detail.person_id, chosen),
        lines=tuple(_doc_line(x) for x in detail.lines),
        totals=totals,
        title=detail.title,
        contact_person=detail.owner,
        notes=detail.notes,
        terms=detail.terms,
        instalments=tuple(
            Instalment(i.due_on, i.amount, i.percent, paid=i.paid) for i in detail.instalments
        ),
        starts_on=detail.starts_on,
        ends_on=detail.ends_on,
        tax_rounding_note=note,
    )


def _doc_line(line: ContractLine) -> DocLine:
    if line.kind == "section" or line.amount is None:
        return DocLine(kind="section", description=line.description)
    return DocLine(
        kind="item",
        description=line.description,
        quantity=line.quantity,
        unit=line.unit,
        unit_price=line.unit_price,
        discount=line.discount,
        discount_is_percent=line.discount_is_percent,
        tax_rate=line.tax_rate,
        amount=line.amount,
        optional=line.optional,
        code=line.code,
    )
