"""Checking a quote draft and writing it onto the stored quote and its lines.

The checks come before anything is written, each failure one sentence naming the field or the
line; the lines are priced here too, so a discount larger than its line is refused on save,
never found later on a list or a page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.choices import Language
from desktop_crm.domain.currency import is_known
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.quote_totals import TaxRounding
from desktop_crm.domain.text import has_cjk
from desktop_crm.services.quotes.dto import LineDraft, QuoteDraft
from desktop_crm.services.quotes.pricing import SECTION, price_drafts
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Company, Deal, Person, Product, Quote, QuoteLine, User
from desktop_crm.store.types import utc_now

DESCRIPTION_LENGTH = 500
UNIT_LENGTH = 30
PLACES = Decimal("0.0001")  # lines are stored as ten-thousandths (store.types.ExactDecimal)
# Far below what the store's integers hold (about 9.2 × 10^14), so a quote's sum fits too.
LIMIT = Decimal(10) ** 12
_NUMBERS = (
    ("quantity", "quantity"),
    ("unit_price", "unit price"),
    ("discount", "discount"),
    ("tax_rate", "tax rate"),
)


def checked_draft(
    session: Session, draft: QuoteDraft, rounding: TaxRounding, today: date
) -> QuoteDraft:
    """``draft`` checked and completed: currency, day, language and product ids filled in.

    Raises:
        ValidationError: No customer, a record it names is missing, a bad currency,
            language or day, or a line that cannot be priced (``params['line']``).
    """
    if draft.company_id is None and draft.person_id is None:
        raise ValidationError("A quote needs a customer: a company or a person.", field="customer")
    _need(
        session, Company, draft.company_id, "The customer company no longer exists.", "company_id"
    )
    _need(session, Person, draft.person_id, "The customer person no longer exists.", "person_id")
    _need(session, Deal, draft.deal_id, "The quote's deal no longer exists.", "deal_id")
    _need(session, User, draft.owner_id, "The quote's owner is not a user here.", "owner_id")
    currency = (draft.currency or read_setting(session, "currency.default") or "CNY").strip()
    currency = currency.upper()
    if not is_known(currency):
        raise ValidationError(
            f"“{draft.currency}” is not a currency code (such as CNY, USD or JPY).",
            field="currency",
        )
    issued_on = draft.issued_on or today
    if draft.valid_until is not None and draft.valid_until < issued_on:
        raise ValidationError(
            "The quote cannot be valid until a day before it is issued.", field="valid_until"
        )
    if draft.language not in (None, "en", "zh"):
        raise ValidationError(
            f"“{draft.language}” is not a document language (en or zh).", field="language"
        )
    lines = tuple(_checked_line(session, line, n) for n, line in enumerate(draft.lines, 1))
    price_drafts(lines, currency, rounding)  # refuses negative lines, naming them
    language = draft.language or customer_language(session, draft.company_id, draft.person_id)
    return replace(
        draft,
        currency=currency,
        issued_on=issued_on,
        language=language,
        notes=draft.notes.strip(),
        terms=draft.terms.strip(),
        lines=lines,
    )


def customer_language(session: Session, company_id: str | None, person_id: str | None) -> Language:
    """The documents' language a customer gets: ``zh`` for a name with Chinese, else ``en``."""
    name, _contact = customer_names(session, company_id, person_id)
    return "zh" if has_cjk(name) else "en"


def customer_names(
    session: Session, company_id: str | None, person_id: str | None
) -> tuple[str, str | None]:
    """``(customer, contact)``: the company's name (else the person's) and the contact's."""
    company = session.get(Company, company_id) if company_id else None
    person = session.get(Person, person_id) if person_id else None
    if company is not None:
        return company.name, person.name if person is not None else None
    return (person.name if person is not None else ""), None


def write_header(quote: Quote, draft: QuoteDraft) -> None:
    """Set ``quote``'s header fields from a checked draft (only those that changed log)."""
    values = {
        "company_id": draft.company_id,
        "person_id": draft.person_id,
        "deal_id": draft.deal_id,
        "owner_id": draft.owner_id,
        "issued_on": draft.issued_on,
        "valid_until": draft.valid_until,
        "currency": draft.currency,
        "language": draft.language,
        "template": draft.template,
        "notes": draft.notes or None,
        "terms": draft.terms or None,
    }
    for field, value in values.items():
        if getattr(quote, field) != value:
            setattr(quote, field, value)


def write_lines(session: Session, quote_id: str, lines: Sequence[LineDraft]) -> None:
    """Make ``quote_id``'s live lines ``lines``: rows reused in order, extra ones tombstoned.

    Reusing rows keeps an edit's log to the fields that changed (one line's price, not every
    line recreated), which is also what undo reverts.
    """
    rows = list(
        session.scalars(
            select(QuoteLine)
            .where(QuoteLine.quote_id == quote_id, QuoteLine.deleted_at.is_(None))
            .order_by(QuoteLine.position, QuoteLine.created_at)
        )
    )
    now = utc_now()
    for position, line in enumerate(lines):
        row = rows[position] if position < len(rows) else None
        if row is None:
            row = QuoteLine(quote_id=quote_id)
            session.add(row)
        values = {
            "kind": line.kind,
            "description": line.description,
            "product_id": line.product_id,
            "quantity": line.quantity,
            "unit": line.unit,
            "unit_price": line.unit_price,
            "discount": line.discount,
            "discount_is_percent": line.discount_is_percent,
            "tax_rate": line.tax_rate,
            "price_includes_tax": line.price_includes_tax,
            "optional": line.optional,
            "position": position,
        }
        for field, value in values.items():
            if getattr(row, field, None) != value:
                setattr(row, field, value)
    for row in rows[len(lines) :]:
        row.deleted_at = now


def product_codes(session: Session, product_ids: set[str]) -> dict[str, str]:
    """Codes (SKUs) of these products, tombstoned ones included, by id."""
    ids = [x for x in product_ids if x]
    if not ids:
        return {}
    rows = session.execute(select(Product.id, Product.sku).where(Product.id.in_(ids)))
    return {pid: sku for pid, sku in rows if sku}


def _checked_line(session: Session, line: LineDraft, position: int) -> LineDraft:
    if line.kind not in ("item", SECTION):
        raise ValidationError(
            f"line {position}: “{line.kind}” is not a kind of line (item or section).",
            field="kind",
            line=position,
        )
    description = line.description.strip()
    product_id = line.product_id
    code = (line.code or "").strip() or None
    product: Product | None = None
    if line.kind == "item":
        if product_id is not None:
            product = session.get(Product, product_id)
            if product is None:
                raise ValidationError(
                    f"line {position}: its product does not exist.", field="product", line=position
                )
        elif code is not None:
            product = session.scalars(
                select(Product).where(
                    func.lower(Product.sku) == code.lower(), Product.deleted_at.is_(None)
                )
            ).first()
            if product is None:
                raise ValidationError(
                    f"line {position}: no product has the code “{code}”.",
                    field="code",
                    line=position,
                )
            product_id = product.id
        if not description and product is not None:
            description = product.name
    if not description:
        raise ValidationError(
            f"line {position}: the line has no description.", field="description", line=position
        )
    if len(description) > DESCRIPTION_LENGTH:
        raise ValidationError(
            f"line {position}: the description is longer than {DESCRIPTION_LENGTH} characters.",
            field="description",
            line=position,
        )
    unit = (line.unit or "").strip() or None
    if unit is not None and len(unit) > UNIT_LENGTH:
        raise ValidationError(
            f"line {position}: the unit is longer than {UNIT_LENGTH} characters.",
            field="unit",
            line=position,
        )
    if line.kind == SECTION:
        return LineDraft(kind="section", description=description)
    _check_numbers(line, position)
    return replace(
        line,
        description=description,
        product_id=product_id,
        code=product.sku if product is not None else None,
        unit=unit,
    )


def _check_numbers(line: LineDraft, position: int) -> None:
    """Refuse numbers the store would change or could not hold, naming the line and field.

    Raises:
        ValidationError: Not a number, 10^12 or more, more than four decimal places, a tax
            rate above 100, or a line whose quantity times price reaches 10^12.
    """
    for field, label in _NUMBERS:
        value: Decimal = getattr(line, field)
        if not value.is_finite():
            raise ValidationError(
                f"line {position}: the {label} is not a number.", field=field, line=position
            )
        if abs(value) >= LIMIT:
            raise ValidationError(
                f"line {position}: the {label} is too large (it must be under {LIMIT:,}).",
                field=field,
                line=position,
            )
        if value != value.quantize(PLACES):
            raise ValidationError(
                f"line {position}: the {label} {value} has more than 4 decimal places.",
                field=field,
                line=position,
            )
    if line.tax_rate > 100:  # a negative one is refused by pricing
        raise ValidationError(
            f"line {position}: the tax rate {line.tax_rate}% is above 100%.",
            field="tax_rate",
            line=position,
        )
    if abs(line.quantity * line.unit_price) >= LIMIT:
        raise ValidationError(
            f"line {position}: the line comes to {line.quantity * line.unit_price:,}, too large "
            f"to store (a line must come to under {LIMIT:,}).",
            field="unit_price",
            line=position,
        )


def _need(session: Session, model: type, record_id: str | None, message: str, field: str) -> None:
    if record_id is None:
        return
    row = session.get(model, record_id)
    if row is None or getattr(row, "deleted_at", None) is not None:
        raise ValidationError(message, field=field)
