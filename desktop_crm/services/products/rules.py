"""What a product may be: a draft checked and cleaned, and its code checked against the others.

Every write of a product through :class:`~desktop_crm.services.products.service.ProductService`
passes here, so the editor, quick add and later callers refuse the same things with the same
errors. A refusal is a :class:`ValidationError` whose ``params`` name the ``field``, the
``problem`` (a :data:`~desktop_crm.services.products.dto.ProductProblem`) and the ``value`` as
given, so the UI can say it in the user's language.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.currency import is_known
from desktop_crm.domain.errors import ValidationError
from desktop_crm.domain.text import normalize
from desktop_crm.services.products.dto import ProductDraft, ProductField, ProductProblem
from desktop_crm.store.models import Product

PLACES = 4  # what the file keeps (ten-thousandths); more would be rounded away unseen
_STORED = Decimal(1).scaleb(-PLACES)
MAX_PRICE = Decimal(10) ** 12  # far above any price, far below what the integer column holds
_LENGTHS = {"sku": 100, "name": 300, "name_alt": 300, "unit": 30}


def cleaned(draft: ProductDraft) -> dict[str, Any]:
    """The draft's values as stored: text stripped (blank is ``None``), numbers checked.

    ``currency`` stays ``None`` when the draft names none (the caller takes the workspace's).

    Raises:
        ValidationError: No name; a price below 0, above :data:`MAX_PRICE` or with more than
            four decimal places; a tax rate outside 0-100; an unknown currency.
    """
    name = _text(draft.name, "name")
    if not name:
        raise _invalid("name", "required", "", "A product needs a name.")
    currency = (draft.currency or "").strip().upper() or None
    if currency is not None and not is_known(currency):
        raise _invalid(
            "currency",
            "unknown",
            draft.currency or "",
            f"“{draft.currency}” is not a currency code (CNY, USD, EUR…).",
        )
    return {
        "sku": _text(draft.sku, "sku"),
        "name": name,
        "name_alt": _text(draft.name_alt, "name_alt"),
        "unit": _text(draft.unit, "unit"),
        "description": (draft.description or "").strip() or None,
        "price": _price(draft.price),
        "currency": currency,
        "tax_rate": _tax_rate(draft.tax_rate),
        "price_includes_tax": bool(draft.price_includes_tax),
        "active": bool(draft.active),
    }


def check_code_free(session: Session, sku: str | None, product_id: str | None = None) -> None:
    """Refuse ``sku`` when another live product has it, ignoring case and width.

    Raises:
        ValidationError: The code is taken (``params['taken_by']`` names that product).
    """
    if sku is None:
        return
    # crm_norm folds case and width as search does: "ab-01" and "ＡＢ-01" are one code to a
    # reader, so they are one code here, stricter than the file's ASCII-only unique index.
    query = select(Product.id, Product.name).where(
        Product.deleted_at.is_(None),
        Product.sku.is_not(None),
        func.crm_norm(Product.sku) == normalize(sku),
    )
    if product_id is not None:
        query = query.where(Product.id != product_id)
    taken = session.execute(query.limit(1)).first()
    if taken is not None:
        raise _invalid(
            "sku",
            "taken",
            sku,
            f"The code “{sku}” is already used by “{taken.name}”.",
            taken_by=taken.name,
        )


def _text(value: str | None, field: str) -> str | None:
    text = " ".join((value or "").split())  # one line, as lists and quote lines show it
    return text[: _LENGTHS[field]] or None


def _price(value: Decimal | int) -> Decimal:
    price = _decimal(value, "price")
    if price < 0:
        raise _invalid("price", "negative", str(value), "A price cannot be below 0.")
    if price > MAX_PRICE:
        raise _invalid("price", "too_large", str(value), f"A price of {value} is too large.")
    return price


def _tax_rate(value: Decimal | int) -> Decimal:
    rate = _decimal(value, "tax_rate")
    if not 0 <= rate <= 100:
        raise _invalid(
            "tax_rate", "range", str(value), f"A tax rate is 0 to 100 percent, not {value}."
        )
    return rate


def _decimal(value: Decimal | int, field: ProductField) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, Decimal | int):
        # Money is never a float: 0.1 is not exactly 0.1.
        raise TypeError(f"{field} must be a Decimal, not {type(value).__name__}")
    number = Decimal(value)
    if not number.is_finite():
        raise _invalid(field, "range", str(value), f"{value} is not a number.")
    exponent = number.normalize().as_tuple().exponent
    if isinstance(exponent, int) and exponent < -PLACES:
        raise _invalid(
            field, "places", str(value), f"{value} has more than {PLACES} decimal places."
        )
    return number.quantize(_STORED)  # as the file gives it back: rows compare equal


def _invalid(
    field: ProductField, problem: ProductProblem, value: str, message: str, **params: Any
) -> ValidationError:
    return ValidationError(message, field=field, problem=problem, value=value, **params)
