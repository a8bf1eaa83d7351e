"""The product catalogue: adding, editing, archiving and deleting products, and listing them.

Every write is one operation of the change log (Edit > Undo takes it back) and returns a
:class:`ChangeResult` with ``entities={"products"}``. Deleting tombstones a product: quote
lines that name it keep their own copy of its name and price, so old quotes read the same.
Archiving (``active=False``) keeps the product listed under "all" but out of pickers.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_crm.domain.errors import NotFoundError
from desktop_crm.domain.operation_labels import LabelCode, op_label
from desktop_crm.services.common.changes import change_result
from desktop_crm.services.common.dto import ChangeResult
from desktop_crm.services.products.dto import (
    ProductAdded,
    ProductDraft,
    ProductFilter,
    ProductRow,
    ProductSort,
)
from desktop_crm.services.products.listing import catalogue_order, filtered, ordered, row_of
from desktop_crm.services.products.rules import check_code_free, cleaned
from desktop_crm.services.settings.workspace_settings import read_setting
from desktop_crm.store.models import Product
from desktop_crm.store.store import Store
from desktop_crm.store.types import utc_now


class ProductService:
    """Write and read the product catalogue.

    Args:
        store: The workspace's store (the writer's, or the reader's for the list reads).
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    # --- writing ------------------------------------------------------------------------------

    def create(self, draft: ProductDraft) -> ChangeResult:
        """Add a product; ``ids[0]`` of the result is its id.

        Raises:
            ValidationError: The draft is refused (see ``rules.cleaned``) or its code is taken.
        """
        return self._add(draft).change

    def update(self, product_id: str, draft: ProductDraft) -> ChangeResult:
        """Replace a product's values with ``draft``'s (nothing changed: no operation).

        Raises:
            NotFoundError: No live product has this id.
            ValidationError: The draft is refused or its code is another product's.
        """
        values = cleaned(draft)
        label = op_label(LabelCode.EDIT_PRODUCT, name=values["name"])
        with self._store.unit_of_work(label, target_id=product_id) as (session, rec):
            product = _live(session, product_id)
            check_code_free(session, values["sku"], product_id)
            values["currency"] = values["currency"] or product.currency
            for field, value in values.items():
                if getattr(product, field) != value:
                    setattr(product, field, value)
        return change_result(rec, [product_id])

    def archive(self, product_id: str) -> ChangeResult:
        """Take a product off sale: it leaves pickers and the "active" list, and stays on quotes.

        Raises:
            NotFoundError: No live product has this id.
        """
        return self._set_active(product_id, False, LabelCode.ARCHIVE_PRODUCT)

    def unarchive(self, product_id: str) -> ChangeResult:
        """Put an archived product back on sale.

        Raises:
            NotFoundError: No live product has this id.
        """
        return self._set_active(product_id, True, LabelCode.UNARCHIVE_PRODUCT)

    def delete(self, product_id: str) -> ChangeResult:
        """Tombstone a product (undo brings it back; its code is free again meanwhile).

        Raises:
            NotFoundError: No live product has this id.
        """
        with self._store.read() as session:
            name = _live(session, product_id).name
        label = op_label(LabelCode.DELETE_PRODUCT, name=name)
        with self._store.unit_of_work(label, target_id=product_id) as (session, rec):
            _live(session, product_id).deleted_at = utc_now()
        return change_result(rec, [product_id])

    def quick_add(
        self,
        name: str,
        price: Decimal,
        *,
        currency: str | None = None,
        unit: str | None = None,
        tax_rate: Decimal = Decimal(0),
        price_includes_tax: bool = False,
        sku: str | None = None,
        name_alt: str | None = None,
    ) -> ProductAdded:
        """Add a product from a few values (the quote editor's "new product" line).

        Args:
            name: The name.
            price: Unit price, 0 or more.
            currency: ISO code; the workspace's default when not given.
            unit: What one is counted in.
            tax_rate: Percent, 0 to 100.
            price_includes_tax: Whether ``price`` includes tax.
            sku: A code, unique among live products.
            name_alt: The name in the other language.

        Returns:
            The change (for undo and refreshing) and the product as stored.

        Raises:
            ValidationError: As for :meth:`create`.
        """
        return self._add(
            ProductDraft(
                name=name,
                sku=sku,
                name_alt=name_alt,
                unit=unit,
                price=price,
                currency=currency,
                tax_rate=tax_rate,
                price_includes_tax=price_includes_tax,
            )
        )

    # --- reading ------------------------------------------------------------------------------

    def get(self, product_id: str) -> ProductRow:
        """One live product (archived ones too).

        Raises:
            NotFoundError: No live product has this id.
        """
        with self._store.read() as session:
            return row_of(_live(session, product_id))

    def count(self, flt: ProductFilter) -> int:
        """How many products the list shows."""
        query = filtered(flt).with_only_columns(func.count()).order_by(None)
        with self._store.read() as session:
            return int(session.execute(query).scalar_one())

    def page(
        self,
        flt: ProductFilter,
        sort: ProductSort = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 100,
    ) -> list[ProductRow]:
        """Rows ``offset`` to ``offset + limit`` of the list, in display order.

        Raises:
            ValueError: ``sort`` is not a column of the list.
        """
        query = ordered(filtered(flt), sort, descending).offset(offset).limit(limit)
        with self._store.read() as session:
            return [row_of(p) for p in session.scalars(query)]

    def ids(
        self, flt: ProductFilter, sort: ProductSort = "name", descending: bool = False
    ) -> list[str]:
        """The ids of every product of the list, in display order.

        Raises:
            ValueError: ``sort`` is not a column of the list.
        """
        query = ordered(filtered(flt), sort, descending).with_only_columns(Product.id)
        with self._store.read() as session:
            return list(session.scalars(query))

    def rows(self, product_ids: Sequence[str]) -> list[ProductRow]:
        """These live products, in the order given (missing or deleted ones left out)."""
        if not product_ids:
            return []
        with self._store.read() as session:
            found = {
                p.id: row_of(p)
                for p in session.scalars(
                    select(Product).where(
                        Product.id.in_(list(product_ids)), Product.deleted_at.is_(None)
                    )
                )
            }
        return [found[i] for i in product_ids if i in found]

    def catalogue(self, text: str = "", limit: int = 20) -> list[ProductRow]:
        """Products on sale matching ``text``, best first, for a picker.

        The exact code comes first, then codes and names beginning with ``text``, then the
        other matches by name.
        """
        query = catalogue_order(filtered(ProductFilter(text=text)), text).limit(limit)
        with self._store.read() as session:
            return [row_of(p) for p in session.scalars(query)]

    def currencies(self) -> list[str]:
        """Currencies the live products are priced in, the most used first."""
        query = (
            select(Product.currency)
            .where(Product.deleted_at.is_(None))
            .group_by(Product.currency)
            .order_by(func.count().desc(), Product.currency)
        )
        with self._store.read() as session:
            return list(session.scalars(query))

    def default_currency(self) -> str:
        """The workspace's currency: what a new product is priced in unless told."""
        with self._store.read() as session:
            return str(read_setting(session, "currency.default"))

    # --- inside -------------------------------------------------------------------------------

    def _add(self, draft: ProductDraft) -> ProductAdded:
        values = cleaned(draft)
        with self._store.unit_of_work(op_label(LabelCode.ADD_PRODUCT, name=values["name"])) as (
            session,
            rec,
        ):
            check_code_free(session, values["sku"])
            values["currency"] = values["currency"] or str(
                read_setting(session, "currency.default")
            )
            product = Product(**values)
            session.add(product)
            session.flush()
            row = row_of(product)
        return ProductAdded(change_result(rec, [row.id]), row)

    def _set_active(self, product_id: str, active: bool, code: LabelCode) -> ChangeResult:
        with self._store.read() as session:
            name = _live(session, product_id).name
        with self._store.unit_of_work(op_label(code, name=name), target_id=product_id) as (
            session,
            rec,
        ):
            product = _live(session, product_id)
            if product.active != active:
                product.active = active
        return change_result(rec, [product_id])


def _live(session: Session, product_id: str) -> Product:
    product = session.get(Product, product_id)
    if product is None or product.deleted_at is not None:
        raise NotFoundError(f"There is no product {product_id}.", id=product_id)
    return product
