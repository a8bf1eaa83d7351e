"""A record found by its human number, and its fields by name (the CLI's ``show``).

Customers (people and companies), deals, quotes and contracts each carry a number a person
reads (C-00042, D-2026-0003, Q-2026-0007, HT-2026-0001). :func:`locate` finds the live record
a number names, whatever its kind; :class:`RecordFieldsService` reads it through the service
its screen reads it with (the card, the deal summary, the quote and contract details) and
names every field as the card or editor shows it: foreign keys as names, never ids.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.clock import Clock, SystemClock, local_today
from desktop_crm.domain.currency import to_minor_unit
from desktop_crm.domain.errors import NotFoundError, ValidationError
from desktop_crm.services.cards.contact_cards import CardService
from desktop_crm.services.cards.dto import ContactCard
from desktop_crm.services.contracts.service import ContractService
from desktop_crm.services.deals.service import DealService
from desktop_crm.services.quotes.service import QuoteService
from desktop_crm.store.models import Company, Contract, Deal, Person, Quote
from desktop_crm.store.store import Store

RecordType = Literal["person", "company", "deal", "quote", "contract"]
"""What a number can name."""

Scalar = str | bool | int | Decimal | date | datetime | None
"""One value: text, a flag, a count, an amount, a day or a moment (aware, UTC), or nothing."""

FieldValue = Scalar | tuple[str, ...] | tuple[Mapping[str, Scalar], ...] | Mapping[str, Scalar]
"""A field's value: a scalar, a list of names, a list of small records, or named values."""

# Each numbered table with the column that names its records in messages.
_NUMBERED: tuple[tuple[RecordType, Any, Any], ...] = (
    ("person", Person, Person.name),
    ("company", Company, Company.name),
    ("deal", Deal, Deal.title),
    ("quote", Quote, Quote.number),
    ("contract", Contract, Contract.title),
)

_ARTICLE = {"person": "a person", "company": "a company", "deal": "a deal"}


@dataclass(frozen=True)
class Located:
    """The live record a number names.

    Attributes:
        kind: person, company, deal, quote or contract.
        id: Its id.
        number: Its number as stored (the case it was given in may differ).
        name: What it is called: a name, a deal's or contract's title, a quote's number.
    """

    kind: RecordType
    id: str
    number: str
    name: str


@dataclass(frozen=True)
class RecordFields:
    """A record's fields by name, as its card or editor shows them.

    Attributes:
        kind: person, company, deal, quote or contract.
        id: The record's id.
        number: Its number.
        name: What it is called (a name, a deal's title, a quote's or contract's number), for
            messages.
        fields: Field name → value, in the order the card shows them. Amounts are rounded to
            their currency's minor unit; moments are aware UTC; foreign keys are names.
    """

    kind: RecordType
    id: str
    number: str
    name: str
    fields: Mapping[str, FieldValue]


def locate(session: Session, number: str) -> Located:
    """The live person, company, deal, quote or contract numbered ``number``.

    The number is matched as stored or upper-cased (``c-00042`` finds ``C-00042``); both
    look-ups use the live-number indexes.

    Raises:
        ValidationError: ``number`` is empty, or names records of two kinds (number patterns
            that overlap).
        NotFoundError: No live record has that number.
    """
    wanted = number.strip()
    if not wanted:
        raise ValidationError("give a record's number", field="number")
    spellings = {wanted, wanted.upper()}
    found: list[Located] = []
    for kind, model, name in _NUMBERED:
        for record_id, stored, called in session.execute(
            select(model.id, model.number, name).where(
                model.deleted_at.is_(None), model.number.in_(spellings)
            )
        ):
            found.append(Located(kind, str(record_id), str(stored), str(called or stored)))
    if not found:
        raise NotFoundError(
            f"no customer, deal, quote or contract is numbered {wanted}", number=wanted
        )
    if len({f.kind for f in found}) > 1:
        kinds = " and ".join(_ARTICLE.get(f.kind, f"a {f.kind}") for f in found)
        raise ValidationError(f"{wanted} numbers both {kinds}", field="number", number=wanted)
    return found[0]


class RecordFieldsService:
    """Find records by number and read their fields by name.

    Args:
        store: The workspace's store (a read-only one will do: nothing is written).
        clock: What "today" is for a quote's effective status and a contract's overdue sums.
    """

    def __init__(self, store: Store, clock: Clock | None = None) -> None:
        self._store = store
        self._clock: Clock = clock or SystemClock()

    def locate(self, number: str) -> Located:
        """The live record numbered ``number``; see :func:`locate`."""
        with self._store.read() as session:
            return locate(session, number)

    def show(self, number: str) -> RecordFields:
        """The record numbered ``number`` with its fields by name.

        Raises:
            NotFoundError: No live record has that number.
            ValidationError: ``number`` is empty or names records of two kinds.
        """
        found = self.locate(number)
        if found.kind in ("person", "company"):
            return self._contact(found)
        if found.kind == "deal":
            return self._deal(found)
        if found.kind == "quote":
            return self._quote(found)
        return self._contract(found)

    def _contact(self, found: Located) -> RecordFields:
        kind: Literal["person", "company"] = "person" if found.kind == "person" else "company"
        card = CardService(self._store, self._clock).card(kind, found.id)
        fields: dict[str, FieldValue] = {"name": card.name}
        if kind == "person":
            fields |= {
                "company": card.company,
                "title": card.title,
                "department": card.department,
            }
        else:
            fields["industry"] = card.title
        fields |= {
            "status": card.status.value,
            "level": card.level.value if card.level else None,
            "owner": card.owner,
            "source": card.source,
        }
        if kind == "person":
            fields["birthday"] = card.birthday
        fields |= _reach(card)
        if kind == "person":
            fields["wechat"] = card.wechat
        fields |= {
            "website": card.website,
            "tags": card.tags,
            "custom": {label: value for _id, label, value in card.custom},
        }
        if kind == "company":
            fields["people"] = tuple(name for _id, name, _title in card.people)
        fields |= {"notes": card.notes, "last_contacted_at": card.last_contacted_at}
        return RecordFields(kind, card.id, found.number, card.name, fields)

    def _deal(self, found: Located) -> RecordFields:
        deal = DealService(self._store, self._clock).summary(found.id)
        fields: dict[str, FieldValue] = {
            "title": deal.title,
            "company": deal.company_name,
            "person": deal.person_name,
            "amount": to_minor_unit(deal.amount, deal.currency),
            "currency": deal.currency,
            "pipeline": deal.pipeline,
            "stage": deal.stage,
            "probability": deal.probability,
            "status": deal.status.value,
            "expected_close": deal.expected_close,
            "closed_on": deal.closed_on,
            "lost_reason": deal.lost_reason,
            "owner": deal.owner,
            "source": deal.source,
            "notes": deal.notes or None,
            "created_at": deal.created_at,
        }
        return RecordFields("deal", deal.id, found.number, deal.title, fields)

    def _quote(self, found: Located) -> RecordFields:
        quote = QuoteService(self._store, lambda: local_today(self._clock)).get(found.id)
        draft, totals, currency = quote.draft, quote.totals, quote.currency
        lines: list[Mapping[str, Scalar]] = []
        for line, amounts in zip(draft.lines, quote.line_amounts, strict=True):
            if amounts is None:  # a section heading: only its text counts
                lines.append({"section": line.description})
                continue
            lines.append(
                {
                    "description": line.description,
                    "code": line.code,
                    "quantity": plain(line.quantity),
                    "unit": line.unit,
                    "unit_price": plain(line.unit_price),
                    "discount": plain(line.discount),
                    "discount_is_percent": line.discount_is_percent,
                    "tax_rate": plain(line.tax_rate),
                    "amount": to_minor_unit(amounts.amount, currency),
                    "total": to_minor_unit(amounts.total, currency),
                    "optional": line.optional,
                }
            )
        fields: dict[str, FieldValue] = {
            "status": quote.status.value,
            "revision": quote.revision,
            "customer": quote.customer,
            "contact": quote.contact,
            "deal": quote.deal,
            "owner": quote.owner,
            "issued_on": draft.issued_on,
            "valid_until": draft.valid_until,
            "currency": currency,
            "language": quote.language,
            "subtotal": to_minor_unit(totals.subtotal, currency),
            "discount": to_minor_unit(totals.discount, currency),
            "tax": to_minor_unit(totals.tax, currency),
            "total": to_minor_unit(totals.total, currency),
            "lines": tuple(lines),
            "notes": draft.notes or None,
            "terms": draft.terms or None,
        }
        return RecordFields("quote", quote.id, quote.number, quote.number, fields)

    def _contract(self, found: Located) -> RecordFields:
        detail = ContractService(self._store).get(found.id, local_today(self._clock))
        currency, balance = detail.currency, detail.balance
        with self._store.read() as session:
            deal = session.get(Deal, detail.deal_id) if detail.deal_id else None
            # A contact is the person at a company customer (a person customer is the customer).
            contact = (
                session.get(Person, detail.person_id)
                if detail.person_id and detail.company_id
                else None
            )
            deal_title = deal.title if deal is not None and deal.deleted_at is None else None
            contact_name = contact.name if contact is not None and not contact.deleted_at else None
        fields: dict[str, FieldValue] = {
            "title": detail.title,
            "status": detail.status.value,
            "quote": detail.quote_number,
            "customer": detail.customer,
            "contact": contact_name,
            "deal": deal_title,
            "owner": detail.owner,
            "signed_on": detail.signed_on,
            "starts_on": detail.starts_on,
            "ends_on": detail.ends_on,
            "currency": currency,
            "language": detail.language,
            "total": to_minor_unit(balance.total, currency),
            "paid": to_minor_unit(balance.paid, currency),
            "outstanding": to_minor_unit(balance.outstanding, currency),
            "overdue": to_minor_unit(balance.overdue, currency),
            "instalments": tuple(
                {
                    "due_on": part.due_on,
                    "amount": to_minor_unit(part.amount, currency),
                    "paid": to_minor_unit(part.paid, currency),
                    "note": part.note,
                }
                for part in detail.instalments
            ),
            "notes": detail.notes or None,
            "terms": detail.terms or None,
        }
        return RecordFields("contract", detail.id, detail.number, detail.number, fields)


def _reach(card: ContactCard) -> dict[str, FieldValue]:
    """The first phone, email and address's city (what lists show), then each with its label."""
    return {
        "phone": card.phones[0].value if card.phones else None,
        "email": card.emails[0].value if card.emails else None,
        "city": card.addresses[0].city if card.addresses else None,
        "phones": tuple({"label": p.label, "value": p.value} for p in card.phones),
        "emails": tuple({"label": e.label, "value": e.value} for e in card.emails),
        "addresses": tuple(
            {
                "label": a.label,
                "street": a.street,
                "city": a.city,
                "region": a.region,
                "postcode": a.postcode,
                "country": a.country,
            }
            for a in card.addresses
        ),
    }


def plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros (quantities and prices are stored to 0.0001): 2, 12.5."""
    normal = value.normalize()
    exponent = normal.as_tuple().exponent
    return normal.quantize(Decimal(1)) if isinstance(exponent, int) and exponent > 0 else normal
