"""What the product services take and return: plain frozen values, never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Literal, get_args

from desktop_crm.services.common.dto import ChangeResult

ProductSort = Literal[
    "sku",
    "name",
    "name_alt",
    "unit",
    "price",
    "currency",
    "tax_rate",
    "price_includes_tax",
    "active",
    "updated_at",
]
"""Columns a product list can be sorted by."""
SORT_KEYS: tuple[ProductSort, ...] = get_args(ProductSort)

ProductField = Literal["name", "sku", "price", "currency", "tax_rate"]
"""Fields a :class:`ValidationError` of a product names in ``params['field']``."""
ProductProblem = Literal["required", "taken", "negative", "too_large", "places", "range", "unknown"]
"""What is wrong with the field, in ``params['problem']`` (the UI words it from this code)."""


@dataclass(frozen=True)
class ProductFilter:
    """What a product list shows.

    Attributes:
        text: Words that must each appear in the code, name, second name or description
            (case and width ignored; Chinese names also match their pinyin).
        active_only: Only products on sale (archived ones left out).
        currency: Only products priced in this currency.
    """

    text: str = ""
    active_only: bool = True
    currency: str | None = None


@dataclass(frozen=True)
class ProductDraft:
    """A product as the editor (or a quick add) hands it to the service.

    Attributes:
        name: The name (required).
        sku: The code, unique among live products ignoring case (``None`` or blank: none).
        name_alt: The name in the other language (英文名称 for a Chinese catalogue).
        unit: What one is counted in (项, 套, hour).
        price: Unit price, 0 or more, at most four decimal places.
        currency: ISO code; ``None`` takes the workspace's default currency.
        tax_rate: Percent, 0 to 100 (6 means 6 %).
        price_includes_tax: Whether ``price`` is a tax-inclusive price (含税价).
        description: Free text printed under the name on quotes.
        active: On sale; archived products stay on old quotes but leave pickers.
    """

    name: str
    sku: str | None = None
    name_alt: str | None = None
    unit: str | None = None
    price: Decimal = Decimal(0)
    currency: str | None = None
    tax_rate: Decimal = Decimal(0)
    price_includes_tax: bool = False
    description: str | None = None
    active: bool = True


@dataclass(frozen=True)
class ProductRow:
    """One product of the catalogue.

    Attributes:
        id: The product's global id.
        sku: Its code, if any.
        name: Its name.
        name_alt: Its name in the other language, if any.
        unit: What one is counted in, if said.
        price: Unit price (four decimal places, as stored).
        currency: ISO code of the price.
        tax_rate: Percent.
        price_includes_tax: Whether the price includes tax (含税价).
        description: Free text, if any.
        active: On sale.
        updated_at: When it last changed.
    """

    id: str
    sku: str | None
    name: str
    name_alt: str | None
    unit: str | None
    price: Decimal
    currency: str
    tax_rate: Decimal
    price_includes_tax: bool
    description: str | None
    active: bool
    updated_at: datetime

    def draft(self) -> ProductDraft:
        """This product's values as a draft, to change some and save with ``update``."""
        return ProductDraft(
            name=self.name,
            sku=self.sku,
            name_alt=self.name_alt,
            unit=self.unit,
            price=self.price,
            currency=self.currency,
            tax_rate=self.tax_rate,
            price_includes_tax=self.price_includes_tax,
            description=self.description,
            active=self.active,
        )


@dataclass(frozen=True)
class ProductAdded:
    """What a quick add made: the change (for undo and refreshing) and the new product.

    Attributes:
        change: The operation (``entities={"products"}``, ``ids`` the new product's).
        product: The product as stored.
    """

    change: ChangeResult
    product: ProductRow
