"""Product values as typed and as shown: prices and rates read from text, and words for problems.

Prices are typed as text and read into a ``Decimal`` here (a spin box would hold a float);
what the service refuses comes back as a code (``params['field']`` and ``params['problem']``),
worded here in the user's language.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from desktop_crm.domain.errors import ValidationError
from desktop_crm.services.products.dto import ProductRow
from ui.amounts import money_text
from ui.text_fill import fill
from ui.translation_context import TranslationContext

_SIGNS = re.compile(r"^[^\d+\-.]+|[^\d.%]+$")  # ¥ HK$ before, 元 after
_GROUPING = re.compile(r"[,\s'_]")


class ProductValues(TranslationContext):
    """The translation context of product values and problems."""


def parse_number(text: str) -> Decimal:
    """A price or rate as typed: "8,000", "¥3,200.50", "１２.５", "6%" (percent sign dropped).

    Raises:
        ValueError: Not a number; its message is the user's, translated.
    """
    raw = unicodedata.normalize("NFKC", text).strip()
    raw = _GROUPING.sub("", _SIGNS.sub("", raw)).removesuffix("%")
    try:
        number = Decimal(raw)
    except InvalidOperation:
        number = Decimal("NaN")
    if not raw or not number.is_finite():
        raise ValueError(fill(ProductValues.tr("“%1” is not a number."), text.strip()))
    return number


def plain_number(value: Decimal) -> str:
    """``value`` without trailing zeros (6.0000 → "6", 3200.5000 → "3200.5") for editing."""
    if value == value.to_integral_value():
        return str(value.quantize(Decimal(1)))
    return format(value.normalize(), "f")


def price_text(row: ProductRow) -> str:
    """The unit price with its currency's sign: "¥8,000.00"."""
    return money_text(row.price, row.currency)


def rate_text(rate: Decimal) -> str:
    """A tax rate as shown: "6%"."""
    return plain_number(rate) + "%"


def problem_text(exc: ValidationError) -> str:
    """What the service refused, in the user's language (its English message if unknown)."""
    field, problem = exc.params.get("field"), exc.params.get("problem")
    value = str(exc.params.get("value", ""))
    if problem == "number":  # read in the UI (parse_number): its message is translated
        return exc.message
    if field == "name":
        return ProductValues.tr("A product needs a name.")
    if field == "sku" and problem == "taken":
        return fill(
            ProductValues.tr("The code “%1” is already used by “%2”."),
            value,
            str(exc.params.get("taken_by", "")),
        )
    if field == "currency":
        return fill(ProductValues.tr("“%1” is not a currency code (CNY, USD, EUR…)."), value)
    if problem == "places":
        return fill(ProductValues.tr("%1 has more than 4 decimal places."), value)
    if field == "price" and problem == "negative":
        return ProductValues.tr("A price cannot be below 0.")
    if field == "price":
        return fill(ProductValues.tr("A price of %1 is too large."), value)
    if field == "tax_rate":
        return fill(ProductValues.tr("A tax rate is 0 to 100 percent, not %1."), value)
    return exc.message
