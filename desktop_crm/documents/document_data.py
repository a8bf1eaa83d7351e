"""What a printed quote or contract shows: the renderer's whole input, as frozen dataclasses.

Services turn their records into these; the renderer only lays them out. Every amount here was
computed by ``domain.quote_totals`` (or the payment plan): the renderer formats money, it never
adds it up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Literal

from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import QuoteTotals

ZERO = Decimal(0)

DocumentKind = Literal["quote", "contract"]
"""What a document or template is for."""

LineKind = Literal["item", "section"]
"""A priced line, or a heading that groups the lines after it."""


@dataclass(frozen=True)
class Party:
    """Someone a document is addressed to or from.

    Attributes:
        name: The company's (or person's) name.
        address_lines: The postal address, one printed line each.
        tax_id: Tax number (纳税人识别号 / VAT number).
        contact: The person to speak to.
        phone: A phone number as it should print.
        email: An email address.
    """

    name: str
    address_lines: tuple[str, ...] = ()
    tax_id: str | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None


@dataclass(frozen=True)
class DocLine:
    """One row of the line table.

    Attributes:
        kind: ``item`` (a priced line) or ``section`` (a heading over the items that follow;
            only ``description`` is shown).
        description: What is sold; may be long and hold line breaks.
        quantity: How many.
        unit: The unit of ``quantity`` (pcs, 套, hours).
        unit_price: Price of one, as entered (net or including tax).
        discount: A percentage when ``discount_is_percent``, else an amount off the line.
        discount_is_percent: How to read ``discount``.
        tax_rate: Percent, e.g. ``Decimal(13)``.
        amount: The line's figure as ``domain.quote_totals`` priced it (``LineAmounts.amount``).
        optional: Offered for the customer's choice; printed marked and left out of the totals.
        code: The product code, if any.
    """

    kind: LineKind
    description: str
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    discount: Decimal = ZERO
    discount_is_percent: bool = True
    tax_rate: Decimal | None = None
    amount: Decimal | None = None
    optional: bool = False
    code: str | None = None


@dataclass(frozen=True)
class DocTotals:
    """What the document adds up to (see ``domain.quote_totals.QuoteTotals``).

    Attributes:
        subtotal: The counted lines net of tax, after discounts.
        discount: The counted lines' discounts (already taken off ``subtotal``).
        tax_by_rate: ``(rate percent, tax)`` pairs, rates ascending.
        tax: Sum of the taxes.
        total: ``subtotal + tax``.
        optional_total: What the optional lines would add, tax included.
    """

    subtotal: Decimal
    discount: Decimal
    tax_by_rate: tuple[tuple[Decimal, Decimal], ...]
    tax: Decimal
    total: Decimal
    optional_total: Decimal = ZERO

    @classmethod
    def from_quote_totals(cls, t: QuoteTotals) -> DocTotals:
        """The totals of a priced quote, as documents print them."""
        return cls(
            subtotal=t.subtotal,
            discount=t.discount,
            tax_by_rate=tuple(sorted(t.tax_by_rate.items())),
            tax=t.tax,
            total=t.total,
            optional_total=t.optional_total,
        )


@dataclass(frozen=True)
class Instalment:
    """One payment of a contract's plan.

    Attributes:
        due_on: The day it is due.
        amount: What is due.
        percent: Its share of the total, when the plan was given in percentages.
        paid: What has been received against it so far.
    """

    due_on: date
    amount: Decimal
    percent: Decimal | None = None
    paid: Decimal = ZERO


@dataclass(frozen=True)
class CompanyProfile:
    """Our own company, as it heads every document (a workspace setting).

    Attributes:
        name: The company's legal name.
        logo: A PNG or JPEG image, printed in the header when the template shows logos.
        address_lines: The postal address, one printed line each.
        tax_id: Tax number.
        bank_name: The bank payments go to (开户行).
        bank_account: The account number there.
        contact: The person customers speak to.
        phone: A phone number.
        email: An email address.
        website: A web address.
        header_text: A line printed under the company's name (a slogan, a licence number).
        footer_text: Printed at the foot of every page.
        default_terms: Terms printed when a document has none of its own.
    """

    name: str = ""
    logo: bytes | None = None
    address_lines: tuple[str, ...] = ()
    tax_id: str | None = None
    bank_name: str | None = None
    bank_account: str | None = None
    contact: str | None = None
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    header_text: str = ""
    footer_text: str = ""
    default_terms: str = ""


@dataclass(frozen=True)
class Document:
    """A quote or a contract, ready to print.

    Attributes:
        kind: ``quote`` or ``contract``.
        number: Its number (Q-2025-0001).
        revision: 1 for the first issue; later revisions print "rev N".
        language: The language of its fixed texts (the template's labels).
        currency: ISO code of every amount.
        issued_on: The day it is dated.
        customer: Who it is for (甲方 of a contract).
        lines: The line table, in order.
        totals: What the lines add up to.
        title: A subject printed under the document's title.
        valid_until: The last day a quote's prices hold.
        contact_person: Our person in charge of it.
        notes: Free text printed after the totals.
        terms: Terms and conditions (the company's default terms when empty).
        instalments: A contract's payment plan.
        starts_on: The first day a contract runs.
        ends_on: The last day a contract runs.
        tax_rounding_note: A sentence saying how tax was rounded, printed under the totals.
    """

    kind: DocumentKind
    number: str
    revision: int
    language: Language
    currency: str
    issued_on: date
    customer: Party
    lines: tuple[DocLine, ...]
    totals: DocTotals
    title: str | None = None
    valid_until: date | None = None
    contact_person: str | None = None
    notes: str = ""
    terms: str = ""
    instalments: tuple[Instalment, ...] = ()
    starts_on: date | None = None
    ends_on: date | None = None
    tax_rounding_note: str | None = None
