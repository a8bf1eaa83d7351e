"""What the contracts services take and return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from desktop_crm.domain.choices import Language
from desktop_crm.domain.quote_totals import QuoteTotals, TaxRounding
from desktop_crm.domain.vocab import ContractStatus

ZERO = Decimal(0)


@dataclass(frozen=True)
class InstalmentDraft:
    """One instalment of a plan as the user gives it.

    Attributes:
        due_on: The day it is due.
        value: A percentage of the contract's total (``percent``) or an amount.
        percent: Whether ``value`` is a share of the total.
        note: A word on what it is for (deposit, on delivery…).
    """

    due_on: date
    value: Decimal
    percent: bool = False
    note: str | None = None


@dataclass(frozen=True)
class PlanDraft:
    """A payment plan as the user gives it: percentages or amounts, not mixed.

    Attributes:
        instalments: The instalments, in any order (they are kept in due order).
    """

    instalments: tuple[InstalmentDraft, ...]


@dataclass(frozen=True)
class PaymentDraft:
    """Money received (回款), new or changed.

    Attributes:
        amount: What was received, more than zero.
        paid_on: The day it arrived.
        plan_id: The instalment it pays; ``None``: it settles the oldest unpaid instalments.
        method: How it was paid (bank transfer, cash…).
        reference: The bank's or the customer's reference.
        note: Free text.
    """

    amount: Decimal
    paid_on: date
    plan_id: str | None = None
    method: str | None = None
    reference: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class ContractChanges:
    """New values of a contract's own fields; ``None`` leaves a field as it is.

    Text fields given as ``""`` are cleared (the title excepted: it cannot be empty).

    Attributes:
        title: What the contract is about.
        status: draft, active, completed or terminated.
        signed_on: The day it was signed.
        starts_on: The first day it runs.
        ends_on: The last day it runs.
        owner_id: The user in charge.
        notes: Free text.
        terms: Terms and conditions printed on it.
        language: The language its documents print in.
        template: The template it prints with.
    """

    title: str | None = None
    status: ContractStatus | None = None
    signed_on: date | None = None
    starts_on: date | None = None
    ends_on: date | None = None
    owner_id: str | None = None
    notes: str | None = None
    terms: str | None = None
    language: Language | None = None
    template: str | None = None


@dataclass(frozen=True)
class ContractLine:
    """A line of the quote revision a contract carries.

    Attributes:
        kind: ``item`` or ``section`` (a heading: only ``description`` counts).
        description: What is sold.
        quantity: How many.
        unit: The unit of ``quantity``.
        unit_price: Price of one, as entered (net or including tax).
        price_includes_tax: Whether ``unit_price`` includes tax (含税).
        discount: A percentage when ``discount_is_percent``, else an amount off the line.
        discount_is_percent: How to read ``discount``.
        tax_rate: Percent.
        optional: Offered but not counted in the totals.
        code: The product code, if any.
        amount: The line's priced amount (``None`` for a section).
    """

    kind: str
    description: str
    quantity: Decimal
    unit: str | None
    unit_price: Decimal
    price_includes_tax: bool
    discount: Decimal
    discount_is_percent: bool
    tax_rate: Decimal
    optional: bool
    code: str | None
    amount: Decimal | None


@dataclass(frozen=True)
class InstalmentState:
    """An instalment and where it stands on a day.

    Attributes:
        id: The plan row's id (what a payment is recorded against).
        position: 1-based, in due order.
        due_on: The day it is due.
        amount: What is due.
        percent: Its share of the total, when planned as one.
        note: What it is for.
        paid: What has been received against it (its own payments, then the unassigned ones
            settling the oldest instalments first).
        outstanding: ``amount - paid``.
        overdue: ``outstanding`` when it was due before the day asked about, else zero.
    """

    id: str
    position: int
    due_on: date
    amount: Decimal
    percent: Decimal | None
    note: str | None
    paid: Decimal
    outstanding: Decimal
    overdue: Decimal


@dataclass(frozen=True)
class PaymentRow:
    """A payment received.

    Attributes:
        id: The payment's id.
        paid_on: The day it arrived.
        amount: What was received.
        plan_id: The instalment it was recorded against, if any.
        method: How it was paid.
        reference: A reference.
        note: Free text.
    """

    id: str
    paid_on: date
    amount: Decimal
    plan_id: str | None
    method: str | None
    reference: str | None
    note: str | None


@dataclass(frozen=True)
class Balance:
    """What a contract (or a customer's contracts) comes to on a day, in one currency.

    Attributes:
        total: What is owed in all.
        paid: What has been received.
        outstanding: What is still to be received (never below zero).
        overdue: The unpaid part of instalments due before the day.
    """

    total: Decimal = ZERO
    paid: Decimal = ZERO
    outstanding: Decimal = ZERO
    overdue: Decimal = ZERO


@dataclass(frozen=True)
class ContractDetail:
    """A contract with everything its screen and its PDF show.

    Attributes:
        id: The contract's id.
        number: Its number.
        title: What it is about.
        status: draft, active, completed or terminated.
        quote_id: The quote it was made from.
        quote_number: That quote's number.
        quote_revision: The revision of the quote whose lines it carries.
        customer: The customer's name (the company, else the person).
        company_id: The customer company.
        person_id: The customer person (the contact when there is a company).
        deal_id: The deal it closes.
        owner_id: The user in charge.
        owner: That user's name.
        signed_on: The day it was signed.
        starts_on: The first day it runs.
        ends_on: The last day it runs.
        currency: ISO code of every amount.
        language: The language its documents print in.
        template: The template it prints with.
        notes: Free text.
        terms: Terms and conditions.
        lines: The lines of the carried quote revision.
        totals: What those lines add up to.
        instalments: The payment plan on ``today``.
        payments: Payments received, oldest first.
        balance: Total, paid, outstanding and overdue on ``today``.
        today: The day the figures are as of.
        tax_rounding: The rule its lines are priced with: the one it was made with.
    """

    id: str
    number: str
    title: str
    status: ContractStatus
    quote_id: str | None
    quote_number: str | None
    quote_revision: int | None
    customer: str
    company_id: str | None
    person_id: str | None
    deal_id: str | None
    owner_id: str | None
    owner: str | None
    signed_on: date | None
    starts_on: date | None
    ends_on: date | None
    currency: str
    language: Language | None
    template: str | None
    notes: str
    terms: str
    lines: tuple[ContractLine, ...]
    totals: QuoteTotals | None
    instalments: tuple[InstalmentState, ...]
    payments: tuple[PaymentRow, ...]
    balance: Balance
    today: date
    tax_rounding: TaxRounding = TaxRounding.PER_LINE


@dataclass(frozen=True)
class ContractFilter:
    """What a contract list shows.

    Attributes:
        status: Only contracts with this status.
        customer: Text found in the customer's name, the contract's number or its title.
        owner_id: Only this user's contracts.
        signed_from: Signed (or, unsigned, starting) on or after this day.
        signed_to: Signed (or, unsigned, starting) on or before this day.
        company_id: Only this company's contracts.
        person_id: Only this person's contracts.
        has_overdue: Only contracts with an overdue instalment.
    """

    status: ContractStatus | None = None
    customer: str = ""
    owner_id: str | None = None
    signed_from: date | None = None
    signed_to: date | None = None
    company_id: str | None = None
    person_id: str | None = None
    has_overdue: bool = False


@dataclass(frozen=True)
class ContractRow:
    """One row of a contract list.

    Attributes:
        id: The contract's id.
        number: Its number.
        title: What it is about.
        quote: The number of the quote it was made from.
        customer: The customer's name.
        owner: The user in charge.
        signed_on: The day it was signed.
        starts_on: The day it starts.
        currency: ISO code of the amounts.
        total: What is owed in all.
        paid: What has been received.
        outstanding: What is still to be received.
        overdue: The unpaid part of instalments past due.
        status: draft, active, completed or terminated.
        next_due: The due day of the oldest instalment not fully paid.
    """

    id: str
    number: str
    title: str
    quote: str | None
    customer: str
    owner: str | None
    signed_on: date | None
    starts_on: date | None
    currency: str
    total: Decimal
    paid: Decimal
    outstanding: Decimal
    overdue: Decimal
    status: ContractStatus
    next_due: date | None


@dataclass(frozen=True)
class ContractList:
    """A filtered contract list: its size, and the ids when the filter had to compute them.

    Attributes:
        count: Rows in the list.
        ids: Contract ids in list order when ``has_overdue`` was asked for (the figures
            decide); ``None`` when rows come by page (:meth:`ContractService.page`).
    """

    count: int
    ids: tuple[str, ...] | None


@dataclass(frozen=True)
class CustomerBalance:
    """A customer's contracts summed up in one currency.

    Attributes:
        company_id: The customer company.
        person_id: The customer person (when there is no company).
        customer: The customer's name.
        currency: The currency of the sums (currencies are never added together).
        contracts: How many contracts.
        balance: Total, paid, outstanding and overdue.
    """

    company_id: str | None
    person_id: str | None
    customer: str
    currency: str
    contracts: int
    balance: Balance


@dataclass(frozen=True)
class OverdueInstalment:
    """An instalment past due and not fully paid, as Today lists it.

    Attributes:
        contract_id: The contract's id.
        contract_number: Its number.
        customer: The customer's name.
        due_on: The day it was due.
        unpaid: What is still owed of it.
        currency: ISO code of ``unpaid``.
        days_overdue: Days since ``due_on``.
    """

    contract_id: str
    contract_number: str
    customer: str
    due_on: date
    unpaid: Decimal
    currency: str
    days_overdue: int
