"""A quote as a printable ``documents.Document``: its customer, lines, totals and texts.

Contracts print their quote's lines the same way: they take this document and change its kind,
number, parties and instalments (``dataclasses.replace``).
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.documents.document_data import DocLine, DocTotals, Document, Party
from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import LineAmounts, TaxRounding
from desktop_crm.domain.text import has_cjk
from desktop_crm.services.quotes.dto import LineDraft, QuoteDetail
from desktop_crm.store.models import Address, Company, Email, Person, Phone

ROUNDING_NOTES: dict[Language, dict[TaxRounding, str]] = {
    "en": {
        TaxRounding.PER_LINE: "Tax is rounded on each line.",
        TaxRounding.PER_RATE: "Tax is rounded once per rate, on the summed lines.",
    },
    "zh": {
        TaxRounding.PER_LINE: "税额按每行计算后四舍五入。",
        TaxRounding.PER_RATE: "税额按税率汇总后四舍五入。",
    },
}


def quote_document(
    session: Session,
    detail: QuoteDetail,
    rounding: TaxRounding,
    *,
    language: Language | None = None,
) -> Document:
    """``detail`` ready to print, in its own language unless ``language`` is given.

    Empty terms stay empty: the renderer prints the company profile's default terms then.
    """
    chosen: Language = language or detail.language
    draft = detail.draft
    customer = customer_party(session, draft.company_id, draft.person_id, chosen)
    return Document(
        kind="quote",
        number=detail.number,
        revision=detail.revision,
        language=chosen,
        currency=detail.currency,
        issued_on=draft.issued_on or detail.revisions[-1].issued_on,
        customer=customer,
        lines=document_lines(draft.lines, detail.line_amounts),
        totals=DocTotals.from_quote_totals(detail.totals),
        valid_until=draft.valid_until,
        notes=draft.notes,
        terms=draft.terms,
        tax_rounding_note=ROUNDING_NOTES[chosen][rounding],
    )


def document_lines(
    lines: Sequence[LineDraft], amounts: Sequence[LineAmounts | None]
) -> tuple[DocLine, ...]:
    """The line table: headings as ``section`` rows, items with their priced amounts."""
    out: list[DocLine] = []
    for line, figures in zip(lines, amounts, strict=True):
        if line.kind == "section" or figures is None:
            out.append(DocLine(kind="section", description=line.description))
            continue
        out.append(
            DocLine(
                kind="item",
                description=line.description,
                quantity=line.quantity,
                unit=line.unit,
                unit_price=line.unit_price,
                discount=line.discount,
                discount_is_percent=line.discount_is_percent,
                tax_rate=line.tax_rate,
                amount=figures.amount,
                optional=line.optional,
                code=line.code,
            )
        )
    return tuple(out)


def customer_party(
    session: Session, company_id: str | None, person_id: str | None, language: Language
) -> Party:
    """Who a document is addressed to: the company (with the person as contact), else the person.

    The phone, email and address are the customer's first ones (the contact's when the
    company has none). Tax numbers are not kept for customers yet: ``tax_id`` is ``None``.
    """
    company = session.get(Company, company_id) if company_id else None
    person = session.get(Person, person_id) if person_id else None
    owners: list[tuple[str, str]] = []
    if company is not None:
        owners.append(("company_id", company.id))
    if person is not None:
        owners.append(("person_id", person.id))
    name = company.name if company is not None else (person.name if person is not None else "")
    return Party(
        name=name,
        address_lines=_first_address(session, owners, language),
        tax_id=None,
        contact=person.name if company is not None and person is not None else None,
        phone=_first(session, Phone, owners),
        email=_first(session, Email, owners),
    )


def _first(
    session: Session, model: type[Phone] | type[Email], owners: list[tuple[str, str]]
) -> str | None:
    for column, owner_id in owners:
        value = session.scalars(
            select(model.value)
            .where(getattr(model, column) == owner_id, model.deleted_at.is_(None))
            .order_by(model.position)
            .limit(1)
        ).first()
        if value:
            return value
    return None


def _first_address(
    session: Session, owners: list[tuple[str, str]], language: Language
) -> tuple[str, ...]:
    for column, owner_id in owners:
        row = session.scalars(
            select(Address)
            .where(getattr(Address, column) == owner_id, Address.deleted_at.is_(None))
            .order_by(Address.position)
            .limit(1)
        ).first()
        if row is not None:
            lines = address_lines(row, language)
            if lines:
                return lines
    return ()


def address_lines(row: Address, language: Language) -> tuple[str, ...]:
    """A postal address as printed: largest place first in Chinese, street first otherwise.

    The address's own script decides, not the document's language: an English address in a
    Chinese quote keeps its spaces and order ("960 High Street", "Edinburgh EH1 1YZ", "UK").
    """
    del language  # kept for callers; the address itself says how it is written
    street = (row.street or "").strip()
    parts = (row.country, row.region, row.city, row.street)
    if any(p and has_cjk(p) for p in parts):
        place = "".join(p.strip() for p in (row.country, row.region, row.city) if p and p.strip())
        lines = [place + street if place else street]
        if row.postcode:
            lines.append(f"邮编 {row.postcode.strip()}")
    else:
        town = " ".join(p.strip() for p in (row.city, row.region, row.postcode) if p and p.strip())
        lines = [*street.splitlines(), town, (row.country or "").strip()]
    return tuple(x for x in lines if x.strip())
