"""What a quote sheet's rows are matched with: customers, catalogue products, quote numbers.

Customers are found by name the way every import finds companies (case, width and spaces
ignored, the oldest of a name), then among people by the same key; they are never made here
(see ``quote_rows``). Products are found by their code, ignoring case, among live products.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop_crm.domain.contact_values import company_key
from desktop_crm.services.contacts.contact_rules import live_companies
from desktop_crm.store.models import Person, Product, Quote


@dataclass(frozen=True)
class Customer:
    """A quote's customer: a company, or a person.

    Attributes:
        company_id: The company, when the name is a company's.
        person_id: The person, when the name is no company's but one person's.
    """

    company_id: str | None = None
    person_id: str | None = None


@dataclass(frozen=True)
class CatalogueItem:
    """What a quote line takes from the catalogue when its row leaves it empty.

    Attributes:
        id: The product.
        name: Its name (the line's description).
        unit: Its unit.
        price: Its unit price.
        tax_rate: Its tax rate, percent.
        price_includes_tax: Whether its price includes the tax.
    """

    id: str
    name: str
    unit: str | None
    price: Decimal
    tax_rate: Decimal
    price_includes_tax: bool


class CustomerLookup:
    """Live companies and people by name, as they were before the import."""

    def __init__(self, session: Session) -> None:
        self.companies = live_companies(session)
        self.people: dict[str, list[str]] = {}
        for pid, name in session.execute(
            select(Person.id, Person.name)
            .where(Person.deleted_at.is_(None))
            .order_by(Person.created_at, Person.id)
        ):
            self.people.setdefault(company_key(name), []).append(pid)

    def find(self, name: str) -> Customer | str:
        """The customer named ``name``, or why there is none to take."""
        key = company_key(name)
        company = self.companies.get(key)
        if company is not None:
            return Customer(company_id=company)
        people = self.people.get(key, [])
        if len(people) == 1:
            return Customer(person_id=people[0])
        if people:
            return f"{len(people)} people have this name; use their company's name"
        # Not made here: a typo would become a second company holding real money; the
        # customers of a migration come in first (import the companies, then the quotes).
        return "no company or person of this name; import your customers first"


def catalogue(session: Session) -> dict[str, CatalogueItem]:
    """Live products by code (casefolded)."""
    return {
        sku.strip().casefold(): CatalogueItem(
            pid, name, unit, price, tax_rate, bool(price_includes_tax)
        )
        for pid, sku, name, unit, price, tax_rate, price_includes_tax in session.execute(
            select(
                Product.id,
                Product.sku,
                Product.name,
                Product.unit,
                Product.price,
                Product.tax_rate,
                Product.price_includes_tax,
            ).where(Product.deleted_at.is_(None), Product.sku.is_not(None))
        )
        if sku and sku.strip()
    }


def live_quote_numbers(session: Session) -> set[str]:
    """The numbers of live quotes, as ``number_key`` compares them.

    Tombstoned numbers are free: an undone import can be imported again.
    """
    return {
        number_key(n)
        for n in session.scalars(select(Quote.number).where(Quote.deleted_at.is_(None)))
    }


def number_key(number: str) -> str:
    """A document number as compared: spaces around it and case ignored."""
    return number.strip().casefold()
