"""What the quote services take and return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from desktop_crm.documents.document_data import LineKind
from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import LineAmounts, QuoteTotals, TaxRounding
from desktop_crm.domain.vocab import QuoteStatus

ZERO = Decimal(0)

QUOTE_SORTS = ("issued_on", "number", "customer", "valid_until", "status", "currency")
"""Columns a quote list sorts by (amounts are priced, not stored: they do not sort)."""


@dataclass(frozen=True)
class LineDraft:
    """One line of a quote as the editor holds it.

    Attributes:
        kind: ``item`` (a priced line) or ``section`` (a heading; only ``description`` counts).
        description: What is sold, or the heading's text.
        product_id: The catalogue product it came from, if any.
        code: The product's code (SKU). Given without ``product_id``, it picks the live product
            with that code; read back, it is the code the line was priced with.
        quantity: How many (not negative).
        unit: The unit of ``quantity``.
        unit_price: Price of one, net or including tax as ``price_includes_tax`` says.
        discount: A percentage of the line when ``discount_is_percent``, else an amount off it.
        discount_is_percent: How to read ``discount``.
        tax_rate: Percent, e.g. ``Decimal(13)``.
        price_includes_tax: Whether ``unit_price`` already includes the tax (含税价).
        optional: Offered for the customer's choice, not counted in the totals.
    """

    kind: LineKind = "item"
    description: str = ""
    product_id: str | None = None
    code: str | None = None
    quantity: Decimal = Decimal(1)
    unit: str | None = None
    unit_price: Decimal = ZERO
    discount: Decimal = ZERO
    discount_is_percent: bool = True
    tax_rate: Decimal = ZERO
    price_includes_tax: bool = False
    optional: bool = False


@dataclass(frozen=True)
class QuoteDraft:
    """A quote as the editor holds it (what ``create`` and ``update`` take).

    The customer is the company when there is one, else the person; with both, the person is
    the company's contact person.

    Attributes:
        company_id: The customer company.
        person_id: The customer person, or the contact person at ``company_id``.
        issued_on: The day the quote is dated.
        valid_until: The last day its prices hold (a sent quote expires after it).
        currency: ISO code of every amount; the workspace's default currency when ``None``.
        language: The documents' language; ``None`` follows the customer (``zh`` when the
            customer's name has Chinese characters, else ``en``).
        deal_id: The deal it prices.
        owner_id: The user in charge; the local user when ``None`` on creation.
        notes: Free text printed after the totals.
        terms: Terms and conditions (the company profile's default terms print when empty).
        template: The template it prints with by default.
        lines: Its lines, in order.
    """

    company_id: str | None = None
    person_id: str | None = None
    issued_on: date | None = None
    valid_until: date | None = None
    currency: str | None = None
    language: Language | None = None
    deal_id: str | None = None
    owner_id: str | None = None
    notes: str = ""
    terms: str = ""
    template: str | None = None
    lines: tuple[LineDraft, ...] = ()


@dataclass(frozen=True)
class RevisionSummary:
    """One revision of a quote, for the revisions list.

    Attributes:
        revision: 1, 2, 3…
        issued_on: The day it was dated.
        status: Its status when it was superseded (effective: a sent one may read expired);
            the latest revision's current status.
        total: What it added up to.
        frozen_at: When a later revision replaced it; ``None`` for the latest.
    """

    revision: int
    issued_on: date
    status: QuoteStatus
    total: Decimal
    frozen_at: datetime | None


@dataclass(frozen=True)
class QuoteDetail:
    """A quote at one revision, priced.

    Attributes:
        id: The quote's id (the same for every revision).
        number: Its number (Q-2026-0001).
        revision: Which revision this is.
        latest: Whether it is the latest revision (the only one that can change).
        status: Its status today (a sent quote past its valid-until day is ``expired``).
        stored_status: The status as stored (``sent`` stays ``sent`` after expiry).
        draft: Its header and lines, as the editor takes them back.
        customer: The customer's name (the company's, else the person's).
        contact: The contact person's name at a company customer.
        owner: The name of the user in charge.
        deal: The deal's title.
        totals: The priced totals (``totals.lines`` are the item lines', sections left out).
        line_amounts: Each line's figures aligned with ``draft.lines`` (``None`` for sections).
        revisions: Every revision of the quote, oldest first (this one included).
        tax_rounding: The tax rounding rule it is priced with: an earlier revision's own
            (frozen with it), the workspace's for the current one.
    """

    id: str
    number: str
    revision: int
    latest: bool
    status: QuoteStatus
    stored_status: QuoteStatus
    draft: QuoteDraft
    customer: str
    contact: str | None
    owner: str | None
    deal: str | None
    totals: QuoteTotals
    line_amounts: tuple[LineAmounts | None, ...]
    revisions: tuple[RevisionSummary, ...]
    tax_rounding: TaxRounding = TaxRounding.PER_LINE

    @property
    def currency(self) -> str:
        """The currency every amount is in."""
        return self.totals.currency

    @property
    def language(self) -> Language:
        """The documents' language."""
        return self.draft.language or "en"

    @property
    def lines(self) -> tuple[LineDraft, ...]:
        """The lines, in order."""
        return self.draft.lines


@dataclass(frozen=True)
class QuoteRow:
    """One row of a quote list: the quote at its latest revision.

    Attributes:
        id: The quote's id.
        number: Its number.
        revision: Its latest revision.
        customer: The customer's name.
        company_id: The customer company.
        person_id: The customer person (or contact).
        owner: The name of the user in charge.
        owner_id: That user's id.
        issued_on: The day it is dated.
        valid_until: The last day its prices hold.
        status: Its status today.
        currency: ISO code of the amounts.
        subtotal: Net of discounts, before tax.
        discount: The discounts taken off.
        tax: The tax.
        total: ``subtotal + tax``.
        tax_by_rate: Tax per rate (percent).
    """

    id: str
    number: str
    revision: int
    customer: str
    company_id: str | None
    person_id: str | None
    owner: str | None
    owner_id: str | None
    issued_on: date
    valid_until: date | None
    status: QuoteStatus
    currency: str
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
    tax_by_rate: dict[Decimal, Decimal]


@dataclass(frozen=True)
class QuoteFilter:
    """What a quote list shows.

    Attributes:
        status: Only quotes with this status today (``expired`` finds sent quotes past their
            valid-until day; ``sent`` leaves them out).
        customer: Only customers whose name (or contact's) contains this text.
        owner_id: Only this user's quotes.
        issued_from: Dated on or after this day.
        issued_to: Dated on or before this day.
        text: The number, the customer, the notes or a line's description contains this.
        company_id: Only this company's quotes.
        person_id: Only this person's quotes (as customer or contact).
        deal_id: Only this deal's quotes.
    """

    status: QuoteStatus | None = None
    customer: str = ""
    owner_id: str | None = None
    issued_from: date | None = None
    issued_to: date | None = None
    text: str = ""
    company_id: str | None = None
    person_id: str | None = None
    deal_id: str | None = None


@dataclass(frozen=True)
class CurrencyTotals:
    """What the quotes of a list add up to in one currency.

    Attributes:
        currency: ISO code.
        count: How many quotes.
        subtotal: Their subtotals (net of discounts, before tax).
        discount: Their discounts.
        tax: Their tax.
        total: Their totals.
    """

    currency: str
    count: int
    subtotal: Decimal
    discount: Decimal
    tax: Decimal
    total: Decimal
